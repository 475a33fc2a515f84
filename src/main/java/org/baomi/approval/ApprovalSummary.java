package org.baomi.approval;

import java.time.Instant;

import org.baomi.shared.SecretLevel;

/**
 * A request as lists show it: never the subject's content, only its type, id and level.
 *
 * @param currentStep number of the step waiting (1-based), or 0 once decided
 * @param stepCount   number of steps of its chain
 * @param deadline    the current step's deadline, or null
 */
public record ApprovalSummary(long id, String kind, ApprovalStatus status, long requesterId, String requesterStaffNo,
        String requesterName, String subjectType, String subjectId, SecretLevel level, String action,
        int durationDays, String reason, Instant submittedAt, Instant decidedAt, int currentStep, int stepCount,
        Instant deadline, Long grantId, int version) {

    /** Whether bulk approval could ever include it (CLS: never 机密/绝密). */
    public boolean bulkLevelAllowed() {
        return !level.atLeast(SecretLevel.HIGHLY_SECRET);
    }
}
