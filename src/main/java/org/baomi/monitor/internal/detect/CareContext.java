package org.baomi.monitor.internal.detect;

import java.time.Instant;

/**
 * An order, appointment or referral that explains access to a patient (issue 7 item 2): by a named person, or by
 * anyone of a department (a lab order is worked by the lab). Rows of monitor-ingest's {@code mon_care_context}.
 *
 * @param personId     the person it is addressed to, or null
 * @param departmentId the department it is addressed to, or null
 * @param validUntil   null: open
 */
public record CareContext(long id, Kind kind, Long personId, Long departmentId, long patientId, Instant validFrom,
        Instant validUntil) {

    /** What the context is. */
    public enum Kind {
        ORDER, APPOINTMENT, REFERRAL
    }
}
