package org.baomi.iam.internal.login;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every login attempt, for throttling per source address against password spraying (ACC-8). */
@Repository
public class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Instant at, String username, Long accountId, String source, boolean success, String reason) {
        jdbc.sql("""
                INSERT INTO iam_login_attempt (occurred_at, username, account_id, source, success, reason)
                VALUES (:at, :username, :accountId, :source, :success, :reason)
                """).param("at", Timestamp.from(at)).param("username", username).param("accountId", accountId)
                .param("source", source).param("success", success).param("reason", reason).update();
    }

    public int failuresFrom(String source, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM iam_login_attempt
                WHERE source = :source AND occurred_at >= :since AND NOT success
                """).param("source", source).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** Attempts older than the cut-off are dropped; the audit trail keeps its own permanent record. */
    public int purgeBefore(Instant cutOff) {
        return jdbc.sql("DELETE FROM iam_login_attempt WHERE occurred_at < :cutOff")
                .param("cutOff", Timestamp.from(cutOff)).update();
    }
}
