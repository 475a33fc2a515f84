package org.baomi.iam.internal.account;

import org.baomi.iam.AdminKind;

/** Kind of a role: one of the three administrator kinds (ORG-5), or a business role. */
public enum RoleKind {
    SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, BUSINESS;

    public AdminKind adminKind() {
        return this == BUSINESS ? null : AdminKind.valueOf(name());
    }
}
