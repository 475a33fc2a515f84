package org.baomi.document.internal;

import static org.baomi.document.internal.DocumentStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baomi.document.DestructionMethod;
import org.baomi.document.DestructionRecord;
import org.baomi.document.DocumentIncident;
import org.baomi.document.LossKind;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds, incidents (DOC-8) and destructions (DOC-7): tables {@code doc_hold}, {@code doc_incident}, {@code doc_destruction}. */
@Repository
class LifecycleStore {

    private static final String DESTRUCTION = "SELECT id, document_id, approval_id, requester_id, requester_name, "
            + "method, place, reason, status, requested_at, performer_id, performer_name, performed_at, supervisor_id, "
            + "supervisor_name, supervised_at, certificate_no FROM doc_destruction ";

    private final JdbcClient jdbc;

    LifecycleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A destruction row with the ids the rules need. */
    record Destruction(DestructionRecord view, long requesterId, Long performerId, Long supervisorId) {
    }

    boolean held(long documentId) {
        return jdbc.sql("SELECT count(*) FROM doc_hold WHERE document_id = :id AND released_at IS NULL")
                .param("id", documentId).query(Long.class).single() > 0;
    }

    boolean openIncident(long documentId) {
        return jdbc.sql("SELECT count(*) FROM doc_incident WHERE document_id = :id AND status = 'OPEN'")
                .param("id", documentId).query(Long.class).single() > 0;
    }

    /** False when a hold is in force already (the partial unique index). */
    boolean hold(long documentId, String reason, long actorId, String actorName, Instant at) {
        return jdbc.sql("INSERT INTO doc_hold (document_id, reason, set_by, set_by_name, set_at) "
                + "VALUES (:id, :reason, :actor, :name, :at) ON CONFLICT DO NOTHING")
                .param("id", documentId).param("reason", reason).param("actor", actorId).param("name", actorName)
                .param("at", ts(at)).update() == 1;
    }

    boolean releaseHold(long documentId, long actorId, Instant at) {
        return jdbc.sql("UPDATE doc_hold SET released_by = :actor, released_at = :at WHERE document_id = :id "
                + "AND released_at IS NULL").param("actor", actorId).param("at", ts(at)).param("id", documentId)
                .update() == 1;
    }

    long openIncident(long documentId, Long copyId, LossKind kind, String circumstances, long actorId,
            String actorName, Instant at, SecretLevel level) {
        return jdbc.sql("INSERT INTO doc_incident (document_id, copy_id, kind, circumstances, reported_by, "
                + "reported_by_name, reported_at, status, level_was) VALUES (:id, :copy, :kind, :what, :actor, :name, "
                + ":at, 'OPEN', :level) RETURNING id")
                .param("id", documentId).param("copy", copyId).param("kind", kind.name()).param("what", circumstances)
                .param("actor", actorId).param("name", actorName).param("at", ts(at)).param("level", level.name())
                .query(Long.class).single();
    }

    Optional<DocumentIncident> incident(long id) {
        return jdbc.sql("SELECT * FROM doc_incident WHERE id = :id").param("id", id)
                .query((rs, n) -> incident(rs)).optional();
    }

    boolean closeIncident(long id, long actorId, String note, Instant at) {
        return jdbc.sql("UPDATE doc_incident SET status = 'CLOSED', closed_by = :actor, closed_at = :at, "
                + "closing_note = :note WHERE id = :id AND status = 'OPEN'")
                .param("actor", actorId).param("at", ts(at)).param("note", note).param("id", id).update() == 1;
    }

    List<DocumentIncident> incidentsOf(long documentId) {
        return jdbc.sql("SELECT * FROM doc_incident WHERE document_id = :id ORDER BY reported_at DESC, id DESC")
                .param("id", documentId).query((rs, n) -> incident(rs)).list();
    }

    long insertDestruction(long documentId, long approvalId, long requesterId, String requesterName,
            DestructionMethod method, String place, String reason, Instant at) {
        return jdbc.sql("INSERT INTO doc_destruction (document_id, approval_id, requester_id, requester_name, method, "
                + "place, reason, status, requested_at) VALUES (:doc, :approval, :requester, :name, :method, :place, "
                + ":reason, 'PENDING', :at) RETURNING id")
                .param("doc", documentId).param("approval", approvalId).param("requester", requesterId)
                .param("name", requesterName).param("method", method.name()).param("place", place)
                .param("reason", reason).param("at", ts(at)).query(Long.class).single();
    }

    /** Whether a destruction of the document is under way (asked, approved or half signed). */
    boolean destructionUnderWay(long documentId) {
        return jdbc.sql("SELECT count(*) FROM doc_destruction WHERE document_id = :id "
                + "AND status IN ('PENDING', 'APPROVED', 'PERFORMED')").param("id", documentId)
                .query(Long.class).single() > 0;
    }

    Optional<Destruction> destruction(long id) {
        return jdbc.sql(DESTRUCTION + "WHERE id = :id").param("id", id).query((rs, n) -> destruction(rs)).optional();
    }

