package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditRecord;
import org.baomi.audit.AuditSearch;
import org.baomi.iam.IssuedApiToken;
import org.baomi.iam.internal.token.ApiTokenFormat;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.baomi.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bearer API tokens on the API chain: who gets in, who is refused and why, and what is recorded. */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTokenAuthenticationTest {

    private static final String DEPARTMENTS = "/api/v1/iam/departments";
    private static final String SEARCH = "/api/v1/iam/staff/search";

    @Autowired
    AuditQueries auditQueries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;

    @BeforeEach
    void setUp() {
        accounts.directoryDepartment();
        client = new WebSession(port);
    }

    @Test
    void a_request_without_a_token_is_refused_401_as_problem_json_with_message_key_and_trace_id_ACC_1_ACC_8() {
        WebSession.Page response = client.apiGet(DEPARTMENTS, null);

        assertProblem(response, 401, "error.unauthenticated");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("traceId").asString()).isEqualTo(response.headers().firstValue("X-Trace-Id").orElseThrow());
        assertThat(body.get("detail").asString()).contains("\u767b\u5f55");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(latest("api.unauthenticated").details()).contains("\"reason\": \"missing\"");
    }

    @Test
    void the_problem_detail_follows_accept_language_english_when_asked() {
        WebSession.Page response = client.apiGet(DEPARTMENTS, null, "Accept-Language", "en-US,en;q=0.9");

        assertProblem(response, 401, "error.unauthenticated");
        assertThat(json.readTree(response.body()).get("detail").asString()).isEqualTo("Please sign in first.");
    }

    @Test
    void an_unknown_or_malformed_token_is_refused_401_and_the_refusal_is_audited_with_reason_unknown_ACC_8() {
        String wellFormedButUnknown = ApiTokenFormat.generate();

        assertProblem(client.apiGet(DEPARTMENTS, wellFormedButUnknown), 401, "iam.api-token.refused.unknown");
        assertThat(latest("api.unauthenticated").details()).contains("\"reason\": \"unknown\"");
        assertProblem(client.apiGet(DEPARTMENTS, "not-a-token' OR '1'='1"), 401, "iam.api-token.refused.unknown");
        assertThat(latest("api.unauthenticated").outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void a_revoked_token_is_refused_401_from_the_moment_of_revocation_ACC_2() {
        IssuedApiToken issued = accounts.issueToken("to be revoked", Duration.ofDays(30), "iam:department:read");
        assertThat(client.apiGet(DEPARTMENTS, issued.token()).status()).isEqualTo(200);

        accounts.revokeToken(issued.summary().id(), "client replaced");

        assertProblem(client.apiGet(DEPARTMENTS, issued.token()), 401, "iam.api-token.refused.revoked");
        AuditRecord refusal = latest("api.unauthenticated");
        assertThat(refusal.details()).contains("\"reason\": \"revoked\"")
                .contains("\"tokenId\": " + issued.summary().id());
        assertThat(latest("iam.api-token.revoked").details()).contains("client replaced");
    }

    @Test
    void an_expired_token_is_refused_401_by_the_clock_of_baomi_ACC_2() {
        IssuedApiToken issued = accounts.issueToken("short lived", Duration.ofDays(1), "iam:department:read");
        assertThat(client.apiGet(DEPARTMENTS, issued.token()).status()).isEqualTo(200);
        try {
            clock.advance(Duration.ofDays(1).plusSeconds(1));

            assertProblem(client.apiGet(DEPARTMENTS, issued.token()), 401, "iam.api-token.refused.expired");
            assertThat(latest("api.unauthenticated").details()).contains("\"reason\": \"expired\"");
        } finally {
            clock.reset();
        }
    }

    @Test
    void a_token_without_the_scope_is_refused_403_and_the_denial_is_audited_against_the_client_ACC_1() {
        IssuedApiToken issued = accounts.issueToken("metrics only", Duration.ofDays(30), "ops:metrics:read");

        assertProblem(client.apiGet(DEPARTMENTS, issued.token()), 403, "error.forbidden");
        assertProblem(client.apiPostJson(SEARCH, issued.token(), "{\"query\":\"Test\"}"), 403, "error.forbidden");
        AuditRecord denial = latest("access.denied");
        assertThat(denial.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denial.actorKind()).isEqualTo(ActorKind.API_CLIENT);
        assertThat(denial.actorId()).isEqualTo(issued.summary().id());
    }

    @Test
    void a_token_with_the_scope_reads_the_departments_and_the_read_is_audited_as_the_api_client_AUD_1() {
        IssuedApiToken issued = accounts.issueToken("department sync", Duration.ofDays(30), "iam:department:read");

        WebSession.Page response = client.apiGet(DEPARTMENTS, issued.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode departments = json.readTree(response.body());
        assertThat(departments.isArray()).isTrue();
        assertThat(departments.findValuesAsString("code")).contains(TestAccounts.API_DEPARTMENT);
        AuditRecord read = latest("api.directory.read");
        assertThat(read.actorKind()).isEqualTo(ActorKind.API_CLIENT);
        assertThat(read.actorId()).isEqualTo(issued.summary().id());
        assertThat(read.actorName()).contains("department sync").contains(TestAccounts.API_CLIENT);
        assertThat(read.outcome()).isEqualTo(AuditOutcome.ALLOWED);
        String sessionRef = jdbc.sql("SELECT session_ref FROM aud_entry WHERE id = :id").param("id", read.sequence())
                .query(String.class).single();
        assertThat(sessionRef).isEqualTo("api-token:" + issued.summary().id());
    }

    @Test
    void the_staff_search_returns_a_page_without_credentials_clearance_or_contact_details_ACC_1() {
        String token = accounts.token("iam:staff:read");

        WebSession.Page response = client.apiPostJson(SEARCH, token,
                "{\"query\":\"T-API-000\",\"departmentCode\":\"" + TestAccounts.API_DEPARTMENT + "\",\"page\":0,\"size\":2}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        JsonNode first = page.get("items").get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("staffNo", "fullName", "departmentCode",
                "postCode", "status");
        assertThat(first.get("staffNo").asString()).isEqualTo("T-API-0001");
        assertThat(first.get("postCode").asString()).isEqualTo(TestAccounts.API_POST);
        assertThat(response.body()).doesNotContain("SECRET", "example.org", "13800000000", "password");
        assertThat(latest("api.directory.read").details()).contains("T-API-000");
    }

    @Test
    void the_token_itself_is_never_stored_only_its_sha256_and_prefix_ACC_7() {
        IssuedApiToken issued = accounts.issueToken("hash only", Duration.ofDays(30), "iam:staff:read");
        String token = issued.token();
        String secret = token.substring(12);

        assertThat(token).matches(ApiTokenFormat.PATTERN);
        Map<String, Object> row = jdbc.sql("SELECT * FROM iam_api_token WHERE id = :id")
                .param("id", issued.summary().id()).query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(ApiTokenFormat.hash(token));
        assertThat(row.get("token_prefix")).isEqualTo(token.substring(0, 11));
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        List<String> auditTexts = jdbc.sql("SELECT details::text FROM aud_entry").query(String.class).list();
        assertThat(auditTexts).noneMatch(text -> text.contains(secret));
        assertThat(issued.toString()).doesNotContain(secret);
    }

    @Test
    void last_used_is_written_at_most_once_a_minute_per_token() {
        IssuedApiToken issued = accounts.issueToken("busy client", Duration.ofDays(30), "iam:department:read");
        try {
            client.apiGet(DEPARTMENTS, issued.token());
            Object first = lastUsed(issued);
            clock.advance(Duration.ofSeconds(30));
            client.apiGet(DEPARTMENTS, issued.token());
            assertThat(lastUsed(issued)).isEqualTo(first);

            clock.advance(Duration.ofSeconds(31));
            client.apiGet(DEPARTMENTS, issued.token());
            assertThat(lastUsed(issued)).isNotNull().isNotEqualTo(first);
        } finally {
            clock.reset();
        }
    }

    @Test
    void the_prometheus_endpoint_needs_the_scope_ops_metrics_read_AUD_2() {
        assertProblem(client.apiGet("/actuator/prometheus", null), 401, "error.unauthenticated");
        assertProblem(client.apiGet("/actuator/prometheus", accounts.token("iam:department:read")), 403, "error.forbidden");

        WebSession.Page metrics = client.apiGet("/actuator/prometheus", accounts.token("ops:metrics:read"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void an_unknown_api_path_is_401_without_a_token_and_404_problem_json_with_one() {
        assertProblem(client.apiGet("/api/v1/nothing/here", null), 401, "error.unauthenticated");

        assertProblem(client.apiGet("/api/v1/nothing/here", accounts.token("iam:department:read")), 404,
                "error.not-found");
    }

    @Test
    void a_wrong_method_is_405_problem_json() {
        WebSession.Page response = client.apiGet(SEARCH, accounts.token("iam:staff:read"));

        assertProblem(response, 405, "error.method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    private Object lastUsed(IssuedApiToken issued) {
        return jdbc.sql("SELECT last_used_at FROM iam_api_token WHERE id = :id").param("id", issued.summary().id())
                .query().singleValue();
    }

    private AuditRecord latest(String action) {
        List<AuditRecord> found = auditQueries.search(new AuditSearch(Set.of(action), null, null, null, null, null, 0, 1));
        assertThat(found).as("audit entries of " + action).isNotEmpty();
        return found.get(0);
    }

    private void assertProblem(WebSession.Page response, int status, String messageKey) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("messageKey").asString()).isEqualTo(messageKey);
        assertThat(body.get("traceId").asString()).matches("[0-9a-f]{16}");
        assertThat(body.get("detail").asString()).isNotBlank().isNotEqualTo(messageKey);
    }
}
