package org.baomi.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.baomi.iam.internal.login.StaffAuthentication;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The monitoring screens (issue 7 item 7; PAT-4, AUD-2, ORG-5): the alert queue (filters, htmx part, empty state,
 * bad filters, bulk actions, CSV export), the case board and page, the department head's explanation, the
 * timelines and the trends render for the office and are refused to others; every view is audited.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MonitoringScreensTest {

    private static final AtomicLong PEOPLE = new AtomicLong(890_000_000L + ProcessHandle.current().pid() % 1000 * 1000);

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PrivacyCaseWorkflow workflow;

    private MockMvc mvc;
    private MonitorCaseFixture fixture;
    private StaffAuthentication office;
    private long person;
    private String ref;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        fixture = new MonitorCaseFixture(jdbc, clock);
        office = accounts.authenticationOf(accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office")));
        person = PEOPLE.incrementAndGet();
        ref = MonitorCaseFixture.ref("T-WEB");
    }

    private MockHttpServletResponse send(StaffAuthentication who, MockHttpServletRequestBuilder request)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(authentication(who)).with(csrf())).andReturn()
                .getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private MockHttpServletResponse page(StaffAuthentication who, String path) throws Exception {
        return send(who, get(path));
    }

    private long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a").param("a", action).query(Long.class)
                .single();
    }

    @Test
    void the_office_sees_the_queue_with_evidence_and_htmx_gets_only_the_results_AUD_2() throws Exception {
        long alert = fixture.alertWithEvent(Detector.FAMILY, ref, person, 600_000_000L + person, 45);
        long viewed = audited("monitor.alerts.viewed");

        MockHttpServletResponse full = page(office, "/privacy/monitoring/alerts?person=" + person + "&lang=en");
        MockHttpServletResponse part = send(office, get("/privacy/monitoring/alerts?person=" + person)
                .header("HX-Request", "true"));

        assertThat(full.getStatus()).isEqualTo(200);
        assertThat(full.getContentAsString()).contains("id=\"alert-" + alert + "\"")
                .contains("Possible relative (same surname and address or phone)").contains("id=\"bulk-open-case\"")
                .contains("id=\"export-csv\"").contains("<html");
        assertThat(part.getStatus()).isEqualTo(200);
        assertThat(part.getContentAsString()).contains("id=\"alert-" + alert + "\"").doesNotContain("<html");
        assertThat(audited("monitor.alerts.viewed")).isEqualTo(viewed + 2);
    }

    @Test
    void an_empty_queue_explains_itself_and_bad_filters_get_translated_messages_with_status_400() throws Exception {
        MockHttpServletResponse empty = page(office, "/privacy/monitoring/alerts?person=" + person);
        MockHttpServletResponse bad = page(office, "/privacy/monitoring/alerts?from=someday&detector=GOSSIP&lang=en");

        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("id=\"no-alerts\"");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("id=\"filter-problems\"").contains("data-field=\"from\"")
                .contains("data-field=\"detector\"").contains("Choose one of the values offered.")
                .doesNotContain("id=\"no-alerts\"");
    }

    @Test
    void bulk_dismiss_needs_a_reason_and_bulk_open_case_leads_to_the_case_page() throws Exception {
        long a = fixture.alertWithEvent(Detector.AFTER_HOURS, ref, person, 600_000_000L + person, 10);
        long b = fixture.alertWithEvent(Detector.AFTER_HOURS, ref, person, 600_000_000L + person, 12);

        MockHttpServletResponse noReason = send(office, post("/privacy/monitoring/alerts/dismiss")
                .param("ids", Long.toString(a)));
        MockHttpServletResponse dismissed = send(office, post("/privacy/monitoring/alerts/dismiss")
                .param("ids", Long.toString(a)).param("reason", "Covering a colleague"));
        MockHttpServletResponse opened = send(office, post("/privacy/monitoring/alerts/open-case")
                .param("ids", Long.toString(b)));

        assertThat(noReason.getStatus()).isEqualTo(302);
        assertThat(noReason.getRedirectedUrl()).isEqualTo("/privacy/monitoring/alerts");
        assertThat(dismissed.getStatus()).isEqualTo(302);
        assertThat(fixture.status(a)).isEqualTo("DISMISSED");
        Long caseId = fixture.caseOf(b);
        assertThat(caseId).isNotNull();
        assertThat(opened.getRedirectedUrl()).isEqualTo("/privacy/monitoring/cases/" + caseId);

        MockHttpServletResponse casePage = page(office, "/privacy/monitoring/cases/" + caseId + "?lang=en");
        MockHttpServletResponse board = page(office, "/privacy/monitoring/cases");
        assertThat(casePage.getStatus()).isEqualTo(200);
        assertThat(casePage.getContentAsString()).contains("id=\"case-alert-" + b + "\"")
                .contains("id=\"explanation-form\"").contains("id=\"dismiss-form\"").contains("data-confirm=")
                .contains("data-action=\"OPENED\"");
        assertThat(board.getStatus()).isEqualTo(200);
        assertThat(board.getContentAsString()).contains("id=\"case-" + caseId + "\"")
                .contains("id=\"column-INTERVIEW\"");
        assertThat(fixture.audited("monitor.case.viewed", caseId)).isEqualTo(1);
    }

    @Test
    void the_csv_export_holds_the_alerts_and_is_audited() throws Exception {
        long alert = fixture.alertWithEvent(Detector.DECEASED, ref, person, 600_000_000L + person, 33);
        long exported = audited("monitor.alerts.exported");

        MockHttpServletResponse csv = page(office, "/privacy/monitoring/alerts/export.csv?person=" + person
                + "&lang=en");

        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("\"" + alert + "\"").contains("\"" + ref + "\"")
                .contains("Deceased patient");
        assertThat(audited("monitor.alerts.exported")).isEqualTo(exported + 1);
    }

    @Test
    void timelines_show_accesses_newest_first_with_the_alerted_ones_marked_and_are_audited_with_the_patient()
            throws Exception {
        long patient = 600_000_000L + person;
        long quiet = fixture.event(ref, person, "MRN-T", patient, Duration.ofDays(2));
        long alerted = fixture.event(ref, person, "MRN-T", patient, Duration.ofHours(3));
        fixture.alert(Detector.SELF_LOOKUP, ref, person, "MRN-T", patient, 50, Duration.ofHours(3), List.of(alerted));

        MockHttpServletResponse ofPerson = page(office, "/privacy/monitoring/timeline/person/" + person);
        MockHttpServletResponse ofPatient = page(office, "/privacy/monitoring/timeline/patient/" + patient);

        assertThat(ofPerson.getStatus()).isEqualTo(200);
        String body = ofPerson.getContentAsString();
        assertThat(body.indexOf("id=\"event-" + alerted + "\"")).isPositive()
                .isLessThan(body.indexOf("id=\"event-" + quiet + "\""));
        assertThat(body).containsPattern("id=\"event-" + alerted + "\"[^>]*alerted-event");
        assertThat(ofPatient.getStatus()).isEqualTo(200);
        assertThat(ofPatient.getContentAsString()).contains("id=\"event-" + quiet + "\"");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'monitor.timeline.patient-viewed' AND patient_id = :p
                """).param("p", Long.toString(patient)).query(Long.class).single()).isEqualTo(1);
        assertThat(fixture.audited("monitor.timeline.person-viewed", person)).isEqualTo(1);
    }

    @Test
    void the_trends_render_their_chart_data_for_the_office() throws Exception {
        fixture.alertWithEvent(Detector.VOLUME_SPIKE, ref, person, 600_000_000L + person, 20);
        long viewed = audited("monitor.trends.viewed");

        MockHttpServletResponse trends = page(office, "/privacy/monitoring/trends?lang=en");

        assertThat(trends.getStatus()).isEqualTo(200);
        assertThat(trends.getContentAsString()).contains("id=\"trend-data\"").contains("data-chart=")
                .contains("Volume spike").contains("monitoring-trends.js").contains("echarts.min.js");
        assertThat(audited("monitor.trends.viewed")).isEqualTo(viewed + 1);
    }

    @Test
    void staff_and_the_three_administrators_are_refused_every_monitoring_screen_ORG_5() throws Exception {
        long alert = fixture.alertWithEvent(Detector.FAMILY, ref, person, 600_000_000L + person, 45);
        long caseId = SignedIn.as(office, () -> workflow.openCase(List.of(alert)));
        for (TestAccounts.Created who : List.of(accounts.staff(), accounts.securityAdmin(), accounts.auditAdmin(),
                accounts.systemAdmin())) {
            StaffAuthentication auth = accounts.authenticationOf(who);
            for (String path : List.of("/privacy/monitoring/alerts", "/privacy/monitoring/cases",
                    "/privacy/monitoring/cases/" + caseId, "/privacy/monitoring/trends",
                    "/privacy/monitoring/timeline/person/" + person, "/privacy/monitoring/alerts/export.csv",
                    "/privacy/monitoring/explanations")) {
                MockHttpServletResponse refused = page(auth, path);
                assertThat(refused.getStatus()).as(path).isEqualTo(403);
                assertThat(refused.getContentAsString()).as(path).doesNotContain(ref);
            }
            MockHttpServletResponse post = send(auth, post("/privacy/monitoring/alerts/dismiss")
                    .param("ids", Long.toString(alert)).param("reason", "no"));
            assertThat(post.getStatus()).isEqualTo(403);
        }
        assertThat(fixture.status(alert)).isEqualTo("IN_CASE");
    }

    @Test
    void the_department_head_explains_through_the_page_and_the_office_has_no_explanation_page() throws Exception {
        TestAccounts.Created staff = accounts.staff();
        TestAccounts.Created head = accounts.create(TestAccounts.person().roles("staff", "department-head"));
        long alert = fixture.alertWithEvent(Detector.COWORKER, staff.staffNo(), staff.id(), 600_000_000L + person, 30);
        long caseId = SignedIn.as(office, () -> workflow.openCase(List.of(alert)));
        SignedIn.as(office, () -> {
            workflow.requestExplanation(caseId, 0, "Please explain");
            return null;
        });

        MockHttpServletResponse list = page(accounts.authenticationOf(head), "/privacy/monitoring/explanations");
        MockHttpServletResponse form = page(accounts.authenticationOf(head),
                "/privacy/monitoring/cases/" + caseId + "/explain");
        MockHttpServletResponse answered = send(accounts.authenticationOf(head),
                post("/privacy/monitoring/cases/" + caseId + "/explain").param("explanation", "Ward round cover"));

        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("id=\"explain-" + caseId + "\"");
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("Please explain").contains("id=\"explain-form\"");
        assertThat(answered.getStatus()).isEqualTo(302);
        assertThat(fixture.record(caseId)).endsWith("EXPLAINED");
        MockHttpServletResponse office403 = page(office, "/privacy/monitoring/explanations");
        assertThat(office403.getStatus()).isEqualTo(403);
    }
}
