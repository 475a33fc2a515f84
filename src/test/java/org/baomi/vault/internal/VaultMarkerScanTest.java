package org.baomi.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.vault.internal.VaultTestSupport.inTransaction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 5 "must show" (DOC-9): 100 classified files, each with its own marker string, are stored and read back;
 * after a checkpoint no file under the database's data directory (tables, TOAST, WAL, the server's log), none
 * beside it (the vault's key file), no temporary file made meanwhile, and not the application's log holds any marker.
 * A control marker written unencrypted through the same database is found by the same scan, so the scan can see.
 */
@BaomiSpringTest
@ExtendWith(OutputCaptureExtension.class)
class VaultMarkerScanTest {

    private static final String PREFIX = "BAOMI-VAULT-MARKER-";
    private static final String CONTROL_PREFIX = "BAOMI-VAULT-CONTROL-";

    @Autowired
    ApplicationContext context;
    @Autowired
    EncryptedFiles vault;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path scratch;

    @Test
    void noneOfAHundredMarkersInStoredFilesReachesTheDataDirectoryTheKeyFileTemporaryFilesOrTheLog(
            CapturedOutput output) throws IOException {
        long started = System.currentTimeMillis();
        String run = UUID.randomUUID().toString().substring(0, 8);
        LevelMark mark = new LevelMark(SecretLevel.HIGHLY_SECRET, "HS-20y");
        List<String> markers = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        FileOwner owner = new FileOwner("document", "SCAN-" + run);
        for (int i = 0; i < 100; i++) {
            String marker = PREFIX + run + "-" + i;
            markers.add(marker);
            byte[] file = classifiedText(marker, 20_000 + i * 3_000);
            ids.add(inTransaction(context, () -> vault.store(owner, mark, "text/plain",
                    new ByteArrayInputStream(file))).id());
        }
        for (int i = 0; i < ids.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long id = ids.get(i);
            inTransaction(context, () -> {
                vault.read(id, owner, mark, out);
                return null;
            });
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(markers.get(i));
        }
        String control = CONTROL_PREFIX + run;
        writeControlUnencrypted(control);
        jdbc.sql("CHECKPOINT").update();

        Path dataDir = Path.of(jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single());
        List<Path> scanned = new ArrayList<>();
        scanned.addAll(filesUnder(dataDir));
        scanned.add(((FileMasterKeyProvider) context.getBean(org.baomi.vault.MasterKeyProvider.class)).file());
        scanned.addAll(filesUnder(Path.of(System.getProperty("java.io.tmpdir"))).stream()
                .filter(p -> modifiedSince(p, started)).toList());
        assertThat(scanned).as("files scanned").hasSizeGreaterThan(100);

        List<String> leaks = new ArrayList<>();
        boolean controlFound = false;
        for (Path file : scanned) {
            List<String> found = find(file, List.of(PREFIX + run, control));
            if (found.contains(PREFIX + run)) {
                leaks.add(file.toString());
            }
            controlFound |= found.contains(control);
        }
        assertThat(controlFound).as("the control marker, written unencrypted, is found: the scan sees the files")
                .isTrue();
        assertThat(leaks).as("files holding a marker of a classified file").isEmpty();
        assertThat(output.getAll()).doesNotContain(PREFIX + run);
    }

    /** A line of text around the marker, repeated past the segment boundary, so the marker also crosses segments. */
    private static byte[] classifiedText(String marker, int size) {
        StringBuilder text = new StringBuilder(size + 200);
        while (text.length() < size) {
            text.append("patient record ").append(marker).append(" diagnosis and plan; ");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Inserted and rolled back: the row's bytes still reach the write-ahead log, as any unencrypted write would. */
    private void writeControlUnencrypted(String control) {
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO vlt_file (id, owner_type, owner_id, level, marking, media_type, algorithm,
                        segment_size, segment_count, plaintext_size, nonce_prefix, wrapped_key, master_key_version,
                        mark_mac, stored_at)
                    VALUES (nextval('vlt_file_id_seq'), 'control', 'c', 'SECRET', :control, 'text/plain', 'SM4_GCM',
                        1, 1, 0, '\\x00'::bytea, '\\x00'::bytea, 1, '\\x00'::bytea, :now)
                    """).param("control", control).param("now", new Timestamp(0)).update();
            tx.setRollbackOnly();
        });
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                if (a.isRegularFile()) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
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

    /** Which of the needles occur in the file, read in overlapping chunks (WAL files are 16 MB). */
    static List<String> find(Path file, List<String> needles) {
        List<byte[]> patterns = needles.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        int overlap = patterns.stream().mapToInt(p -> p.length).max().orElse(0);
        List<String> found = new ArrayList<>();
        byte[] buffer = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, kept, buffer.length - kept)) > 0) {
                int length = kept + n;
                for (int p = 0; p < patterns.size(); p++) {
                    if (!found.contains(needles.get(p)) && indexOf(buffer, length, patterns.get(p)) >= 0) {
                        found.add(needles.get(p));
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

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            if (data[i] != pattern[0]) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void theScannerFindsAMarkerInAPlainFile() throws IOException {
        Path plain = scratch.resolve("plain.bin");
        Files.write(plain, ("x".repeat(2_000_000) + "needle-42").getBytes(StandardCharsets.US_ASCII));
        assertThat(find(plain, List.of("needle-42", "needle-43"))).containsExactly("needle-42");
    }
}
