package org.baomi.approval;

import java.util.List;

/**
 * The approval engine's commands (issue 4 item 2). The acting person is named by id: it must be the signed-in
 * person, or a staff member named by an API client whose token holds the operation's scope
 * ({@link ApprovalPermissions#SCOPE_SUBMIT}, {@link ApprovalPermissions#SCOPE_DECIDE}); anything else is refused
 * (FORBIDDEN, audited as {@code access.denied}). Input problems are thrown as
 * {@link org.baomi.iam.InvalidInputException} field by field and nothing is written; rule violations
 * (self-approval, approving twice, not an approver, no longer pending) are FORBIDDEN or CONFLICT and audited as
 * {@code approval.request.refused-action} in their own transaction.
 *
 * <p>Audit actions, in the operation's transaction: {@code approval.request.submitted},
 * {@code approval.step.approved}, {@code approval.request.refused}, {@code approval.request.approved} (with the
 * grant id), {@code approval.request.withdrawn}. Events: {@link ApprovalTaskAssigned} when a step opens,
 * {@link ApprovalDecided} when a request ends.
 */
public interface Approvals {

    /**
     * Submits a request; its chain is the kind's configured chain for the subject's level (a 绝密 subject always
     * reaches the president, CLS-3).
     *
     * @return the request id
     */
    long submit(SubmitApproval request);

    /**
     * Approves or refuses the current step of a pending request. The requester never decides their own request;
     * one person never approves twice in the same request (directly or on someone's behalf); a delegate decides
     * only while the delegation lasts. A refusal needs a comment (the reason). Approving the last step issues the
     * grant (sourceApprovalId = the request id) and ends the request.
     *
     * @param expectedVersion the request's version the decider saw (CONFLICT when it changed meanwhile), or -1
     */
    void decide(long approvalId, long deciderId, boolean approve, String comment, int expectedVersion);

    /**
     * Approves several requests at once where their kind allows it, never for 机密/绝密 subjects (issue 4 item 4).
     * All or nothing: if any cannot be approved by this person, nothing is approved.
     *
     * @return how many were approved
     */
    int approveAll(List<Long> approvalIds, long deciderId, String comment);

    /** Withdraws a pending request; only its requester may, before it is decided. A reason is required. */
    void withdraw(long approvalId, long requesterId, String reason);
}
