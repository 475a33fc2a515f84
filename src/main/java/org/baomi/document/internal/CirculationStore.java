package org.baomi.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baomi.classification.PeriodKind;
import org.baomi.document.CirculationMode;
import org.baomi.document.CirculationReader;
import org.baomi.document.CirculationView;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.InboxItem;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.baomi.document.internal.DocumentStore.localDate;
import static org.baomi.document.internal.DocumentStore.ts;

/** Circulations and their readers (DOC-5). Rows are never deleted: a return sets times, it removes nothing. */
@Repository
class CirculationStore {

    private final JdbcClient jdbc;

    CirculationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A circulation's own row. */
    record Circulation(long id, long documentId, CirculationMode mode, boolean urgent, long custodianId,
            Instant startedAt, Instant dueAt, Instant returnedAt, Instant overdueAt) {

        boolean open() {
            return returnedAt == null;
        }
    }

    long insert(long documentId, CirculationMode mode, boolean urgent, long custodianId, Instant startedAt,
            Instant dueAt) {
        return jdbc.sql("INSERT INTO doc_circulation (document_id, mode, urgent, custodian_id, started_at, due_at) "
                + "VALUES (:document, :mode, :urgent, :custodian, :started, :due) RETURNING id")
                .param("document", documentId).param("mode", mode.name()).param("urgent", urgent)
                .param("custodian", custodianId).param("started", ts(startedAt)).param("due", ts(dueAt))
                .query(Long.class).single();
    }

    void addReader(long circulationId, int position, long readerId, String readerName, Instant sentAt) {
        jdbc.sql("INSERT INTO doc_circulation_reader (circulation_id, position, reader_id, reader_name, sent_at) "
                + "VALUES (:circulation, :position, :reader, :name, :sent)")
                .param("circulation", circulationId).param("position", position).param("reader", readerId)
                .param("name", readerName).param("sent", ts(sentAt)).update();
    }

    Optional<Circulation> find(long id) {
        return jdbc.sql("SELECT * FROM doc_circulation WHERE id = :id").param("id", id)
                .query((rs, n) -> circulation(rs)).optional();
    }

