package org.baomi.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.monitor.AccessTimelineService;
import org.baomi.monitor.AlertQuery;
import org.baomi.monitor.AlertQueryService;
import org.baomi.monitor.Detector;
import org.baomi.monitor.MonitorCaseFixture;
import org.baomi.monitor.PrivacyCaseOutcome;
import org.baomi.monitor.PrivacyCaseSanction;
import org.baomi.monitor.PrivacyCaseWorkflow;
import org.baomi.monitor.PrivacyCases;
import org.baomi.test.TestAccounts;

/**
 * The audit coverage cases of the privacy monitoring's alert queue, cases and timelines (issue 7 items 4, 6, 7;
 * PAT-4, AUD-2), collected by {@link AuditCoverageTest}. The office's reads and every workflow step write their own
 * record; what the office may not do (a department head's explanation, the head's views) is refused and recorded.
 * The head's allowed explanation is asserted by {@code org.baomi.monitor.PrivacyCaseWorkflowTest}.
 */
final class MonitorCaseCoverageCases {

    private MonitorCaseCoverageCases() {
    }

    /** A fresh person of the test department with one open alert; returns the alert id. */
    private static long alert(AuditCoverageTest t, double score) {
        TestAccounts.Created person = t.accounts.staff();
        return new MonitorCaseFixture(t.jdbc, t.clock()).alertWithEvent(Detector.NO_EXPLANATION, person.staffNo(),
                person.id(), 950_000L + person.id(), score);
    }

    /** A case the signed-in office opens of a fresh alert. */
    private static long openCase(AuditCoverageTest t) {
        return t.bean(PrivacyCaseWorkflow.class).openCase(List.of(alert(t, 20)));
    }

    /** A fresh case moved straight to the interview step (interviewed when asked). */
    private static long atInterview(AuditCoverageTest t, boolean interviewed) {
        long id = openCase(t);
        t.jdbc.sql("UPDATE mon_case SET step = 'INTERVIEW', interviewed_on = :on WHERE id = :id")
                .param("on", interviewed ? LocalDate.now(t.clock()) : null).param("id", id).update();
        return id;
    }

    private static int version(AuditCoverageTest t, long caseId) {
        return t.jdbc.sql("SELECT version FROM mon_case WHERE id = :id").param("id", caseId).query(Integer.class)
                .single();
    }

    static final List<Case> CASES = List.of(
            Case.recorded("AlertQueryService.search", Who.OFFICE, "monitor.alerts.viewed",
                    t -> t.bean(AlertQueryService.class).search(AlertQuery.openQueue())),
            Case.recorded("AlertQueryService.exportCsv", Who.OFFICE, "monitor.alerts.exported",
                    t -> t.bean(AlertQueryService.class).exportCsv(AlertQuery.openQueue(), Locale.ENGLISH)),
            Case.recorded("AlertQueryService.trends", Who.OFFICE, "monitor.trends.viewed",
                    t -> t.bean(AlertQueryService.class).trends(12)),
            Case.recorded("PrivacyCases.board", Who.OFFICE, "monitor.cases.viewed",
                    t -> t.bean(PrivacyCases.class).board()),
            Case.recorded("PrivacyCases.view", Who.OFFICE, "monitor.case.viewed",
                    t -> t.bean(PrivacyCases.class).view(openCase(t))),
            Case.denied("PrivacyCases.viewForExplanation", t -> t.bean(PrivacyCases.class).viewForExplanation(1L)),
            Case.denied("PrivacyCases.awaitingMyExplanation",
                    t -> t.bean(PrivacyCases.class).awaitingMyExplanation()),
            Case.denied("PrivacyCases.riskOf", t -> t.bean(PrivacyCases.class).riskOf("H0001")),
            Case.recorded("PrivacyCaseWorkflow.group", Who.MODULE, "monitor.case.opened", t -> {
                alert(t, 95);
                t.bean(PrivacyCaseWorkflow.class).group();
            }),
            Case.recorded("PrivacyCaseWorkflow.openCase", Who.OFFICE, "monitor.case.opened", t -> openCase(t)),
            Case.recorded("PrivacyCaseWorkflow.dismissAlerts", Who.OFFICE, "monitor.alerts.dismissed",
                    t -> t.bean(PrivacyCaseWorkflow.class).dismissAlerts(List.of(alert(t, 5)), "coverage")),
            Case.recorded("PrivacyCaseWorkflow.assign", Who.OFFICE, "monitor.case.assigned", t -> {
                long id = openCase(t);
                t.bean(PrivacyCaseWorkflow.class).assign(id, version(t, id), t.person(Who.OFFICE).id());
            }),
            Case.recorded("PrivacyCaseWorkflow.dismiss", Who.OFFICE, "monitor.case.dismissed", t -> {
                long id = openCase(t);
                t.bean(PrivacyCaseWorkflow.class).dismiss(id, version(t, id), "coverage");
            }),
            Case.recorded("PrivacyCaseWorkflow.requestExplanation", Who.OFFICE, "monitor.case.explanation-requested",
                    t -> {
                        t.accounts.create(TestAccounts.person().roles("staff", "department-head"));
                        long id = openCase(t);
                        t.bean(PrivacyCaseWorkflow.class).requestExplanation(id, version(t, id), "coverage");
                    }),
            Case.denied("PrivacyCaseWorkflow.explain", t -> t.bean(PrivacyCaseWorkflow.class).explain(1L, "x")),
            Case.recorded("PrivacyCaseWorkflow.recordInterview", Who.OFFICE, "monitor.case.interviewed", t -> {
                long id = atInterview(t, false);
                t.bean(PrivacyCaseWorkflow.class).recordInterview(id, version(t, id), LocalDate.now(t.clock()),
                        "coverage");
            }),
            Case.recorded("PrivacyCaseWorkflow.conclude", Who.OFFICE, "monitor.case.concluded", t -> {
                long id = atInterview(t, true);
                t.bean(PrivacyCaseWorkflow.class).conclude(id, version(t, id), PrivacyCaseOutcome.VIOLATION,
                        PrivacyCaseSanction.PEN_1, "coverage");
            }),
            Case.recorded("AccessTimelineService.ofPerson", Who.OFFICE, "monitor.timeline.person-viewed",
                    t -> t.bean(AccessTimelineService.class).ofPerson(t.accounts.staff().id(), 0)),
            Case.recorded("AccessTimelineService.ofPatient", Who.OFFICE, "monitor.timeline.patient-viewed",
                    t -> t.bean(AccessTimelineService.class).ofPatient(950_000L, 0)));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of();
}
