package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.approval.Approvals;
import org.baomi.approval.SubmitApproval;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 6 item 2 (ACC-5) through the pages: printing or downloading a patient page needs the president's approval;
 * without it the denial page offers the {@code patient-export} route; with it a watermarked, traced PDF of the
 * minimum-necessary view, audited with the patient id.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatientExportTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Approvals approvals;
    @Autowired
    AccessChangeFeed feed;

    private MockMvc mvc;

    private record Cared(long patientId, String mrn, String idNumber, String phone, long personId) {
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    /** The n-th ordinary demo patient with an open encounter and a care-team nurse (each test its own patient). */
    private Cared cared(int n) {
        return jdbc.sql("""
                SELECT p.id, p.mrn, p.id_number, p.phone, m.person_id
                FROM pat_care_member m JOIN pat_encounter e ON e.id = m.encounter_id
                JOIN pat_patient p ON p.id = e.patient_id
                WHERE m.role = 'nurse' AND m.source_system = 'DEMO-HIS' AND m.valid_until IS NULL AND e.ended_at IS NULL AND p.source_system = 'DEMO-HIS'
                  AND NOT p.vip AND p.staff_account_id IS NULL AND NOT p.public_figure AND NOT p.psychiatric
                ORDER BY p.id DESC OFFSET :n LIMIT 1
                """).param("n", n).query((rs, i) -> new Cared(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5))).single();
    }

    private StaffAuthentication demo(long accountId) {
        String staffNo = jdbc.sql("SELECT staff_no FROM iam_account WHERE id = :id").param("id", accountId)
                .query(String.class).single();
        return accounts.authenticationOf(new TestAccounts.Created(accountId, staffNo, staffNo, TestAccounts.PASSWORD,
                null));
    }

    private long president() {
        return jdbc.sql("""
                SELECT a.id FROM iam_account a JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id WHERE r.code = 'president' AND a.status = 'ACTIVE'
                ORDER BY a.id LIMIT 1
                """).query(Long.class).single();
    }

    private MockHttpServletResponse page(StaffAuthentication who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(authentication(who))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void a_print_without_the_presidents_approval_is_refused_audited_and_offered_the_approval_route_ACC_5()
            throws Exception {
        Cared c = cared(0);
        StaffAuthentication nurse = demo(c.personId());
        String denied = "SELECT count(*) FROM aud_entry WHERE action = 'access.decision' AND outcome = 'DENIED'"
                + " AND actor_id = ? AND object_type = 'patient' AND object_id = ?";
        long before = count(denied, c.personId(), Long.toString(c.patientId()));

        MockHttpServletResponse refused = page(nurse, "/privacy/patients/" + c.patientId() + "/export?lang=en");

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getContentAsString()).contains("id=\"request-export\"")
                .contains("/approvals/new?kind=patient-export&amp;type=patient&amp;id=" + c.patientId()
                        + "&amp;action=EXPORT")
                .contains("president").doesNotContain(c.idNumber()).doesNotContain(c.mrn());
        assertThat(count(denied, c.personId(), Long.toString(c.patientId()))).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.exported' AND patient_id = ?",
                Long.toString(c.patientId()))).isZero();
    }

    @Test
    void once_the_president_approves_the_nurse_downloads_a_watermarked_traced_pdf_audited_with_the_patient_id_ACC_5()
            throws Exception {
        Cared c = cared(1);
        StaffAuthentication nurse = demo(c.personId());
        long approvalId = SignedIn.as(nurse, () -> approvals.submit(new SubmitApproval(PatientExports.APPROVAL_KIND,
                c.personId(), "patient", Long.toString(c.patientId()), "EXPORT", "Referral letter to another hospital",
                null, Map.of())));
        long presidentId = president();
        SignedIn.as(demo(presidentId), () -> {
            approvals.decide(approvalId, presidentId, true, "approved", -1);
            return null;
        });
        assertThat(jdbc.sql("SELECT status FROM apr_request WHERE id = :id").param("id", approvalId)
                .query(String.class).single()).isEqualTo("APPROVED");
        feed.poll();

        MockHttpServletResponse file = page(nurse,
                "/privacy/patients/" + c.patientId() + "/export?mode=DOWNLOAD&lang=en");

        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("application/pdf");
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment").contains(c.mrn());
        String traceCode = file.getHeader("X-Trace-Code");
        assertThat(traceCode).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        String text;
        try (PDDocument pdf = Loader.loadPDF(file.getContentAsByteArray())) {
            text = new PDFTextStripper().getText(pdf);
        }
        // PAT-3: the same masked view as the page; the watermark names the reader and the trace code
        assertThat(text).contains(c.mrn()).contains(traceCode).doesNotContain(c.idNumber())
                .doesNotContain(c.phone());
        assertThat(count("""
                SELECT count(*) FROM aud_entry WHERE action = 'privacy.patient.exported' AND outcome = 'ALLOWED'
                  AND patient_id = ? AND actor_id = ? AND details ->> 'mode' = 'DOWNLOAD'
                  AND details ->> 'traceCode' = ? AND details ->> 'grantId' IS NOT NULL
                """, Long.toString(c.patientId()), c.personId(), traceCode)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM aud_entry WHERE action = 'print.trace.issued' AND actor_id = ?"
                + " AND object_id = ?", c.personId(), Long.toString(c.patientId()))).isEqualTo(1);
    }

    @Test
    void the_page_offers_print_and_download_and_bad_input_gets_translated_errors() throws Exception {
        Cared c = cared(2);
        StaffAuthentication nurse = demo(c.personId());

        MockHttpServletResponse shown = page(nurse, "/privacy/patients/" + c.patientId() + "?lang=en");
        MockHttpServletResponse mode = page(nurse, "/privacy/patients/" + c.patientId() + "/export?mode=FAX&lang=en");
        MockHttpServletResponse purpose = page(nurse,
                "/privacy/patients/" + c.patientId() + "/export?purpose=GOSSIP&lang=en");
        MockHttpServletResponse unknown = page(nurse, "/privacy/patients/abc/export?lang=en");

        assertThat(shown.getContentAsString()).contains("id=\"export-print\"").contains("id=\"export-download\"");
        assertThat(mode.getStatus()).isEqualTo(400);
        assertThat(mode.getContentAsString()).contains("Unknown export mode");
        assertThat(purpose.getStatus()).isEqualTo(400);
        assertThat(purpose.getContentAsString()).contains("Unknown purpose");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("No such patient");
    }
}
