package org.baomi.classification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue's REST read API for other hospital systems: scope, answers, problem details, audit. */
@BaomiSpringTest
class ClassificationApiTests {

    private static final String CATEGORIES = "/api/v1/classification/categories";
    private static final String LEVELS = "/api/v1/classification/levels";

    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
    }

    private long reads() {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'classification.catalogue.read'")
                .query(Long.class).single();
    }

    private void assertProblem(WebSession.Page response, int status, String messageKey) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("messageKey").asString()).isEqualTo(messageKey);
        assertThat(problem.get("traceId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    @DisplayName("CLS-6 API: a token with classification:catalogue:read gets the categories with default levels and periods, audited")
    void categoriesForAScopedToken() {
        String token = accounts.token("classification:catalogue:read");
        long before = reads();
        WebSession.Page response = client.apiGet(CATEGORIES, token);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("catalogueVersion").asInt()).isPositive();
        JsonNode salary = null;
        for (JsonNode c : body.get("categories")) {
            if (c.get("code").asString().equals("MGMT-SALARY")) {
                salary = c;
            }
        }
        assertThat(salary).isNotNull();
        assertThat(salary.get("defaultLevel").asString()).isEqualTo("HIGHLY_SECRET");
        assertThat(salary.get("defaultPeriod").get("kind").asString()).isEqualTo("YEARS");
        assertThat(salary.get("name").get("zh").asString()).isNotBlank();
        assertThat(reads()).isGreaterThan(before);
    }

    @Test
    @DisplayName("CLS-1 API: the levels, highest first, with their longest periods")
    void levels() {
        WebSession.Page response = client.apiGet(LEVELS, accounts.token("classification:catalogue:read"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode levels = json.readTree(response.body()).get("levels");
        assertThat(levels.size()).isEqualTo(5);
        assertThat(levels.get(0).get("level").asString()).isEqualTo("TOP_SECRET");
        assertThat(levels.get(0).get("maxPeriodYears").asInt()).isEqualTo(30);
    }

    @Test
    @DisplayName("CLS-6 API: one domain only, and one category by code; an unknown code is a 404 problem")
    void filtersAndOneCategory() {
        String token = accounts.token("classification:catalogue:read");
        JsonNode pat = json.readTree(client.apiGet(CATEGORIES + "?domain=PAT", token).body()).get("categories");
        assertThat(pat.size()).isGreaterThanOrEqualTo(9);
        pat.forEach(c -> assertThat(c.get("domainCode").asString()).isEqualTo("PAT"));
        WebSession.Page one = client.apiGet(CATEGORIES + "/MGMT-GENERAL", token);
        assertThat(one.status()).isEqualTo(200);
        assertThat(json.readTree(one.body()).get("notSecret").asBoolean()).isTrue();
        assertProblem(client.apiGet(CATEGORIES + "/NO-SUCH-CODE", token), 404, "classification.error.category-not-found");
    }

    @Test
    @DisplayName("Deny by default: a token without the scope gets 403 problem+json, and the denial is audited")
    void missingScopeIsRefused() {
        long denied = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.denied' AND object_id = 'classification:catalogue:read'")
                .query(Long.class).single();
        assertProblem(client.apiGet(CATEGORIES, accounts.token("iam:staff:read")), 403, "error.forbidden");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.denied' AND object_id = 'classification:catalogue:read'")
                .query(Long.class).single()).isEqualTo(denied + 1);
    }

    @Test
    @DisplayName("Deny by default: no token is 401 problem+json")
    void noTokenIsRefused() {
        assertProblem(client.apiGet(LEVELS, null), 401, "error.unauthenticated");
    }

    @Test
    @DisplayName("Bad input to the API is a 400 problem, never a 500")
    void badInputIsAProblem() {
        String token = accounts.token("classification:catalogue:read");
        assertProblem(client.apiGet(CATEGORIES + "?domain=%27%3BDROP", token), 400, "classification.filter.error.domain");
        assertProblem(client.apiGet(CATEGORIES + "?includeInactive=maybe", token), 400, "error.malformed-request");
    }
}
