package org.baomi.approval;

import java.time.Instant;
import java.util.List;

import org.baomi.iam.AccessPerson;

/**
 * One step of a request's chain, with who may decide it and what became of it.
 *
 * @param status      WAITING, APPROVED, REFUSED, NOT_REACHED, CANCELLED
 * @param assignees   the people asked (the requester and earlier approvers never are)
 * @param decidedBy   who decided, or null
 * @param onBehalfOf  the assignee a delegate decided for, or null
 */
public record ApprovalStepView(int number, ChainStep step, String status, Instant openedAt, Instant deadline,
        boolean escalated, List<AccessPerson> assignees, AccessPerson decidedBy, AccessPerson onBehalfOf,
        Instant decidedAt, String comment) {

    public ApprovalStepView {
        assignees = List.copyOf(assignees);
    }
}
