package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.baomi.iam.ApiTokenService;
import org.baomi.iam.StaffImport;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HR import of staff through FHIR R4 Practitioner and PractitionerRole (issue 6 item 1; ORG-5, ACC-4): accounts are
 * created and updated without roles or clearance, the same resources twice change nothing and write no audit,
 * malformed resources are refused one by one with their reasons, a transaction is all or nothing, a 三员 account is
 * never touched, and the scope is the staff import's own.
 */
@BaomiSpringTest
class StaffFhirImportTest {

    static final String SYSTEM = "https://baomi.example.org/fhir/sid/staff-number";
    /** 王 and 芳: a Chinese family name and given name. */
    static final String WANG = "\u738b";
    static final String FANG = "\u82b3";

    @Autowired TestAccounts accounts;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private String token;
    private String run;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        // ORG-5: the system administrator issues the staff import scope
        token = issue(StaffImport.SCOPE);
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private String issue(String scope) {
        return SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue("HR import",
                TestAccounts.API_CLIENT, Set.of(scope), Duration.ofDays(1))).token();
    }

    static String practitioner(String id, String staffNo, String family, String given, String gender, Boolean active) {
        return """
                {"resourceType":"Practitioner","id":"%s","identifier":[{"system":"%s","value":"%s"}]%s,
                 "name":[{"use":"official"%s%s}],"gender":"%s",
                 "telecom":[{"system":"phone","value":"13900001111"},{"system":"email","value":"hr@example.org"}]}
                """.formatted(id, SYSTEM, staffNo, active == null ? "" : ",\"active\":" + active,
                family == null ? "" : ",\"family\":\"" + family + "\"",
                given == null ? "" : ",\"given\":[\"" + given + "\"]", gender);
    }

    static String role(String id, String practitionerId, String department, String post) {
        return """
                {"resourceType":"PractitionerRole","id":"%s","practitioner":{"reference":"Practitioner/%s"},
                 "organization":{"identifier":{"value":"%s"}},"code":[{"coding":[{"code":"%s"}]}]}
                """.formatted(id, practitionerId, department, post);
    }

    static String bundle(String type, String... resources) {
        List<String> entries = new ArrayList<>();
        for (String r : resources) {
            entries.add("{\"resource\":" + r + ",\"request\":{\"method\":\"POST\"}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private WebSession.Page post(String path, String body) {
        return post(path, body, token);
    }

    private WebSession.Page post(String path, String body, String secret) {
        return client.apiPost(path, secret, "application/fhir+json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> account(String staffNo) {
        return jdbc.sql("""
                SELECT a.full_name, a.gender, a.phone, a.email, a.status, a.clearance, d.code AS department, p.code AS post,
                       (SELECT count(*) FROM iam_account_role r WHERE r.account_id = a.id) AS roles,
                       (SELECT count(*) FROM iam_credential c WHERE c.account_id = a.id) AS credentials
                  FROM iam_account a LEFT JOIN iam_department d ON d.id = a.department_id
                  LEFT JOIN iam_post p ON p.id = a.post_id WHERE a.staff_no = :no""")
                .param("no", staffNo).query().singleRow();
    }

    private long accountsNamed(String staffNo) {
        return jdbc.sql("SELECT count(*) FROM iam_account WHERE upper(staff_no) = upper(:no)").param("no", staffNo)
                .query(Long.class).single();
    }

    private long importAudits(String staffNo) {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'iam.account.hr-imported'
                  AND (details -> 'created' @> to_jsonb(CAST(:no AS text))
                       OR details -> 'updated' @> to_jsonb(CAST(:no AS text)))""")
                .param("no", staffNo).query(Long.class).single();
    }

    private static List<String> keys(JsonNode outcome) {
        List<String> keys = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            keys.add(issue.path("details").path("coding").path(0).path("code").asString());
        }
        return keys;
    }

    private static String status(JsonNode entry) {
        return entry.path("response").path("status").asString();
    }

    @Test
    void a_practitioner_and_its_role_make_an_account_without_roles_clearance_or_password_and_twice_is_no_change() {
        String staffNo = "HR-" + run + "-1";
        String body = bundle("batch", practitioner("pr-" + run, staffNo, WANG, FANG, "female", null),
                role("role-" + run, "pr-" + run, "CARDIOLOGY", "NURSE"));
        WebSession.Page response = post("/fhir", body);
        assertThat(response.status()).isEqualTo(200);
        JsonNode entries = json.readTree(response.body()).path("entry");
        assertThat(status(entries.path(0))).isEqualTo("201 Created");
        assertThat(status(entries.path(1))).isEqualTo("201 Created");
        Map<String, Object> account = account(staffNo);
        // Chinese family and given name written together, no space
        assertThat(account).containsEntry("full_name", WANG + FANG).containsEntry("gender", "female")
                .containsEntry("phone", "13900001111").containsEntry("email", "hr@example.org")
                .containsEntry("status", "ACTIVE").containsEntry("department", "CARDIOLOGY")
                .containsEntry("post", "NURSE")
                // ORG-5: no role, the default clearance, no password: the administrators decide
                .containsEntry("clearance", "INTERNAL").containsEntry("roles", 0L).containsEntry("credentials", 0L);
        assertThat(importAudits(staffNo)).isEqualTo(1);

        JsonNode again = json.readTree(post("/fhir", body).body()).path("entry");
        assertThat(status(again.path(0))).isEqualTo("200 OK");
        assertThat(status(again.path(1))).isEqualTo("200 OK");
        assertThat(accountsNamed(staffNo)).isEqualTo(1);
        assertThat(importAudits(staffNo)).as("the same HR data again is no audit noise").isEqualTo(1);
    }

    @Test
    void a_batch_refuses_each_malformed_resource_with_its_reason_and_keeps_the_good_one() {
        String good = "HR-" + run + "-G";
        String dup = "HR-" + run + "-D";
        String body = bundle("batch",
                practitioner("g", good, WANG, FANG, "male", true),
                role("g-role", "g", "CARDIOLOGY", "NURSE"),
                practitioner("bd", "HR-" + run + "-B", WANG, FANG, "male", true),
                role("bd-role", "bd", "NO-SUCH-DEPT", "NURSE"),
                practitioner("bp", "HR-" + run + "-P", WANG, FANG, "male", true),
                role("bp-role", "bp", "CARDIOLOGY", "NO-SUCH-POST"),
                practitioner("bn", "bad number!", WANG, FANG, "male", true),
                practitioner("nn", "HR-" + run + "-N", null, null, "male", true),
                role("nn-role", "nn", "CARDIOLOGY", "NURSE"),
                practitioner("d1", dup, WANG, FANG, "male", true),
                practitioner("d2", dup, WANG, FANG, "male", true),
                "{\"resourceType\":\"Practitioner\",\"id\":\"noid\",\"name\":[{\"text\":\"Anon\"}]}",
                practitioner("bg", "HR-" + run + "-X", WANG, FANG, "robot", true),
                "[1,2]");
        WebSession.Page response = post("/fhir", body);
        assertThat(response.status()).isEqualTo(200);
        JsonNode entries = json.readTree(response.body()).path("entry");
        assertThat(entries.size()).isEqualTo(14);
        assertThat(status(entries.path(0))).isEqualTo("201 Created");
        assertThat(status(entries.path(1))).isEqualTo("201 Created");
        for (int i = 2; i < 14; i++) {
            assertThat(status(entries.path(i))).as("entry " + i).startsWith("400");
        }
        JsonNode unknownDepartment = entries.path(3).path("response").path("outcome");
        assertThat(keys(unknownDepartment)).containsExactly("staff-import.error.department-unknown");
        assertThat(unknownDepartment.path("issue").path(0).path("expression").path(0).asString())
                .isEqualTo("Bundle.entry[3].resource.organization");
        assertThat(keys(entries.path(5).path("response").path("outcome")))
                .containsExactly("staff-import.error.post-unknown");
        assertThat(keys(entries.path(6).path("response").path("outcome")))
                .containsExactly("iam.admin.error.staff-no.format");
        assertThat(keys(entries.path(7).path("response").path("outcome")))
                .containsExactly("iam.admin.error.full-name.required");
        assertThat(keys(entries.path(9).path("response").path("outcome"))).containsExactly("staff-import.error.duplicate");
        assertThat(keys(entries.path(10).path("response").path("outcome"))).containsExactly("staff-import.error.duplicate");
        assertThat(keys(entries.path(11).path("response").path("outcome")))
                .containsExactly("staff-import.error.staff-no-missing");
        // a new staff number without a PractitionerRole is refused for that too: an account needs a department
        assertThat(keys(entries.path(12).path("response").path("outcome")))
                .containsExactlyInAnyOrder("staff-import.error.gender", "staff-import.error.placement-required");
        assertThat(keys(entries.path(13).path("response").path("outcome"))).containsExactly("privacy.fhir.not-object");
        // the reason is translated (Simplified Chinese is the default language)
        assertThat(entries.path(3).path("response").path("outcome").path("issue").path(0).path("details").path("text")
                .asString()).contains("NO-SUCH-DEPT").isNotEqualTo("staff-import.error.department-unknown");
        assertThat(accountsNamed(good)).isEqualTo(1);
        assertThat(accountsNamed("HR-" + run + "-B") + accountsNamed("HR-" + run + "-P") + accountsNamed(dup)
                + accountsNamed("HR-" + run + "-N") + accountsNamed("HR-" + run + "-X")).isZero();
        // AUD-1: one record for the request, with counts per outcome
        Map<String, Object> audit = jdbc.sql("""
                SELECT outcome, details ->> 'counts' AS counts FROM aud_entry
                 WHERE action = 'iam.account.hr-imported' AND details -> 'created' @> to_jsonb(CAST(:no AS text))""")
                .param("no", good).query().singleRow();
        assertThat(audit.get("outcome")).isEqualTo("ALLOWED");
        assertThat((String) audit.get("counts")).contains("\"CREATED\": 1");
    }

    @Test
    void a_transaction_with_one_bad_entry_writes_nothing_and_lists_the_problem() {
        String a = "HR-" + run + "-TA";
        String b = "HR-" + run + "-TB";
        String body = bundle("transaction", practitioner("a", a, WANG, FANG, "female", true),
                role("a-role", "a", "CARDIOLOGY", "NURSE"), practitioner("b", b, WANG, FANG, "female", true),
                role("b-role", "b", "CARDIOLOGY", "NO-SUCH-POST"));
        WebSession.Page response = post("/fhir", body);
        assertThat(response.status()).isEqualTo(400);
        JsonNode outcome = json.readTree(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(keys(outcome)).containsExactly("staff-import.error.post-unknown");
        assertThat(outcome.path("issue").path(0).path("expression").path(0).asString())
                .isEqualTo("Bundle.entry[3].resource.code");
        assertThat(accountsNamed(a) + accountsNamed(b)).isZero();
    }

    @Test
    void an_administrator_of_the_three_is_never_touched_by_the_import() {
        TestAccounts.Created admin = accounts.securityAdmin();
        Map<String, Object> before = account(admin.staffNo());
        String body = bundle("batch", practitioner("adm", admin.staffNo(), WANG, FANG, "male", false),
                role("adm-role", "adm", "CARDIOLOGY", "NURSE"));
        JsonNode entries = json.readTree(post("/fhir", body).body()).path("entry");
        assertThat(status(entries.path(0))).startsWith("400");
        assertThat(keys(entries.path(0).path("response").path("outcome")))
                .containsExactly("staff-import.error.admin-account");
        assertThat(keys(entries.path(1).path("response").path("outcome")))
                .containsExactly("staff-import.error.admin-account");
        assertThat(account(admin.staffNo())).isEqualTo(before);
        // the single endpoint too
        WebSession.Page single = post("/fhir/PractitionerRole",
                role("adm-role", admin.staffNo(), "CARDIOLOGY", "NURSE"));
        assertThat(single.status()).isEqualTo(400);
        assertThat(keys(json.readTree(single.body()))).containsExactly("staff-import.error.admin-account");
        assertThat(account(admin.staffNo())).isEqualTo(before);
    }

    @Test
    void inactive_suspends_an_active_account_and_active_does_not_lift_the_suspension() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().roles("staff"));
        WebSession.Page suspend = post("/fhir/Practitioner",
                practitioner("p", person.staffNo(), WANG, FANG, "female", false));
        assertThat(suspend.status()).isEqualTo(200);
        assertThat(account(person.staffNo())).containsEntry("status", "SUSPENDED").containsEntry("full_name", WANG + FANG)
                .containsEntry("roles", 1L);
        WebSession.Page again = post("/fhir/Practitioner",
                practitioner("p", person.staffNo(), WANG, FANG, "female", true));
        assertThat(again.status()).isEqualTo(200);
        assertThat(account(person.staffNo())).containsEntry("status", "SUSPENDED");
    }

    @Test
    void a_role_alone_moves_an_existing_person_and_keeps_their_roles() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().roles("staff"));
        WebSession.Page moved = post("/fhir/PractitionerRole", role("r", person.staffNo(), "CARDIOLOGY", "NURSE"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(account(person.staffNo())).containsEntry("department", "CARDIOLOGY").containsEntry("post", "NURSE")
                .containsEntry("full_name", person.fullName()).containsEntry("roles", 1L);
        // a new staff number needs a Practitioner as well
        WebSession.Page lonely = post("/fhir/PractitionerRole", role("r2", "HR-" + run + "-R", "CARDIOLOGY", "NURSE"));
        assertThat(lonely.status()).isEqualTo(400);
        assertThat(keys(json.readTree(lonely.body()))).containsExactly("staff-import.error.profile-required");
    }

    @Test
    void the_staff_import_needs_its_own_scope_and_a_bundle_is_either_staff_or_patients() {
        String patientToken = issue(PrivacyPermissions.IMPORT_SCOPE);
        String staffNo = "HR-" + run + "-S";
        assertThat(post("/fhir/Practitioner", practitioner("s", staffNo, WANG, FANG, "male", true), patientToken)
                .status()).isEqualTo(403);
        assertThat(post("/fhir", bundle("batch", practitioner("s", staffNo, WANG, FANG, "male", true),
                role("s-role", "s", "CARDIOLOGY", "NURSE")), patientToken).status()).isEqualTo(403);
        assertThat(post("/fhir/Patient", FhirImportTest.patient("P-" + run, "MR-" + run, "1980-02-03", null, "male"))
                .status()).isEqualTo(403);
        assertThat(accountsNamed(staffNo)).isZero();
        WebSession.Page mixed = post("/fhir", bundle("batch", practitioner("s", staffNo, WANG, FANG, "male", true),
                FhirImportTest.patient("P-" + run, "MR-" + run, "1980-02-03", null, "male")));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(keys(json.readTree(mixed.body()))).containsExactly("privacy.fhir.bundle-mixed");
        assertThat(accountsNamed(staffNo)).isZero();
    }
    @Test
    void a_request_where_everything_is_refused_writes_nothing_and_one_failed_record() {
        long failedBefore = failedImports();
        String staffNo = "HR-" + run + "-F";
        String id = "X" + run;
        String deleted = bundle("batch", practitioner(id, staffNo, WANG, FANG, "male", true),
                role("f-role", id, "CARDIOLOGY", "NURSE")).replaceFirst("\"POST\"", "\"DELETE\"");
        WebSession.Page response = post("/fhir", deleted);
        assertThat(response.status()).isEqualTo(200);
        JsonNode entries = json.readTree(response.body()).path("entry");
        assertThat(keys(entries.path(0).path("response").path("outcome"))).containsExactly("privacy.fhir.method");
        // the Practitioner refused, its id is all the role names: read as a staff number (as for a Practitioner sent
        // earlier), which has no account, so the role alone cannot make one
        assertThat(keys(entries.path(1).path("response").path("outcome")))
                .containsExactly("staff-import.error.profile-required");
        assertThat(accountsNamed(staffNo)).isZero();
        // AUD-1: nothing written is still one record of the request, as a failure
        assertThat(failedImports()).isEqualTo(failedBefore + 1);

        // a single resource posted to the other type's endpoint
        WebSession.Page mismatch = post("/fhir/Practitioner", role("f-role", staffNo, "CARDIOLOGY", "NURSE"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(keys(json.readTree(mismatch.body()))).containsExactly("privacy.fhir.type-mismatch");
        assertThat(accountsNamed(staffNo)).isZero();
        assertThat(failedImports()).isEqualTo(failedBefore + 2);
    }

    @Test
    void a_changed_practitioner_updates_the_account_once_and_is_audited_as_updated() {
        String staffNo = "HR-" + run + "-U";
        assertThat(post("/fhir", bundle("transaction", practitioner("u", staffNo, WANG, FANG, "female", true),
                role("u-role", "u", "CARDIOLOGY", "NURSE"))).status()).isEqualTo(200);
        long version = jdbc.sql("SELECT version FROM iam_account WHERE staff_no = :no").param("no", staffNo)
                .query(Long.class).single();
        // HR changes the given name and the gender (one resource, through the API alias of the endpoint)
        String changed = practitioner("u", staffNo, WANG, FANG + FANG, "other", true);
        WebSession.Page response = post("/api/v1/privacy/fhir/Practitioner", changed);
        assertThat(response.status()).isEqualTo(200);
        assertThat(account(staffNo)).containsEntry("full_name", WANG + FANG + FANG).containsEntry("gender", "other")
                .containsEntry("department", "CARDIOLOGY").containsEntry("roles", 0L);
        assertThat(jdbc.sql("SELECT version FROM iam_account WHERE staff_no = :no").param("no", staffNo)
                .query(Long.class).single()).isEqualTo(version + 1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'iam.account.hr-imported'
                   AND details -> 'updated' @> to_jsonb(CAST(:no AS text))""").param("no", staffNo)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(post("/api/v1/privacy/fhir/Practitioner", changed).status()).isEqualTo(200);
        assertThat(importAudits(staffNo)).as("created once, updated once, then unchanged").isEqualTo(2);
    }

    private long failedImports() {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'iam.account.hr-imported' AND outcome = 'FAILED'")
                .query(Long.class).single();
    }
}
