package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input on the API gets a clear 4xx problem+json, never a 5xx, never a stack trace or a class name: broken
 * JSON, wrong media type, oversize or undecodable bodies, and hostile strings in the staff search.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiBadInputTest {

    private static final String SEARCH = "/api/v1/iam/staff/search";
    private static final List<String> INTERNALS = List.of("Exception", "exception", "at org.", "at java.",
            "java.lang", "tools.jackson", "com.fasterxml", "org.springframework", "org.postgresql", "org.baomi",
            "Caused by", "stackTrace", "trace\"");

    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private String token;

    @BeforeEach
    void setUp() {
        accounts.directoryDepartment();
        client = new WebSession(port);
        token = accounts.token("iam:staff:read");
    }

    @Test
    void malformed_json_is_400_malformed_request() {
        assertProblem(client.apiPostJson(SEARCH, token, "{\"query\": \"abc\""), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SEARCH, token, "{query: abc}"), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SEARCH, token, "[1, 2, 3]"), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SEARCH, token, ""), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SEARCH, token, "{\"page\": \"first\"}"), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SEARCH, token, "{\"size\": 1e999}"), 400, "error.malformed-request");
        assertProblem(client.apiPostJson(SEARCH, token, "{\"query\": " + "{\"a\":".repeat(3000) + "1"
                + "}".repeat(3000) + "}"), 400, "error.malformed-request");
    }

    @Test
    void a_wrong_content_type_is_415() {
        assertProblem(client.apiPost(SEARCH, token, "text/plain", "query=abc".getBytes(StandardCharsets.UTF_8)), 415,
                "error.unsupported-media-type");
        assertProblem(client.apiPost(SEARCH, token, "application/x-www-form-urlencoded",
                "query=abc".getBytes(StandardCharsets.UTF_8)), 415, "error.unsupported-media-type");
    }

    @Test
    void a_huge_body_is_413_and_never_read() {
        String huge = "{\"query\":\"" + "x".repeat(1024 * 1024) + "\"}";

        assertProblem(client.apiPostJson(SEARCH, token, huge), 413, "error.payload-too-large");
    }

    @Test
    void a_huge_body_without_a_declared_length_is_cut_off_at_the_limit_and_413() {
        byte[] huge = ("{\"query\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertProblem(client.apiPostChunked(SEARCH, token, huge), 413, "error.payload-too-large");
    }

    @Test
    void invalid_utf8_bytes_in_the_body_are_400() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"query\":\"".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0,
                (byte) 0x80});
        body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));

        assertProblem(client.apiPost(SEARCH, token, "application/json", body.toByteArray()), 400,
                "error.malformed-request");
    }

    @Test
    void raw_control_characters_in_a_json_string_are_400() {
        byte[] body = "{\"query\":\"a\u0001b\"}".getBytes(StandardCharsets.UTF_8);

        assertProblem(client.apiPost(SEARCH, token, "application/json", body), 400, "error.malformed-request");
    }

    @Test
    void a_too_long_query_is_400_with_the_field_its_message_key_and_a_translated_message() {
        WebSession.Page response = client.apiPostJson(SEARCH, token, "{\"query\":\"" + "a".repeat(51) + "\"}",
                "Accept-Language", "en");

        assertProblem(response, 400, "error.invalid");
        JsonNode error = json.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("query");
        assertThat(error.get("messageKey").asString()).isEqualTo("api.directory.query.size");
        assertThat(error.get("message").asString()).isEqualTo("The search text may have at most 50 characters.");
    }

    @Test
    void escaped_control_characters_and_lone_surrogates_are_400_naming_the_field() {
        for (String hostile : List.of("a\\u0000b", "\\u0007bell", "line\\nbreak", "\\u001b[31mred", "\\ud800")) {
            WebSession.Page response = client.apiPostJson(SEARCH, token, "{\"query\":\"" + hostile + "\"}");

            assertProblem(response, 400, "error.invalid");
            assertThat(json.readTree(response.body()).get("errors").get(0).get("messageKey").asString())
                    .isEqualTo("api.directory.text.printable");
        }
    }

    @Test
    void a_page_size_outside_1_to_100_is_400_naming_the_field() {
        for (String body : List.of("{\"size\":0}", "{\"size\":101}", "{\"size\":-5}", "{\"page\":-1}")) {
            WebSession.Page response = client.apiPostJson(SEARCH, token, body);

            assertProblem(response, 400, "error.invalid");
            assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
                    .isIn("size", "page");
        }
    }

    @Test
    void hostile_but_printable_strings_are_plain_text_to_the_search_never_a_5xx() {
        List<String> hostile = List.of(
                "' OR '1'='1' --",
                "'; DROP TABLE iam_account; --",
                "%_\\\\%",
                "<script>alert(1)</script>",
                "\\\"><img src=x onerror=alert(1)>",
                "${jndi:ldap://x/a}",
                "\ud83d\ude00\ud83c\udfe5\ud83d\udc89",
                "\u674e\u660e Li \u0391\u03b2\u0436 \u0639\u0631\u0628\u064a",
                "\u202eevil\u202c",
                "T-API-0002");
        for (String query : hostile) {
            String body = "{\"query\":\"" + query + "\",\"departmentCode\":\"" + query.substring(0, Math.min(40,
                    query.length())) + "\"}";
            WebSession.Page response = client.apiPostJson(SEARCH, token, body);

            assertThat(response.status()).as(query).isLessThan(500);
            assertNoInternals(response.body());
            if (response.status() == 200) {
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
                assertThat(json.readTree(response.body()).get("total").asLong()).isZero();
            } else {
                assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/problem+json");
            }
        }
        WebSession.Page stillThere = client.apiPostJson(SEARCH, token, "{\"query\":\"\\u674e\\u660e\"}");
        assertThat(json.readTree(stillThere.body()).get("items").get(0).get("staffNo").asString())
                .isEqualTo("T-API-0002");
    }

    @Test
    void a_query_over_the_length_limit_made_of_emoji_and_mixed_scripts_is_400_not_500() {
        String longMixed = "\ud83d\ude00\u674e\u0391".repeat(20);

        assertProblem(client.apiPostJson(SEARCH, token, "{\"query\":\"" + longMixed + "\"}"), 400, "error.invalid");
    }

    private void assertProblem(WebSession.Page response, int status, String messageKey) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertNoInternals(response.body());
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("messageKey").asString()).isEqualTo(messageKey);
        assertThat(body.get("traceId").asString()).matches("[0-9a-f]{16}");
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain(INTERNALS);
    }
}
