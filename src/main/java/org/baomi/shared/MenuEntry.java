package org.baomi.shared;

import java.util.Objects;

/**
 * One entry of the main menu, contributed by the module that owns the screen (see {@link MenuContributor}).
 *
 * @param area       the area (dropdown) the entry belongs to; the areas' order is {@link MenuArea}'s
 * @param labelKey   message key of the label
 * @param path       the screen's path, optionally with a query ({@code /approvals?box=MINE})
 * @param icon       a Bootstrap Icons name without the {@code bi-} prefix
 * @param permission the permission a person needs to see the entry (ACC-1); null for every signed-in person
 * @param order      position within its area, ascending
 */
public record MenuEntry(MenuArea area, String labelKey, String path, String icon, String permission, int order) {

    public MenuEntry {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(path, "path");
    }
}
