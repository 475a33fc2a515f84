package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.baomi.iam.ApiTokenService;
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
 * The REST JSON import of patient data (issue 6 item 1, PAT-1): all or nothing, every problem listed with its field
 * as an RFC 9457 problem, counts of what was written, idempotent by the source ids.
 */
@BaomiSpringTest
class PatientImportApiTest {

    private static final String API = "/api/v1/privacy/import";

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
        token = SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue("HIS import",
                TestAccounts.API_CLIENT, Set.of(PrivacyPermissions.IMPORT_SCOPE), Duration.ofDays(1))).token();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String body(String birthDate, String category) {
        return """
                {"patients":[{"sourceId":"RP-%1$s","mrn":"RMR-%1$s","name":"Rest Patient","gender":"FEMALE",
                              "birthDate":"%2$s","idNumber":"%3$s","phone":"010-12345678","flags":["vip"]}],
                 "encounters":[{"sourceId":"RE-%1$s","patientSourceId":"RP-%1$s","encounterClass":"OUTPATIENT",
                                "departmentCode":"GASTRO","attendingStaffNo":"H0079","start":"2026-11-02T09:00:00+08:00",
                                "end":"2026-11-02T10:00:00+08:00","diagnoses":[{"icd10":"K29.7","text":"gastritis"}]}],
                 "careTeams":[{"sourceId":"RT-%1$s","encounterSourceId":"RE-%1$s","members":[{"staffNo":"H0084",
                               "role":"nurse"}]}],
                 "charges":[{"sourceId":"RC-%1$s-1","encounterSourceId":"RE-%1$s","itemCode":"EXA001",
                             "itemName":"blood count","category":"%4$s","quantity":2,"unitPrice":25.00,
                             "date":"2026-11-02"},
                            {"sourceId":"RC-%1$s-2","encounterSourceId":"RE-%1$s","itemCode":"DRU001",
                             "itemName":"amoxicillin","category":"DRUG","quantity":1,"unitPrice":18.5,"amount":18.5,
                             "date":"2026-11-02"}]}
                """.formatted(run, birthDate, FhirImportTest.validIdNumber(), category);
    }

    private long rows(String table, String sourceId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE source_id = :id").param("id", sourceId)
                .query(Long.class).single();
    }

    @Test
    void a_valid_request_writes_everything_once_and_reports_counts() {
        WebSession.Page first = client.apiPostJson(API, token, body("1980-02-03", "EXAMINATION"));
        assertThat(first.status()).isEqualTo(200);
        JsonNode counts = json.readTree(first.body()).path("counts");
        assertThat(counts.path("created").asLong()).isEqualTo(5);
        assertThat(rows("pat_charge", "RC-" + run + "-1")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount FROM pat_charge WHERE source_id = :id").param("id", "RC-" + run + "-1")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("50.00");
        // PAT-1: a VIP is registered one level higher
        assertThat(jdbc.sql("""
                SELECT o.level FROM iam_protected_object o JOIN pat_patient p ON o.object_id = CAST(p.id AS text)
                WHERE o.object_type = 'patient' AND p.source_id = :id
                """).param("id", "RP-" + run).query(String.class).single()).isEqualTo("SECRET");

        WebSession.Page again = client.apiPostJson(API, token, body("1980-02-03", "EXAMINATION"));
        assertThat(json.readTree(again.body()).path("counts").path("unchanged").asLong()).isEqualTo(5);
        assertThat(rows("pat_patient", "RP-" + run)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM pat_care_member WHERE care_team_id = :id").param("id", "RT-" + run)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_request_with_bad_entries_writes_nothing_and_lists_every_problem_with_its_field() {
        WebSession.Page refused = client.apiPostJson(API, token, body("1979-02-03", "SNACKS"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            fields.add(error.path("field").asString() + "=" + error.path("messageKey").asString());
        }
        // a rejected patient takes the entries that refer to it along (nothing half-imported)
        assertThat(fields).containsExactlyInAnyOrder(
                "patients[0].idNumber=privacy.import.id-number-birth-mismatch",
                "encounters[0].subject=privacy.import.reference-unknown",
                "careTeams[0].encounter=privacy.import.reference-unknown",
                "charges[0].context=privacy.import.reference-unknown",
                "charges[0].category=privacy.import.code-unknown",
                "charges[1].context=privacy.import.reference-unknown");
        assertThat(rows("pat_patient", "RP-" + run)).isZero();
        assertThat(rows("pat_encounter", "RE-" + run)).isZero();
        assertThat(rows("pat_charge", "RC-" + run + "-2")).isZero();
    }

    @Test
    void an_empty_or_missing_body_is_a_clear_problem() {
        WebSession.Page empty = client.apiPostJson(API, token, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("privacy.import.body-required");
        WebSession.Page broken = client.apiPostJson(API, token, "{\"patients\":[");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
