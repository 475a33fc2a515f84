package org.baomi.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.vault.internal.VaultTestSupport.content;
import static org.baomi.vault.internal.VaultTestSupport.digestOf;
import static org.baomi.vault.internal.VaultTestSupport.inTransaction;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.StoredFileInfo;
import org.baomi.vault.VaultAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Encrypted storage of classified files (DOC-9, DOC-7): round trips, tampering refused, shredding. */
@BaomiSpringTest
class EncryptedFilesTest {

    static final int SEGMENT = 16 * 1024;
    static final LevelMark SECRET_MARK = new LevelMark(SecretLevel.HIGHLY_SECRET, "HS-10y");

    @Autowired
    ApplicationContext context;
    @Autowired
    EncryptedFiles vault;
    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> algorithmsAndSizes() {
        long[] sizes = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3L * 1024 * 1024 + 7};
        return Stream.of(VaultAlgorithm.values())
                .flatMap(a -> java.util.Arrays.stream(sizes).mapToObj(s -> Arguments.of(a, s)));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("algorithmsAndSizes")
    void aFileReadsBackExactlyAsStoredWithEitherAlgorithmAndAnySizeAroundTheSegmentBoundary(VaultAlgorithm algorithm,
            long size) throws Exception {
        EncryptedFileService service = VaultTestSupport.service(context, algorithm, SEGMENT);
        FileOwner owner = owner();
        StoredFileInfo info = inTransaction(context, () -> service.store(owner, SECRET_MARK, "application/pdf",
                content(size, size + 1)));

        assertThat(info.size()).isEqualTo(size);
        assertThat(info.algorithm()).isEqualTo(algorithm);
        assertThat(info.segments()).isEqualTo(Math.max(1, (int) ((size + SEGMENT - 1) / SEGMENT)));
        VaultTestSupport.DigestingOutput out = new VaultTestSupport.DigestingOutput();
        inTransaction(context, () -> {
            service.read(info.id(), owner, SECRET_MARK, out);
            return null;
        });
        assertThat(out.count).isEqualTo(size);
        assertThat(out.digest()).isEqualTo(digestOf(content(size, size + 1)));
    }

