package org.baomi.document.internal;

import java.util.List;

import org.baomi.document.DocumentPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The year-end return screen (DOC-6) for those who keep the register. */
@Component
class YearEndMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.DOCUMENTS, "document.menu.year-end", "/documents/year-end",
                "calendar-check", DocumentPermissions.REGISTER_MANAGE, 50));
    }
}
