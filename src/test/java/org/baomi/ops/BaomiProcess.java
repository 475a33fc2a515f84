package org.baomi.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged Baomi jar run as a separate operating-system process, the way it runs in production, with its
 * embedded PostgreSQL in a data directory of the test's choosing.
 */
final class BaomiProcess {

    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int httpPort;
    private final Path dataDir;
    private final Path log;

    private BaomiProcess(Process process, int httpPort, Path dataDir, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** The jar that {@code package} built (not the {@code .original} one without dependencies). */
    static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("baomi-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No target/baomi-*.jar: these tests run in 'verify', after 'package'"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code java -jar} with the given ports and directories; output goes to {@code log}. */
    static BaomiProcess start(Path jar, int httpPort, int databasePort, Path dataDir, Path keysDir, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--baomi.embedded-db.data-dir=" + dataDir.toAbsolutePath(),
                "--baomi.embedded-db.port=" + databasePort,
                "--baomi.keys-dir=" + keysDir.toAbsolutePath(),
                // AUD-3: the anchors belong with this run's database, not in the working directory's ./data/anchors
                "--baomi.audit.anchor-dir=" + keysDir.toAbsolutePath().resolveSibling("anchors"),
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new BaomiProcess(process, httpPort, dataDir, log);
    }

    /** Waits until {@code /actuator/health/readiness} says UP; fails early if the process ends. */
    void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READINESS_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Baomi exited with " + process.exitValue() + " before it was ready:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            // Wait half a second, or less if the process ends meanwhile.
            try {
                process.onExit().get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // poll again
            }
        }
        throw new IllegalStateException("Baomi was not ready within " + READINESS_TIMEOUT + ":\n" + logTail());
    }

    int httpPort() {
        return httpPort;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGKILL on Linux: no shutdown hook runs, the JVM vanishes at once. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The JVM survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM: Spring's graceful shutdown, which also stops the embedded PostgreSQL. */
    boolean stopGracefully(Duration wait) throws InterruptedException {
        process.destroy();
        if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return false;
    }

    /** The live PostgreSQL server named by {@code postmaster.pid} in the data directory, if any. */
    Optional<ProcessHandle> postmaster() {
        return postmasterOf(dataDir);
    }

    /**
     * Whatever happened in a test, no Baomi and no PostgreSQL of it is left running: stops the processes (in the order
     * given, nulls ignored), then an orphaned postmaster on the data directory, and removes a stale pid file.
     */
    static void cleanUp(Path dataDir, BaomiProcess... processes) throws Exception {
        for (BaomiProcess p : processes) {
            if (p != null && p.handle().isAlive()) {
                p.stopGracefully(Duration.ofSeconds(60));
            }
        }
        Optional<ProcessHandle> leftOver = postmasterOf(dataDir);
        if (leftOver.isPresent()) {
            stopPostmaster(leftOver.get(), Duration.ofSeconds(30));
        }
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    }

    static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The port written by PostgreSQL in {@code postmaster.pid} (fourth line). */
    static int databasePortOf(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
        return Integer.parseInt(lines.get(3).strip());
    }

    /** Stops a left-over PostgreSQL (after a failed test): fast shutdown, then SIGKILL. */
    static void stopPostmaster(ProcessHandle postmaster, Duration wait) throws Exception {
        if (!postmaster.isAlive()) {
            return;
        }
        new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor(10, TimeUnit.SECONDS);
        if (!awaitExit(postmaster, wait)) {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            awaitExit(postmaster, Duration.ofSeconds(30));
        }
    }

    static boolean awaitExit(ProcessHandle handle, Duration wait) throws InterruptedException {
        try {
            handle.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
