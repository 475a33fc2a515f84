package org.baomi.classification.internal;

import java.util.List;

import org.baomi.classification.ClassificationPermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The guide is for everyone signed in; designations only for the president (CLS-3). */
@Component
class ClassificationMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry(MenuArea.CLASSIFICATION, "classification.menu.guide", "/classification",
                        "bookmark-star", null, 10),
                new MenuEntry(MenuArea.CLASSIFICATION, "classification.menu.designations",
                        "/classification/designations", "person-check", ClassificationPermissions.MANAGE_DESIGNATIONS,
                        20));
    }
}
