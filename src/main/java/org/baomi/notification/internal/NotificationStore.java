package org.baomi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationFilter;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.NotificationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code ntf_notification} and the outbox's queue side. */
@Repository
class NotificationStore {

    private static final String COLUMNS = "SELECT id, recipient_id, kind, message_key, args::text AS args, link, "
            + "created_at, read_at FROM ntf_notification";

    private final JdbcClient jdbc;
    private final ArgsCodec codec;

    NotificationStore(JdbcClient jdbc, ArgsCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** A stored notification with its owner. */
    record Stored(long recipientId, NotificationView view) {
    }

    long insert(NotificationDraft draft, Instant now) {
        return jdbc.sql("""
                INSERT INTO ntf_notification (recipient_id, kind, message_key, args, link, level, created_at)
                VALUES (:recipient, :kind, :key, CAST(:args AS jsonb), :link, :level, :now) RETURNING id
                """).param("recipient", draft.recipientId()).param("kind", draft.kind().name())
                .param("key", draft.messageKey()).param("args", codec.encode(draft.args())).param("link", draft.link())
                .param("level", draft.level() == null ? null : draft.level().name()).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    void queueMail(long notificationId, long recipientId, String address, Instant now) {
        jdbc.sql("""
                INSERT INTO ntf_mail_outbox (notification_id, recipient_id, address, next_attempt_at, created_at)
                VALUES (:notification, :recipient, :address, :now, :now)
                """).param("notification", notificationId).param("recipient", recipientId).param("address", address)
                .param("now", Timestamp.from(now)).update();
    }

    long unread(long recipientId) {
        return jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :r AND read_at IS NULL")
                .param("r", recipientId).query(Long.class).single();
    }

    long count(long recipientId, NotificationFilter filter) {
        return filter == NotificationFilter.UNREAD ? unread(recipientId)
                : jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :r").param("r", recipientId)
                        .query(Long.class).single();
    }

    List<NotificationView> page(long recipientId, NotificationFilter filter, int page, int size) {
        String unreadOnly = filter == NotificationFilter.UNREAD ? " AND read_at IS NULL" : "";
        return jdbc.sql(COLUMNS + " WHERE recipient_id = :r" + unreadOnly + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("r", recipientId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> view(rs)).list();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id)
                .query((rs, n) -> new Stored(rs.getLong("recipient_id"), view(rs))).optional();
    }

    void markRead(long id, Instant now) {
        jdbc.sql("UPDATE ntf_notification SET read_at = :now WHERE id = :id AND read_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    int markAllRead(long recipientId, Instant now) {
        return jdbc.sql("UPDATE ntf_notification SET read_at = :now WHERE recipient_id = :r AND read_at IS NULL")
                .param("now", Timestamp.from(now)).param("r", recipientId).update();
    }

    private NotificationView view(ResultSet rs) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new NotificationView(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("message_key"), codec.decode(rs.getString("args")), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
