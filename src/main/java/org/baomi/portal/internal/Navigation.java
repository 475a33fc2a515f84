package org.baomi.portal.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/**
 * The menu bar, by permission (ACC-1: people see only the entries their duties need), grouped into the
 * {@link MenuArea}s in their order; an area nobody could reach from the bar is left out.
 */
@Component
public class Navigation {

    private static final List<MenuEntry> OWN = List.of(
            new MenuEntry(MenuArea.HOME, "menu.home", "/", "house", null, 0),
            new MenuEntry(MenuArea.AUDIT, "menu.audit", "/audit/entries", "journal-text", "audit:entry:read", 10),
            new MenuEntry(MenuArea.AUDIT, "menu.security-events", "/audit/security-events", "exclamation-triangle",
                    "audit:security-event:read", 40),
            new MenuEntry(MenuArea.ADMINISTRATION, "menu.accounts", "/iam/accounts", "people", "iam:account:read", 10),
            new MenuEntry(MenuArea.ADMINISTRATION, "menu.roles", "/iam/roles", "shield-lock", "iam:role:manage", 20),
            new MenuEntry(MenuArea.ADMINISTRATION, "menu.access-review", "/iam/access-review", "clipboard-check",
                    "iam:access-review:manage", 30),
            new MenuEntry(MenuArea.ADMINISTRATION, "menu.api-tokens", "/iam/api-tokens", "key", "iam:api-token:manage",
                    40),
            new MenuEntry(MenuArea.MY_ACCOUNT, "menu.my-security", "/account/security", "person-lock", null, 0));

    private final CurrentUser currentUser;
    private final List<MenuEntry> entries;

    Navigation(CurrentUser currentUser, List<MenuContributor> contributors) {
        this.currentUser = currentUser;
        this.entries = Stream.concat(OWN.stream(), contributors.stream().flatMap(c -> c.menuEntries().stream()))
                .sorted(Comparator.comparing(MenuEntry::area).thenComparingInt(MenuEntry::order))
                .toList();
        // Two modules claiming one screen would show it twice; better to refuse to start than to ship that.
        Set<String> duplicated = entries.stream()
                .collect(Collectors.groupingBy(MenuEntry::path, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!duplicated.isEmpty()) {
            throw new IllegalStateException("menu entries contributed more than once: " + duplicated);
        }
    }

    /** The signed-in person's menu, no page being current; empty when nobody is signed in. */
    public List<MenuGroup> menu() {
        return menuAt("", null);
    }

    /**
     * The signed-in person's menu with the entry of the given page marked as current: the entry whose path is
     * the longest one the page lies under (and whose query, if any, the page's query contains).
     *
     * @param path  the page's path without the context path, e.g. {@code /iam/accounts/42}
     * @param query the page's query string, or null
     */
    public List<MenuGroup> menuAt(String path, String query) {
        return currentUser.principal().map(p -> groups(visibleTo(p), path, query)).orElse(List.of());
    }

    List<MenuEntry> visibleTo(StaffPrincipal principal) {
        return entries.stream().filter(i -> i.permission() == null || principal.hasPermission(i.permission()))
                .toList();
    }

    static List<MenuGroup> groups(List<MenuEntry> visible, String path, String query) {
        MenuEntry current = current(visible, path, query);
        Map<MenuArea, List<MenuEntry>> byArea = new EnumMap<>(MenuArea.class);
        for (MenuEntry entry : visible) {
            byArea.computeIfAbsent(entry.area(), a -> new ArrayList<>()).add(entry);
        }
        return byArea.entrySet().stream()
                .map(e -> new MenuGroup(e.getKey(), e.getValue(),
                        current != null && current.area() == e.getKey() ? current : null))
                .toList();
    }

    static MenuEntry current(List<MenuEntry> visible, String path, String query) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        Set<String> parameters = query == null ? Set.of() : new HashSet<>(Arrays.asList(query.split("&")));
        return visible.stream().filter(e -> leadsTo(e.path(), path, parameters))
                .max(Comparator.comparingInt((MenuEntry e) -> e.path().length()))
                .orElse(null);
    }

    private static boolean leadsTo(String entryPath, String path, Set<String> parameters) {
        int q = entryPath.indexOf('?');
        String base = q < 0 ? entryPath : entryPath.substring(0, q);
        boolean under = path.equals(base) || (!base.equals("/") && path.startsWith(base + "/"));
        return under && (q < 0 || parameters.containsAll(Arrays.asList(entryPath.substring(q + 1).split("&"))));
    }

    /** For tests: every entry of the bar, whoever may see it. */
    List<MenuEntry> allEntries() {
        return entries;
    }
}
