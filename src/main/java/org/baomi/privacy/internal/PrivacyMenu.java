package org.baomi.privacy.internal;

import java.util.List;

import org.baomi.privacy.PrivacyPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The patients one cares for (issue 6 item 2); only medical roles hold the permission (ACC-4). */
@Component
class PrivacyMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.PRIVACY, "privacy.menu.patients", "/privacy/patients", "people",
                PrivacyPermissions.PATIENT_READ, 10));
    }
}
