package org.baomi.notification.web;

import java.util.List;

import org.baomi.notification.MailOutbox;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The e-mail outbox in the system administrator's menu; everyone reaches their notifications by the bell. */
@Component
class NotificationMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.ADMINISTRATION, "notification.menu.outbox", "/notifications/outbox",
                "envelope-exclamation", MailOutbox.PERMISSION, 50));
    }
}
