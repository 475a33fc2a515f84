package org.baomi.document.web;

import org.baomi.document.DocumentPermissions;
import org.baomi.iam.PermissionGuard;
import org.springframework.stereotype.Component;

/**
 * Whether the document's page loads the end-of-life panel (DOC-7, DOC-8) for a person who is not the custodian: the
 * register's keepers and the office. Not a decision: every action behind the panel decides and audits itself.
 */
@Component("documentLifecyclePanel")
class LifecyclePanel {

    private final PermissionGuard guard;

    LifecyclePanel(PermissionGuard guard) {
        this.guard = guard;
    }

    public boolean mayManage() {
        return guard.has(DocumentPermissions.REGISTER_MANAGE) || guard.has(DocumentPermissions.DESTRUCTION_SUPERVISE);
    }
}
