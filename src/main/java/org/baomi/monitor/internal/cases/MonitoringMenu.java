package org.baomi.monitor.internal.cases;

import java.util.List;

import org.baomi.monitor.PrivacyCasePermissions;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The office's monitoring screens (issue 7 item 7); business roles only (ORG-5). */
@Component
class MonitoringMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry(MenuArea.PRIVACY, "monitor.cases.menu.alerts", "/privacy/monitoring/alerts",
                        "exclamation-triangle", PrivacyCasePermissions.ALERT_READ, 40),
                new MenuEntry(MenuArea.PRIVACY, "monitor.cases.menu.cases", "/privacy/monitoring/cases", "kanban",
                        PrivacyCasePermissions.CASE_MANAGE, 41),
                new MenuEntry(MenuArea.PRIVACY, "monitor.cases.menu.trends", "/privacy/monitoring/trends",
                        "graph-up", PrivacyCasePermissions.ALERT_READ, 42),
                new MenuEntry(MenuArea.PRIVACY, "monitor.cases.menu.explanations",
                        "/privacy/monitoring/explanations", "chat-left-text", PrivacyCasePermissions.CASE_EXPLAIN,
                        43));
    }
}
