package org.baomi.approval.internal;

import java.util.List;

import org.baomi.approval.ApprovalPermissions;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** Everyone signed in has requests of their own; the inbox and the chains need their permissions. */
@Component
class ApprovalMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("approval.menu.requests", "/approvals?box=MINE", "envelope-paper", null, 200),
                new MenuEntry("approval.menu.inbox", "/approvals", "inbox", ApprovalPermissions.INBOX, 199),
                new MenuEntry("approval.menu.chains", "/approvals/chains", "diagram-3", ApprovalPermissions.CHAIN_MANAGE,
                        210));
    }
}
