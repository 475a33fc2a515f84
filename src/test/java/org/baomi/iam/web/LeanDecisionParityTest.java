package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision API's lean path (issue 3) answers exactly as the normal path (Security chain, controller, exception
 * handlers) does: the same request is sent once as an ordinary call, which the lean filter answers, and once with a
 * cookie, which sends it the normal way; answers, headers and audit records must be the same, and every request the
 * lean path does not decide (errors) must be answered by the normal path.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeanDecisionParityTest {

    private static final String SINGLE = "/api/v1/access/decisions";
    private static final String BATCH = "/api/v1/access/decisions/batch";
    /** Any cookie sends a request the normal way (the lean path leaves requests with a session to it). */
    private static final String[] NORMAL = {"Cookie", "lean=off"};
    /** Headers that differ per request or per connection, whichever path answers. */
    private static final List<String> PER_REQUEST = List.of("date", "x-trace-id", "keep-alive", "connection");

    @Autowired
    TestAccounts accounts;
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilterRegistrationBean<LeanDecisionFilter> lean;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private String token;
    private TestAccounts.Created custodian;
    private TestAccounts.Created lowClearance;
    private String documentId;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        token = accounts.token(AccessPermissions.DECISION_REQUEST);
        custodian = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        lowClearance = accounts.create(TestAccounts.person().clearance(SecretLevel.INTERNAL).roles("staff", "doctor"));
        documentId = "T-LEAN-" + TestAccounts.newStaffNo();
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(ResourceRef.document(documentId),
                SecretLevel.SECRET, null, custodian.id())));
        feed.poll();
    }

    @Test
    void a_single_decision_gets_the_same_answer_headers_and_audit_record_on_both_paths_ACC_1_AUD_1() {
        for (String language : List.of("zh-CN", "en")) {
            for (String body : List.of(question(custodian.staffNo(), "READ"), question(lowClearance.staffNo(), "read"),
                    question(custodian.staffNo(), "EXPORT"), question("NOBODY-" + TestAccounts.newStaffNo(), "READ"))) {
                long answeredBefore = lean.getFilter().answered();
                long last = lastEntry();
                WebSession.Page fast = client.apiPostJson(SINGLE, token, body, "Accept-Language", language);
                assertThat(lean.getFilter().answered()).as("answered by the lean path").isEqualTo(answeredBefore + 1);
                Map<String, Object> fastRecord = entryAfter(last, "access.decision");

                last = lastEntry();
                WebSession.Page normal = client.apiPostJson(SINGLE, token, body, pairs("Accept-Language", language));
                assertThat(lean.getFilter().answered()).as("answered by the normal path").isEqualTo(answeredBefore + 1);
                Map<String, Object> normalRecord = entryAfter(last, "access.decision");

                assertThat(fast.status()).as(fast.body()).isEqualTo(200);
                assertThat(fast.body()).isEqualTo(normal.body());
                assertThat(headers(fast)).isEqualTo(headers(normal));
                assertThat(fast.headers().firstValue("X-Trace-Id")).isPresent();
                assertThat(fastRecord).isEqualTo(normalRecord);
                assertThat(fastRecord.get("actor_kind")).isEqualTo("API_CLIENT");
            }
        }
    }

    @Test
    void a_batch_gets_the_same_answers_and_the_same_single_audit_record_on_both_paths_AUD_1() {
        String body = "[" + question(custodian.staffNo(), "READ") + "," + question(lowClearance.staffNo(), "READ")
                + ",{\"personId\":" + custodian.id() + ",\"action\":\"CHANGE\",\"resourceType\":\"document\","
                + "\"resourceId\":\"" + documentId + "\",\"breakGlassId\":\"12\",\"extra\":[1,{\"a\":2}]}]";
        long answeredBefore = lean.getFilter().answered();
        long last = lastEntry();
        WebSession.Page fast = client.apiPostJson(BATCH, token, body, "Accept", "application/json");
        Map<String, Object> fastRecord = entryAfter(last, "access.decisions");
        last = lastEntry();
        WebSession.Page normal = client.apiPostJson(BATCH, token, body, pairs("Accept", "application/json"));
        Map<String, Object> normalRecord = entryAfter(last, "access.decisions");

        assertThat(lean.getFilter().answered()).isEqualTo(answeredBefore + 1);
        assertThat(fast.status()).as(fast.body()).isEqualTo(200);
        assertThat(json.readTree(fast.body()).size()).isEqualTo(3);
        assertThat(fast.body()).isEqualTo(normal.body());
        assertThat(headers(fast)).isEqualTo(headers(normal));
        assertThat(fastRecord).isEqualTo(normalRecord);
    }

    @Test
    void every_refusal_is_left_to_the_normal_path_and_answered_as_there_ACC_1() {
        String other = accounts.token("iam:staff:read");
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= DecisionRequests.MAX_BATCH; i++) {
            items.add("{\"personId\":1,\"action\":\"READ\",\"resourceType\":\"document\",\"resourceId\":\"d" + i + "\"}");
        }
        record Call(String path, String token, String body) {
        }
        List<Call> calls = List.of(
                new Call(SINGLE, token, "{\"staffNo\":"),
                new Call(SINGLE, token, "null"),
                new Call(SINGLE, token, "{\"personId\":\"abc\"}"),
                new Call(SINGLE, token, "{\"staffNo\":\"A1\",\"action\":\"FLY\",\"resourceType\":\"Document!\"}"),
                new Call(SINGLE, null, question(custodian.staffNo(), "READ")),
                new Call(SINGLE, "bm_not-a-real-token", question(custodian.staffNo(), "READ")),
                new Call(SINGLE, other, question(custodian.staffNo(), "READ")),
                new Call(BATCH, token, "[]"),
                new Call(BATCH, token, "{\"not\":\"an array\"}"),
                new Call(BATCH, token, "[" + question(custodian.staffNo(), "READ") + ",{\"staffNo\":\"A1\"},null]"),
                new Call(BATCH, token, "[" + String.join(",", items) + "]"),
                new Call(BATCH, other, "[" + question(custodian.staffNo(), "READ") + "]"));
        long decisions = decisions();
        long answeredBefore = lean.getFilter().answered();
        for (Call call : calls) {
            for (String language : List.of("zh-CN", "en")) {
                WebSession.Page fast = client.apiPostJson(call.path(), call.token(), call.body(),
                        "Accept-Language", language);
                WebSession.Page normal = client.apiPostJson(call.path(), call.token(), call.body(),
                        pairs("Accept-Language", language));

                assertThat(fast.status()).as(call + " " + fast.body()).isEqualTo(normal.status()).isBetween(400, 499);
                assertThat(fast.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(withoutTraceId(fast)).as(call.toString()).isEqualTo(withoutTraceId(normal));
                assertThat(json.readTree(fast.body()).get("traceId").asString())
                        .isEqualTo(fast.headers().firstValue("X-Trace-Id").orElseThrow());
                assertThat(headers(fast)).isEqualTo(headers(normal));
            }
        }
        assertThat(lean.getFilter().answered()).isEqualTo(answeredBefore);
        assertThat(decisions()).isEqualTo(decisions);
    }

    @Test
    void a_refused_call_is_audited_once_as_before_not_once_per_path_ACC_1_AUD_1() {
        String other = accounts.token("iam:staff:read");
        long denied = count("access.denied");
        long unauthenticated = count("api.unauthenticated");

        client.apiPostJson(SINGLE, other, question(custodian.staffNo(), "READ"));
        client.apiPostJson(SINGLE, "bm_not-a-real-token", question(custodian.staffNo(), "READ"));

        assertThat(count("access.denied")).isEqualTo(denied + 1);
        assertThat(count("api.unauthenticated")).isEqualTo(unauthenticated + 1);
    }

    @Test
    void the_server_observation_sees_what_the_lean_path_hands_on_but_not_what_it_answers() {
        long before = observed();

        client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "READ"));
        client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "READ"), NORMAL);
        client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "READ"), NORMAL);

        // An observation is stopped after the answer went out: wait until the two normal calls are counted; the lean
        // call, answered first, would be counted by then too.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (observed() < before + 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(observed()).isEqualTo(before + 2);
    }

    private long observed() {
        return meters.find("http.server.requests").tag("uri", SINGLE).timers().stream().mapToLong(t -> t.count()).sum();
    }

    private String question(String staffNo, String action) {
        return "{\"staffNo\":\"" + staffNo + "\",\"action\":\"" + action + "\",\"resourceType\":\"document\","
                + "\"resourceId\":\"" + documentId + "\",\"purpose\":\"ward round\"}";
    }

    private static String[] pairs(String... headers) {
        String[] all = new String[headers.length + NORMAL.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(NORMAL, 0, all, headers.length, NORMAL.length);
        return all;
    }

    private static Map<String, List<String>> headers(WebSession.Page page) {
        Map<String, List<String>> headers = new TreeMap<>();
        page.headers().map().forEach((name, values) -> {
            if (!PER_REQUEST.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    private JsonNode withoutTraceId(WebSession.Page page) {
        ObjectNode body = (ObjectNode) json.readTree(page.body());
        body.remove("traceId");
        return body;
    }

    private long lastEntry() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM aud_entry").query(Long.class).single();
    }

    private long decisions() {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action IN ('access.decision', 'access.decisions')")
                .query(Long.class).single();
    }

    private long count(String action) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :action").param("action", action)
                .query(Long.class).single();
    }

    /** The one record of this action written after that id, without its id and time. */
    private Map<String, Object> entryAfter(long id, String action) {
        return jdbc.sql("""
                SELECT actor_id, actor_name, actor_department, actor_kind, source_address, session_ref, action,
                       object_type, object_id, secret_level, outcome, reason_key, details::text AS details
                FROM aud_entry WHERE id > :id AND action = :action""")
                .param("id", id).param("action", action).query().singleRow();
    }
}
