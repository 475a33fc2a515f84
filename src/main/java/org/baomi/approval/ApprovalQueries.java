package org.baomi.approval;

/**
 * Reading requests (issue 4 item 4). A person reads their own boxes; a request's detail is shown to its
 * requester, to anyone asked to decide a step of it (or their delegate), and to whoever decided one. Others are
 * refused (FORBIDDEN, audited as {@code access.denied}). An API client needs scope
 * {@link ApprovalPermissions#SCOPE_READ}. Reading a detail is audited as {@code approval.request.viewed}; lists show
 * no content and are not.
 */
public interface ApprovalQueries {

    /** One page of the person's box. */
    ApprovalPage list(long personId, ApprovalFilter filter);

    /** The request with its chain and history. */
    ApprovalDetail detail(long approvalId, long viewerId);

    /** How many pending requests wait for the person's decision now (for the home page). */
    long waitingCount(long personId);
}
