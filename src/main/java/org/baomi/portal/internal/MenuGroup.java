package org.baomi.portal.internal;

import java.util.List;

import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuEntry;

/**
 * One area of the menu bar as a person sees it: the entries of the area they may see (at least one), in order,
 * and the entry of the page being shown when it belongs to this area.
 *
 * @param area    the area
 * @param entries the visible entries, never empty
 * @param current the entry of the current page, or null when the page is not in this area
 */
public record MenuGroup(MenuArea area, List<MenuEntry> entries, MenuEntry current) {

    public MenuGroup {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an area of the bar has at least one entry: " + area);
        }
    }

    /** A single entry is shown as a plain link rather than a dropdown of one. */
    public boolean single() {
        return entries.size() == 1;
    }

    /** The current page is one of this area's entries (the area is highlighted). */
    public boolean active() {
        return current != null;
    }

    /** True for the entry of the current page (it carries {@code aria-current="page"}). */
    public boolean isCurrent(MenuEntry entry) {
        return entry.equals(current);
    }
}
