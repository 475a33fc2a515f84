package org.baomi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * The explanation feed {@code POST /api/v1/privacy/care-contexts} (issue 7 item 2; ACC-1 need-to-know): orders,
 * appointments and referrals validated item by item, stored once per source id, references required to resolve,
 * one audit record per request.
 */
@BaomiSpringTest
class CareContextApiTest {

    static final String API = "/api/v1/privacy/care-contexts";

    @Autowired TestAccounts accounts;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private String token;
    private String run;
    private String mrn;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        token = SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue("HIS orders",
                TestAccounts.API_CLIENT, Set.of(IngestCareContexts.SCOPE), Duration.ofDays(1))).token();
        run = UUID.randomUUID().toString().substring(0, 8);
        mrn = jdbc.sql("SELECT mrn FROM pat_patient ORDER BY id LIMIT 1").query(String.class).single();
    }

    String context(String id, String kind, String person, String department, String patient, String from,
            String until) {
        StringBuilder sb = new StringBuilder("{\"sourceId\":\"" + id + "-" + run + "\",\"kind\":\"" + kind + "\"");
        if (person != null) {
            sb.append(",\"person\":\"").append(person).append('"');
        }
        if (department != null) {
            sb.append(",\"department\":\"").append(department).append('"');
        }
        return sb.append(",\"patient\":\"").append(patient).append("\",\"validFrom\":\"").append(from)
                .append("\",\"validUntil\":\"").append(until).append("\"}").toString();
    }

    @Test
    void valid_contexts_are_stored_once_and_bad_ones_rejected_with_reasons() {
        String from = "2026-11-01T08:00:00+08:00";
        String until = "2026-11-30T18:00:00+08:00";
        String order = context("O1", "ORDER", "H0079", null, mrn, from, until);
        String referral = context("R1", "referral", null, "CARDIOLOGY", mrn, from, until);
        String body = String.join("\n", order, referral,
                context("X1", "GOSSIP", "H0079", null, mrn, from, until),
                context("X2", "ORDER", null, null, mrn, from, until),
                context("X3", "ORDER", "NOBODY-" + run, null, mrn, from, until),
                context("X4", "ORDER", "H0079", null, "NO-MRN-" + run, from, until),
                context("X5", "APPOINTMENT", null, "NO-DEPT", mrn, from, until),
                context("X6", "ORDER", "H0079", null, mrn, until, from),
                order);
        WebSession.Page answer = client.apiPost(API, token, "application/x-ndjson",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("duplicates").asInt()).isEqualTo(1);
        assertThat(AccessEventIngestApiTest.rejections(report)).isEqualTo(Map.of(
                2, List.of("kind=monitor.care.kind-unknown"),
                3, List.of("person=monitor.care.person-or-department"),
                4, List.of("person=monitor.care.person-unknown"),
                5, List.of("patient=monitor.care.patient-unknown"),
                6, List.of("department=monitor.care.department-unknown"),
                7, List.of("validUntil=monitor.care.period-reversed")));

        JsonNode again = json.readTree(client.apiPostJson(API, token, "[" + order + "," + referral + "]").body());
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(2);
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT kind, person_id, department_id, patient_id FROM mon_care_context
                WHERE source_id IN (:o, :r) ORDER BY source_id
                """).param("o", "O1-" + run).param("r", "R1-" + run).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("kind")).isEqualTo("ORDER");
        assertThat(rows.get(0).get("person_id")).isNotNull();
        assertThat(rows.get(1).get("kind")).isEqualTo("REFERRAL");
        assertThat(rows.get(1).get("department_id")).isNotNull();
        assertThat(rows.get(1).get("person_id")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'monitor.care-contexts.imported' "
                + "AND details ->> 'received' = '9'").query(Long.class).single()).isPositive();
    }

    @Test
    void an_access_event_token_may_not_write_care_contexts_ACC_1() {
        String eventsOnly = SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue(
                "EMR", TestAccounts.API_CLIENT, Set.of(AccessEventIngest.SCOPE), Duration.ofDays(1))).token();
        WebSession.Page refused = client.apiPostJson(API, eventsOnly, "[" + context("O1", "ORDER", "H0079", null, mrn,
                "2026-11-01T08:00:00+08:00", "2026-11-30T18:00:00+08:00") + "]");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
