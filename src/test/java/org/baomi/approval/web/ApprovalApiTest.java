package org.baomi.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.approval.ApprovalFixture;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
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
 * The approval API for other systems (issue 4 item 6): scopes per operation, the engine's rules for the named
 * person, RFC 9457 problems listing each bad field, nothing written on bad input.
 */
@BaomiSpringTest
class ApprovalApiTest {

    private static final String API = "/api/v1/approvals";

    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ProtectedObjects objects;
    @Autowired AccessChangeFeed feed;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    WebSession client;
    ApprovalFixture f;
    TestAccounts.Created requester;
    TestAccounts.Created head;
    String all;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        f = new ApprovalFixture(accounts, jdbc, objects, feed);
        requester = f.person(SecretLevel.SECRET, "doctor");
        head = f.person(SecretLevel.SECRET, "department-head");
        all = accounts.token("approval:request:submit", "approval:request:decide", "approval:request:read");
    }

    private String submitBody(String staffNo, ResourceRef doc) {
        return "{\"staffNo\":\"" + staffNo + "\",\"kind\":\"access\",\"subjectType\":\"document\",\"subjectId\":\""
                + doc.id() + "\",\"action\":\"READ\",\"reason\":\"EMR review\",\"durationDays\":2}";
    }

    @Test
    void submit_decide_and_query_for_named_staff_members_with_the_scopes() {
        ResourceRef doc = f.document(SecretLevel.INTERNAL);
        WebSession.Page created = client.apiPostJson(API, all, submitBody(requester.staffNo(), doc));
        assertThat(created.status()).isEqualTo(201);
        JsonNode detail = json.readTree(created.body());
        long id = detail.get("summary").get("id").asLong();
        assertThat(created.location()).endsWith(API + "/" + id);
        assertThat(detail.get("summary").get("status").asString()).isEqualTo("PENDING");

        WebSession.Page own = client.apiPostJson(API + "/" + id + "/decision", all,
                "{\"staffNo\":\"" + requester.staffNo() + "\",\"decision\":\"APPROVE\"}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(own.body()).get("messageKey").asString()).isEqualTo("approval.error.own-request");

        WebSession.Page approved = client.apiPostJson(API + "/" + id + "/decision", all,
                "{\"staffNo\":\"" + head.staffNo() + "\",\"decision\":\"approve\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).get("steps").get(0).get("status").asString()).isEqualTo("APPROVED");

        WebSession.Page waiting = client.apiGet(API + "?staffNo=" + head.staffNo() + "&box=DECIDED", all);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"id\":" + id);
        WebSession.Page withdrawn = client.apiPostJson(API + "/" + id + "/withdrawal", all,
                "{\"staffNo\":\"" + requester.staffNo() + "\",\"reason\":\"done elsewhere\"}");
        assertThat(json.readTree(withdrawn.body()).get("summary").get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_token_without_the_scope_is_refused_and_the_refusal_audited() {
        String readOnly = accounts.token("approval:request:read");
        long before = accounts.count("apr_request");
        WebSession.Page refused = client.apiPostJson(API, readOnly, submitBody(requester.staffNo(),
                f.document(SecretLevel.INTERNAL)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(accounts.count("apr_request")).isEqualTo(before);
        assertThat(client.apiGet(API + "?staffNo=" + head.staffNo(), null).status()).isEqualTo(401);
    }

    @Test
    void bad_input_is_a_translated_problem_listing_each_field_and_nothing_is_written() {
        long before = accounts.count("apr_request");
        WebSession.Page bad = client.apiPostJson(API, all, "{\"staffNo\":\"" + requester.staffNo()
                + "\",\"kind\":\"access\",\"subjectType\":\"document\",\"subjectId\":\"NOPE-" + f.code
                + "\",\"action\":\"EAT\",\"reason\":\"\",\"durationDays\":999}", "Accept-Language", "en");
        assertThat(bad.status()).isEqualTo(400);
        JsonNode problem = json.readTree(bad.body());
        assertThat(problem.get("errors").toString()).contains("subjectId").contains("action").contains("reason")
                .contains("durationDays").contains("A reason is required.");
        assertThat(client.apiPostJson(API, all, "{not json", "Accept-Language", "en").status()).isEqualTo(400);
        assertThat(client.apiPostJson(API, all, "{\"staffNo\":\"NOBODY-X\",\"kind\":\"access\"}").status())
                .isEqualTo(400);
        assertThat(client.apiGet(API + "/abc?staffNo=" + head.staffNo(), all).status()).isEqualTo(404);
        assertThat(client.apiGet(API + "?staffNo=" + head.staffNo() + "&box=NONE&size=1000", all).status())
                .isEqualTo(400);
        assertThat(client.apiPostJson(API + "/1/decision", all, "{\"staffNo\":\"" + head.staffNo()
                + "\",\"decision\":\"MAYBE\"}").status()).isEqualTo(400);
        assertThat(accounts.count("apr_request")).isEqualTo(before);
    }
}
