package org.baomi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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
 * FHIR R4 AuditEvent ingest at {@code /fhir/AuditEvent} (issue 7 item 1; PAT-4, AUD-2): one resource or a batch
 * Bundle mapped to the same access events, with the same validation and idempotency, and an OperationOutcome for
 * each rejected entry.
 */
@BaomiSpringTest
class AuditEventFhirTest {

    static final String FHIR = "application/fhir+json";

    @Autowired TestAccounts accounts;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private String token;
    private String run;
    private String mrn;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        token = SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue("EMR audit",
                TestAccounts.API_CLIENT, Set.of(AccessEventIngest.SCOPE), Duration.ofDays(1))).token();
        run = UUID.randomUUID().toString().substring(0, 8);
        mrn = jdbc.sql("SELECT mrn FROM pat_patient ORDER BY id LIMIT 1").query(String.class).single();
    }

    String recorded() {
        return clock.instant().minus(Duration.ofMinutes(30)).atOffset(ZoneOffset.ofHours(8))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    String auditEvent(String id, String recorded, String action, String subtype, String who, String patientRef) {
        return """
                {"resourceType":"AuditEvent","id":"%s","type":{"code":"rest"},"action":"%s",
                 "subtype":[{"system":"http://hl7.org/fhir/restful-interaction","code":"%s"}],
                 "recorded":"%s","outcome":"0",
                 "agent":[{"who":{"identifier":{"value":"%s"}},"requestor":true,
                           "network":{"address":"10.1.2.3-%s","type":"2"}},
                          {"who":{"reference":"Device/EMR"},"requestor":false}],
                 "source":{"observer":{"display":"EMR-%s"},"site":"CARDIOLOGY"},
                 "entity":[{"what":{"reference":"%s"}}]}
                """.formatted(id, action, subtype, recorded, who, run, run, patientRef);
    }

    WebSession.Page post(String body) {
        return client.apiPost("/fhir/AuditEvent", token, FHIR, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void one_audit_event_is_stored_once_201_then_200_and_mapped_to_the_event_model() {
        String event = auditEvent("AE-" + run, recorded(), "E", "search-type", "H0079", "Patient/" + mrn);
        WebSession.Page first = post(event);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).contains(FHIR);
        assertThat(post(event).status()).isEqualTo(200);
        Map<String, Object> row = jdbc.sql("""
                SELECT source_system, event_key, user_ref, person_id, patient_ref, patient_id, action, workstation,
                       department_ref, department_id
                FROM mon_access_event WHERE source_system = :s
                """).param("s", "EMR-" + run).query().singleRow();
        assertThat(row.get("event_key")).isEqualTo("id:AE-" + run);
        assertThat(row.get("user_ref")).isEqualTo("H0079");
        assertThat(row.get("person_id")).isNotNull();
        assertThat(row.get("patient_ref")).isEqualTo(mrn);
        assertThat(row.get("patient_id")).isNotNull();
        assertThat(row.get("action")).isEqualTo("QUERY");
        assertThat(row.get("workstation")).isEqualTo("10.1.2.3-" + run);
        assertThat(row.get("department_id")).isNotNull();
    }

    @Test
    void a_rejected_audit_event_is_400_with_an_operation_outcome_naming_the_elements() {
        WebSession.Page refused = client.apiPost("/fhir/AuditEvent?lang=en", token, FHIR,
                auditEvent("AE-" + run, "2026-11-20T08:00:00", "R", "read", "", "Patient/" + mrn)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        JsonNode outcome = json.readTree(refused.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").values()).extracting(i -> i.path("expression").get(0).asString())
                .containsExactlyInAnyOrder("AuditEvent.recorded", "AuditEvent.agent.who");
        assertThat(refused.body()).contains("has no UTC offset");
    }

    @Test
    void a_batch_bundle_answers_per_entry_and_keeps_the_good_entries() {
        String good = auditEvent("AB1-" + run, recorded(), "R", "read", "H0079", "Patient/" + mrn);
        String printed = auditEvent("AB2-" + run, recorded(), "R", "print", "H0084", "Patient/" + mrn);
        String noPatient = auditEvent("AB3-" + run, recorded(), "R", "read", "H0079", "Group/1");
        String badAction = auditEvent("AB4-" + run, recorded(), "X", "nothing", "H0079", "Patient/" + mrn);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":" + good + "},"
                + "{\"resource\":" + printed + "},{\"resource\":" + noPatient + "},{\"resource\":{\"resourceType\":"
                + "\"Patient\"}},{\"resource\":" + badAction + "},{\"resource\":" + good + "}]}";
        WebSession.Page answer = post(bundle);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode response = json.readTree(answer.body());
        assertThat(response.path("type").asString()).isEqualTo("batch-response");
        assertThat(response.path("entry").values()).extracting(e -> e.path("response").path("status").asString())
                .containsExactly("201 Created", "201 Created", "400 Bad Request", "400 Bad Request",
                        "400 Bad Request", "200 OK");
        assertThat(response.path("entry").get(2).path("response").path("outcome").path("issue").get(0)
                .path("expression").get(0).asString()).isEqualTo("Bundle.entry[2].resource.entity.what");
        assertThat(response.path("entry").get(3).toString()).contains("monitor.fhir.entry-not-audit-event");
        assertThat(response.path("entry").get(4).toString()).contains("monitor.ingest.action-unknown");
        assertThat(jdbc.sql("SELECT action FROM mon_access_event WHERE source_system = :s ORDER BY event_key")
                .param("s", "EMR-" + run).query(String.class).list()).containsExactly("READ", "PRINT");
    }

    @Test
    void a_transaction_bundle_or_another_resource_is_refused_whole() {
        WebSession.Page transaction = post("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}");
        assertThat(transaction.status()).isEqualTo(400);
        assertThat(transaction.body()).contains("monitor.fhir.bundle-type");
        WebSession.Page patient = post("{\"resourceType\":\"Patient\"}");
        assertThat(patient.status()).isEqualTo(400);
        assertThat(patient.body()).contains("monitor.fhir.resource-type");
        WebSession.Page garbage = post("not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("monitor.fhir.not-json");
    }

    @Test
    void without_a_token_the_fhir_endpoint_is_401_and_an_oversize_body_is_413() {
        WebSession.Page none = client.apiPost("/fhir/AuditEvent", null, FHIR,
                auditEvent("AE-" + run, recorded(), "R", "read", "H0079", "Patient/" + mrn)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(none.status()).isEqualTo(401);
        byte[] big = ("{\"resourceType\":\"AuditEvent\",\"id\":\"" + "x".repeat(300 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(client.apiPost("/fhir/AuditEvent", token, FHIR, big).status()).isEqualTo(413);
        assertThat(jdbc.sql("SELECT count(*) FROM mon_access_event WHERE source_system = :s")
                .param("s", "EMR-" + run).query(Long.class).single()).isZero();
    }
}
