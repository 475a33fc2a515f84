package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ApiTokenService;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffLookup;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
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
 * FHIR R4 import of the patient directory (issue 6 item 1; PAT-1, ACC-4): malformed resources are refused one by
 * one with their reasons, a batch keeps the good entries, a transaction none, the same resource twice is one row,
 * a token without the import scope is refused, and a care team opens the patient to its members and ending it
 * closes the record again (decided by the decision point).
 */
@BaomiSpringTest
class FhirImportTest {

    @Autowired TestAccounts accounts;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @Autowired AccessPolicy policy;
    @Autowired StaffLookup staff;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private String token;
    private String run;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        // ORG-5: the system administrator issues the integration scope
        token = SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue("HIS import",
                TestAccounts.API_CLIENT, Set.of(PrivacyPermissions.IMPORT_SCOPE), Duration.ofDays(1))).token();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    static String patient(String id, String mrn, String birthDate, String idNumber, String gender) {
        return """
                {"resourceType":"Patient","id":"%s",
                 "identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"%s"}%s],
                 "name":[{"text":"Test Patient %s"}],"gender":"%s","birthDate":%s,
                 "telecom":[{"system":"phone","value":"13800001111"}],"address":[{"text":"Test Street 1"}]}
                """.formatted(id, mrn, idNumber == null ? ""
                        : ",{\"type\":{\"coding\":[{\"code\":\"NI\"}]},\"value\":\"" + idNumber + "\"}", id, gender,
                birthDate == null ? "null" : "\"" + birthDate + "\"");
    }

    static String encounter(String id, String patientId, String start, String end) {
        return """
                {"resourceType":"Encounter","id":"%s","status":"in-progress","class":{"code":"IMP"},
                 "subject":{"reference":"Patient/%s"},"period":{"start":"%s"%s},
                 "serviceProvider":{"identifier":{"value":"CARDIOLOGY"}},
                 "participant":[{"type":[{"coding":[{"code":"ATND"}]}],"individual":{"reference":"Practitioner/H0079"}}],
                 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I21.9","display":"AMI"}]}]}
                """.formatted(id, patientId, start, end == null ? "" : ",\"end\":\"" + end + "\"");
    }

    static String careTeam(String id, String encounterId, String status, String... staffNos) {
        List<String> members = new ArrayList<>();
        for (String staffNo : staffNos) {
            members.add("{\"role\":[{\"text\":\"nurse\"}],\"member\":{\"reference\":\"Practitioner/" + staffNo + "\"}}");
        }
        return """
                {"resourceType":"CareTeam","id":"%s","status":"%s","encounter":{"reference":"Encounter/%s"},
                 "participant":[%s]}
                """.formatted(id, status, encounterId, String.join(",", members));
    }

    static String bundle(String type, String... resources) {
        List<String> entries = new ArrayList<>();
        for (String r : resources) {
            entries.add("{\"resource\":" + r + ",\"request\":{\"method\":\"POST\"}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private WebSession.Page post(String path, String body) {
        return client.apiPost(path, token, "application/fhir+json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long patients(String sourceId) {
        return jdbc.sql("SELECT count(*) FROM pat_patient WHERE source_id = :id").param("id", sourceId)
                .query(Long.class).single();
    }

    private String patientId(String sourceId) {
        return jdbc.sql("SELECT id FROM pat_patient WHERE source_id = :id").param("id", sourceId).query(Long.class)
                .single().toString();
    }

    private static List<String> keys(JsonNode outcome) {
        List<String> keys = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            keys.add(issue.path("details").path("coding").path(0).path("code").asString());
        }
        return keys;
    }

    @Test
    void a_batch_keeps_the_good_entries_and_refuses_each_malformed_one_with_its_reason() {
        String good = "P-" + run + "-good";
        String body = bundle("batch",
                patient(good, "MR-" + run + "-1", "1980-02-03", validIdNumber(), "female"),
                patient("P-" + run + "-nobirth", "MR-" + run + "-2", null, null, "male"),
                encounter("E-" + run + "-orphan", "P-" + run + "-nobody", "2026-11-01T08:00:00+08:00", null),
                patient("P-" + run + "-baddate", "MR-" + run + "-3", "1990-13-45", null, "male"),
                patient("P-" + run + "-badcode", "MR-" + run + "-4", "1990-01-01", null, "robot"),
                "{\"resourceType\":\"Observation\",\"id\":\"O-1\"}",
                patient("P-" + run + "-badid", "MR-" + run + "-5", "1980-02-03", "110105198002030010", "male"),
                encounter("E-" + run + "-ok", good, "2026-11-01T08:00:00+08:00", null),
                "[1,2]");
        WebSession.Page response = post("/fhir", body);
        assertThat(response.status()).isEqualTo(200);
        JsonNode bundle = json.readTree(response.body());
        assertThat(bundle.path("type").asString()).isEqualTo("batch-response");
        JsonNode entries = bundle.path("entry");
        assertThat(entries.size()).isEqualTo(9);
        List<String> statuses = new ArrayList<>();
        for (JsonNode entry : entries) {
            statuses.add(entry.path("response").path("status").asString());
        }
        assertThat(keys(entries.path(1).path("response").path("outcome"))).containsExactly("privacy.import.required");
        assertThat(entries.path(1).path("response").path("outcome").path("issue").path(0).path("expression").path(0)
                .asString()).endsWith("birthDate");
        assertThat(keys(entries.path(2).path("response").path("outcome")))
                .containsExactly("privacy.import.reference-unknown");
        assertThat(keys(entries.path(3).path("response").path("outcome"))).containsExactly("privacy.import.date-invalid");
        assertThat(keys(entries.path(4).path("response").path("outcome"))).containsExactly("privacy.import.code-unknown");
        assertThat(keys(entries.path(5).path("response").path("outcome"))).containsExactly("privacy.fhir.type-unsupported");
        assertThat(keys(entries.path(6).path("response").path("outcome")))
                .containsExactly("privacy.import.id-number-invalid");
        assertThat(keys(entries.path(8).path("response").path("outcome"))).containsExactly("privacy.fhir.not-object");
        assertThat(statuses.subList(1, 7)).allMatch(s -> s.startsWith("400"));
        assertThat(statuses.get(0)).isEqualTo("201 Created");
        assertThat(statuses.get(7)).isEqualTo("201 Created");
        assertThat(patients(good)).isEqualTo(1);
        assertThat(patients("P-" + run + "-nobirth") + patients("P-" + run + "-baddate")
                + patients("P-" + run + "-badcode") + patients("P-" + run + "-badid")).isZero();
    }

    @Test
    void a_batch_writes_its_valid_patient_and_encounter_and_says_created() {
        String good = "P-" + run + "-ok";
        String body = bundle("batch", patient(good, "MR-" + run + "-9", "1980-02-03", validIdNumber(), "female"),
                encounter("E-" + run + "-ok", good, "2026-11-01T08:00:00+08:00", null),
                patient("P-" + run + "-bad", "MR-" + run + "-8", "not a date", null, "male"));
        JsonNode entries = json.readTree(post("/fhir", body).body()).path("entry");
        assertThat(entries.path(0).path("response").path("status").asString()).isEqualTo("201 Created");
        assertThat(entries.path(1).path("response").path("status").asString()).isEqualTo("201 Created");
        assertThat(entries.path(2).path("response").path("status").asString()).startsWith("400");
        assertThat(patients(good)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM pat_encounter WHERE source_id = :id").param("id", "E-" + run + "-ok")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT icd10 FROM pat_diagnosis d JOIN pat_encounter e ON e.id = d.encounter_id "
                + "WHERE e.source_id = :id").param("id", "E-" + run + "-ok").query(String.class).list())
                .containsExactly("I21.9");
        // PAT-1: the patient is registered with the decision point; AUD-1: one audit record naming the patient
        String pid = patientId(good);
        assertThat(jdbc.sql("SELECT level FROM iam_protected_object WHERE object_type = 'patient' AND object_id = :id")
                .param("id", pid).query(String.class).single()).isEqualTo("INTERNAL");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'privacy.import.completed'
                  AND details -> 'patients' @> to_jsonb(CAST(:id AS text))
                """).param("id", pid).query(Long.class).single()).isEqualTo(1);
    }

    /** A valid resident ID number born 1980-02-03 (check digit computed as GB 11643 says). */
    static String validIdNumber() {
        String first17 = "11010519800203001";
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    @Test
    void a_transaction_with_one_bad_entry_writes_nothing() {
        String good = "P-" + run + "-tx";
        String body = bundle("transaction", patient(good, "MR-" + run + "-tx", "1980-02-03", null, "female"),
                encounter("E-" + run + "-tx", good, "2026-11-01T08:00:00+08:00", "2026-10-01T08:00:00+08:00"));
        WebSession.Page response = post("/fhir", body);
        assertThat(response.status()).isEqualTo(400);
        JsonNode outcome = json.readTree(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(keys(outcome)).containsExactly("privacy.import.date-order");
        assertThat(outcome.path("issue").path(0).path("expression").path(0).asString())
                .isEqualTo("Bundle.entry[1].resource.period.end");
        assertThat(patients(good)).isZero();
        assertThat(accounts.auditEntries("privacy.import.rejected", "FAILED", null, null)).isPositive();
    }

    @Test
    void a_body_that_is_not_json_or_of_the_wrong_type_is_refused_with_an_operation_outcome() {
        WebSession.Page notJson = post("/fhir/Patient", "<Patient/>");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(keys(json.readTree(notJson.body()))).containsExactly("privacy.fhir.not-json");
        WebSession.Page wrongType = post("/fhir/Patient", encounter("E-" + run, "P-x", "2026-01-01", null));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(keys(json.readTree(wrongType.body()))).containsExactly("privacy.fhir.type-mismatch");
        WebSession.Page notBundle = post("/fhir", patient("P-" + run, "MR-" + run, "1980-01-01", null, "male"));
        assertThat(keys(json.readTree(notBundle.body()))).containsExactly("privacy.fhir.bundle-expected");
    }

    @Test
    void the_same_resource_twice_is_one_row_rewritten_only_when_it_changed() {
        String id = "P-" + run + "-idem";
        String first = patient(id, "MR-" + run + "-idem", "1980-02-03", null, "female");
        assertThat(post("/fhir/Patient", first).status()).isEqualTo(201);
        assertThat(post("/fhir/Patient", first).status()).isEqualTo(200);
        assertThat(patients(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT version FROM pat_patient WHERE source_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(post("/fhir/Patient", first.replace("Test Street 1", "Test Street 2")).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT version FROM pat_patient WHERE source_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(patients(id)).isEqualTo(1);
    }

    @Test
    void a_token_without_the_import_scope_is_refused_and_the_refusal_audited() {
        long before = accounts.auditEntries("access.denied", "DENIED", null, null);
        String other = accounts.token("iam:staff:read");
        WebSession.Page response = client.apiPost("/fhir/Patient", other, "application/fhir+json",
                patient("P-" + run, "MR-" + run, "1980-01-01", null, "male").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(403);
        assertThat(patients("P-" + run)).isZero();
        assertThat(accounts.auditEntries("access.denied", "DENIED", null, null)).isGreaterThan(before);
        assertThat(client.apiPost("/fhir/Patient", null, "application/fhir+json", new byte[] {'{', '}'}).status())
                .isEqualTo(401);
    }

    @Test
    void a_care_team_opens_the_record_to_its_members_and_ending_it_closes_it_ACC_4() {
        long nurse = staff.activeByStaffNo("H0084").orElseThrow().accountId();
        long outsider = staff.activeByStaffNo("H0085").orElseThrow().accountId();
        String pat = "P-" + run + "-care";
        String enc = "E-" + run + "-care";
        String team = "T-" + run + "-care";
        WebSession.Page created = post("/fhir", bundle("transaction",
                patient(pat, "MR-" + run + "-care", "1970-05-06", null, "male"),
                encounter(enc, pat, "2026-11-20T08:00:00+08:00", null),
                careTeam(team, enc, "active", "H0084")));
        assertThat(created.status()).isEqualTo(200);
        ResourceRef ref = ResourceRef.patient(patientId(pat));
        assertThat(policy.decide(new AccessRequest(nurse, AccessAction.CHANGE, ref)).allowed()).isTrue();
        assertThat(policy.decide(AccessRequest.read(nurse, ref)).allowed()).isTrue();
        assertThat(policy.decide(AccessRequest.read(outsider, ref)).allowed()).isFalse();

        assertThat(post("/fhir/CareTeam", careTeam(team, enc, "inactive", "H0084")).status()).isEqualTo(200);
        ((MutableClock) clock).advance(Duration.ofSeconds(1));
        // changing needs the encounter open (care window 0 days); reading keeps the policy's window after it
        assertThat(policy.decide(new AccessRequest(nurse, AccessAction.CHANGE, ref)).allowed()).isFalse();
        assertThat(policy.decide(AccessRequest.read(nurse, ref)).allowed()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM pat_care_member WHERE care_team_id = :t AND valid_until IS NULL")
                .param("t", team).query(Long.class).single()).isZero();
    }
}
