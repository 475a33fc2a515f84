package org.baomi.portal.internal;

import java.util.List;

import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.springframework.stereotype.Component;

/** The menu, by permission (ACC-1: people see only the entries their duties need). */
@Component
public class Navigation {

    /** A menu entry; {@code permission} null means every signed-in person. */
    public record MenuItem(String labelKey, String path, String icon, String permission) {
    }

    private static final List<MenuItem> ITEMS = List.of(
            new MenuItem("menu.home", "/", "house", null),
            new MenuItem("menu.accounts", "/iam/accounts", "people", "iam:account:read"),
            new MenuItem("menu.roles", "/iam/roles", "shield-lock", "iam:role:manage"),
            new MenuItem("menu.access-review", "/iam/access-review", "clipboard-check", "iam:access-review:manage"),
            new MenuItem("menu.api-tokens", "/iam/api-tokens", "key", "iam:api-token:manage"),
            new MenuItem("menu.security-events", "/audit/security-events", "exclamation-triangle", "audit:security-event:read"),
            new MenuItem("menu.audit", "/audit/entries", "journal-text", "audit:entry:read"),
            new MenuItem("menu.my-security", "/account/security", "person-lock", null));

    private final CurrentUser currentUser;

    Navigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public List<MenuItem> menu() {
        return currentUser.principal().map(Navigation::visibleTo).orElse(List.of());
    }

    static List<MenuItem> visibleTo(StaffPrincipal principal) {
        return ITEMS.stream().filter(i -> i.permission() == null || principal.hasPermission(i.permission())).toList();
    }
}
