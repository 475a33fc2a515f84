package org.baomi.iam.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own sessions (ACC-7): which are open, and ending them. Sessions are found by the
 * person's staff number, the principal name Spring Session indexes. Session ids never leave the server.
 */
@Component
public class PersonalSessions {

    /** One open session; {@code current} marks the one this request belongs to. */
    public record SessionRow(int number, Instant createdAt, Instant lastAccessAt, boolean current) {
    }

    private final JdbcClient jdbc;
    private final LoginFlow loginFlow;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    PersonalSessions(JdbcClient jdbc, LoginFlow loginFlow, CurrentUser currentUser, AuditTrail audit) {
        this.jdbc = jdbc;
        this.loginFlow = loginFlow;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** My sessions that have not expired, most recently used first. */
    @Transactional(readOnly = true)
    public List<SessionRow> mine(String currentSessionId) {
        StaffPrincipal me = currentUser.require();
        return jdbc.sql("""
                SELECT session_id, creation_time, last_access_time FROM spring_session
                WHERE principal_name = :name AND expiry_time > (extract(epoch FROM clock_timestamp()) * 1000)::bigint
                ORDER BY last_access_time DESC
                """)
                .param("name", me.staffNo())
                .query((rs, n) -> new SessionRow(n + 1, Instant.ofEpochMilli(rs.getLong("creation_time")),
                        Instant.ofEpochMilli(rs.getLong("last_access_time")),
                        rs.getString("session_id").strip().equals(currentSessionId)))
                .list();
    }

    /**
     * Ends every session of mine but the current one; records {@code iam.sessions.ended}.
     *
     * @return how many were ended
     */
    @Transactional
    public int endOthers(String currentSessionId) {
        StaffPrincipal me = currentUser.require();
        int ended = loginFlow.endOtherSessions(me.staffNo(), currentSessionId);
        audit.record(AuditEntry.allowed("iam.sessions.ended", "account", me.accountId(),
                Map.of("scope", "OTHERS", "ended", ended)));
        return ended;
    }

    /**
     * Ends every session of mine, the current one included ("log out everywhere"); records
     * {@code iam.sessions.ended}. The caller then drops the current request's session.
     *
     * @return how many were ended
     */
    @Transactional
    public int endAll() {
        StaffPrincipal me = currentUser.require();
        int ended = loginFlow.endOtherSessions(me.staffNo(), null);
        audit.record(AuditEntry.allowed("iam.sessions.ended", "account", me.accountId(),
                Map.of("scope", "ALL", "ended", ended)));
        return ended;
    }
}
