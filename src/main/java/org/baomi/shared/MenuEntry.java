package org.baomi.shared;

/**
 * One entry of the main menu, contributed by the module that owns the screen (see {@link MenuContributor}).
 *
 * @param labelKey   message key of the label
 * @param path       the screen's path
 * @param icon       a Bootstrap Icons name without the {@code bi-} prefix
 * @param permission the permission a person needs to see the entry (ACC-1); null for every signed-in person
 * @param order      position in the menu, ascending
 */
public record MenuEntry(String labelKey, String path, String icon, String permission, int order) {
}