    /** The circulation row locked for the change about to be made (concurrent signatures apply one after another). */
    Optional<Circulation> lock(long id) {
        return jdbc.sql("SELECT * FROM doc_circulation WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> circulation(rs)).optional();
    }

    List<CirculationReader> readers(long circulationId) {
        return jdbc.sql("SELECT * FROM doc_circulation_reader WHERE circulation_id = :id ORDER BY position")
                .param("id", circulationId).query((rs, n) -> reader(rs)).list();
    }

    List<CirculationView> ofDocument(long documentId, Instant now) {
        List<CirculationView> views = new ArrayList<>();
        for (Circulation c : jdbc.sql("SELECT * FROM doc_circulation WHERE document_id = :id ORDER BY started_at DESC, id DESC")
                .param("id", documentId).query((rs, n) -> circulation(rs)).list()) {
            views.add(view(c, now));
        }
        return views;
    }

    CirculationView view(Circulation c, Instant now) {
        return new CirculationView(c.id(), c.documentId(), c.mode(), c.urgent(), c.startedAt(), c.dueAt(),
                c.returnedAt(), c.open() && c.dueAt().isBefore(now), readers(c.id()));
    }

    boolean sign(long circulationId, long readerId, Instant at, String fullName) {
        return jdbc.sql("UPDATE doc_circulation_reader SET signed_at = :at, signed_name = :name "
                + "WHERE circulation_id = :circulation AND reader_id = :reader AND sent_at IS NOT NULL "
                + "AND signed_at IS NULL AND released_at IS NULL")
                .param("at", ts(at)).param("name", fullName).param("circulation", circulationId)
                .param("reader", readerId).update() == 1;
    }

    void release(long circulationId, long readerId, Instant at) {
        jdbc.sql("UPDATE doc_circulation_reader SET released_at = :at WHERE circulation_id = :circulation "
                + "AND reader_id = :reader AND released_at IS NULL")
                .param("at", ts(at)).param("circulation", circulationId).param("reader", readerId).update();
    }

    /** Sends the document to the next reader waiting for their turn; empty when none waits. */
    Optional<CirculationReader> sendNext(long circulationId, Instant at) {
        Optional<CirculationReader> next = jdbc.sql("SELECT * FROM doc_circulation_reader WHERE circulation_id = :id "
                + "AND sent_at IS NULL ORDER BY position LIMIT 1")
                .param("id", circulationId).query((rs, n) -> reader(rs)).optional();
        next.ifPresent(r -> jdbc.sql("UPDATE doc_circulation_reader SET sent_at = :at WHERE circulation_id = :id "
                + "AND reader_id = :reader").param("at", ts(at)).param("id", circulationId)
                .param("reader", r.readerId()).update());
        return next.map(r -> new CirculationReader(r.readerId(), r.readerName(), r.position(), at, null, null, null));
    }

    /** Ends the circulation and every reader's right with it; false when it was already closed. */
    boolean close(long circulationId, Instant at) {
        jdbc.sql("UPDATE doc_circulation_reader SET released_at = :at WHERE circulation_id = :id AND released_at IS NULL")
                .param("at", ts(at)).param("id", circulationId).update();
        return jdbc.sql("UPDATE doc_circulation SET returned_at = :at, version = version + 1 "
                + "WHERE id = :id AND returned_at IS NULL")
                .param("at", ts(at)).param("id", circulationId).update() == 1;
    }

    /** The readers holding the document now: sent to, not yet returned, in its open circulation (DOC-5). */
    Set<Long> holders(long documentId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT r.reader_id FROM doc_circulation_reader r "
                + "JOIN doc_circulation c ON c.id = r.circulation_id WHERE c.document_id = :id "
                + "AND c.returned_at IS NULL AND r.sent_at IS NOT NULL AND r.released_at IS NULL ORDER BY r.position")
                .param("id", documentId).query(Long.class).list());
    }

    List<InboxItem> inbox(long readerId, Instant now) {
        return jdbc.sql("""
                SELECT c.id AS circulation_id, d.id AS document_id, d.serial_no, d.title, d.level, d.period_kind,
                       d.period_years, d.period_until, d.period_condition, c.urgent, r.sent_at, c.due_at, r.signed_at
                FROM doc_circulation_reader r
                JOIN doc_circulation c ON c.id = r.circulation_id
                JOIN doc_document d ON d.id = c.document_id
                WHERE r.reader_id = :reader AND r.sent_at IS NOT NULL AND r.released_at IS NULL AND c.returned_at IS NULL
                ORDER BY (r.signed_at IS NULL) DESC, c.urgent DESC, c.due_at, c.id
                LIMIT 200""")
                .param("reader", readerId)
                .query((rs, n) -> {
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    return new InboxItem(rs.getLong("circulation_id"), rs.getLong("document_id"),
                            rs.getString("serial_no"), rs.getString("title"), SecretLevel.valueOf(rs.getString("level")),
                            new ConfidentialityTerm(PeriodKind.valueOf(rs.getString("period_kind")),
                                    (Integer) rs.getObject("period_years"), localDate(rs, "period_until"),
                                    rs.getString("period_condition")),
                            rs.getBoolean("urgent"), instant(rs, "sent_at"), due, instant(rs, "signed_at"),
                            due.isBefore(now));
                }).list();
    }

    /** Open circulations past their due time that are not flagged yet. */
    List<Circulation> overdueUnflagged(Instant now) {
        return jdbc.sql("SELECT * FROM doc_circulation WHERE returned_at IS NULL AND due_at < :now "
                + "AND overdue_at IS NULL ORDER BY due_at LIMIT 500")
                .param("now", ts(now)).query((rs, n) -> circulation(rs)).list();
    }

    boolean flagOverdue(long circulationId, Instant now) {
        return jdbc.sql("UPDATE doc_circulation SET overdue_at = :now, last_chased_at = :now WHERE id = :id "
                + "AND overdue_at IS NULL AND returned_at IS NULL")
                .params(Map.of("now", ts(now), "id", circulationId)).update() == 1;
    }

    private static Circulation circulation(ResultSet rs) throws SQLException {
        return new Circulation(rs.getLong("id"), rs.getLong("document_id"), CirculationMode.valueOf(rs.getString("mode")),
                rs.getBoolean("urgent"), rs.getLong("custodian_id"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), instant(rs, "returned_at"), instant(rs, "overdue_at"));
    }

    private static CirculationReader reader(ResultSet rs) throws SQLException {
        return new CirculationReader(rs.getLong("reader_id"), rs.getString("reader_name"), rs.getInt("position"),
                instant(rs, "sent_at"), instant(rs, "signed_at"), rs.getString("signed_name"),
                instant(rs, "released_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
