package org.baomi.approval;

import java.time.Instant;

/** A delegation of one's approvals to someone else while on leave (issue 4 item 2). */
public record DelegationSummary(long id, long delegatorId, String delegatorName, long delegateId,
        String delegateStaffNo, String delegateName, Instant validFrom, Instant validUntil, String reason,
        Instant revokedAt) {

    public boolean activeAt(Instant at) {
        return revokedAt == null && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}
