package org.baomi.approval;

import java.time.Instant;
import java.util.List;
import org.baomi.shared.SecretLevel;

/**
 * Published in the engine's transaction when a step of a request waits for people to decide (issue 4 item 2),
 * for the notification centre. Carries no title and no content of the subject, only what is needed to say that
 * something awaits and to link to it.
 *
 * @param approvalId  the request
 * @param kind        the approval kind's code (its name is the message key {@code approval.kind.<code>})
 * @param level       the subject's secret level
 * @param assigneeIds the people who may decide the step now
 * @param reason      why they are asked
 * @param deadline    the step's deadline, or null
 */
public record ApprovalTaskAssigned(long approvalId, String kind, SecretLevel level, List<Long> assigneeIds,
        AssignmentReason reason, Instant deadline) {

    public ApprovalTaskAssigned {
        assigneeIds = List.copyOf(assigneeIds);
    }
}
