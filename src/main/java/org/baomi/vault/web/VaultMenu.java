package org.baomi.vault.web;

import java.util.List;

import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.baomi.vault.VaultPermissions;
import org.springframework.stereotype.Component;

/** The master key screen in the security administrator's menu (DOC-9). */
@Component
class VaultMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.ADMINISTRATION, "vault.keys.menu", "/vault/keys", "safe2",
                VaultPermissions.KEYS_MANAGE, 60));
    }
}
