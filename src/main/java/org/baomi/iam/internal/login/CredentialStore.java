package org.baomi.iam.internal.login;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Login state. Counters change by single atomic statements, so concurrent attempts on one account cannot
 * lose a failure (ACC-7).
 */
@Repository
public class CredentialStore {

    /** What a failure did to the account. */
    public record FailureResult(int failedCount, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credential> find(long accountId) {
        return jdbc.sql("SELECT * FROM iam_credential WHERE account_id = :id").param("id", accountId)
                .query(CredentialStore::map).optional();
    }

    public void create(long accountId, String passwordHash, Instant now, boolean mustChange) {
        jdbc.sql("""
                INSERT INTO iam_credential (account_id, password_hash, password_changed_at, must_change_password)
                VALUES (:id, :hash, :now, :mustChange)
                """).param("id", accountId).param("hash", passwordHash).param("now", ts(now))
                .param("mustChange", mustChange).update();
        addHistory(accountId, passwordHash, now);
    }

    public void changePassword(long accountId, String passwordHash, Instant now, boolean mustChange) {
        jdbc.sql("""
                UPDATE iam_credential SET password_hash = :hash, password_changed_at = :now,
                    must_change_password = :mustChange WHERE account_id = :id
                """).param("id", accountId).param("hash", passwordHash).param("now", ts(now))
                .param("mustChange", mustChange).update();
        addHistory(accountId, passwordHash, now);
    }

    private void addHistory(long accountId, String passwordHash, Instant now) {
        jdbc.sql("INSERT INTO iam_password_history (account_id, password_hash, changed_at) VALUES (:id, :hash, :now)")
                .param("id", accountId).param("hash", passwordHash).param("now", ts(now)).update();
    }

    /** The most recent password hashes, newest first, the current one included. */
    public List<String> recentPasswordHashes(long accountId, int howMany) {
        return jdbc.sql("""
                SELECT password_hash FROM iam_password_history WHERE account_id = :id
                ORDER BY changed_at DESC, id DESC LIMIT :n
                """).param("id", accountId).param("n", howMany).query(String.class).list();
    }

    /**
     * Counts a failure within the window starting at {@code windowStart}; the failure that reaches
     * {@code maxFailures} locks the account until {@code lockUntil}.
     */
    public FailureResult recordFailure(long accountId, Instant now, Instant windowStart, int maxFailures,
            Instant lockUntil) {
        return jdbc.sql("""
                UPDATE iam_credential SET
                    failed_count = CASE WHEN first_failure_at IS NULL OR first_failure_at < :windowStart
                                        THEN 1 ELSE failed_count + 1 END,
                    first_failure_at = CASE WHEN first_failure_at IS NULL OR first_failure_at < :windowStart
                                        THEN :now ELSE first_failure_at END,
                    locked_until = CASE WHEN (CASE WHEN first_failure_at IS NULL OR first_failure_at < :windowStart
                                        THEN 1 ELSE failed_count + 1 END) >= :max THEN :lockUntil ELSE locked_until END
                WHERE account_id = :id
                RETURNING failed_count, locked_until
                """).param("id", accountId).param("now", ts(now)).param("windowStart", ts(windowStart))
                .param("max", maxFailures).param("lockUntil", ts(lockUntil))
                .query((rs, n) -> new FailureResult(rs.getInt("failed_count"), instant(rs, "locked_until")))
                .single();
    }

    /** A completed login clears the failure count and records when and from where. */
    public void recordSuccess(long accountId, Instant now, String source) {
        jdbc.sql("""
                UPDATE iam_credential SET failed_count = 0, first_failure_at = NULL, locked_until = NULL,
                    last_login_at = :now, last_login_source = :source WHERE account_id = :id
                """).param("id", accountId).param("now", ts(now)).param("source", source).update();
    }

    public void unlock(long accountId) {
        jdbc.sql("""
                UPDATE iam_credential SET failed_count = 0, first_failure_at = NULL, locked_until = NULL
                WHERE account_id = :id
                """).param("id", accountId).update();
    }

    /**
     * Consumes a TOTP step: succeeds only if the step is later than the last one used, so a code is accepted
     * once (ACC-7: no replay).
     */
    public boolean consumeTotpStep(long accountId, long step) {
        return jdbc.sql("""
                UPDATE iam_credential SET totp_last_step = :step
                WHERE account_id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)
                """).param("id", accountId).param("step", step).update() == 1;
    }

    public void storePendingTotpSecret(long accountId, String sealedSecret) {
        jdbc.sql("UPDATE iam_credential SET totp_secret = :s, totp_enabled = FALSE WHERE account_id = :id")
                .param("id", accountId).param("s", sealedSecret).update();
    }

    public void enableTotp(long accountId) {
        jdbc.sql("UPDATE iam_credential SET totp_enabled = TRUE WHERE account_id = :id AND totp_secret IS NOT NULL")
                .param("id", accountId).update();
    }

    public void resetTotp(long accountId) {
        jdbc.sql("""
                UPDATE iam_credential SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL
                WHERE account_id = :id
                """).param("id", accountId).update();
        jdbc.sql("DELETE FROM iam_recovery_code WHERE account_id = :id").param("id", accountId).update();
    }

    public void replaceRecoveryCodes(long accountId, List<String> codeHashes, Instant now) {
        jdbc.sql("DELETE FROM iam_recovery_code WHERE account_id = :id").param("id", accountId).update();
        for (String hash : codeHashes) {
            jdbc.sql("INSERT INTO iam_recovery_code (account_id, code_hash, created_at) VALUES (:id, :hash, :now)")
                    .param("id", accountId).param("hash", hash).param("now", ts(now)).update();
        }
    }

    /** Marks an unused recovery code as used; true if there was one with this hash. */
    public boolean consumeRecoveryCode(long accountId, String codeHash, Instant now) {
        return jdbc.sql("""
                UPDATE iam_recovery_code SET used_at = :now
                WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL
                """).param("id", accountId).param("hash", codeHash).param("now", ts(now)).update() == 1;
    }

    public int unusedRecoveryCodes(long accountId) {
        return jdbc.sql("SELECT count(*) FROM iam_recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", accountId).query(Integer.class).single();
    }

    private static Credential map(ResultSet rs, int row) throws SQLException {
        return new Credential(rs.getLong("account_id"), rs.getString("password_hash"),
                instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"),
                rs.getString("totp_secret"), rs.getBoolean("totp_enabled"), (Long) rs.getObject("totp_last_step"),
                rs.getInt("failed_count"), instant(rs, "first_failure_at"), instant(rs, "locked_until"),
                instant(rs, "last_login_at"), rs.getString("last_login_source"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
