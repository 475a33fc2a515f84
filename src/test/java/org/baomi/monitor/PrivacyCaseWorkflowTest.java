package org.baomi.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.baomi.iam.InvalidInputException;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7 item 4 (PAT-4, PEN-1..3): the grouping rule, the workflow's steps and their refusals, deadlines with a
 * {@link MutableClock}, the risk score's decay, and the record and audit trail of every step.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrivacyCaseWorkflowTest {

    @Autowired
    PrivacyCaseWorkflow workflow;
    @Autowired
    PrivacyCases cases;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    List<DutyProvider> duties;

    private MonitorCaseFixture fixture;
    private TestAccounts.Created office;
    private StaffAuthentication officer;

    @BeforeEach
    void setUp() {
        fixture = new MonitorCaseFixture(jdbc, clock);
        office = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        officer = accounts.authenticationOf(office);
    }

    private <T> T as(StaffAuthentication who, Supplier<T> action) {
        return SignedIn.as(who, action);
    }

    private void asDo(StaffAuthentication who, Runnable action) {
        SignedIn.as(who, () -> {
            action.run();
            return null;
        });
    }

    private PrivacyCaseSummary summary(long caseId) {
        return as(officer, () -> cases.view(caseId)).summary();
    }

    /** A person of the test department with one alert; the case the office opens of it. */
    private long caseOf(TestAccounts.Created person, double score) {
        long alert = fixture.alertWithEvent(Detector.NO_EXPLANATION, person.staffNo(), person.id(), 900_001, score);
        return as(officer, () -> workflow.openCase(List.of(alert)));
    }

    @Test
    void three_low_alerts_of_one_person_group_into_one_case_and_one_high_alert_opens_a_case_alone_PAT_4() {
        String repeated = MonitorCaseFixture.ref("T-REP");
        String high = MonitorCaseFixture.ref("T-HIGH");
        List<Long> low = List.of(
                fixture.alert(Detector.AFTER_HOURS, repeated, null, "MRN-1", null, 10, Duration.ofDays(2), List.of()),
                fixture.alert(Detector.AFTER_HOURS, repeated, null, "MRN-2", null, 10, Duration.ofDays(9), List.of()),
                fixture.alert(Detector.NO_EXPLANATION, repeated, null, "MRN-3", null, 15, Duration.ofDays(20),
                        List.of()));
        long old = fixture.alert(Detector.AFTER_HOURS, repeated, null, "MRN-4", null, 10, Duration.ofDays(45),
                List.of());
        long vip = fixture.alert(Detector.VIP_SENSITIVE, high, null, "MRN-5", null, 85, Duration.ofHours(3), List.of());

        List<Long> touched = workflow.group();

        Long repeatedCase = fixture.caseOf(low.get(0));
        assertThat(repeatedCase).isNotNull();
        assertThat(low).allSatisfy(a -> {
            assertThat(fixture.caseOf(a)).isEqualTo(repeatedCase);
            assertThat(fixture.status(a)).isEqualTo("IN_CASE");
        });
        // outside the 30-day window: not part of the grouping
        assertThat(fixture.status(old)).isEqualTo("OPEN");
        Long highCase = fixture.caseOf(vip);
        assertThat(highCase).isNotNull().isNotEqualTo(repeatedCase);
        assertThat(touched).contains(repeatedCase, highCase);
        assertThat(jdbc.sql("SELECT opened_because FROM mon_case WHERE id = :id").param("id", highCase)
                .query(String.class).single()).isEqualTo("HIGH_SCORE");
        assertThat(fixture.record(repeatedCase)).containsExactly("OPENED");
        assertThat(fixture.audited("monitor.case.opened", repeatedCase)).isEqualTo(1);
    }

    @Test
    void alerts_below_the_thresholds_stay_open_and_a_new_alert_of_a_person_with_an_open_case_joins_it_PAT_4() {
        String person = MonitorCaseFixture.ref("T-LOW");
        long first = fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-1", null, 20, Duration.ofDays(1), List.of());
        long second = fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-2", null, 20, Duration.ofDays(3), List.of());

        workflow.group();
        assertThat(fixture.status(first)).isEqualTo("OPEN");
        assertThat(fixture.status(second)).isEqualTo("OPEN");

        long caseId = as(officer, () -> workflow.openCase(List.of(first)));
        long later = fixture.alert(Detector.NO_EXPLANATION, person, null, "MRN-3", null, 5, Duration.ofHours(1),
                List.of());
        List<Long> touched = workflow.group();

        assertThat(touched).contains(caseId);
        assertThat(fixture.caseOf(second)).isEqualTo(caseId);
        assertThat(fixture.caseOf(later)).isEqualTo(caseId);
        assertThat(fixture.record(caseId)).containsExactly("OPENED", "ALERTS_ADDED");
        assertThat(jdbc.sql("SELECT opened_because FROM mon_case WHERE id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("MANUAL");
    }

    @Test
    void the_office_asks_the_head_who_explains_then_interview_and_a_PEN_2_violation_are_recorded_and_audited() {
        TestAccounts.Created person = accounts.staff();
        TestAccounts.Created head = accounts.create(TestAccounts.person().roles("staff", "department-head"));
        long caseId = caseOf(person, 30);

        asDo(officer, () -> workflow.assign(caseId, summary(caseId).version(), office.id()));
        asDo(officer, () -> workflow.requestExplanation(caseId, summary(caseId).version(), "Why these accesses?"));
        assertThat(summary(caseId).step()).isEqualTo(PrivacyCaseStep.EXPLANATION);
        assertThat(fixture.notifications(head.id(), "monitor.cases.notify.explanation")).isEqualTo(1);
        assertThat(as(accounts.authenticationOf(head), cases::awaitingMyExplanation)).contains(caseId);
        PrivacyCaseView seen = as(accounts.authenticationOf(head), () -> cases.viewForExplanation(caseId));
        assertThat(seen.alerts()).hasSize(1);

        asDo(accounts.authenticationOf(head), () -> workflow.explain(caseId, "No work reason that I know of."));
        assertThat(summary(caseId).step()).isEqualTo(PrivacyCaseStep.INTERVIEW);
        asDo(officer, () -> workflow.recordInterview(caseId, summary(caseId).version(), LocalDate.now(clock),
                "Admitted looking out of curiosity."));
        asDo(officer, () -> workflow.conclude(caseId, summary(caseId).version(), PrivacyCaseOutcome.VIOLATION,
                PrivacyCaseSanction.PEN_2, "Repeated curiosity access; dismissal."));

        PrivacyCaseView done = as(officer, () -> cases.view(caseId));
        assertThat(done.summary().step()).isEqualTo(PrivacyCaseStep.CONCLUDED);
        assertThat(done.summary().outcome()).isEqualTo(PrivacyCaseOutcome.VIOLATION);
        assertThat(done.sanction()).isEqualTo(PrivacyCaseSanction.PEN_2);
        assertThat(done.sanctionText()).isEqualTo("Repeated curiosity access; dismissal.");
        assertThat(done.summary().dueAt()).isNull();
        assertThat(done.record()).extracting(PrivacyCaseRecordEntry::action).containsExactly("OPENED", "ASSIGNED",
                "EXPLANATION_REQUESTED", "EXPLAINED", "INTERVIEWED", "CONCLUDED");
        assertThat(done.record().get(3).note()).isEqualTo("No work reason that I know of.");
        assertThat(done.record().get(3).actorId()).isEqualTo(head.id());
        assertThat(done.record().get(2).dueAt()).isNotNull();
        for (String action : List.of("monitor.case.opened", "monitor.case.assigned",
                "monitor.case.explanation-requested", "monitor.case.explained", "monitor.case.interviewed",
                "monitor.case.concluded", "monitor.case.viewed-for-explanation")) {
            assertThat(fixture.audited(action, caseId)).as(action).isEqualTo(1);
        }
        assertThat(accounts.latestAuditDetails("monitor.case.concluded", caseId)).contains("PEN-2");
        // conclusions are irreversible
        assertThatThrownBy(() -> asDo(officer, () -> workflow.dismiss(caseId, done.summary().version(), "late")))
                .isInstanceOf(BaomiException.class).extracting(e -> ((BaomiException) e).messageKey())
                .isEqualTo("monitor.cases.error.closed");
    }

    @Test
    void steps_out_of_order_and_incomplete_conclusions_are_refused_and_nothing_changes() {
        long caseId = caseOf(accounts.staff(), 30);
        int version = summary(caseId).version();

        assertThatThrownBy(() -> asDo(officer, () -> workflow.recordInterview(caseId, version, LocalDate.now(clock),
                "notes"))).isInstanceOf(BaomiException.class)
                .extracting(e -> ((BaomiException) e).messageKey()).isEqualTo("monitor.cases.error.wrong-step");
        assertThatThrownBy(() -> asDo(officer, () -> workflow.conclude(caseId, version, PrivacyCaseOutcome.JUSTIFIED,
                null, "fine"))).isInstanceOf(BaomiException.class)
                .extracting(e -> ((BaomiException) e).messageKey()).isEqualTo("monitor.cases.error.wrong-step");
        assertThatThrownBy(() -> asDo(officer, () -> workflow.conclude(caseId, version, PrivacyCaseOutcome.VIOLATION,
                null, "no sanction"))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).concerns("sanction")).isTrue());
        assertThatThrownBy(() -> asDo(officer, () -> workflow.conclude(caseId, version, PrivacyCaseOutcome.JUSTIFIED,
                PrivacyCaseSanction.PEN_1, "x"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> asDo(officer, () -> workflow.dismiss(caseId, version, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> asDo(officer, () -> workflow.recordInterview(caseId, version,
                LocalDate.now(clock).plusDays(2), "notes"))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).concerns("interviewedOn")).isTrue());
        // a stale version is refused, not overwritten
        assertThatThrownBy(() -> asDo(officer, () -> workflow.dismiss(caseId, version + 7, "reason")))
                .isInstanceOf(BaomiException.class)
                .extracting(e -> ((BaomiException) e).messageKey()).isEqualTo("monitor.cases.error.stale");

        assertThat(summary(caseId).step()).isEqualTo(PrivacyCaseStep.TRIAGE);
        assertThat(summary(caseId).version()).isEqualTo(version);
        assertThat(fixture.record(caseId)).containsExactly("OPENED");
    }

    @Test
    void a_head_of_another_department_and_the_person_themselves_are_refused_and_the_refusal_is_audited() {
        accounts.directoryDepartment();
        long cardiologyNurse = jdbc.sql("SELECT id FROM iam_account WHERE staff_no = 'T-API-0001'")
                .query(Long.class).single();
        TestAccounts.Created testDeptHead = accounts.create(TestAccounts.person().roles("staff", "department-head"));
        String ref = MonitorCaseFixture.ref("T-CARD");
        long alert = fixture.alertWithEvent(Detector.COWORKER, ref, cardiologyNurse, 900_002, 30);
        long caseId = as(officer, () -> workflow.openCase(List.of(alert)));
        jdbc.sql("UPDATE mon_case SET step = 'EXPLANATION', step_due_at = now() + interval '7 days' WHERE id = :id")
                .param("id", caseId).update();
        long deniedBefore = accounts.auditEntriesBy("access.denied", testDeptHead.id());

        assertThatThrownBy(() -> asDo(accounts.authenticationOf(testDeptHead),
                () -> workflow.explain(caseId, "Not mine to explain"))).isInstanceOf(BaomiException.class)
                .extracting(e -> ((BaomiException) e).kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> as(accounts.authenticationOf(testDeptHead), () -> cases.viewForExplanation(caseId)))
                .isInstanceOf(BaomiException.class);

        assertThat(accounts.auditEntriesBy("access.denied", testDeptHead.id())).isEqualTo(deniedBefore + 2);
        assertThat(summary(caseId).step()).isEqualTo(PrivacyCaseStep.EXPLANATION);
        assertThat(fixture.record(caseId)).doesNotContain("EXPLAINED");
    }

    @Test
    void the_three_administrators_and_ordinary_staff_are_refused_every_case_operation_ORG_5() {
        long caseId = caseOf(accounts.staff(), 30);
        for (TestAccounts.Created who : List.of(accounts.securityAdmin(), accounts.auditAdmin(),
                accounts.systemAdmin(), accounts.staff())) {
            StaffAuthentication auth = accounts.authenticationOf(who);
            long before = accounts.auditEntriesBy("access.denied", who.id());
            assertThatThrownBy(() -> as(auth, cases::board)).isInstanceOf(BaomiException.class)
                    .extracting(e -> ((BaomiException) e).kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
            assertThatThrownBy(() -> as(auth, () -> cases.view(caseId))).isInstanceOf(BaomiException.class);
            assertThatThrownBy(() -> asDo(auth, () -> workflow.dismiss(caseId, 0, "no"))).isInstanceOf(
                    BaomiException.class);
            assertThatThrownBy(() -> as(auth, workflow::group)).isInstanceOf(BaomiException.class);
            assertThat(accounts.auditEntriesBy("access.denied", who.id())).isEqualTo(before + 4);
        }
        assertThat(fixture.audited("monitor.case.viewed", caseId)).isZero();
    }

    @Test
    void a_case_past_its_triage_deadline_is_overdue_on_the_board_and_in_the_office_duties() {
        long caseId = caseOf(accounts.staff(), 30);
        assertThat(summary(caseId).overdue()).isFalse();

        ((MutableClock) clock).advance(Duration.ofDays(3).plusHours(1));

        assertThat(summary(caseId).overdue()).isTrue();
        PrivacyCaseBoard board = as(officer, cases::board);
        assertThat(board.columns().get(PrivacyCaseStep.TRIAGE)).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(caseId);
            assertThat(s.overdue()).isTrue();
        });
        assertThat(board.overdue()).isPositive();
        List<Duty> officeDuties = duties.stream().flatMap(p -> p.dutiesOf(office.id()).stream()).toList();
        assertThat(officeDuties).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("monitor.cases-overdue");
            assertThat(d.urgent()).isTrue();
        });
        assertThat(duties.stream().flatMap(p -> p.dutiesOf(accounts.staff().id()).stream())
                .map(Duty::key)).doesNotContain("monitor.cases-overdue");
    }

    @Test
    void the_risk_score_halves_every_fourteen_days_and_ignores_dismissed_alerts() {
        String person = MonitorCaseFixture.ref("T-RISK");
        fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-1", null, 40, Duration.ZERO, List.of());
        fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-2", null, 40, Duration.ofDays(14), List.of());
        fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-3", null, 40, Duration.ofDays(28), List.of());
        fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-4", null, 99, Duration.ZERO, List.of(), "DISMISSED");

        BigDecimal risk = as(officer, () -> cases.riskOf(person));

        assertThat(risk).isEqualByComparingTo("70.0");
    }

    @Test
    void dismissing_alerts_needs_a_reason_and_dismissing_a_case_dismisses_its_alerts() {
        String person = MonitorCaseFixture.ref("T-DIS");
        long a = fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-1", null, 10, Duration.ofHours(2), List.of());
        long b = fixture.alert(Detector.AFTER_HOURS, person, null, "MRN-2", null, 10, Duration.ofHours(2), List.of());

        assertThatThrownBy(() -> as(officer, () -> workflow.dismissAlerts(List.of(a), ""))).isInstanceOf(
                InvalidInputException.class);
        assertThat(as(officer, () -> workflow.dismissAlerts(List.of(a), "Night shift cover"))).isEqualTo(1);
        assertThat(fixture.status(a)).isEqualTo("DISMISSED");
        assertThatThrownBy(() -> as(officer, () -> workflow.openCase(List.of(a, b)))).isInstanceOf(
                InvalidInputException.class);

        long caseId = as(officer, () -> workflow.openCase(List.of(b)));
        asDo(officer, () -> workflow.dismiss(caseId, summary(caseId).version(), "Covered by a roster change"));

        assertThat(fixture.status(b)).isEqualTo("DISMISSED");
        assertThat(summary(caseId).step()).isEqualTo(PrivacyCaseStep.DISMISSED);
        assertThat(fixture.audited("monitor.case.dismissed", caseId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT dismissed_reason FROM mon_alert WHERE id = :id").param("id", a)
                .query(String.class).single()).isEqualTo("Night shift cover");
    }
}
