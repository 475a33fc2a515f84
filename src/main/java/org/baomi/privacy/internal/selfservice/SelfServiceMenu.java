package org.baomi.privacy.internal.selfservice;

import java.util.List;

import org.baomi.privacy.SelfServicePermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The desk's screen for one-time codes (ACC-5), for those who hold the permission (registration, cashier). */
@Component
class SelfServiceMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.PRIVACY, "privacy-self.menu.desk", "/privacy/self-service-desk",
                "phone", SelfServicePermissions.ISSUE_CODE, 20));
    }
}
