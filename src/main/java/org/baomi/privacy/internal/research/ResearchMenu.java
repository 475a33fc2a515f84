package org.baomi.privacy.internal.research;

import java.util.List;

import org.baomi.privacy.PrivacyPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** Research exports (issue 6 item 3) for holders of {@link PrivacyPermissions#RESEARCH_EXPORT}. */
@Component
class ResearchMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.PRIVACY, "privacy.research.menu", "/privacy/research", "clipboard-data",
                PrivacyPermissions.RESEARCH_EXPORT, 40));
    }
}
