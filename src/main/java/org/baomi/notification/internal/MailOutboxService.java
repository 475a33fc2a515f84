package org.baomi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.baomi.iam.PermissionGuard;
import org.baomi.notification.MailOutbox;
import org.baomi.notification.MailState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MailOutbox} over {@code ntf_mail_outbox}. */
@Service
class MailOutboxService implements MailOutbox {

    private final JdbcClient jdbc;
    private final PermissionGuard guard;
    private final MailTransport transport;

    MailOutboxService(JdbcClient jdbc, PermissionGuard guard, MailTransport transport) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.transport = transport;
    }

    @Override
    @Transactional(readOnly = true)
    public Overview overview() {
        guard.require(PERMISSION);
        Map<MailState, Long> counts = new EnumMap<>(MailState.class);
        for (MailState state : MailState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, count(*) AS n FROM ntf_mail_outbox GROUP BY state")
                .query((rs, n) -> counts.put(MailState.valueOf(rs.getString("state")), rs.getLong("n"))).list();
        List<Message> unsent = jdbc.sql("""
                SELECT id, notification_id, recipient_id, address, state, attempts, next_attempt_at, last_error,
                       created_at, sent_at
                FROM ntf_mail_outbox WHERE state <> 'SENT' ORDER BY id DESC LIMIT 50
                """).query((rs, n) -> message(rs)).list();
        return new Overview(transport.enabled(), counts, unsent);
    }

    private static Message message(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Message(rs.getLong("id"), rs.getLong("notification_id"), rs.getLong("recipient_id"),
                rs.getString("address"), MailState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
