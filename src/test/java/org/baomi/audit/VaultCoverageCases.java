package org.baomi.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.shared.SecretLevel;
import org.baomi.test.MutableClock;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.VaultKeys;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit coverage cases of the encrypted file store (issue 5 item 2; DOC-9, DOC-7, AUD-1): storing, reading,
 * re-binding and shredding a file, and the master key's rotation, re-wrap and retirement each write their record.
 * The vault checks no permissions itself (its callers do), so every case is a recorded one.
 */
final class VaultCoverageCases {

    private VaultCoverageCases() {
    }

    static final LevelMark MARK = new LevelMark(SecretLevel.SECRET, "S-10y");

    static final List<Case> CASES = List.of(
            Case.recorded("EncryptedFiles.store", Who.OFFICE, "vault.file.stored", t -> store(t)),
            Case.recorded("EncryptedFiles.read", Who.OFFICE, "vault.file.read", t -> {
                long id = store(t);
                inTransaction(t, () -> {
                    files(t).read(id, owner(), MARK, new ByteArrayOutputStream());
                    return null;
                });
            }),
            Case.recorded("EncryptedFiles.rebind", Who.OFFICE, "vault.file.rebound", t -> {
                long id = store(t);
                inTransaction(t, () -> {
                    files(t).rebind(id, owner(), MARK, new LevelMark(SecretLevel.INTERNAL, "I"));
                    return null;
                });
            }),
            Case.recorded("EncryptedFiles.shred", Who.OFFICE, "vault.file.shredded", t -> {
                long id = store(t);
                inTransaction(t, () -> {
                    files(t).shred(id, "coverage");
                    return null;
                });
            }),
            Case.recorded("VaultKeys.rotate", Who.SECURITY_ADMIN, "vault.master-key.rotated",
                    t -> t.bean(VaultKeys.class).rotate()),
            Case.recorded("VaultKeys.rewrapAll", Who.SECURITY_ADMIN, "vault.data-keys.rewrapped", t -> {
                store(t);
                t.bean(VaultKeys.class).rotate();
                t.bean(VaultKeys.class).rewrapAll();
            }),
            // issue 5 item 5: the key screen's API; the rotation's re-wrap is done here at once, so the scheduled job
            // finds nothing left to do while other tests count re-wrapped keys
            Case.denied("VaultKeyAdministration.overview",
                    t -> t.bean(org.baomi.vault.VaultKeyAdministration.class).overview()),
            Case.recorded("VaultKeyAdministration.rotate", Who.SECURITY_ADMIN, "vault.master-key.rotated", t -> {
                t.bean(org.baomi.vault.VaultKeyAdministration.class).rotate();
                t.bean(VaultKeys.class).rewrapAll();
            }),
            Case.recorded("VaultKeyAdministration.retire", Who.SECURITY_ADMIN, "vault.master-key.retired", t -> {
                VaultKeys keys = t.bean(VaultKeys.class);
                int old = keys.rotate();
                keys.rotate();
                keys.rewrapAll();
                MutableClock clock = t.bean(MutableClock.class);
                clock.advance(Duration.ofHours(2));
                try {
                    t.bean(org.baomi.vault.VaultKeyAdministration.class).retire(old);
                } finally {
                    clock.reset();
                }
            }),
            Case.recorded("VaultKeys.retire", Who.SECURITY_ADMIN, "vault.master-key.retired", t -> {
                VaultKeys keys = t.bean(VaultKeys.class);
                int old = keys.rotate();
                keys.rotate();
                keys.rewrapAll();
                MutableClock clock = t.bean(MutableClock.class);
                clock.advance(Duration.ofHours(2));
                try {
                    keys.retire(old);
                } finally {
                    clock.reset();
                }
            }));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("EncryptedFiles.info", "size, algorithm and key version of a file, no content; the owning "
                    + "module decides who sees them and audits its own page"),
            Map.entry("VaultKeys.status", "key version numbers and counts of data keys; no key material"),
            Map.entry("MasterKeyProvider.wrap", "service provider interface used by the audited vault operations"),
            Map.entry("MasterKeyProvider.unwrap", "service provider interface used by the audited vault operations"),
            Map.entry("MasterKeyProvider.versions", "service provider interface: version numbers only"),
            Map.entry("MasterKeyProvider.rotate", "service provider interface; audited through VaultKeys.rotate"),
            Map.entry("MasterKeyProvider.retire", "service provider interface; audited through VaultKeys.retire"),
            Map.entry("MasterKeyProvider.derive", "service provider interface used by VaultKeys.derivedSecret"),
            Map.entry("VaultKeys.derivedSecret", "an in-process key for another module's keyed hash (the "
                    + "self-service throttle); no person acts, no content is read, the secret never leaves the JVM"));

    private static FileOwner owner() {
        return new FileOwner("coverage", "vault");
    }

    private static EncryptedFiles files(AuditCoverageTest t) {
        return t.bean(EncryptedFiles.class);
    }

    private static long store(AuditCoverageTest t) {
        return inTransaction(t, () -> files(t).store(owner(), MARK, "text/plain",
                new ByteArrayInputStream(new byte[] {1, 2, 3}))).id();
    }

    private static <T> T inTransaction(AuditCoverageTest t, Supplier<T> work) {
        return new TransactionTemplate(t.bean(PlatformTransactionManager.class)).execute(s -> work.get());
    }
}
