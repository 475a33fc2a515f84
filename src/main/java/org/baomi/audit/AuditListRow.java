package org.baomi.audit;

import java.time.Instant;

/**
 * One line of the audit administrator's list: only the columns the console's covering indexes hold, so that a
 * list page by person or patient is read from the index alone (no heap access; see the migration
 * V202611230200). Department, source, session, reason and details are in {@link AuditRecord}, on the detail view.
 */
public record AuditListRow(long sequence, Instant occurredAt, Long actorId, ActorKind actorKind, String actorName,
        String action, AuditOutcome outcome, String objectType, String objectId, String secretLevel,
        String patientId) {

    /** Where the next or previous page starts. */
    public AuditCursor cursor() {
        return new AuditCursor(occurredAt, sequence);
    }
}
