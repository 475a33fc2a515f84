package org.baomi.privacy;

/** Permissions of patient self-service (issue 6 item 4, ACC-5). */
public final class SelfServicePermissions {

    /**
     * Issuing a one-time code to a patient at the registration or cashier desk (the demo role {@code billing}).
     * Business content of the desk, never an administrator's right (ORG-5).
     */
    public static final String ISSUE_CODE = "privacy:self-service:issue-code";

    private SelfServicePermissions() {
    }
}
