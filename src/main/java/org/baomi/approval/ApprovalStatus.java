package org.baomi.approval;

/** Where a request stands. */
public enum ApprovalStatus {
    PENDING, APPROVED, REFUSED, WITHDRAWN, EXPIRED;

    public String messageKey() {
        return "approval.status." + name();
    }
}
