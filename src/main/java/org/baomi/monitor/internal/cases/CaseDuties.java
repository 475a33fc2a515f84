package org.baomi.monitor.internal.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.monitor.PrivacyCasePermissions;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.stereotype.Component;

/**
 * Home-page duties (ORG-4, PAT-4): the office sees overdue cases (urgent) and open alerts; a department head sees
 * the cases of their department that await their explanation. Counts only, never a name.
 */
@Component
class CaseDuties implements DutyProvider {

    private final StaffLookup staff;
    private final CaseStore store;
    private final Clock clock;

    CaseDuties(StaffLookup staff, CaseStore store, Clock clock) {
        this.staff = staff;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        StaffPrincipal person = staff.activeById(accountId).orElse(null);
        if (person == null || person.isAdministrator()) {
            return List.of();
        }
        List<Duty> duties = new ArrayList<>();
        if (person.hasPermission(PrivacyCasePermissions.CASE_MANAGE)) {
            long overdue = store.overdue(clock.instant());
            if (overdue > 0) {
                duties.add(new Duty("monitor.cases-overdue", "monitor.cases.duty.overdue.title",
                        "monitor.cases.duty.overdue.description", "/privacy/monitoring/cases", true,
                        List.of(overdue)));
            }
        }
        if (person.hasPermission(PrivacyCasePermissions.ALERT_READ)) {
            long open = store.openAlerts();
            if (open > 0) {
                duties.add(new Duty("monitor.alerts-open", "monitor.cases.duty.alerts.title",
                        "monitor.cases.duty.alerts.description", "/privacy/monitoring/alerts", false,
                        List.of(open)));
            }
        }
        if (person.hasPermission(PrivacyCasePermissions.CASE_EXPLAIN) && person.departmentId() != null) {
            int waiting = store.awaitingExplanation(person.departmentId()).size();
            if (waiting > 0) {
                duties.add(new Duty("monitor.explanations", "monitor.cases.duty.explain.title",
                        "monitor.cases.duty.explain.description", "/privacy/monitoring/explanations", true,
                        List.of(waiting)));
            }
        }
        return duties;
    }
}
