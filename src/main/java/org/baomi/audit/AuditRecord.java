package org.baomi.audit;

import java.time.Instant;

/** An audit entry as read back for the audit and security administrators' screens. */
public record AuditRecord(long sequence, Instant occurredAt, Long actorId, String actorName, String actorDepartment,
        ActorKind actorKind, String sourceAddress, String action, String objectType, String objectId,
        String secretLevel, AuditOutcome outcome, String reasonKey, String details) {
}