    @Test
    void theApplicationsVaultUsesSm4GcmByDefaultStoresOnlyCiphertextAndAuditsStoreAndRead() throws Exception {
        FileOwner owner = owner();
        long size = 600_000;
        StoredFileInfo info = inTransaction(context, () -> vault.store(owner, SECRET_MARK, "text/plain",
                content(size, 7)));

        assertThat(info.algorithm()).isEqualTo(VaultAlgorithm.SM4_GCM);
        assertThat(info.segments()).isEqualTo(3);
        byte[] first = jdbc.sql("SELECT data FROM vlt_segment WHERE file_id = :id AND idx = 0")
                .param("id", info.id()).query(byte[].class).single();
        byte[] plainStart = content(size, 7).readNBytes(64);
        assertThat(first).hasSize(VaultProperties.DEFAULT_SEGMENT_SIZE + 16);
        assertThat(java.util.Arrays.copyOf(first, 64)).isNotEqualTo(plainStart);
        assertThat(jdbc.sql("SELECT attstorage FROM pg_attribute WHERE attrelid = 'vlt_segment'::regclass "
                + "AND attname = 'data'").query(String.class).single()).isEqualTo("e");
        assertThat(audits("vault.file.stored", info.id())).isEqualTo(1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inTransaction(context, () -> {
            vault.read(info.id(), owner, SECRET_MARK, out);
            return null;
        });
        assertThat(out.toByteArray()).hasSize((int) size);
        assertThat(audits("vault.file.read", info.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT details->>'ownerId' FROM aud_entry WHERE action = 'vault.file.read' "
                + "AND object_id = :id").param("id", Long.toString(info.id())).query(String.class).single())
                .isEqualTo(owner.id());
    }

    @Test
    void storingNeedsTheCallersTransactionAndARollbackLeavesNeitherFileNorRecord() {
        FileOwner owner = owner();
        assertThatThrownBy(() -> vault.store(owner, SECRET_MARK, "text/plain", content(10, 1)))
                .isInstanceOf(IllegalTransactionStateException.class);

        long[] id = new long[1];
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            id[0] = vault.store(owner, SECRET_MARK, "text/plain", content(100_000, 1)).id();
            tx.setRollbackOnly();
        });
        assertThat(vault.info(id[0])).isEmpty();
        assertThat(audits("vault.file.stored", id[0])).isZero();
    }

    @Test
    void badInputIsRefusedWithATranslatedReason() {
        assertThatThrownBy(() -> new FileOwner("Document!", "1")).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("vault.owner.invalid"));
        assertThatThrownBy(() -> new LevelMark(SecretLevel.SECRET, " ")).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("vault.level-mark.invalid"));
        assertThatThrownBy(() -> inTransaction(context, () -> vault.store(owner(), SECRET_MARK, "not a type",
                content(1, 1)))).isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("vault.media-type.invalid"));
        assertThatThrownBy(() -> inTransaction(context, () -> vault.store(owner(), SECRET_MARK, "text/plain",
                new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("client went away");
                    }
                }))).isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("vault.file.unreadable-input"));
        assertThatThrownBy(() -> vault.read(Long.MAX_VALUE, owner(), SECRET_MARK, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.NOT_FOUND));
    }

    @Test
    void aFileCannotBeReadUnderAnotherOwnerOrMarkThanTheOneBoundToIt() {
        FileOwner owner = owner();
        long id = store(owner, 5 * SEGMENT);

        assertTampered(id, owner, new LevelMark(SecretLevel.SECRET, "S-10y"), 0, "vault.tamper.mark");
        assertTampered(id, owner(), SECRET_MARK, 0, "vault.tamper.mark");
    }

    @Test
    void aLevelMarkLoweredInTheDatabaseIsDetectedWhicheverMarkTheReaderExpects() {
        FileOwner owner = owner();
        long id = store(owner, 2 * SEGMENT);
        jdbc.sql("UPDATE vlt_file SET level = 'SECRET', marking = 'S-1y' WHERE id = :id").param("id", id).update();

        assertTampered(id, owner, SECRET_MARK, 0, "vault.tamper.mark");
        assertTampered(id, owner, new LevelMark(SecretLevel.SECRET, "S-1y"), 0, "vault.tamper.header");
        shred(id);
    }

    static Stream<String> headerTampering() {
        return Stream.of("plaintext_size = plaintext_size - 1", "segment_count = segment_count - 1",
                "nonce_prefix = '\\x00000000000000'::bytea", "segment_size = segment_size + 16",
                "wrapped_key = set_byte(wrapped_key, 20, get_byte(wrapped_key, 20) # 1)",
                "mark_mac = set_byte(mark_mac, 0, get_byte(mark_mac, 0) # 1)");
    }

    @ParameterizedTest(name = "SET {0}")
    @MethodSource("headerTampering")
    void aTamperedHeaderIsRefusedBeforeAnyContentIsWritten(String change) {
        FileOwner owner = owner();
        long id = store(owner, 3 * SEGMENT + 5);
        jdbc.sql("UPDATE vlt_file SET " + change + " WHERE id = :id").param("id", id).update();

        assertTampered(id, owner, SECRET_MARK, 0, null);
        shred(id);
    }

    @ParameterizedTest(name = "segment {0} of 5")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 2, 4})
    void aChangedByteInAnySegmentStopsTheStreamAtThatSegment(int segment) {
        FileOwner owner = owner();
        long id = store(owner, 4 * SEGMENT + 100);
        jdbc.sql("UPDATE vlt_segment SET data = set_byte(data, 9, get_byte(data, 9) # 1) "
                + "WHERE file_id = :id AND idx = :idx").param("id", id).param("idx", segment).update();

        assertTampered(id, owner, SECRET_MARK, (long) segment * SEGMENT, "vault.tamper.segment");
    }

    @Test
    void swappedSegmentsAreRefused() {
        FileOwner owner = owner();
        long id = store(owner, 4 * SEGMENT + 100);
        jdbc.sql("""
                UPDATE vlt_segment s SET data = o.data FROM vlt_segment o
                WHERE s.file_id = :id AND o.file_id = :id AND ((s.idx = 1 AND o.idx = 2) OR (s.idx = 2 AND o.idx = 1))
                """).param("id", id).update();

        assertTampered(id, owner, SECRET_MARK, SEGMENT, "vault.tamper.segment");
    }

    @Test
    void aFileCutShortIsRefusedEvenWhenItsLastSegmentsAreDeletedByTheDatabaseOwner() {
        FileOwner owner = owner();
        long id = store(owner, 4 * SEGMENT + 100);
        inTransaction(context, () -> {
            // as an attacker with the database's superuser would: without the purge guard
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("DELETE FROM vlt_segment WHERE file_id = :id AND idx >= 4").param("id", id).update();
            return null;
        });
        assertTampered(id, owner, SECRET_MARK, 4L * SEGMENT, "vault.tamper.segments");

        // and cut at a segment boundary with the count lowered to match: the header's MAC fails
        jdbc.sql("UPDATE vlt_file SET segment_count = 4, plaintext_size = :size WHERE id = :id")
                .param("size", 4L * SEGMENT).param("id", id).update();
        assertTampered(id, owner, SECRET_MARK, 0, "vault.tamper.header");
        shred(id);
    }

    @Test
    void aSegmentCopiedFromAnotherFileIsRefused() {
        FileOwner owner = owner();
        long id = store(owner, 3 * SEGMENT);
        long other = store(owner, 3 * SEGMENT);
        jdbc.sql("UPDATE vlt_segment SET data = (SELECT data FROM vlt_segment WHERE file_id = :other AND idx = 1) "
                + "WHERE file_id = :id AND idx = 1").param("other", other).param("id", id).update();

        assertTampered(id, owner, SECRET_MARK, SEGMENT, "vault.tamper.segment");
    }

    @Test
    void aLawfulChangeOfLevelRebindsTheMarkWithoutReEncryptingAndTheOldMarkNoLongerReads() {
        FileOwner owner = owner();
        long id = store(owner, SEGMENT + 3);
        byte[] before = jdbc.sql("SELECT data FROM vlt_segment WHERE file_id = :id AND idx = 0").param("id", id)
                .query(byte[].class).single();
        LevelMark lower = new LevelMark(SecretLevel.SECRET, "S-5y");

        assertThatThrownBy(() -> inTransaction(context, () -> {
            vault.rebind(id, owner, new LevelMark(SecretLevel.TOP_SECRET, "TS"), lower);
            return null;
        })).isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.messageKey()).isEqualTo("vault.file.tampered"));
        inTransaction(context, () -> {
            vault.rebind(id, owner, SECRET_MARK, lower);
            return null;
        });

        assertThat(vault.info(id).orElseThrow().levelMark()).isEqualTo(lower);
        assertThat(audits("vault.file.rebound", id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT data FROM vlt_segment WHERE file_id = :id AND idx = 0").param("id", id)
                .query(byte[].class).single()).isEqualTo(before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inTransaction(context, () -> {
            vault.read(id, owner, lower, out);
            return null;
        });
        assertThat(out.size()).isEqualTo(SEGMENT + 3);
        assertTampered(id, owner, SECRET_MARK, 0, "vault.tamper.mark");
    }

    @Test
    void aShreddedFileKeepsItsRecordButLosesItsKeyAndCiphertextAndCanNeverBeReadAgain() {
        FileOwner owner = owner();
        long id = store(owner, 2 * SEGMENT);
        assertThatThrownBy(() -> inTransaction(context, () -> {
            vault.shred(id, " ");
            return null;
        })).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("vault.shred.reason-required"));

        inTransaction(context, () -> {
            vault.shred(id, "destruction record D-1");
            return null;
        });

        StoredFileInfo info = vault.info(id).orElseThrow();
        assertThat(info.shredded()).isTrue();
        assertThat(info.shredReason()).isEqualTo("destruction record D-1");
        assertThat(info.shreddedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT wrapped_key IS NULL FROM vlt_file WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM vlt_segment WHERE file_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(audits("vault.file.shredded", id)).isEqualTo(1);
        assertThatThrownBy(() -> inTransaction(context, () -> {
            vault.read(id, owner, SECRET_MARK, new ByteArrayOutputStream());
            return null;
        })).isInstanceOfSatisfying(BaomiException.class, e -> {
            assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT);
            assertThat(e.messageKey()).isEqualTo("vault.file.shredded");
        });
        assertThatThrownBy(() -> inTransaction(context, () -> {
            vault.shred(id, "again");
            return null;
        })).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("vault.file.shredded"));
    }

    @Test
    void aBrokenOutputStopsTheReadWithATranslatedReasonAndIsNotTakenForTampering() {
        FileOwner owner = owner();
        long id = store(owner, 3 * SEGMENT);
        long tampered = audits(VaultAudit.TAMPERED, id);
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("client went away");
            }
        };
        assertThatThrownBy(() -> inTransaction(context, () -> {
            vault.read(id, owner, SECRET_MARK, broken);
            return null;
        })).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("vault.file.output-failed"));
        assertThat(audits(VaultAudit.TAMPERED, id)).isEqualTo(tampered);
    }

    @Test
    void severalFilesStoredAndReadAtOnceEachReadBackIntact() throws Exception {
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long size = 5L * SEGMENT + i * 1_001;
                results.add(callers.submit(() -> {
                    FileOwner owner = owner();
                    long id = store(owner, size);
                    VaultTestSupport.DigestingOutput out = new VaultTestSupport.DigestingOutput();
                    inTransaction(context, () -> {
                        vault.read(id, owner, SECRET_MARK, out);
                        return null;
                    });
                    return java.util.Arrays.equals(out.digest(), digestOf(content(size, size)));
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theDatabaseRefusesToDeleteAFileRecordOrTheCiphertextOfALiveFile() {
        long id = store(owner(), 10);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM vlt_segment WHERE file_id = :id").param("id", id).update())
                .hasMessageContaining("never deleted");
        shred(id);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM vlt_file WHERE id = :id").param("id", id).update())
                .hasMessageContaining("never deleted");
    }

    // --- helpers

    private long store(FileOwner owner, long size) {
        return inTransaction(context, () -> VaultTestSupport.service(context, VaultAlgorithm.SM4_GCM, SEGMENT)
                .store(owner, SECRET_MARK, "application/octet-stream", content(size, size))).id();
    }

    private void shred(long id) {
        inTransaction(context, () -> {
            vault.shred(id, "test clean-up");
            return null;
        });
    }

    /**
     * The read is refused as tampering (FORBIDDEN, vault.file.tampered), only {@code writtenBefore} verified bytes
     * reached the output, and the security event was recorded with the reason.
     */
    private void assertTampered(long id, FileOwner owner, LevelMark mark, long writtenBefore, String reasonKey) {
        long before = audits(VaultAudit.TAMPERED, id);
        VaultTestSupport.DigestingOutput out = new VaultTestSupport.DigestingOutput();
        assertThatThrownBy(() -> inTransaction(context, () -> {
            vault.read(id, owner, mark, out);
            return null;
        })).isInstanceOfSatisfying(BaomiException.class, e -> {
            assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
            assertThat(e.messageKey()).isEqualTo("vault.file.tampered");
        });
        assertThat(out.count).as("verified bytes written before the refusal").isEqualTo(writtenBefore);
        assertThat(audits(VaultAudit.TAMPERED, id)).as("security event recorded").isEqualTo(before + 1);
        if (reasonKey != null) {
            assertThat(jdbc.sql("SELECT reason_key FROM aud_entry WHERE action = :a AND object_id = :id "
                    + "ORDER BY id DESC LIMIT 1").param("a", VaultAudit.TAMPERED).param("id", Long.toString(id))
                    .query(String.class).single()).isEqualTo(reasonKey);
        }
    }

    private long audits(String action, long fileId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a AND object_id = :id")
                .param("a", action).param("id", Long.toString(fileId)).query(Long.class).single();
    }

    private static FileOwner owner() {
        return new FileOwner("document", "T-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
