package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

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
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 6 item 3 must-show (PAT-3, ACC-4) through the real page: a demo billing clerk of the finance department opens
 * a patient with purpose BILLING and sees the fee list, not the diagnoses nor unmasked identifiers, decided on the
 * fee-list object ({@link FeeListObjects}) and audited with the patient id; asking for TREATMENT is refused.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BillingFeeListTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;

    private record Patient(long id, String mrn, String idNumber, String phone) {
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    /** A demo finance clerk holding the demo role {@code billing}. */
    private StaffAuthentication clerk() {
        record Row(long id, String staffNo) {
        }
        Row row = jdbc.sql("""
                SELECT a.id, a.staff_no FROM iam_account a JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id JOIN iam_department d ON d.id = a.department_id
                WHERE r.code = 'billing' AND d.code = 'FINANCE' AND a.status = 'ACTIVE' ORDER BY a.id LIMIT 1
                """).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).single();
        return accounts.authenticationOf(new TestAccounts.Created(row.id(), row.staffNo(), row.staffNo(),
                TestAccounts.PASSWORD, null));
    }

    /** An ordinary demo patient (not flagged) with at least one diagnosis and one fee-list line. */
    private Patient ordinary(boolean flagged) {
        return jdbc.sql("""
                SELECT p.id, p.mrn, p.id_number, p.phone FROM pat_patient p
                WHERE p.source_system = 'DEMO-HIS' AND (p.vip OR p.staff_account_id IS NOT NULL OR p.public_figure
                      OR p.psychiatric) = :flagged
                  AND EXISTS (SELECT 1 FROM pat_charge c WHERE c.patient_id = p.id)
                  AND EXISTS (SELECT 1 FROM pat_diagnosis g JOIN pat_encounter e ON e.id = g.encounter_id
                              WHERE e.patient_id = p.id)
                ORDER BY p.id LIMIT 1
                """).param("flagged", flagged).query((rs, n) -> new Patient(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).single();
    }

    private List<String> diagnoses(long patientId) {
        return jdbc.sql("""
                SELECT g.icd10 FROM pat_diagnosis g JOIN pat_encounter e ON e.id = g.encounter_id
                WHERE e.patient_id = :p
                """).param("p", patientId).query(String.class).list();
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    private MockHttpServletResponse page(StaffAuthentication who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(authentication(who))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void a_billing_clerk_sees_the_fee_list_but_not_the_diagnosis_nor_unmasked_identifiers_audited_PAT_3()
            throws Exception {
        StaffAuthentication clerk = clerk();
        Patient p = ordinary(false);
        String viewed = "SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.viewed' AND outcome = 'ALLOWED'"
                + " AND patient_id = ? AND actor_id = ? AND details ->> 'purpose' = 'BILLING'"
                + " AND details ->> 'diagnoses' = 'false' AND details ->> 'charges' = 'true'";
        long before = count(viewed, Long.toString(p.id()), clerk.getPrincipal().accountId());

        MockHttpServletResponse shown = page(clerk, "/privacy/patients/" + p.id() + "?purpose=BILLING&lang=en");

        String body = shown.getContentAsString();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(body).contains(p.mrn()).contains("id=\"charges-table\"").contains("id=\"diagnoses-withheld\"")
                .contains("id=\"masked-note\"").doesNotContain(p.idNumber()).doesNotContain(p.phone());
        for (String icd10 : diagnoses(p.id())) {
            assertThat(body).doesNotContain(">" + icd10 + "<");
        }
        assertThat(count(viewed, Long.toString(p.id()), clerk.getPrincipal().accountId())).isEqualTo(before + 1);
        // decided on the fee list, through the one decision point (ACC-4 untouched for the patient object)
        assertThat(count("SELECT count(*) FROM aud_entry WHERE action = 'access.decision' AND outcome = 'ALLOWED'"
                + " AND actor_id = ? AND object_type = ? AND object_id = ?", clerk.getPrincipal().accountId(), FeeListObjects.TYPE,
                Long.toString(p.id()))).isPositive();
    }

    @Test
    void a_billing_clerk_asking_for_treatment_is_refused_and_sees_nothing_ACC_4() throws Exception {
        StaffAuthentication clerk = clerk();
        Patient p = ordinary(false);

        MockHttpServletResponse refused = page(clerk, "/privacy/patients/" + p.id() + "?purpose=TREATMENT&lang=en");

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).doesNotContain(p.mrn()).doesNotContain("id=\"charges-table\"");
    }

    @Test
    void a_billing_clerk_cleared_for_internal_is_refused_a_flagged_patients_fee_list_CLS_1() throws Exception {
        StaffAuthentication clerk = clerk();
        Patient vip = ordinary(true);

        MockHttpServletResponse refused = page(clerk, "/privacy/patients/" + vip.id() + "?purpose=BILLING&lang=en");

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).doesNotContain(vip.mrn()).doesNotContain("id=\"charges-table\"");
        assertThat(count("SELECT count(*) FROM aud_entry WHERE action = 'access.decision' AND outcome = 'DENIED'"
                + " AND actor_id = ? AND object_type = ? AND object_id = ?", clerk.getPrincipal().accountId(), FeeListObjects.TYPE,
                Long.toString(vip.id()))).isPositive();
    }

    @Test
    void every_demo_patient_has_its_fee_list_registered_beside_it_with_the_same_level_PAT_3() {
        assertThat(count("""
                SELECT count(*) FROM iam_protected_object p
                LEFT JOIN iam_protected_object f ON f.object_type = 'patient-fees' AND f.object_id = p.object_id
                     AND f.level = p.level
                     AND f.department_id = (SELECT id FROM iam_department WHERE code = 'FINANCE')
                JOIN pat_patient d ON CAST(d.id AS TEXT) = p.object_id AND d.source_system = 'DEMO-HIS'
                WHERE p.object_type = 'patient' AND f.object_id IS NULL
                """)).isZero();
        assertThat(count("SELECT count(*) FROM iam_protected_object WHERE object_type = 'patient-fees'")).isPositive();
    }
}
