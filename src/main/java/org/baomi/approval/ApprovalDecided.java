package org.baomi.approval;

import java.time.Instant;
import org.baomi.shared.SecretLevel;

/**
 * Published in the engine's transaction when a request ends (issue 4 item 3): the submitting module acts on it
 * (e.g. the documents module lets the approved copy be made) and the notification centre tells the requester.
 *
 * @param approvalId  the request
 * @param kind        the approval kind's code
 * @param requesterId the person who asked
 * @param outcome     how it ended
 * @param subjectType the subject's object type (as in {@link org.baomi.iam.ResourceRef})
 * @param subjectId   the subject's id
 * @param level       the subject's secret level
 * @param decidedAt   when it ended
 * @param grantId     the grant issued on approval, or null
 */
public record ApprovalDecided(long approvalId, String kind, long requesterId, ApprovalOutcome outcome,
        String subjectType, String subjectId, SecretLevel level, Instant decidedAt, Long grantId) {
}
