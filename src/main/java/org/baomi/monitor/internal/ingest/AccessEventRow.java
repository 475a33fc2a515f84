package org.baomi.monitor.internal.ingest;

import java.time.Instant;

/**
 * A valid access event, ready to store: the references as sent, the ids they resolve to (set by
 * {@link KeyResolver}), and its idempotency key.
 */
final class AccessEventRow {

    final int index;
    final String source;
    final String key;
    final Instant occurredAt;
    final String userRef;
    final String patientRef;
    final String action;
    final String workstation;
    final String departmentRef;
    Long personId;
    Long patientId;
    Long departmentId;

    AccessEventRow(int index, String source, String key, Instant occurredAt, String userRef, String patientRef,
            String action, String workstation, String departmentRef) {
        this.index = index;
        this.source = source;
        this.key = key;
        this.occurredAt = occurredAt;
        this.userRef = userRef;
        this.patientRef = patientRef;
        this.action = action;
        this.workstation = workstation;
        this.departmentRef = departmentRef;
    }
}