    /** The row, locked: the two signatures of one destruction are taken one after the other. */
    Optional<Destruction> lockDestruction(long id) {
        return jdbc.sql(DESTRUCTION + "WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> destruction(rs)).optional();
    }

    Optional<Destruction> pendingByApproval(long approvalId) {
        return jdbc.sql(DESTRUCTION + "WHERE approval_id = :id AND status = 'PENDING'").param("id", approvalId)
                .query((rs, n) -> destruction(rs)).optional();
    }

    List<DestructionRecord> destructionsOf(long documentId) {
        return jdbc.sql(DESTRUCTION + "WHERE document_id = :id ORDER BY requested_at DESC, id DESC")
                .param("id", documentId).query((rs, n) -> destruction(rs).view()).list();
    }

    /** Performed by somebody else and awaiting confirmation, or confirmed by this person since the instant. */
    List<DestructionRecord> toConfirmBy(long supervisorId, Instant confirmedSince) {
        return jdbc.sql(DESTRUCTION + "WHERE (status = 'PERFORMED' AND performer_id <> :me) "
                + "OR (status = 'DESTROYED' AND supervisor_id = :me AND supervised_at >= :since) "
                + "ORDER BY status DESC, performed_at, id LIMIT 100")
                .param("me", supervisorId).param("since", ts(confirmedSince))
                .query((rs, n) -> destruction(rs).view()).list();
    }

    void decide(long id, String status, Instant at) {
        jdbc.sql("UPDATE doc_destruction SET status = :status, decided_at = :at WHERE id = :id AND status = 'PENDING'")
                .param("status", status).param("at", ts(at)).param("id", id).update();
    }

    boolean performed(long id, long performerId, String performerName, Instant at) {
        return jdbc.sql("UPDATE doc_destruction SET status = 'PERFORMED', performer_id = :who, performer_name = :name, "
                + "performed_at = :at WHERE id = :id AND status = 'APPROVED'")
                .param("who", performerId).param("name", performerName).param("at", ts(at)).param("id", id)
                .update() == 1;
    }

    boolean supervised(long id, long supervisorId, String supervisorName, Instant at, String certificateNo) {
        return jdbc.sql("UPDATE doc_destruction SET status = 'DESTROYED', supervisor_id = :who, supervisor_name = :name, "
                + "supervised_at = :at, certificate_no = :no WHERE id = :id AND status = 'PERFORMED' "
                + "AND performer_id <> :who")
                .param("who", supervisorId).param("name", supervisorName).param("at", ts(at)).param("no", certificateNo)
                .param("id", id).update() == 1;
    }

    /** Made copies not back yet (DOC-7: copies are destroyed together with the document, so they must be back). */
    long copiesOut(long documentId) {
        return jdbc.sql("SELECT count(*) FROM doc_copy WHERE document_id = :id AND status = 'MADE'")
                .param("id", documentId).query(Long.class).single();
    }

    /** Approved copies never made lapse with the document. */
    void voidUnmadeCopies(long documentId, Instant at) {
        jdbc.sql("UPDATE doc_copy SET status = 'RETURNED', returned_at = :at WHERE document_id = :id "
                + "AND status = 'AUTHORISED'").param("at", ts(at)).param("id", documentId).update();
    }

    /** Sets any status (loss applies whatever the document was doing); false for an unknown id. */
    boolean forceStatus(long documentId, String status, Instant at, long actorId) {
        return jdbc.sql("UPDATE doc_document SET status = :status, updated_at = :at, updated_by = :actor, "
                + "version = version + 1 WHERE id = :id")
                .param("status", status).param("at", ts(at)).param("actor", actorId).param("id", documentId)
                .update() == 1;
    }

    /** Ends open circulations: a lost or destroyed document is in nobody's hands any more. */
    void closeCirculations(long documentId, Instant at) {
        jdbc.sql("UPDATE doc_circulation SET returned_at = :at WHERE document_id = :id AND returned_at IS NULL")
                .param("at", ts(at)).param("id", documentId).update();
    }

    private static DocumentIncident incident(ResultSet rs) throws SQLException {
        long copy = rs.getLong("copy_id");
        Long copyId = rs.wasNull() ? null : copy;
        return new DocumentIncident(rs.getLong("id"), rs.getLong("document_id"), copyId,
                LossKind.valueOf(rs.getString("kind")), rs.getString("circumstances"),
                rs.getString("reported_by_name"), rs.getTimestamp("reported_at").toInstant(), rs.getString("status"),
                instant(rs, "closed_at"));
    }

    private static Destruction destruction(ResultSet rs) throws SQLException {
        DestructionRecord view = new DestructionRecord(rs.getLong("id"), rs.getLong("document_id"),
                rs.getLong("approval_id"), rs.getString("requester_name"),
                DestructionMethod.valueOf(rs.getString("method")), rs.getString("place"), rs.getString("reason"),
                rs.getString("status"), rs.getTimestamp("requested_at").toInstant(), rs.getString("performer_name"),
                instant(rs, "performed_at"), rs.getString("supervisor_name"), instant(rs, "supervised_at"),
                rs.getString("certificate_no"));
        return new Destruction(view, rs.getLong("requester_id"), nullable(rs, "performer_id"),
                nullable(rs, "supervisor_id"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
