package org.baomi.iam.web;

import java.util.List;

import org.baomi.iam.AccessPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The decision point's screens in the main menu, each shown only to holders of its permission (ACC-1). */
@Component
class AccessMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                entry("access-web.menu.who-can", "/access/who-can", "people-fill", AccessPermissions.QUERY, 10),
                entry("access-web.menu.what-can", "/access/what-can", "person-badge", AccessPermissions.QUERY, 20),
                entry("access-web.menu.grants", "/access/grants", "key-fill", AccessPermissions.QUERY, 30),
                entry("access-web.menu.break-glass-reviews", "/access/break-glass/reviews", "exclamation-diamond",
                        AccessPermissions.BREAK_GLASS_REVIEW, 40),
                entry("access-web.break-glass.history.title", "/access/break-glass/history", "clock-history",
                        AccessPermissions.BREAK_GLASS_REVIEW, 50),
                entry("access-web.menu.policy", "/access/policy", "sliders", AccessPermissions.POLICY_MANAGE, 60));
    }

    private static MenuEntry entry(String labelKey, String path, String icon, String permission, int order) {
        return new MenuEntry(MenuArea.ACCESS, labelKey, path, icon, permission, order);
    }
}
