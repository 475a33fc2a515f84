package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Issue 6 item 3 (PAT-3, ACC-5) through the pages on the demo hospital: a doctor requests a cohort, the president
 * approves, the CSV carries no direct identifier of any patient, k = 5 holds on the quasi-identifiers, and the
 * export is audited with every patient id; without approval it is refused; bad filters get translated errors.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResearchExportTest {

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
    @Autowired
    Clock clock;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private long roleHolder(String role, int offset) {
        return jdbc.sql("""
                SELECT a.id FROM iam_account a JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id WHERE r.code = :role AND a.status = 'ACTIVE'
                ORDER BY a.id LIMIT 1 OFFSET :o
                """).param("role", role).param("o", offset).query(Long.class).single();
    }

    private StaffAuthentication demo(long accountId) {
        String staffNo = jdbc.sql("SELECT staff_no FROM iam_account WHERE id = :id").param("id", accountId)
                .query(String.class).single();
        return accounts.authenticationOf(new TestAccounts.Created(accountId, staffNo, staffNo, TestAccounts.PASSWORD,
                null));
    }

    private MockHttpServletResponse request(StaffAuthentication who, String department, String from, String to,
            String icd10) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/privacy/research").with(authentication(who))
                .with(csrf()).param("department", department).param("from", from).param("to", to)
                .param("icd10", icd10).param("lang", "en")).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private long requested(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(302);
        String url = response.getRedirectedUrl();
        assertThat(url).startsWith("/approvals/new?kind=research-export&type=research-export&id=");
        return Long.parseLong(url.replaceAll(".*[?&]id=([0-9]+).*", "$1"));
    }

    private MockHttpServletResponse download(StaffAuthentication who, long id) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/privacy/research/" + id + "/export?lang=en")
                .with(authentication(who))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void an_approved_export_has_no_direct_identifiers_holds_k_5_and_is_audited_with_the_patient_ids_PAT_3()
            throws Exception {
        long doctorId = roleHolder("doctor", 0);
        StaffAuthentication doctor = demo(doctorId);
        LocalDate today = LocalDate.now(clock);
        long id = requested(request(doctor, "", today.minusYears(2).toString(), today.toString(), ""));
        MockHttpServletResponse refused = download(doctor, id);
        assertThat(refused.getStatus()).isEqualTo(403);

        long approval = SignedIn.as(doctor, () -> approvals.submit(new SubmitApproval(ResearchExports.APPROVAL_KIND,
                doctorId, ResearchExports.OBJECT_TYPE, Long.toString(id), "EXPORT", "Cohort study of admissions",
                null, Map.of())));
        long presidentId = roleHolder("president", 0);
        SignedIn.as(demo(presidentId), () -> {
            approvals.decide(approval, presidentId, true, "approved for the study", -1);
            return null;
        });
        feed.poll();

        MockHttpServletResponse file = download(doctor, id);

        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("text/csv");
        String csv = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).contains("pseudonym").contains("birth_band").doesNotContain("name");
        List<String[]> rows = lines.subList(1, lines.size()).stream()
                .map(l -> l.substring(1, l.length() - 1).split("\",\"", -1)).toList();
        assertThat(rows).hasSizeGreaterThan(100);
        // k = 5 on gender, birth band, city, admission month
        Map<String, Integer> groups = new HashMap<>();
        for (String[] r : rows) {
            assertThat(r).hasSize(9);
            assertThat(r[2]).matches("[0-9]{4}-[0-9]{4}");
            assertThat(r[6]).matches("[0-9]{4}-[0-9]{2}");
            groups.merge(r[1] + "|" + r[2] + "|" + r[3] + "|" + r[6], 1, Integer::sum);
        }
        assertThat(groups.values()).allMatch(n -> n >= ResearchExports.K);
        // no direct identifier of any demo patient appears anywhere in the file
        Set<String> cells = new HashSet<>();
        rows.forEach(r -> cells.addAll(Arrays.asList(r)));
        record Ids(String name, String idNumber, String phone, String mrn, String address) {
        }
        List<Ids> patients = jdbc.sql("SELECT name, id_number, phone, mrn, address FROM pat_patient")
                .query((rs, n) -> new Ids(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
        List<String> leaked = new java.util.ArrayList<>();
        for (Ids p : patients) {
            for (String identifier : List.of(p.name(), p.idNumber(), p.phone(), p.mrn(), p.address())) {
                if (cells.contains(identifier)) {
                    leaked.add(identifier);
                }
            }
        }
        assertThat(patients).hasSizeGreaterThan(1000);
        assertThat(leaked).isEmpty();
        assertThat(csv).doesNotContainPattern("[1-9][0-9]{16}[0-9X]")
                .doesNotContain("DEMO-P");
        long listed = jdbc.sql("""
                SELECT jsonb_array_length(details -> 'patients') FROM aud_entry
                WHERE action = 'privacy.research.exported' AND outcome = 'ALLOWED' AND object_id = :id
                  AND actor_id = :a AND (details ->> 'k')::int = 5
                """).param("id", Long.toString(id)).param("a", doctorId).query(Long.class).single();
        long pseudonyms = rows.stream().map(r -> r[0]).distinct().count();
        assertThat(listed).isEqualTo(pseudonyms);
        assertThat(Integer.parseInt(file.getHeader("X-Rows"))).isEqualTo(rows.size());
    }

    @Test
    void bad_filters_get_translated_errors_and_nothing_is_registered() throws Exception {
        StaffAuthentication doctor = demo(roleHolder("doctor", 1));
        long before = jdbc.sql("SELECT count(*) FROM pat_research_export").query(Long.class).single();

        MockHttpServletResponse order = request(doctor, "", "2026-11-10", "2026-11-01", "");
        MockHttpServletResponse missing = request(doctor, "", "", "2026-11-01", "");
        MockHttpServletResponse format = request(doctor, "", "2026-13-40", "2026-11-01", "");
        MockHttpServletResponse icd = request(doctor, "", "2026-01-01", "2026-11-01", "I21%");
        MockHttpServletResponse department = request(doctor, "FINANCE", "2026-01-01", "2026-11-01", "");
        MockHttpServletResponse tooLong = request(doctor, "", "2020-01-01", "2026-11-01", "");

        assertThat(order.getStatus()).isEqualTo(400);
        assertThat(order.getContentAsString()).contains("cannot be before");
        assertThat(missing.getContentAsString()).contains("Enter the first and the last day");
        assertThat(format.getContentAsString()).contains("year-month-day");
        assertThat(icd.getContentAsString()).contains("Malformed ICD-10 prefix");
        assertThat(department.getContentAsString()).contains("Unknown clinical department");
        assertThat(tooLong.getContentAsString()).contains("at most 3 years");
        assertThat(jdbc.sql("SELECT count(*) FROM pat_research_export").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void someone_elses_export_is_not_found_and_a_nurse_has_no_research_permission() throws Exception {
        long doctorId = roleHolder("doctor", 2);
        LocalDate today = LocalDate.now(clock);
        long id = requested(request(demo(doctorId), "", today.minusMonths(1).toString(), today.toString(), "I"));

        MockHttpServletResponse other = download(demo(roleHolder("doctor", 3)), id);
        MockHttpServletResponse nurse = download(demo(roleHolder("nurse", 0)), id);

        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(nurse.getStatus()).isEqualTo(403);
    }
}
