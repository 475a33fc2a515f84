package org.baomi.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs the offline verifier exactly as shipped (tools/verifier/BaomiEvidenceVerifier.java, issue 8 item 8): the
 * source is compiled once per test run against the test class path (BouncyCastle) and its {@code run} entry point
 * called as the command line would.
 */
public final class OfflineVerifier {

    private static Method run;

    /** What the verifier printed, and its exit status. */
    public record Outcome(int status, String output) {
        public boolean verified() {
            return status == 0 && output.contains("VERDICT: VERIFIED");
        }
    }

    private OfflineVerifier() {
    }

    public static Outcome verify(Path file, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = file.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            int status = (int) entryPoint().invoke(null, args, new PrintStream(printed, true, StandardCharsets.UTF_8));
            return new Outcome(status, printed.toString(StandardCharsets.UTF_8));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Outcome verify(byte[] content, String suffix, Path dir, String... options) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "package", suffix);
            Files.write(file, content);
            return verify(file, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Method entryPoint() {
        if (run == null) {
            try {
                Path out = Files.createDirectories(Path.of("target", "offline-verifier"));
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                int status = javac.run(null, null, null, "-d", out.toString(), "-cp",
                        System.getProperty("java.class.path"), "-proc:none",
                        Path.of("tools", "verifier", "BaomiEvidenceVerifier.java").toString());
                if (status != 0) {
                    throw new IllegalStateException("tools/verifier/BaomiEvidenceVerifier.java does not compile");
                }
                URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                        OfflineVerifier.class.getClassLoader());
                run = loader.loadClass("BaomiEvidenceVerifier").getMethod("run", String[].class, PrintStream.class);
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return run;
    }

    /** The file names inside a zip, for checks on its layout. */
    public static List<String> names(byte[] zip) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            List<String> names = new java.util.ArrayList<>();
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
