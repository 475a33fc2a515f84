package org.baomi.approval;

import java.time.Instant;
import java.util.List;

/**
 * Delegation while on leave (issue 4 item 2): an approver lets another person decide in their place for a
 * bounded time (at most {@value #MAX_DAYS} days). A delegation works only between its start and end: once
 * expired or revoked, the delegate can no longer decide. The delegate never decides their own request and never
 * approves twice in one request. Only the delegator (the signed-in person) delegates and revokes. Audit actions:
 * {@code approval.delegation.created}, {@code approval.delegation.revoked}. Event:
 * {@link ApprovalTaskAssigned} (DELEGATION) for the requests already waiting for the delegator.
 */
public interface ApprovalDelegations {

    int MAX_DAYS = 60;

    /** @return the delegation id */
    long delegate(long delegatorId, String delegateStaffNo, Instant validFrom, Instant validUntil, String reason);

    void revoke(long delegationId, long delegatorId);

    /** The person's delegations, given and received, newest first; only the person (or an API client with scope read). */
    List<DelegationSummary> of(long personId);
}
