package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 6 item 2 small fixes (ACC-4): patients reached through an approved grant or an open break-the-glass session
 * are listed by the search, and the break-the-glass form leads back to the refused patient page.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReachablePatientsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessGrants grants;
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    private MockMvc mvc;

    private record Outsider(long patientId, String mrn, long nurseId) {
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    /** The n-th ordinary demo patient (from the middle of the list) and a demo nurse never on its care teams. */
    private Outsider outsider(int n) {
        record P(long id, String mrn) {
        }
        P p = jdbc.sql("""
                SELECT p.id, p.mrn FROM pat_patient p WHERE p.source_system = 'DEMO-HIS' AND NOT p.vip
                  AND p.staff_account_id IS NULL AND NOT p.public_figure AND NOT p.psychiatric
                  AND EXISTS (SELECT 1 FROM pat_encounter e WHERE e.patient_id = p.id)
                ORDER BY p.id OFFSET 5000 + :n LIMIT 1
                """).param("n", n).query((rs, i) -> new P(rs.getLong(1), rs.getString(2))).single();
        long nurse = jdbc.sql("""
                SELECT m.person_id FROM pat_care_member m WHERE m.role = 'nurse' AND m.source_system = 'DEMO-HIS'
                  AND m.person_id NOT IN (
                    SELECT m2.person_id FROM pat_care_member m2 JOIN pat_encounter e2 ON e2.id = m2.encounter_id
                    WHERE e2.patient_id = :p)
                ORDER BY m.person_id DESC LIMIT 1 OFFSET :n
                """).param("p", p.id()).param("n", n).query(Long.class).single();
        return new Outsider(p.id(), p.mrn(), nurse);
    }

    private StaffAuthentication demo(long accountId) {
        String staffNo = jdbc.sql("SELECT staff_no FROM iam_account WHERE id = :id").param("id", accountId)
                .query(String.class).single();
        return accounts.authenticationOf(new TestAccounts.Created(accountId, staffNo, staffNo, TestAccounts.PASSWORD,
                null));
    }

    private MockHttpServletResponse page(StaffAuthentication who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(authentication(who))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void a_patient_reached_through_an_approved_grant_is_listed_by_the_search_ACC_4() throws Exception {
        Outsider o = outsider(0);
        StaffAuthentication nurse = demo(o.nurseId());
        String search = "/privacy/patients?mrn=" + o.mrn();
        assertThat(page(nurse, search).getContentAsString()).doesNotContain("id=\"patient-" + o.patientId() + "\"");

        transactions.executeWithoutResult(tx -> grants.issue(new IssueGrant(o.nurseId(), AccessAction.READ,
                ResourceRef.patient(Long.toString(o.patientId())), clock.instant().plus(Duration.ofDays(1)), null,
                null)));
        feed.poll();

        MockHttpServletResponse found = page(nurse, search);
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getContentAsString()).contains("id=\"patient-" + o.patientId() + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.searched'"
                + " AND actor_id = :a AND details -> 'patients' @> CAST(:p AS jsonb)").param("a", o.nurseId())
                .param("p", "[" + o.patientId() + "]").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void break_the_glass_from_the_denial_page_returns_to_the_patient_page_which_then_opens_and_is_listed_ACC_4()
            throws Exception {
        Outsider o = outsider(1);
        StaffAuthentication nurse = demo(o.nurseId());
        String patientPage = "/privacy/patients/" + o.patientId();

        MockHttpServletResponse refused = page(nurse, patientPage);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("returnTo=/privacy/patients/" + o.patientId());

        MockHttpServletResponse opened = mvc.perform(post("/access/break-glass").with(authentication(nurse))
                .with(csrf()).param("type", "patient").param("id", Long.toString(o.patientId()))
                .param("reason", "Cardiac arrest on the ward, chart needed now").param("confirm", "true")
                .param("returnTo", patientPage)).andReturn().getResponse();
        assertThat(opened.getStatus()).isEqualTo(302);
        assertThat(opened.getRedirectedUrl()).isEqualTo(patientPage);
        feed.poll();

        MockHttpServletResponse shown = page(nurse, patientPage);
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString()).contains(o.mrn());
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.viewed'"
                + " AND actor_id = :a AND patient_id = :p AND details ->> 'breakGlassId' IS NOT NULL")
                .param("a", o.nurseId()).param("p", Long.toString(o.patientId())).query(Long.class).single())
                .isEqualTo(1);
        assertThat(page(nurse, "/privacy/patients?mrn=" + o.mrn()).getContentAsString())
                .contains("id=\"patient-" + o.patientId() + "\"");
    }

    @Test
    void break_the_glass_never_redirects_outside_the_application() throws Exception {
        Outsider o = outsider(2);
        StaffAuthentication nurse = demo(o.nurseId());

        MockHttpServletResponse opened = mvc.perform(post("/access/break-glass").with(authentication(nurse))
                .with(csrf()).param("type", "patient").param("id", Long.toString(o.patientId()))
                .param("reason", "Emergency admission, no chart available").param("confirm", "true")
                .param("returnTo", "//evil.example.org/steal")).andReturn().getResponse();

        assertThat(opened.getStatus()).isEqualTo(200);
        assertThat(opened.getRedirectedUrl()).isNull();
        assertThat(opened.getContentAsString()).contains("id=\"session-opened\"");
    }
}
