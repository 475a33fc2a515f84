package org.baomi.approval;

/** How a request ended. */
public enum ApprovalOutcome {
    /** Every step of the chain approved; a grant was issued when the kind asks for one. */
    APPROVED,
    /** A step refused (with a reason). */
    REFUSED,
    /** The requester withdrew the request before it was decided. */
    WITHDRAWN,
    /** Nobody decided before the final deadline and no escalation was left. */
    EXPIRED
}
