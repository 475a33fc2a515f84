package org.baomi.audit;

import java.time.Instant;

/**
 * An audit entry as read back for the audit and security administrators' screens, with every column.
 *
 * @param sessionRef opaque reference to the session or API token the action came through
 * @param patientId  the patient the entry concerns, or null
 */
public record AuditRecord(long sequence, Instant occurredAt, Long actorId, String actorName, String actorDepartment,
        ActorKind actorKind, String sourceAddress, String action, String objectType, String objectId,
        String secretLevel, AuditOutcome outcome, String reasonKey, String details, String sessionRef,
        String patientId) {

    /** Without session and patient, as the security administrator's views read it. */
    public AuditRecord(long sequence, Instant occurredAt, Long actorId, String actorName, String actorDepartment,
            ActorKind actorKind, String sourceAddress, String action, String objectType, String objectId,
            String secretLevel, AuditOutcome outcome, String reasonKey, String details) {
        this(sequence, occurredAt, actorId, actorName, actorDepartment, actorKind, sourceAddress, action, objectType,
                objectId, secretLevel, outcome, reasonKey, details, null, null);
    }
}
