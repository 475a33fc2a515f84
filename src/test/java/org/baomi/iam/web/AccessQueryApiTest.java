package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.iam.AccessPermissions;
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

/** The reverse questions as API (issue 3 item 4): scope first, then input, as translated problem+json. */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessQueryApiTest {

    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
    }

    @Test
    void without_the_query_scope_both_questions_are_refused_403_even_with_bad_input_ACC_1() {
        String token = accounts.token(AccessPermissions.DECISION_REQUEST);

        assertProblem(client.apiGet("/api/v1/access/objects/document/D1/holders", token), 403, "error.forbidden");
        assertProblem(client.apiGet("/api/v1/access/people/NOBODY/objects?type=BAD!", token), 403, "error.forbidden");
    }

    @Test
    void a_client_with_the_query_scope_learns_who_can_read_a_document_and_what_a_person_can_read_ACC_1() {
        String token = accounts.token(AccessPermissions.QUERY);

        WebSession.Page holders = client.apiGet("/api/v1/access/objects/document/DEMO-DOC-003/holders", token);
        WebSession.Page objects = client.apiGet("/api/v1/access/people/H0075/objects?type=document&size=100", token);

        assertThat(holders.status()).isEqualTo(200);
        JsonNode people = json.readTree(holders.body());
        assertThat(people.findValuesAsString("staffNo")).contains("H0010", "H0075");
        assertThat(objects.status()).isEqualTo(200);
        assertThat(json.readTree(objects.body()).get("items").findValuesAsString("id")).contains("DEMO-DOC-003");
    }

    @Test
    void bad_type_action_or_paging_is_400_with_the_field_named_and_an_unknown_staff_number_404() {
        String token = accounts.token(AccessPermissions.QUERY);

        JsonNode badType = assertProblem(client.apiGet("/api/v1/access/objects/Bad%20Type/D1/holders", token,
                "Accept-Language", "en"), 400, "error.invalid");
        JsonNode badAction = assertProblem(client.apiGet("/api/v1/access/objects/document/D1/holders?action=FLY",
                token), 400, "error.invalid");
        JsonNode badPage = assertProblem(client.apiGet("/api/v1/access/people/X1/objects?type=document&size=9999",
                token), 400, "error.invalid");

        assertThat(badType.get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(badType.get("errors").get(0).get("message").asString()).startsWith("The object type is not valid");
        assertThat(badAction.get("errors").get(0).get("field").asString()).isEqualTo("action");
        assertThat(badPage.get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertProblem(client.apiGet("/api/v1/access/people/NOBODY-" + TestAccounts.newStaffNo()
                + "/objects?type=document", token), 404, "access-web.api.person.unknown");
        assertProblem(client.apiGet("/api/v1/access/people/X1/objects", token), 400, "error.malformed-request");
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
