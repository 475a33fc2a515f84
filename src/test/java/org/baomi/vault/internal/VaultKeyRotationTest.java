package org.baomi.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.vault.internal.VaultTestSupport.content;
import static org.baomi.vault.internal.VaultTestSupport.digestOf;
import static org.baomi.vault.internal.VaultTestSupport.inTransaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.VaultAlgorithm;
import org.baomi.vault.VaultKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Master-key rotation (DOC-9): data keys re-wrapped without re-encrypting; old versions retired only when unused. */
@BaomiSpringTest
class VaultKeyRotationTest {

    static final LevelMark MARK = new LevelMark(SecretLevel.SECRET, "S-10y");

    @Autowired
    ApplicationContext context;
    @Autowired
    VaultKeys keys;
    @Autowired
    EncryptedFiles vault;
    @Autowired
    MasterKeyProvider masterKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    record Stored(long id, FileOwner owner, long size, byte[] firstSegment, byte[] markMac) {
    }

    @Test
    void rotationReWrapsEveryDataKeyWithoutTouchingContentAndTheOldVersionIsRetiredOnlyWhenNothingUsesIt()
            throws Exception {
        try {
            List<Stored> files = new ArrayList<>();
            for (VaultAlgorithm algorithm : VaultAlgorithm.values()) {
                files.add(store(algorithm, 40_000));
                files.add(store(algorithm, 0));
            }
            int old = current();

            int next = keys.rotate();

            assertThat(next).isGreaterThan(old);
            assertThat(keys.status().dataKeysByVersion().get(old)).isGreaterThanOrEqualTo(files.size());
            assertRefused(old, "vault.master-key.too-recent");
            clock.advance(Duration.ofHours(2));
            assertRefused(old, "vault.master-key.in-use");
            assertThatThrownBy(() -> keys.retire(next)).isInstanceOfSatisfying(BaomiException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("vault.master-key.current"));

            VaultKeys.RewrapResult result = keys.rewrapAll();

            assertThat(result.toVersion()).isEqualTo(next);
            assertThat(result.rewrapped()).isGreaterThanOrEqualTo(files.size());
            assertThat(keys.status().dataKeysByVersion()).containsOnlyKeys(next);
            for (Stored file : files) {
                assertThat(jdbc.sql("SELECT master_key_version FROM vlt_file WHERE id = :id").param("id", file.id())
                        .query(Integer.class).single()).isEqualTo(next);
                assertThat(segment0(file.id())).as("content not re-encrypted").isEqualTo(file.firstSegment());
                assertThat(jdbc.sql("SELECT mark_mac FROM vlt_file WHERE id = :id").param("id", file.id())
                        .query(byte[].class).single()).isEqualTo(file.markMac());
                assertReads(file);
            }

            keys.retire(old);

            assertThat(masterKeys.versions()).noneMatch(v -> v.version() == old);
            assertThat(java.nio.file.Files.readString(((FileMasterKeyProvider) masterKeys).file()))
                    .doesNotContain("key." + old + "=");
            for (Stored file : files) {
                assertReads(file);
            }
            assertThat(count("vault.master-key.rotated", Integer.toString(next))).isEqualTo(1);
            assertThat(count("vault.data-keys.rewrapped", Integer.toString(next))).isGreaterThanOrEqualTo(1);
            assertThat(count("vault.master-key.retired", Integer.toString(old))).isEqualTo(1);
            assertThat(count("vault.master-key.retire-refused", Integer.toString(old))).isEqualTo(2);
        } finally {
            clock.reset();
        }
    }

    private Stored store(VaultAlgorithm algorithm, long size) {
        FileOwner owner = new FileOwner("document", "R-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        long id = inTransaction(context, () -> VaultTestSupport.service(context, algorithm, 16 * 1024)
                .store(owner, MARK, "text/plain", content(size, size + 11))).id();
        return new Stored(id, owner, size, segment0(id), jdbc.sql("SELECT mark_mac FROM vlt_file WHERE id = :id")
                .param("id", id).query(byte[].class).single());
    }

    private void assertReads(Stored file) throws Exception {
        VaultTestSupport.DigestingOutput out = new VaultTestSupport.DigestingOutput();
        inTransaction(context, () -> {
            vault.read(file.id(), file.owner(), MARK, out);
            return null;
        });
        assertThat(out.digest()).isEqualTo(digestOf(content(file.size(), file.size() + 11)));
    }

    private void assertRefused(int version, String key) {
        assertThatThrownBy(() -> keys.retire(version)).isInstanceOfSatisfying(BaomiException.class, e -> {
            assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT);
            assertThat(e.messageKey()).isEqualTo(key);
        });
        assertThat(masterKeys.versions()).anyMatch(v -> v.version() == version);
    }

    private byte[] segment0(long id) {
        return jdbc.sql("SELECT data FROM vlt_segment WHERE file_id = :id AND idx = 0").param("id", id)
                .query(byte[].class).single();
    }

    private int current() {
        return masterKeys.versions().stream().filter(MasterKeyProvider.KeyVersion::current).findFirst().orElseThrow()
                .version();
    }

    private long count(String action, String objectId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a AND object_id = :id").param("a", action)
                .param("id", objectId).query(Long.class).single();
    }
}
