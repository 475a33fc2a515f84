package org.baomi.document;

import java.time.Instant;

/**
 * One destruction of a document (DOC-7): the request, its approval, and the two named people who performed and
 * supervised it (两人监销), each with the time they signed.
 *
 * @param status PENDING, APPROVED, REFUSED, WITHDRAWN, EXPIRED, PERFORMED (the performer signed) or DESTROYED (the
 *               supervisor confirmed)
 */
public record DestructionRecord(long id, long documentId, long approvalId, String requesterName,
        DestructionMethod method, String place, String reason, String status, Instant requestedAt,
        String performerName, Instant performedAt, String supervisorName, Instant supervisedAt,
        String certificateNo) {

    public String statusKey() {
        return "document.destruction.status." + status;
    }
}
