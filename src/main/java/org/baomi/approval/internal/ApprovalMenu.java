package org.baomi.approval.internal;

import java.util.List;

import org.baomi.approval.ApprovalPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/**
 * Every staff member has requests of their own (the 三员 take no part in business approvals, ORG-5, so they do not
 * hold the staff role's permission); the inbox and the chains need their permissions.
 */
@Component
class ApprovalMenu implements MenuContributor {

    /** The built-in staff role's permission, held by every staff member and by none of the 三员. */
    static final String STAFF = "portal:home:view";

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry(MenuArea.APPROVALS, "approval.menu.inbox", "/approvals", "inbox",
                        ApprovalPermissions.INBOX, 10),
                new MenuEntry(MenuArea.APPROVALS, "approval.menu.requests", "/approvals?box=MINE", "envelope-paper",
                        STAFF, 20),
                new MenuEntry(MenuArea.APPROVALS, "approval.menu.chains", "/approvals/chains", "diagram-3",
                        ApprovalPermissions.CHAIN_MANAGE, 30));
    }
}
