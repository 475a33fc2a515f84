package org.baomi.document.internal;

import java.util.List;

import org.baomi.document.DocumentPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The register for those who keep it; the inbox and one's own documents for every reader (DOC-2, DOC-5). */
@Component
class DocumentMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry(MenuArea.DOCUMENTS, "document.menu.register", "/documents", "journal-bookmark",
                        DocumentPermissions.REGISTER_MANAGE, 10),
                new MenuEntry(MenuArea.DOCUMENTS, "document.menu.new", "/documents/new", "journal-plus",
                        DocumentPermissions.REGISTER_MANAGE, 20),
                new MenuEntry(MenuArea.DOCUMENTS, "document.menu.kept", "/documents/kept", "archive",
                        DocumentPermissions.READ, 30),
                new MenuEntry(MenuArea.DOCUMENTS, "document.menu.inbox", "/documents/inbox", "envelope-paper",
                        DocumentPermissions.READ, 40));
    }
}
