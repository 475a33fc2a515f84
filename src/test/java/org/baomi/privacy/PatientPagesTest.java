package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baomi.iam.CareRelationships;
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
 * Issue 6 item 2 and PAT-3 through the pages, on the demo hospital's patients: the care team reads, anyone else is
 * refused with the approval route and break-the-glass (ACC-4), non-medical staff find nobody, identifiers are masked
 * without the permission, and bad input gets a translated message.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatientPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CareRelationships care;
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    Clock clock;

    private MockMvc mvc;

    /** An ordinary (not flagged) demo patient with an open encounter, and one of its care team by role. */
    private record Cared(long patientId, long encounterId, String mrn, String idNumber, String phone, long personId) {
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private Cared cared(String role) {
        return jdbc.sql("""
                SELECT p.id, e.id AS encounter_id, p.mrn, p.id_number, p.phone, m.person_id
                FROM pat_care_member m JOIN pat_encounter e ON e.id = m.encounter_id
                JOIN pat_patient p ON p.id = e.patient_id
                WHERE m.role = :role AND m.valid_until IS NULL AND e.ended_at IS NULL AND p.source_system = 'DEMO-HIS'
                  AND NOT p.vip AND p.staff_account_id IS NULL AND NOT p.public_figure AND NOT p.psychiatric
                ORDER BY p.id LIMIT 1
                """).param("role", role).query((rs, n) -> new Cared(rs.getLong("id"), rs.getLong("encounter_id"),
                        rs.getString("mrn"), rs.getString("id_number"), rs.getString("phone"),
                        rs.getLong("person_id"))).single();
    }

    private StaffAuthentication demo(long accountId) {
        String staffNo = jdbc.sql("SELECT staff_no FROM iam_account WHERE id = :id").param("id", accountId)
                .query(String.class).single();
        return accounts.authenticationOf(new TestAccounts.Created(accountId, staffNo, staffNo, TestAccounts.PASSWORD,
                null));
    }

    private long audited(String action, String outcome, long actor, long patientId) {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = :action AND outcome = :outcome AND actor_id = :actor
                  AND object_id = :object
                """).param("action", action).param("outcome", outcome).param("actor", actor)
                .param("object", Long.toString(patientId)).query(Long.class).single();
    }

    private MockHttpServletResponse page(StaffAuthentication who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(authentication(who))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void a_care_team_nurse_reads_the_patient_and_the_view_is_audited_with_the_patient_id_ACC_4_AUD_1()
            throws Exception {
        Cared c = cared("nurse");
        StaffAuthentication nurse = demo(c.personId());
        long before = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.viewed' "
                + "AND patient_id = :p AND actor_id = :a").param("p", Long.toString(c.patientId()))
                .param("a", c.personId()).query(Long.class).single();

        MockHttpServletResponse found = page(nurse, "/privacy/patients?mrn=" + c.mrn());
        MockHttpServletResponse shown = page(nurse, "/privacy/patients/" + c.patientId() + "?lang=en");

        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getContentAsString()).contains("id=\"patient-" + c.patientId() + "\"");
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString()).contains(c.mrn()).contains("id=\"charges-table\"")
                .contains("id=\"encounter-" + c.encounterId() + "\"");
        long after = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.viewed' "
                + "AND patient_id = :p AND actor_id = :a AND outcome = 'ALLOWED' AND details ->> 'purpose' = 'TREATMENT'")
                .param("p", Long.toString(c.patientId())).param("a", c.personId()).query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void a_nurse_outside_the_care_team_is_refused_audited_and_offered_the_approval_route_ACC_4() throws Exception {
        Cared c = cared("nurse");
        long outsider = jdbc.sql("""
                SELECT m.person_id FROM pat_care_member m WHERE m.role = 'nurse' AND m.person_id NOT IN (
                    SELECT m2.person_id FROM pat_care_member m2 JOIN pat_encounter e2 ON e2.id = m2.encounter_id
                    WHERE e2.patient_id = :p)
                ORDER BY m.person_id LIMIT 1
                """).param("p", c.patientId()).query(Long.class).single();
        StaffAuthentication nurse = demo(outsider);
        long deniedBefore = audited("access.decision", "DENIED", outsider, c.patientId());
        long viewedBefore = audited("privacy.patient.viewed", "ALLOWED", outsider, c.patientId());

        MockHttpServletResponse refused = page(nurse, "/privacy/patients/" + c.patientId());
        MockHttpServletResponse search = page(nurse, "/privacy/patients?mrn=" + c.mrn());

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString())
                .contains("/approvals/new?kind=access&amp;type=patient&amp;id=" + c.patientId() + "&amp;action=READ")
                .contains("id=\"break-glass\"").doesNotContain(c.idNumber());
        assertThat(audited("access.decision", "DENIED", outsider, c.patientId())).isEqualTo(deniedBefore + 1);
        assertThat(audited("privacy.patient.viewed", "ALLOWED", outsider, c.patientId())).isEqualTo(viewedBefore);
        assertThat(search.getStatus()).isEqualTo(200);
        assertThat(search.getContentAsString()).contains("id=\"no-patients\"")
                .doesNotContain("id=\"patient-" + c.patientId() + "\"");
    }

    @Test
    void non_medical_staff_find_no_patient_even_on_a_care_team_ACC_4() throws Exception {
        Cared c = cared("nurse");
        // a nurse's role on a non-medical post, put on the patient's care team: the decision point still says no
        TestAccounts.Created clerk = accounts.create(TestAccounts.person().roles("staff", "nurse"));
        Instant now = clock.instant();
        feed.poll(); // the decision point's model knows the new account before it joins a care team
        transactions.executeWithoutResult(tx -> {
            List<Long> ids = care.addAll(List.of(new CareRelationships.Assignment(clerk.id(),
                    Long.toString(c.patientId()), now.minus(Duration.ofDays(1)), null)));
            jdbc.sql("""
                    INSERT INTO pat_care_member (source_system, care_team_id, encounter_id, person_id, role, valid_from,
                                                 relationship_id, created_at, updated_at)
                    VALUES ('TEST', :team, :e, :person, 'nurse', :from, :rel, :now, :now)
                    """).param("team", "T-" + clerk.staffNo()).param("e", c.encounterId()).param("person", clerk.id())
                    .param("from", Timestamp.from(now.minus(Duration.ofDays(1)))).param("rel", ids.get(0))
                    .param("now", Timestamp.from(now)).update();
        });
        feed.poll();

        MockHttpServletResponse search = page(accounts.authenticationOf(clerk), "/privacy/patients");
        MockHttpServletResponse view = page(accounts.authenticationOf(clerk), "/privacy/patients/" + c.patientId());

        assertThat(search.getStatus()).isEqualTo(200);
        assertThat(search.getContentAsString()).contains("id=\"no-patients\"").doesNotContain(c.mrn());
        assertThat(view.getStatus()).isEqualTo(403);
        assertThat(view.getContentAsString()).doesNotContain(c.idNumber()).doesNotContain(c.phone());
    }

    @Test
    void a_doctor_without_the_identifier_permission_sees_identifiers_masked_PAT_3() throws Exception {
        Cared c = cared("attending");
        MockHttpServletResponse shown = page(demo(c.personId()), "/privacy/patients/" + c.patientId());

        String body = shown.getContentAsString();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(body).doesNotContain(c.idNumber()).doesNotContain(c.phone()).contains("id=\"masked-note\"")
                .contains(c.idNumber().substring(0, 4) + "**********" + c.idNumber().substring(14))
                .contains(c.phone().substring(0, 3) + "****" + c.phone().substring(7));
    }

    @Test
    void the_billing_purpose_needs_the_charge_permission_PAT_3() throws Exception {
        Cared c = cared("attending");
        MockHttpServletResponse refused = page(demo(c.personId()),
                "/privacy/patients/" + c.patientId() + "?purpose=BILLING");

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).doesNotContain("id=\"charges-table\"");
    }

    @Test
    void bad_input_gets_translated_errors_never_a_500() throws Exception {
        Cared c = cared("nurse");
        StaffAuthentication nurse = demo(c.personId());

        MockHttpServletResponse unknown = page(nurse, "/privacy/patients/999999999?lang=en");
        MockHttpServletResponse notNumber = page(nurse, "/privacy/patients/abc?lang=en");
        MockHttpServletResponse purpose = page(nurse, "/privacy/patients/" + c.patientId() + "?purpose=GOSSIP&lang=en");
        MockHttpServletResponse date = page(nurse, "/privacy/patients?from=2026-13-40&lang=en");
        MockHttpServletResponse order = page(nurse, "/privacy/patients?from=2026-11-10&to=2026-11-01&lang=en");
        MockHttpServletResponse mrn = page(nurse, "/privacy/patients?mrn=%27%3B+DROP&lang=en");
        MockHttpServletResponse department = page(nurse, "/privacy/patients?department=NOWHERE&lang=en");

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("No such patient");
        assertThat(notNumber.getStatus()).isEqualTo(404);
        assertThat(purpose.getStatus()).isEqualTo(400);
        assertThat(purpose.getContentAsString()).contains("Unknown purpose");
        assertThat(date.getStatus()).isEqualTo(400);
        assertThat(date.getContentAsString()).contains("id=\"search-error\"").contains("year-month-day");
        assertThat(order.getStatus()).isEqualTo(400);
        assertThat(order.getContentAsString()).contains("cannot be before");
        assertThat(mrn.getStatus()).isEqualTo(400);
        assertThat(mrn.getContentAsString()).contains("letters, digits");
        assertThat(department.getStatus()).isEqualTo(400);
        assertThat(department.getContentAsString()).contains("Unknown department");
    }
}
