package org.baomi.approval;

/**
 * Permission strings and API token scopes of the approval engine (issue 4). Deciding is business work: the 三员
 * never hold it (ORG-5). The chain configuration is access policy, the security administrator's charge.
 */
public final class ApprovalPermissions {

    /** Decide requests one is asked to decide (department heads, the office, the president). */
    public static final String DECIDE = "approval:request:decide";
    /** See one's inbox of requests to decide (also granted to those who only follow requests). */
    public static final String INBOX = "approval:inbox:read";
    /** Configure approval chains (security administrator: access policy). */
    public static final String CHAIN_MANAGE = "iam:policy:manage";
    /** API scope: submit a request for a named staff member. */
    public static final String SCOPE_SUBMIT = "approval:request:submit";
    /** API scope: decide or withdraw for a named staff member. */
    public static final String SCOPE_DECIDE = "approval:request:decide";
    /** API scope: read requests. */
    public static final String SCOPE_READ = "approval:request:read";

    private ApprovalPermissions() {
    }
}
