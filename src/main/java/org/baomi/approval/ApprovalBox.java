package org.baomi.approval;

/** Which list of requests (issue 4 item 4). */
public enum ApprovalBox {
    /** Pending requests whose current step the person may decide (directly or as a delegate). */
    WAITING,
    /** The person's own requests. */
    MINE,
    /** Requests in which the person decided a step. */
    DECIDED;

    public String messageKey() {
        return "approval.box." + name();
    }
}
