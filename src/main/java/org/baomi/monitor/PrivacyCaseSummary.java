package org.baomi.monitor;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A case as the board shows it.
 *
 * @param risk    the person's current risk score (see {@link PrivacyCases#riskOf})
 * @param dueAt   the current step's deadline, null once closed
 * @param overdue the deadline has passed and the case is still open
 */
public record PrivacyCaseSummary(long id, String userRef, Long personId, String personName, Long departmentId,
        String departmentName, PrivacyCaseStep step, Instant openedAt, Instant dueAt, boolean overdue, int alerts,
        BigDecimal risk, Long assigneeId, String assigneeName, PrivacyCaseOutcome outcome, int version) {
}
