package org.baomi.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the queue, the case page and the API show it.
 *
 * @param userRef    the person as the source named them (staff number)
 * @param personId   Baomi's account id, null when it did not resolve
 * @param personName the person's name when the account is active, else null
 * @param patientRef the patient as the source named them (MRN)
 * @param eventIds   the access events behind the alert
 */
public record AlertQueryRow(long id, Detector detector, String userRef, Long personId, String personName,
        String patientRef, Long patientId, BigDecimal score, List<AlertQueryEvidence> evidence, List<Long> eventIds,
        Instant firstAt, Instant lastAt, AlertQueryStatus status, Long caseId, String dismissedReason) {

    public AlertQueryRow {
        evidence = List.copyOf(evidence);
        eventIds = List.copyOf(eventIds);
    }
}
