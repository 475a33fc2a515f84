package org.baomi.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baomi.document.CarryOutRecord;
import org.baomi.document.CopyKind;
import org.baomi.document.CopyRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.baomi.document.internal.DocumentStore.ts;

/** Requests, numbered copies and carry-outs (DOC-3, DOC-4). Nothing is deleted: returns set times. */
@Repository
class CopyStore {

    private final JdbcClient jdbc;

    CopyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request waiting for (or decided by) its approval. */
    record Request(long id, long documentId, CopyKind kind, long approvalId, long requesterId, String requesterName,
            Integer copies, String destination, String status) {
    }

    void insertRequest(long documentId, CopyKind kind, long approvalId, long requesterId, String requesterName,
            Integer copies, String destination, Instant at) {
        jdbc.sql("INSERT INTO doc_copy_request (document_id, kind, approval_id, requester_id, requester_name, copies, "
                + "destination, status, requested_at) VALUES (:document, :kind, :approval, :requester, :name, :copies, "
                + ":destination, 'PENDING', :at)")
                .param("document", documentId).param("kind", kind.name()).param("approval", approvalId)
                .param("requester", requesterId).param("name", requesterName).param("copies", copies)
                .param("destination", destination).param("at", ts(at)).update();
    }

    Optional<Request> pendingByApproval(long approvalId) {
        return jdbc.sql("SELECT * FROM doc_copy_request WHERE approval_id = :id AND status = 'PENDING' FOR UPDATE")
                .param("id", approvalId)
                .query((rs, n) -> new Request(rs.getLong("id"), rs.getLong("document_id"),
                        CopyKind.valueOf(rs.getString("kind")), rs.getLong("approval_id"), rs.getLong("requester_id"),
                        rs.getString("requester_name"), (Integer) rs.getObject("copies"), rs.getString("destination"),
                        rs.getString("status")))
                .optional();
    }

    void decide(long requestId, String status, Instant at) {
        jdbc.sql("UPDATE doc_copy_request SET status = :status, decided_at = :at WHERE id = :id")
                .param("status", status).param("at", ts(at)).param("id", requestId).update();
    }

    /** Creates the approved copies, numbered on from the document's earlier copies of the kind. */
    List<Integer> authoriseCopies(Request request, Instant at) {
        int next = jdbc.sql("SELECT coalesce(max(copy_no), 0) + 1 FROM doc_copy WHERE document_id = :document "
                + "AND kind = :kind").param("document", request.documentId()).param("kind", request.kind().name())
                .query(Integer.class).single();
        int total = request.copies() == null ? 1 : request.copies();
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < total; i++) {
            jdbc.sql("INSERT INTO doc_copy (document_id, request_id, kind, copy_no, of_total, holder_id, holder_name, "
                    + "status, authorised_at) VALUES (:document, :request, :kind, :no, :total, :holder, :name, "
                    + "'AUTHORISED', :at)")
                    .param("document", request.documentId()).param("request", request.id())
                    .param("kind", request.kind().name()).param("no", next + i).param("total", total)
                    .param("holder", request.requesterId()).param("name", request.requesterName())
                    .param("at", ts(at)).update();
            numbers.add(next + i);
        }
        return numbers;
    }

    long authoriseCarryOut(Request request, Instant at) {
        return jdbc.sql("INSERT INTO doc_carry_out (document_id, request_id, holder_id, holder_name, destination, "
                + "authorised_at) VALUES (:document, :request, :holder, :name, :destination, :at) RETURNING id")
                .param("document", request.documentId()).param("request", request.id())
                .param("holder", request.requesterId()).param("name", request.requesterName())
                .param("destination", request.destination()).param("at", ts(at)).query(Long.class).single();
    }

    /** The holder's next approved copy of the kind, locked, so that two prints never take the same number. */
    Optional<CopyRecord> nextAuthorised(long documentId, CopyKind kind, long holderId) {
        return jdbc.sql("SELECT * FROM doc_copy WHERE document_id = :document AND kind = :kind AND holder_id = :holder "
                + "AND status = 'AUTHORISED' ORDER BY copy_no LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("document", documentId).param("kind", kind.name()).param("holder", holderId)
                .query((rs, n) -> copy(rs)).optional();
    }

    void markMade(long copyId, Instant at) {
        jdbc.sql("UPDATE doc_copy SET status = 'MADE', made_at = :at WHERE id = :id").param("at", ts(at))
                .param("id", copyId).update();
    }

    Optional<CopyRecord> copy(long copyId) {
        return jdbc.sql("SELECT * FROM doc_copy WHERE id = :id FOR UPDATE").param("id", copyId)
                .query((rs, n) -> copy(rs)).optional();
    }

    boolean markReturned(long copyId, Instant at, long custodianId) {
        return jdbc.sql("UPDATE doc_copy SET status = 'RETURNED', returned_at = :at, returned_to = :custodian "
                + "WHERE id = :id AND status <> 'RETURNED'")
                .param("at", ts(at)).param("custodian", custodianId).param("id", copyId).update() == 1;
    }

    Optional<CarryOutRecord> carryOut(long id) {
        return jdbc.sql("SELECT * FROM doc_carry_out WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> carryOut(rs)).optional();
    }

    boolean carryOutReturned(long id, Instant at, long custodianId) {
        return jdbc.sql("UPDATE doc_carry_out SET returned_at = :at, returned_to = :custodian WHERE id = :id "
                + "AND returned_at IS NULL")
                .param("at", ts(at)).param("custodian", custodianId).param("id", id).update() == 1;
    }

    long openCarryOuts(long documentId) {
        return jdbc.sql("SELECT count(*) FROM doc_carry_out WHERE document_id = :id AND returned_at IS NULL")
                .param("id", documentId).query(Long.class).single();
    }

    List<CopyRecord> copiesOf(long documentId) {
        return jdbc.sql("SELECT * FROM doc_copy WHERE document_id = :id ORDER BY kind, copy_no").param("id", documentId)
                .query((rs, n) -> copy(rs)).list();
    }

    List<CarryOutRecord> carryOutsOf(long documentId) {
        return jdbc.sql("SELECT * FROM doc_carry_out WHERE document_id = :id ORDER BY authorised_at DESC, id DESC")
                .param("id", documentId).query((rs, n) -> carryOut(rs)).list();
    }

    private static CopyRecord copy(ResultSet rs) throws SQLException {
        return new CopyRecord(rs.getLong("id"), rs.getLong("document_id"), CopyKind.valueOf(rs.getString("kind")),
                rs.getInt("copy_no"), rs.getInt("of_total"), rs.getLong("holder_id"), rs.getString("holder_name"),
                rs.getString("status"), instant(rs, "authorised_at"), instant(rs, "made_at"), instant(rs, "returned_at"));
    }

    private static CarryOutRecord carryOut(ResultSet rs) throws SQLException {
        return new CarryOutRecord(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("holder_id"),
                rs.getString("holder_name"), rs.getString("destination"), instant(rs, "authorised_at"),
                instant(rs, "returned_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
