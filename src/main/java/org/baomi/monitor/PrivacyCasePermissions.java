package org.baomi.monitor;

/**
 * Permissions and the token scope of the alert queue and the cases (issue 7 items 4, 6, 7). Business roles only:
 * the 三员 never hold them (ORG-5), and the module refuses an administrator even if a role said otherwise.
 */
public final class PrivacyCasePermissions {

    /** The alert queue, the timelines, the trends (role confidentiality-office); also the API's token scope. */
    public static final String ALERT_READ = "monitor:alert:read";

    /** The case board, a case, and every step of the workflow (role confidentiality-office). */
    public static final String CASE_MANAGE = "monitor:case:manage";

    /** A department head's answer to the office's request for an explanation, for their own department only. */
    public static final String CASE_EXPLAIN = "monitor:case:explain";

    private PrivacyCasePermissions() {
    }
}
