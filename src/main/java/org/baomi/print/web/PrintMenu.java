package org.baomi.print.web;

import java.util.List;

import org.baomi.print.PrintPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The trace-code lookup in the documents menu, for the confidentiality office (AUD-1, DOC-3). */
@Component
class PrintMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.DOCUMENTS, "print.menu.trace", "/print/trace", "upc-scan",
                PrintPermissions.TRACE_LOOKUP, 80));
    }
}
