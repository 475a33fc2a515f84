package org.baomi.vault.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.baomi.audit.AuditOutcome;
import org.baomi.shared.BaomiException;
import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.MasterKeyProvider.KeyVersion;
import org.baomi.vault.MasterKeyProvider.WrappedKey;
import org.baomi.vault.VaultAlgorithm;
import org.baomi.vault.VaultKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link VaultKeys}: rotation re-wraps data keys only (DOC-9); content, nonces and MACs stay as they are, because
 * they depend on the data key, which does not change.
 */
@Service
class KeyRotationService implements VaultKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationService.class);

    private final MasterKeyProvider masterKeys;
    private final JdbcClient jdbc;
    private final VaultAudit audit;
    private final VaultProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KeyRotationService(MasterKeyProvider masterKeys, JdbcClient jdbc, VaultAudit audit, VaultProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.masterKeys = masterKeys;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public byte[] derivedSecret(String purpose) {
        return masterKeys.derive(purpose);
    }

    @Override
    public KeyStatus status() {
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT master_key_version, count(*) FROM vlt_file WHERE wrapped_key IS NOT NULL "
                + "GROUP BY master_key_version").query((rs, n) -> counts.put(rs.getInt(1), rs.getLong(2))).list();
        return new KeyStatus(masterKeys.versions(), counts);
    }

    @Override
    public int rotate() {
        return transactions.execute(tx -> {
            int version = masterKeys.rotate();
            audit.keyAction("vault.master-key.rotated", Integer.toString(version), AuditOutcome.ALLOWED, null,
                    Map.of("version", version));
            log.info("Vault master key version {} is now current; re-wrap the data keys (VaultKeys.rewrapAll)",
                    version);
            return version;
        });
    }

    @Override
    public RewrapResult rewrapAll() {
        int current = currentVersion();
        long total = 0;
        int batches = 0;
        while (true) {
            Integer done = transactions.execute(tx -> rewrapBatch(current));
            if (done == null || done == 0) {
                break;
            }
            total += done;
            batches++;
            log.info("Vault re-wrap to master key version {}: {} data keys so far", current, total);
        }
        return new RewrapResult(current, total, batches);
    }

    private record KeyRow(long id, String algorithm, byte[] wrapped, int version) {
    }

    private int rewrapBatch(int current) {
        List<KeyRow> batch = jdbc.sql("""
                SELECT id, algorithm, wrapped_key, master_key_version FROM vlt_file
                WHERE wrapped_key IS NOT NULL AND master_key_version <> :current
                ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                """).param("current", current).param("limit", properties.rewrapBatch())
                .query((rs, n) -> new KeyRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getInt(4))).list();
        Map<Integer, Integer> fromVersions = new TreeMap<>();
        for (KeyRow row : batch) {
            byte[] context = new FileHeader(row.id(), VaultAlgorithm.valueOf(row.algorithm()), 0, new byte[0])
                    .keyContext();
            byte[] dataKey;
            try {
                dataKey = masterKeys.unwrap(new WrappedKey(row.version(), row.wrapped()), context);
            } catch (MasterKeyProvider.KeyUnwrapException e) {
                // left as it is: the next read reports it as tampered; re-wrapping would launder the alteration
                log.warn("Vault file {}: its data key does not unwrap; not re-wrapped", row.id());
                continue;
            }
            WrappedKey rewrapped = masterKeys.wrap(dataKey, context);
            Arrays.fill(dataKey, (byte) 0);
            jdbc.sql("UPDATE vlt_file SET wrapped_key = :wrapped, master_key_version = :version WHERE id = :id")
                    .param("wrapped", rewrapped.wrapped()).param("version", rewrapped.masterKeyVersion())
                    .param("id", row.id()).update();
            fromVersions.merge(row.version(), 1, Integer::sum);
        }
        int rewrapped = fromVersions.values().stream().mapToInt(Integer::intValue).sum();
        if (rewrapped > 0) {
            audit.keyAction("vault.data-keys.rewrapped", Integer.toString(current), AuditOutcome.ALLOWED, null,
                    Map.of("toVersion", current, "count", rewrapped, "fromVersions", fromVersions.toString()));
        }
        return rewrapped;
    }

    @Override
    public void retire(int version) {
        KeyVersion key = masterKeys.versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> BaomiException.notFound("vault.master-key.not-found", version));
        String refusal = null;
        if (key.current()) {
            refusal = "vault.master-key.current";
        } else if (key.supersededAt() == null
                || key.supersededAt().plus(properties.retireGrace()).isAfter(clock.instant())) {
            refusal = "vault.master-key.too-recent";
        } else if (inUse(version) > 0) {
            refusal = "vault.master-key.in-use";
        }
        if (refusal != null) {
            audit.keyAction("vault.master-key.retire-refused", Integer.toString(version), AuditOutcome.DENIED,
                    refusal, Map.of("version", version, "dataKeys", inUse(version)));
            throw BaomiException.conflict(refusal, version);
        }
        transactions.executeWithoutResult(tx -> {
            // checked again under the lock of every row of that version: none may be re-wrapped back meanwhile
            long users = jdbc.sql("SELECT count(*) FROM (SELECT id FROM vlt_file WHERE wrapped_key IS NOT NULL "
                    + "AND master_key_version = :v FOR UPDATE) locked").param("v", version).query(Long.class).single();
            if (users > 0) {
                throw BaomiException.conflict("vault.master-key.in-use", version);
            }
            audit.keyAction("vault.master-key.retired", Integer.toString(version), AuditOutcome.ALLOWED, null,
                    Map.of("version", version));
            masterKeys.retire(version);
        });
        log.info("Vault master key version {} retired", version);
    }

    private long inUse(int version) {
        return jdbc.sql("SELECT count(*) FROM vlt_file WHERE wrapped_key IS NOT NULL AND master_key_version = :v")
                .param("v", version).query(Long.class).single();
    }

    private int currentVersion() {
        return masterKeys.versions().stream().filter(KeyVersion::current).mapToInt(KeyVersion::version).findFirst()
                .orElseThrow();
    }
}
