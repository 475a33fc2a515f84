package org.baomi.shared;

import java.util.List;

/**
 * Implemented by a module (as a Spring bean) that has screens for the main menu, so that the portal lists them
 * without knowing every module. The portal shows an entry only to people holding its permission, under its
 * {@link MenuArea}; a path must be contributed once only (the portal refuses to start otherwise).
 */
public interface MenuContributor {

    List<MenuEntry> menuEntries();
}
