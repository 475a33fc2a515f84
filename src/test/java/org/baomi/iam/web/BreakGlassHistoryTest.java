package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.baomi.iam.BreakGlassHistoryFilter;
import org.baomi.iam.BreakGlassReviews;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The office's history of reviewed break-the-glass sessions (ACC-4, AUD-1): who reviewed, verdict, when; filtered by
 * period, person and verdict; paged; CSV; every page and the export audited; nobody else may look.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BreakGlassHistoryTest {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired ProtectedObjects objects;
    @Autowired TransactionTemplate transactions;
    @Autowired AccessChangeFeed feed;
    @Autowired JdbcClient jdbc;
    @Autowired BreakTheGlass breakTheGlass;
    @Autowired BreakGlassReviews reviews;
    @Autowired Clock clock;

    private MockMvc mvc;
    private TestAccounts.Created reviewer;
    private StaffAuthentication office;
    private String justifiedPatient;
    private String unjustifiedPatient;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        reviewer = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        office = accounts.authenticationOf(reviewer);
        justifiedPatient = reviewedSession(BreakGlassVerdict.JUSTIFIED);
        unjustifiedPatient = reviewedSession(BreakGlassVerdict.UNJUSTIFIED);
    }

    /** The demo cardiology doctor H0079 breaks the glass on a fresh patient; this test's reviewer reviews it. */
    private String reviewedSession(BreakGlassVerdict verdict) {
        long doctorId = jdbc.sql("SELECT id FROM iam_account WHERE staff_no = 'H0079'").query(Long.class).single();
        String patientId = "T-HIST-" + TestAccounts.newStaffNo();
        ResourceRef patient = ResourceRef.patient(patientId);
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(patient, SecretLevel.INTERNAL,
                null, null)));
        feed.poll();
        BreakGlassSession session = breakTheGlass.open(doctorId, patient, "History test: unconscious patient");
        SignedIn.as(office, () -> breakTheGlass.review(session.id(), verdict, "History test " + verdict));
        return patientId;
    }

    private BreakGlassHistoryFilter byReviewer(BreakGlassVerdict verdict) {
        return new BreakGlassHistoryFilter(null, null, reviewer.id(), verdict);
    }

    @Test
    void the_office_filters_by_person_and_verdict_pages_and_each_page_is_audited_ACC_4_AUD_1() {
        long viewed = accounts.auditEntriesBy("access.break-glass.history-viewed", reviewer.id());

        ResultPage<BreakGlassSession> both = SignedIn.as(office, () -> reviews.reviewed(byReviewer(null), 0, 10));
        ResultPage<BreakGlassSession> unjustified = SignedIn.as(office,
                () -> reviews.reviewed(byReviewer(BreakGlassVerdict.UNJUSTIFIED), 0, 10));
        ResultPage<BreakGlassSession> second = SignedIn.as(office, () -> reviews.reviewed(byReviewer(null), 1, 1));

        assertThat(both.total()).isEqualTo(2);
        assertThat(both.rows()).extracting(s -> s.resource().id()).containsExactly(unjustifiedPatient, justifiedPatient);
        assertThat(both.rows()).allMatch(s -> s.reviewerId() == reviewer.id() && s.reviewedAt() != null);
        assertThat(unjustified.rows()).extracting(s -> s.resource().id()).containsExactly(unjustifiedPatient);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.rows()).extracting(s -> s.resource().id()).containsExactly(justifiedPatient);
        assertThat(accounts.auditEntriesBy("access.break-glass.history-viewed", reviewer.id())).isEqualTo(viewed + 3);
    }

    @Test
    void the_period_filters_by_review_time_and_a_reversed_period_or_bad_paging_is_refused() {
        var now = clock.instant();
        ResultPage<BreakGlassSession> today = SignedIn.as(office, () -> reviews.reviewed(
                new BreakGlassHistoryFilter(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), reviewer.id(),
                        null), 0, 10));
        ResultPage<BreakGlassSession> later = SignedIn.as(office, () -> reviews.reviewed(
                new BreakGlassHistoryFilter(now.plus(Duration.ofDays(1)), null, reviewer.id(), null), 0, 10));

        assertThat(today.total()).isEqualTo(2);
        assertThat(later.total()).isZero();
        assertThatThrownBy(() -> SignedIn.as(office, () -> reviews.reviewed(new BreakGlassHistoryFilter(now,
                now.minus(Duration.ofDays(1)), null, null), 0, 10)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.break-glass.history.period"));
        assertThatThrownBy(() -> SignedIn.as(office, () -> reviews.reviewed(byReviewer(null), 0, 1000)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.break-glass.history.paging"));
    }

    @Test
    void the_page_shows_the_filtered_history_htmx_gets_the_results_and_bad_dates_are_explained() throws Exception {
        String page = mvc.perform(get("/access/break-glass/history").with(authentication(office))
                        .param("staffNo", reviewer.staffNo()).param("verdict", "JUSTIFIED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String part = mvc.perform(get("/access/break-glass/history").with(authentication(office))
                        .header("HX-Request", "true").param("staffNo", reviewer.staffNo()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String badDate = mvc.perform(get("/access/break-glass/history").with(authentication(office))
                        .param("from", "2026-13-45").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("<html").contains(justifiedPatient).doesNotContain(unjustifiedPatient)
                .contains("data-verdict=\"JUSTIFIED\"").doesNotContain("data-verdict=\"UNJUSTIFIED\"");
        assertThat(part).doesNotContain("<html").contains(justifiedPatient).contains(unjustifiedPatient)
                .contains(reviewer.staffNo());
        assertThat(badDate).contains("id=\"history-problems\"").contains("year-month-day");
    }

    @Test
    void the_csv_export_holds_the_filtered_rows_and_is_audited_AUD_1() throws Exception {
        long exported = accounts.auditEntriesBy("access.break-glass.history-exported", reviewer.id());
        String today = LocalDate.now(clock).toString();

        String csv = mvc.perform(post("/access/break-glass/history/export").with(authentication(office)).with(csrf())
                        .param("staffNo", reviewer.staffNo()).param("from", today).param("to", today))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).contains(justifiedPatient).contains(unjustifiedPatient).contains("History test JUSTIFIED");
        assertThat(csv.lines().count()).isEqualTo(3);
        assertThat(accounts.auditEntriesBy("access.break-glass.history-exported", reviewer.id()))
                .isEqualTo(exported + 1);
    }

    @Test
    void staff_and_administrators_are_refused_and_the_refusal_is_audited_ORG_5() throws Exception {
        TestAccounts.Created staff = accounts.staff();
        for (TestAccounts.Created refused : new TestAccounts.Created[] {staff, accounts.securityAdmin()}) {
            mvc.perform(get("/access/break-glass/history").with(authentication(accounts.authenticationOf(refused))))
                    .andExpect(status().isForbidden());
        }
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(staff),
                () -> reviews.export(BreakGlassHistoryFilter.all()))).isInstanceOf(BaomiException.class);
        assertThat(accounts.auditEntries("access.denied", "DENIED", staff.id(), null)).isGreaterThanOrEqualTo(2);
    }
}
