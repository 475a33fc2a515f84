package org.baomi.portal.internal;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The menu, by permission (ACC-1: people see only the entries their duties need). */
@Component
public class Navigation {

    private static final List<MenuEntry> OWN = List.of(
            new MenuEntry("menu.home", "/", "house", null, 0),
            new MenuEntry("menu.accounts", "/iam/accounts", "people", "iam:account:read", 100),
            new MenuEntry("menu.roles", "/iam/roles", "shield-lock", "iam:role:manage", 110),
            new MenuEntry("menu.access-review", "/iam/access-review", "clipboard-check", "iam:access-review:manage", 120),
            new MenuEntry("menu.api-tokens", "/iam/api-tokens", "key", "iam:api-token:manage", 130),
            new MenuEntry("menu.security-events", "/audit/security-events", "exclamation-triangle",
                    "audit:security-event:read", 200),
            new MenuEntry("menu.audit", "/audit/entries", "journal-text", "audit:entry:read", 210),
            new MenuEntry("menu.my-security", "/account/security", "person-lock", null, 1000));

    private final CurrentUser currentUser;
    private final List<MenuEntry> entries;

    Navigation(CurrentUser currentUser, List<MenuContributor> contributors) {
        this.currentUser = currentUser;
        this.entries = Stream.concat(OWN.stream(), contributors.stream().flatMap(c -> c.menuEntries().stream()))
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .toList();
    }

    public List<MenuEntry> menu() {
        return currentUser.principal().map(this::visibleTo).orElse(List.of());
    }

    List<MenuEntry> visibleTo(StaffPrincipal principal) {
        return entries.stream().filter(i -> i.permission() == null || principal.hasPermission(i.permission()))
                .toList();
    }
}
