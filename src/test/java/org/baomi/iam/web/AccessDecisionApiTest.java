package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision API for other systems (issue 3 item 5): single and batch decisions over the same rules as Baomi's own
 * pages, token scope, per-item validation as translated problem+json, and an audit record per decision and per batch.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessDecisionApiTest {

    private static final String SINGLE = "/api/v1/access/decisions";
    private static final String BATCH = "/api/v1/access/decisions/batch";

    @Autowired
    TestAccounts accounts;
    /** Polled at once, so that people and objects just made are in the decision model without waiting. */
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
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
        documentId = "T-DOC-" + TestAccounts.newStaffNo();
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(ResourceRef.document(documentId),
                SecretLevel.SECRET, null, custodian.id())));
        feed.poll();
    }

    @Test
    void the_custodian_may_read_the_document_and_the_answer_names_the_basis_ACC_1_DOC_1() {
        JsonNode answer = ok(client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "READ")));

        assertThat(answer.get("allowed").asBoolean()).isTrue();
        assertThat(answer.get("reason").asString()).isEqualTo("CUSTODIAN");
        assertThat(answer.get("reasonKey").asString()).isEqualTo("access.allowed.CUSTODIAN");
        assertThat(answer.get("explanation").asString()).isNotBlank().isNotEqualTo("access.allowed.CUSTODIAN");
        assertThat(answer.get("trail").size()).isGreaterThan(3);
    }

    @Test
    void reading_above_ones_clearance_is_denied_with_a_translated_explanation_per_accept_language_CLS_1_ACC_6() {
        JsonNode chinese = ok(client.apiPostJson(SINGLE, token, question(lowClearance.staffNo(), "read")));
        JsonNode english = ok(client.apiPostJson(SINGLE, token, question(lowClearance.staffNo(), "READ"),
                "Accept-Language", "en"));

        assertThat(chinese.get("allowed").asBoolean()).isFalse();
        assertThat(chinese.get("reason").asString()).isEqualTo("CLEARANCE");
        assertThat(chinese.get("reasonKey").asString()).isEqualTo("access.denied.clearance");
        assertThat(chinese.get("explanation").asString()).isNotEqualTo(english.get("explanation").asString())
                .contains("\u79d8\u5bc6");
        assertThat(english.get("explanation").asString()).containsIgnoringCase("secret");
        assertThat(english.get("remedyKey").asString()).isEqualTo("access.remedy.clearance");
    }

    @Test
    void an_unknown_staff_number_is_a_denial_for_an_unknown_person_not_an_error_ACC_1() {
        JsonNode answer = ok(client.apiPostJson(SINGLE, token, question("NOBODY-" + TestAccounts.newStaffNo(), "READ")));

        assertThat(answer.get("allowed").asBoolean()).isFalse();
        assertThat(answer.get("reasonKey").asString()).isEqualTo("access.denied.unknown-person");
    }

    @Test
    void every_single_decision_is_audited_with_the_calling_system_AUD_1() {
        long before = decisions(documentId);

        client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "READ"));
        client.apiPostJson(SINGLE, token, question(lowClearance.staffNo(), "READ"));

        assertThat(decisions(documentId)).isEqualTo(before + 2);
        String details = jdbc.sql("""
                SELECT details::text FROM aud_entry WHERE action = 'access.decision' AND object_id = :id
                ORDER BY id DESC LIMIT 1""").param("id", documentId).query(String.class).single();
        assertThat(details).contains(TestAccounts.API_CLIENT).contains(Long.toString(lowClearance.id()));
    }

    @Test
    void a_batch_is_answered_in_order_and_audited_as_one_record_AUD_1() {
        long batches = batches();
        String body = "[" + question(custodian.staffNo(), "READ") + "," + question(lowClearance.staffNo(), "READ")
                + "," + question(custodian.staffNo(), "EXPORT") + "]";

        JsonNode answers = ok(client.apiPostJson(BATCH, token, body));

        assertThat(answers.size()).isEqualTo(3);
        assertThat(answers.get(0).get("allowed").asBoolean()).isTrue();
        assertThat(answers.get(1).get("reasonKey").asString()).isEqualTo("access.denied.clearance");
        assertThat(answers.get(2).get("reasonKey").asString()).isEqualTo("access.denied.permission");
        assertThat(batches()).isEqualTo(batches + 1);
        JsonNode details = json.readTree(jdbc.sql("""
                SELECT details::text FROM aud_entry WHERE action = 'access.decisions' ORDER BY id DESC LIMIT 1""")
                .query(String.class).single());
        assertThat(details.get("count").asInt()).isEqualTo(3);
        assertThat(details.get("decisions").size()).isEqualTo(3);
        assertThat(details.get("decisions").get(0).asString()).isEqualTo(custodian.id() + " READ document:"
                + documentId + " ALLOW access.allowed.CUSTODIAN");
        assertThat(details.get("decisions").get(1).asString()).isEqualTo(lowClearance.id() + " READ document:"
                + documentId + " DENY access.denied.clearance");
        assertThat(details.get("decisions").get(2).asString()).startsWith(custodian.id() + " EXPORT document:"
                + documentId + " DENY ");
    }

    @Test
    void ids_may_come_as_numeric_strings_and_unknown_properties_are_ignored() {
        JsonNode answer = ok(client.apiPostJson(SINGLE, token, "{\"personId\":\"" + custodian.id()
                + "\",\"action\":\"READ\",\"resourceType\":\"document\",\"resourceId\":\"" + documentId
                + "\",\"comment\":{\"nested\":[1,2]}}"));

        assertThat(answer.get("allowed").asBoolean()).isTrue();
        assertThat(answer.get("grantId").isNull()).isTrue();
        assertThat(answer.get("remedy").isNull()).isTrue();
    }

    @Test
    void an_object_where_a_value_belongs_and_a_batch_item_that_is_no_object_are_malformed_never_decided() {
        long before = decisions(documentId);
        long batches = batches();

        assertProblem(client.apiPostJson(SINGLE, token, "{\"staffNo\":{\"no\":1},\"action\":\"READ\","
                + "\"resourceType\":\"document\",\"resourceId\":\"" + documentId + "\"}"), 400,
                "error.malformed-request");
        assertProblem(client.apiPostJson(SINGLE, token, "[" + question(custodian.staffNo(), "READ") + "]"), 400,
                "error.malformed-request");
        assertProblem(client.apiPostJson(BATCH, token, "[" + question(custodian.staffNo(), "READ") + ",42]"), 400,
                "error.malformed-request");
        assertProblem(client.apiPostJson(SINGLE, token, "{\"personId\":1.5,\"action\":\"READ\"}"), 400,
                "error.malformed-request");

        assertThat(decisions(documentId)).isEqualTo(before);
        assertThat(batches()).isEqualTo(batches);
    }

    @Test
    void a_missing_permission_is_named_in_the_explanation_of_each_action_however_often_asked_ACC_2() {
        JsonNode export = ok(client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "EXPORT"),
                "Accept-Language", "en"));
        JsonNode change = ok(client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "CHANGE"),
                "Accept-Language", "en"));
        JsonNode exportAgain = ok(client.apiPostJson(SINGLE, token, question(custodian.staffNo(), "EXPORT"),
                "Accept-Language", "en"));

        assertThat(export.get("reasonKey").asString()).isEqualTo("access.denied.permission");
        assertThat(export.get("explanation").asString()).contains("document:document:export");
        assertThat(change.get("explanation").asString()).contains("document:document:update");
        assertThat(exportAgain.get("explanation").asString()).isEqualTo(export.get("explanation").asString());
    }

    @Test
    void a_token_without_the_decision_scope_is_refused_403_and_nothing_is_decided_ACC_1() {
        String other = accounts.token("iam:staff:read");
        long before = decisions(documentId);

        WebSession.Page response = client.apiPostJson(SINGLE, other, question(custodian.staffNo(), "READ"));

        assertProblem(response, 403, "error.forbidden");
        assertProblem(client.apiPostJson(BATCH, other, "[" + question(custodian.staffNo(), "READ") + "]"), 403,
                "error.forbidden");
        assertThat(decisions(documentId)).isEqualTo(before);
    }

    @Test
    void an_unknown_action_and_missing_fields_are_400_with_every_problem_named_and_translated() {
        WebSession.Page response = client.apiPostJson(SINGLE, token,
                "{\"staffNo\":\"" + custodian.staffNo() + "\",\"action\":\"FLY\",\"resourceType\":\"Document!\"}",
                "Accept-Language", "en");

        JsonNode body = assertProblem(response, 400, "error.invalid");
        assertThat(fields(body)).containsExactlyInAnyOrder("action", "resourceType", "resourceId");
        assertThat(body.get("errors").get(0).get("message").asString()).doesNotStartWith("access-web.");
    }

    @Test
    void neither_or_both_person_fields_are_400() {
        assertThat(fields(assertProblem(client.apiPostJson(SINGLE, token,
                "{\"action\":\"READ\",\"resourceType\":\"document\",\"resourceId\":\"x\"}"), 400, "error.invalid")))
                .containsExactly("staffNo");
        assertThat(fields(assertProblem(client.apiPostJson(SINGLE, token,
                "{\"staffNo\":\"A1\",\"personId\":1,\"action\":\"READ\",\"resourceType\":\"document\",\"resourceId\":\"x\"}"),
                400, "error.invalid"))).containsExactly("staffNo");
    }

    @Test
    void a_batch_with_a_bad_item_names_it_by_index_and_decides_nothing() {
        long batches = batches();
        String body = "[" + question(custodian.staffNo(), "READ") + ",{\"staffNo\":\"A1\",\"action\":\"READ\","
                + "\"resourceType\":\"document\"},null]";

        JsonNode problem = assertProblem(client.apiPostJson(BATCH, token, body), 400, "error.invalid");

        assertThat(fields(problem)).containsExactly("[1].resourceId", "[2]");
        assertThat(batches()).isEqualTo(batches);
    }

    @Test
    void a_batch_above_a_thousand_is_413_and_an_empty_one_400() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= DecisionRequests.MAX_BATCH; i++) {
            items.add("{\"personId\":1,\"action\":\"READ\",\"resourceType\":\"document\",\"resourceId\":\"d" + i + "\"}");
        }

        assertProblem(client.apiPostJson(BATCH, token, "[" + String.join(",", items) + "]"), 413,
                "access-web.api.batch.too-large");
        assertProblem(client.apiPostJson(BATCH, token, "[]"), 400, "access-web.api.batch.empty");
        assertProblem(client.apiPostJson(BATCH, token, "{\"not\":\"an array\"}"), 400, "error.malformed-request");
    }

    @Test
    void malformed_json_is_400_problem_json_never_500() {
        assertProblem(client.apiPostJson(SINGLE, token, "{\"staffNo\":"), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SINGLE, token, "{\"personId\":\"abc\"}"), 400, "error.malformed-request");
    }

    private String question(String staffNo, String action) {
        return "{\"staffNo\":\"" + staffNo + "\",\"action\":\"" + action + "\",\"resourceType\":\"document\","
                + "\"resourceId\":\"" + documentId + "\",\"purpose\":\"ward round\"}";
    }

    private long decisions(String objectId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.decision' AND object_id = :id")
                .param("id", objectId).query(Long.class).single();
    }

    private long batches() {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.decisions'").query(Long.class).single();
    }

    private JsonNode ok(WebSession.Page response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private JsonNode assertProblem(WebSession.Page response, int status, String messageKey) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("messageKey").asString()).isEqualTo(messageKey);
        assertThat(body.get("detail").asString()).isNotBlank().isNotEqualTo(messageKey);
        return body;
    }
}
