package org.baomi.monitor;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's record: what was done ({@code action}: OPENED, ALERTS_ADDED, ASSIGNED, DISMISSED,
 * EXPLANATION_REQUESTED, EXPLAINED, INTERVIEWED, CONCLUDED), the step it left the case in, by whom, when, the note,
 * the deadline it set, and structured facts (alert ids, sanction key, interview date).
 */
public record PrivacyCaseRecordEntry(long id, String action, PrivacyCaseStep step, Long actorId, String actorName,
        Instant at, String note, Instant dueAt, Map<String, Object> details) {

    public String messageKey() {
        return "monitor.cases.action." + action;
    }
}
