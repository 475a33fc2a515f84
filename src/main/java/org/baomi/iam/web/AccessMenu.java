package org.baomi.iam.web;

import java.util.List;

import org.baomi.iam.AccessPermissions;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The decision point's screens in the main menu, each shown only to holders of its permission (ACC-1). */
@Component
class AccessMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("access-web.menu.who-can", "/access/who-can", "people-fill", AccessPermissions.QUERY, 300),
                new MenuEntry("access-web.menu.what-can", "/access/what-can", "person-badge", AccessPermissions.QUERY, 310),
                new MenuEntry("access-web.menu.grants", "/access/grants", "key-fill", AccessPermissions.QUERY, 320),
                new MenuEntry("access-web.menu.break-glass-reviews", "/access/break-glass/reviews", "exclamation-diamond",
                        AccessPermissions.BREAK_GLASS_REVIEW, 330),
                new MenuEntry("access-web.menu.policy", "/access/policy", "sliders", AccessPermissions.POLICY_MANAGE, 140));
    }
}
