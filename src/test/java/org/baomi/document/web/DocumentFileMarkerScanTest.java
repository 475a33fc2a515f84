package org.baomi.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5 "must show" (DOC-9) through the HTTP path: 100 files with unique markers are uploaded to the running server
 * as a browser does (raw body, CSRF header), then the database's data directory (tables, TOAST, WAL, server log),
 * every file written meanwhile under {@code java.io.tmpdir} (Tomcat's base and work directories live there) and the
 * application's log are scanned: no marker is found. A control marker written unencrypted (a document's title) is.
 */
@BaomiSpringTest
@ExtendWith(OutputCaptureExtension.class)
class DocumentFileMarkerScanTest {

    private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired JdbcClient jdbc;

    @Test
    void noneOfAHundredMarkersUploadedOverHttpReachesDiskTemporaryFilesOrTheLog(CapturedOutput output)
            throws Exception {
        long started = System.currentTimeMillis();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "BAOMI-DOCFILE-MARKER-" + run;
        String control = "BAOMI-DOCFILE-CONTROL-" + run;
        DocumentFixture f = new DocumentFixture(accounts, feed, register);
        TestAccounts.Created registrar = f.registrar();
        // the confidentiality office signs in with a second factor
        TestAccounts.Created custodian = accounts.create(TestAccounts.person()
                .clearance(org.baomi.shared.SecretLevel.HIGHLY_SECRET).roles("staff", "confidentiality-office")
                .withTotp());
        f.poll();
        f.minutes(registrar, custodian, control);
        WebSession session = new WebSession(port).signIn(custodian, accounts);

        for (int i = 0; i < 100; i++) {
            long document = f.minutes(registrar, custodian, "Scan " + run + " " + i);
            WebSession.Page page = session.get("/documents/" + document);
            Matcher csrf = META.matcher(page.body());
            assertThat(csrf.find()).as("the page's CSRF token").isTrue();
            StringBuilder text = new StringBuilder();
            while (text.length() < 30_000 + i * 4_000) {
                text.append("patient record ").append(prefix).append('-').append(i).append(" diagnosis; ");
            }
            HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents/"
                            + document + "/file"))
                    .header("Content-Type", "application/octet-stream")
                    .header("X-File-Name", URLEncoder.encode("scan-" + i + ".txt", StandardCharsets.UTF_8))
                    .header("X-CSRF-TOKEN", csrf.group(1))
                    .header("X-Forwarded-For", session.sourceAddress())
                    .PUT(HttpRequest.BodyPublishers.ofString(text.toString()))
                    .build();
            HttpResponse<String> answer = session.client().send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            if (i % 25 == 0) {
                WebSession.Page back = session.get("/documents/" + document + "/file");
                assertThat(back.status()).isEqualTo(200);
                assertThat(back.body()).contains(prefix + "-" + i);
            }
        }
        jdbc.sql("CHECKPOINT").update();

        Path dataDir = Path.of(jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single());
        List<Path> scanned = new ArrayList<>(filesUnder(dataDir));
        scanned.addAll(filesUnder(Path.of(System.getProperty("java.io.tmpdir"))).stream()
                .filter(p -> modifiedSince(p, started)).toList());
        assertThat(scanned).as("files scanned").hasSizeGreaterThan(100);

        List<String> leaks = new ArrayList<>();
        boolean controlFound = false;
        for (Path file : scanned) {
            List<String> found = find(file, List.of(prefix, control));
            if (found.contains(prefix)) {
                leaks.add(file.toString());
            }
            controlFound |= found.contains(control);
        }
        assertThat(controlFound).as("the control marker, written unencrypted, is found: the scan sees the files")
                .isTrue();
        assertThat(leaks).as("files holding a marker of an uploaded classified file").isEmpty();
        assertThat(output.getAll()).doesNotContain(prefix);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (a.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static boolean modifiedSince(Path file, long millis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= millis - 1000;
        } catch (IOException e) {
            return false;
        }
    }

    /** Which needles occur in the file, read in overlapping chunks (WAL segments are 16 MB). */
    private static List<String> find(Path file, List<String> needles) {
        int overlap = needles.stream().mapToInt(n -> n.length()).max().orElse(0);
        List<String> found = new ArrayList<>();
        byte[] buffer = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, kept, buffer.length - kept)) > 0) {
                int length = kept + n;
                String chunk = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
                for (String needle : needles) {
                    if (!found.contains(needle) && chunk.contains(needle)) {
                        found.add(needle);
                    }
                }
                kept = Math.min(overlap, length);
                System.arraycopy(buffer, length - kept, buffer, 0, kept);
            }
        } catch (IOException unreadable) {
            // a file removed while scanning (a recycled WAL segment): nothing to find in it
        }
        return found;
    }
}
