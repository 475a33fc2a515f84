package org.baomi.iam;

/**
 * The three separated administrator roles of ORG-5 (三员). An account holds at most one of them and then no
 * business role; none of them carries a permission on business content.
 */
public enum AdminKind {
    /** Accounts and configuration. */
    SYSTEM_ADMIN,
    /** Roles, clearances, policies, unlocks. */
    SECURITY_ADMIN,
    /** Reads and verifies the audit trail. */
    AUDIT_ADMIN;

    public String messageKey() {
        return "iam.admin-kind." + name();
    }
}
