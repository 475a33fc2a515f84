package org.baomi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Ingest of access events through {@code POST /api/v1/privacy/access-events} (issue 7 item 1; PAT-4, AUD-2, ACC-1):
 * malformed events rejected one by one with translated reasons while the good ones are kept, idempotent within and
 * across requests, NDJSON and JSON arrays, unknown people and patients kept unresolved, token and size refusals as
 * problem+json, one audit record per request.
 */
@BaomiSpringTest
class AccessEventIngestApiTest {

    static final String API = "/api/v1/privacy/access-events";
    static final String NDJSON = "application/x-ndjson";

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
    private long patientId;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        token = issue(AccessEventIngest.SCOPE);
        run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> patient = jdbc.sql("SELECT id, mrn FROM pat_patient ORDER BY id LIMIT 1").query().singleRow();
        mrn = (String) patient.get("mrn");
        patientId = ((Number) patient.get("id")).longValue();
    }

    /** ORG-5: the system administrator issues the integration scopes. */
    String issue(String scope) {
        return SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()), () -> tokens.issue("EMR access log",
                TestAccounts.API_CLIENT, Set.of(scope), Duration.ofDays(1))).token();
    }

    /** An hour ago in Beijing time, as the EMR writes it. */
    String time(int minutes) {
        return clock.instant().minus(Duration.ofHours(1)).plus(Duration.ofMinutes(minutes))
                .atOffset(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    String event(int minute, String user, String action, String extra) {
        return "{\"time\":\"" + time(minute) + "\",\"user\":\"" + user + "\",\"patient\":\"" + mrn
                + "\",\"action\":\"" + action + "\",\"workstation\":\"WS-" + run + "\"" + extra + "}";
    }

    WebSession.Page post(String contentType, String body) {
        return client.apiPost(API, token, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    long stored() {
        return jdbc.sql("SELECT count(*) FROM mon_access_event WHERE workstation = :w").param("w", "WS-" + run)
                .query(Long.class).single();
    }

    /** index -> "field=key" of each rejection, sorted. */
    static Map<Integer, List<String>> rejections(JsonNode answer) {
        Map<Integer, List<String>> byIndex = new TreeMap<>();
        for (JsonNode r : answer.path("rejected").values()) {
            List<String> problems = new ArrayList<>();
            for (JsonNode e : r.path("errors").values()) {
                problems.add(e.path("field").asString() + "=" + e.path("messageKey").asString());
            }
            byIndex.put(r.path("index").asInt(), problems);
        }
        return byIndex;
    }

    @Test
    void malformed_events_are_rejected_one_by_one_with_reasons_and_the_good_ones_kept_PAT_4() {
        String tooLong = "X".repeat(65);
        String body = String.join("\n",
                event(1, "H0079", "READ", ",\"department\":\"CARDIOLOGY\""),                         // 0 good
                "{\"time\":\"" + time(2) + "\",\"user\":\"H0079\",\"patient\":\"" + mrn + "\"",       // 1 broken
                event(3, "H0079", "PEEK", ""),                                                       // 2 action
                "{\"user\":\"H0079\",\"patient\":\"" + mrn + "\",\"action\":\"READ\",\"workstation\":\"W\"}", // 3
                event(4, "", "READ", ""),                                                            // 4 user blank
                "[1,2,3]",                                                                           // 5 not object
                event(5, tooLong, "READ", ""),                                                       // 6 too long
                "{\"time\":\"2026-11-20T08:15:30\",\"user\":\"H0079\",\"patient\":\"" + mrn
                        + "\",\"action\":\"READ\",\"workstation\":\"W\"}",                           // 7 no offset
                "{\"time\":\"yesterday\",\"user\":\"H0079\",\"patient\":\"" + mrn
                        + "\",\"action\":\"READ\",\"workstation\":\"W\"}",                           // 8 not a time
                "{\"time\":\"2999-01-01T00:00:00+08:00\",\"user\":\"H0079\",\"patient\":\"" + mrn
                        + "\",\"action\":\"READ\",\"workstation\":\"W\"}",                           // 9 future
                event(6, "H0079", "READ", ",\"sourceSystem\":\"BAOMI\""),                            // 10 reserved
                event(7, "H0079", "READ", ",\"patient\":\"again\""),                                 // 11 repeated
                "{\"time\":\"" + time(8) + "\",\"user\":42,\"patient\":\"" + mrn
                        + "\",\"action\":\"READ\",\"workstation\":\"W\"}",                           // 12 not text
                event(9, "H\\u0007BELL", "READ", ""),                                                // 13 control
                "{\"time\":\"" + time(10) + "\",\"user\":\"H0079\",\"patient\":\"" + mrn
                        + "\",\"action\":\"READ\"}",                                                 // 14 workstation
                "{\"a\":1} {\"b\":2}",                                                              // 15 trailing
                event(11, "H0084", "print", ",\"eventId\":\"E-" + run + "\""));                      // 16 good
        WebSession.Page answer = post(NDJSON, body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.path("received").asInt()).isEqualTo(17);
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        Map<Integer, List<String>> rejected = rejections(report);
        assertThat(rejected).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(rejected.get(1)).containsExactly("line=monitor.ingest.syntax");
        assertThat(rejected.get(2)).containsExactly("action=monitor.ingest.action-unknown");
        assertThat(rejected.get(3)).containsExactly("time=monitor.ingest.required");
        assertThat(rejected.get(4)).containsExactly("user=monitor.ingest.required");
        assertThat(rejected.get(5)).containsExactly("item=monitor.ingest.not-object");
        assertThat(rejected.get(6)).containsExactly("user=monitor.ingest.too-long");
        assertThat(rejected.get(7)).containsExactly("time=monitor.ingest.time-offset");
        assertThat(rejected.get(8)).containsExactly("time=monitor.ingest.time-invalid");
        assertThat(rejected.get(9)).containsExactly("time=monitor.ingest.time-future");
        assertThat(rejected.get(10)).containsExactly("sourceSystem=monitor.ingest.source-reserved");
        assertThat(rejected.get(11)).containsExactly("patient=monitor.ingest.field-repeated");
        assertThat(rejected.get(12)).containsExactly("user=monitor.ingest.not-text");
        assertThat(rejected.get(13)).containsExactly("user=monitor.ingest.control-characters");
        assertThat(rejected.get(14)).containsExactly("workstation=monitor.ingest.required");
        assertThat(rejected.get(15)).containsExactly("line=monitor.ingest.trailing-content");
        // the line of each rejection is the body's line (blank lines would count too)
        assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(2);
        // Chinese is the default language of the reasons
        assertThat(report.path("rejected").get(6).path("errors").get(0).path("message").asString())
                .isEqualTo("时间“2026-11-20T08:15:30”缺少时区偏移（如 +08:00）");

        assertThat(stored()).isEqualTo(2);
        Map<String, Object> row = jdbc.sql("""
                SELECT source_system, user_ref, person_id, patient_id, action, department_id, event_key
                FROM mon_access_event WHERE workstation = :w AND action = 'PRINT'
                """).param("w", "WS-" + run).query().singleRow();
        assertThat(row.get("source_system")).isEqualTo(TestAccounts.API_CLIENT);
        assertThat(row.get("event_key")).isEqualTo("id:E-" + run);
        assertThat(row.get("person_id")).isNotNull();
        assertThat(((Number) row.get("patient_id")).longValue()).isEqualTo(patientId);
        assertThat(jdbc.sql("SELECT department_id FROM mon_access_event WHERE workstation = :w AND action = 'READ'")
                .param("w", "WS-" + run).query(Long.class).single()).isNotNull();
    }

    @Test
    void reasons_are_translated_into_english_on_request() {
        WebSession.Page answer = client.apiPost(API + "?lang=en", token, NDJSON,
                (event(1, "H0079", "PEEK", "") + "\n" + event(2, "H0079", "READ", ",\"time\":\"soon\""))
                        .getBytes(StandardCharsets.UTF_8));
        JsonNode report = json.readTree(answer.body());
        assertThat(report.path("rejected").get(0).path("errors").get(0).path("message").asString())
                .isEqualTo("Action \"PEEK\" is unknown; use one of READ, CREATE, UPDATE, DELETE, PRINT, EXPORT, QUERY");
        assertThat(report.path("rejected").get(1).path("errors").get(0).path("message").asString())
                .isEqualTo("The field appears more than once");
    }

    @Test
    void the_same_event_twice_counts_once_in_one_request_and_across_requests() {
        String a = event(1, "H0079", "READ", "");
        String b = event(2, "H0079", "READ", ",\"eventId\":\"ID-" + run + "\"");
        // the same event written with another offset is the same instant, hence the same event
        String aOtherOffset = a.replace(time(1), clock.instant().minus(Duration.ofHours(1)).plus(Duration.ofMinutes(1))
                .atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        JsonNode first = json.readTree(post(NDJSON, a + "\n" + b + "\n" + a + "\n" + aOtherOffset).body());
        assertThat(first.path("accepted").asInt()).isEqualTo(2);
        assertThat(first.path("duplicates").asInt()).isEqualTo(2);

        JsonNode second = json.readTree(post("application/json", "[" + b + "," + a + "]").body());
        assertThat(second.path("accepted").asInt()).isZero();
        assertThat(second.path("duplicates").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void a_json_array_is_accepted_and_unknown_users_and_patients_are_kept_unresolved() {
        String unknown = "{\"time\":\"" + time(1) + "\",\"user\":\"NOBODY-" + run + "\",\"patient\":\"NO-MRN-" + run
                + "\",\"action\":\"QUERY\",\"workstation\":\"WS-" + run + "\",\"department\":\"NO-DEPT\"}";
        JsonNode report = json.readTree(post("application/json", "[" + event(0, "H0079", "EXPORT", "") + ","
                + unknown + ", 17]").body());
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(rejections(report)).containsOnlyKeys(2);
        Map<String, Object> row = jdbc.sql("""
                SELECT person_id, patient_id, department_id, department_ref FROM mon_access_event
                WHERE workstation = :w AND user_ref = :u
                """).param("w", "WS-" + run).param("u", "NOBODY-" + run).query().singleRow();
        assertThat(row.get("person_id")).isNull();
        assertThat(row.get("patient_id")).isNull();
        assertThat(row.get("department_id")).isNull();
        assertThat(row.get("department_ref")).isEqualTo("NO-DEPT");
    }

    @Test
    void a_body_that_is_not_json_or_not_an_array_or_empty_is_a_problem_and_writes_nothing() {
        WebSession.Page broken = post("application/json", "[" + event(1, "H0079", "READ", "") + ",{\"time\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(broken.body()).contains("monitor.ingest.body-syntax");
        WebSession.Page object = post("application/json", event(1, "H0079", "READ", ""));
        assertThat(object.status()).isEqualTo(400);
        assertThat(object.body()).contains("monitor.ingest.body-not-array");
        WebSession.Page empty = post(NDJSON, "\n  \n");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("monitor.ingest.body-required");
        assertThat(stored()).isZero();
    }

    @Test
    void a_missing_or_invalid_token_is_401_and_a_token_without_the_scope_is_403_as_problem_json_ACC_1() {
        byte[] body = event(1, "H0079", "READ", "").getBytes(StandardCharsets.UTF_8);
        WebSession.Page none = client.apiPost(API, null, NDJSON, body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        WebSession.Page invalid = client.apiPost(API, "bm_not-a-token", NDJSON, body);
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        long deniedBefore = count("access.denied");
        WebSession.Page wrongScope = client.apiPost(API, issue(IngestCareContexts.SCOPE), NDJSON, body);
        assertThat(wrongScope.status()).isEqualTo(403);
        assertThat(wrongScope.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(count("access.denied")).isGreaterThan(deniedBefore);
        assertThat(stored()).isZero();
    }

    @Test
    void a_body_over_the_limit_is_413() {
        StringBuilder big = new StringBuilder();
        while (big.length() < 300 * 1024) {
            big.append(event(1, "H0079", "READ", "")).append('\n');
        }
        WebSession.Page declared = post(NDJSON, big.toString());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(stored()).isZero();
    }

    @Test
    void every_request_writes_one_audit_record_with_its_counts_not_one_per_event_AUD_2() {
        long imported = count("monitor.access-events.imported");
        post(NDJSON, event(1, "H0079", "READ", "") + "\n" + event(2, "H0079", "READ", "") + "\nnot json");
        assertThat(count("monitor.access-events.imported")).isEqualTo(imported + 1);
        String details = jdbc.sql("""
                SELECT details::text FROM aud_entry WHERE action = 'monitor.access-events.imported'
                ORDER BY id DESC LIMIT 1
                """).query(String.class).single();
        JsonNode counts = json.readTree(details);
        assertThat(counts.path("received").asInt()).isEqualTo(3);
        assertThat(counts.path("accepted").asInt()).isEqualTo(2);
        assertThat(counts.path("rejected").asInt()).isEqualTo(1);
        assertThat(counts.path("source").asString()).isEqualTo(TestAccounts.API_CLIENT);

        long rejected = count("monitor.access-events.rejected");
        post("application/json", "{broken");
        assertThat(count("monitor.access-events.rejected")).isEqualTo(rejected + 1);
    }

    long count(String action) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a").param("a", action).query(Long.class)
                .single();
    }
}
