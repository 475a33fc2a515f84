package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
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
 * Grants for other systems (ACC-4, ACC-6): listed per person or object with scope access:query:read, revoked with
 * access:grant:manage; scope first, then input; every listing and revocation audited; and an expired grant leaves
 * the decision model.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GrantApiTest {

    private static final String GRANTS = "/api/v1/access/grants";

    @Autowired TestAccounts accounts;
    @Autowired ProtectedObjects objects;
    @Autowired AccessGrants grants;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AccessChangeFeed feed;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebSession client;
    private TestAccounts.Created holder;
    private String documentId;
    private long grantId;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        holder = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        documentId = "T-GRANT-API-" + TestAccounts.newStaffNo();
        ResourceRef doc = ResourceRef.document(documentId);
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(doc, SecretLevel.SECRET, null,
                null)));
        feed.poll();
        grantId = transactions.execute(tx -> grants.issue(new IssueGrant(holder.id(), AccessAction.READ, doc,
                clock.instant().plus(Duration.ofDays(7)), "reading room only", null)));
    }

    private long viewed(String objectId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.grants.viewed' AND object_id = :o")
                .param("o", objectId).query(Long.class).single();
    }

    @Test
    void a_client_with_the_query_scope_lists_the_grants_of_a_person_and_of_an_object_audited_ACC_6_AUD_1() {
        String token = accounts.token(AccessPermissions.QUERY);

        WebSession.Page byPerson = client.apiGet(GRANTS + "?person=" + holder.staffNo(), token);
        WebSession.Page byObject = client.apiGet(GRANTS + "?object=document:" + documentId, token);

        assertThat(byPerson.status()).as(byPerson.body()).isEqualTo(200);
        JsonNode first = json.readTree(byPerson.body()).get(0);
        assertThat(first.get("id").asLong()).isEqualTo(grantId);
        assertThat(first.get("resourceId").asString()).isEqualTo(documentId);
        assertThat(first.get("conditions").asString()).isEqualTo("reading room only");
        assertThat(byObject.status()).isEqualTo(200);
        assertThat(json.readTree(byObject.body()).findValuesAsString("staffNo")).containsExactly(holder.staffNo());
        assertThat(viewed(Long.toString(holder.id()))).isEqualTo(1);
        assertThat(viewed(documentId)).isEqualTo(1);
    }

    @Test
    void without_the_scope_listing_and_revoking_are_refused_403_even_with_bad_input_and_the_refusal_audited() {
        String token = accounts.token(AccessPermissions.DECISION_REQUEST);
        long denials = accounts.auditEntries("access.denied", "DENIED", null, null);

        assertProblem(client.apiGet(GRANTS, token), 403, "error.forbidden");
        assertProblem(client.apiPostJson(GRANTS + "/" + grantId + "/revoke", accounts.token(AccessPermissions.QUERY),
                "{\"reason\":\"try\"}"), 403, "error.forbidden");

        assertThat(accounts.auditEntries("access.denied", "DENIED", null, null)).isGreaterThanOrEqualTo(denials + 2);
        assertThat(grants.find(grantId).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void bad_input_is_400_with_the_field_and_an_unknown_person_or_grant_404() {
        String query = accounts.token(AccessPermissions.QUERY);
        String manage = accounts.token(AccessPermissions.GRANT_MANAGE);

        assertThat(assertProblem(client.apiGet(GRANTS, query), 400, "error.invalid").get("errors").get(0)
                .get("field").asString()).isEqualTo("person");
        assertProblem(client.apiGet(GRANTS + "?person=X&object=document:D", query), 400, "error.invalid");
        assertThat(assertProblem(client.apiGet(GRANTS + "?object=nocolon", query), 400, "error.invalid")
                .get("errors").get(0).get("field").asString()).isEqualTo("object");
        assertProblem(client.apiGet(GRANTS + "?person=NOBODY-" + TestAccounts.newStaffNo(), query), 404,
                "access-web.api.person.unknown");
        assertProblem(client.apiPostJson(GRANTS + "/" + grantId + "/revoke", manage, "{\"reason\":\"  \"}"), 400,
                "error.invalid");
        assertProblem(client.apiPostJson(GRANTS + "/999999999/revoke", manage, "{\"reason\":\"gone\"}"), 404,
                "access.grant.not-found");
        assertThat(grants.find(grantId).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void a_client_with_the_manage_scope_revokes_a_grant_with_a_reason_audited_and_the_grant_stops_ACC_6() {
        String manage = accounts.token(AccessPermissions.GRANT_MANAGE);

        WebSession.Page revoked = client.apiPostJson(GRANTS + "/" + grantId + "/revoke", manage,
                "{\"reason\":\"approval withdrawn in the HIS\"}");

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(grants.find(grantId).orElseThrow().revokedAt()).isNotNull();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'access.grant.revoked' AND object_id = :o
                  AND actor_kind = 'API_CLIENT' AND details::text LIKE '%approval withdrawn%'
                """).param("o", documentId).query(Long.class).single()).isEqualTo(1);
        assertThat(grants.activeOn(ResourceRef.document(documentId))).isEmpty();
    }

    @Test
    void reading_the_grants_page_and_the_break_glass_worklist_is_audited_AUD_1() {
        TestAccounts.Created office = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office").withTotp());
        WebSession browser = new WebSession(port).signIn(office, accounts);
        long worklist = accounts.auditEntriesBy("access.break-glass.worklist-viewed", office.id());

        assertThat(browser.get("/access/grants?type=document&id=" + documentId).body())
                .contains("id=\"grant-" + grantId + "\"");
        assertThat(browser.get("/access/break-glass/reviews").status()).isEqualTo(200);

        assertThat(accounts.auditEntriesBy("access.grants.viewed", office.id())).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("access.break-glass.worklist-viewed", office.id())).isEqualTo(worklist + 1);
    }

    @Test
    void an_expired_grant_leaves_the_decision_model_after_the_next_sweep_ACC_6() {
        assertThat(feed.model().size().get("grants")).isPositive();
        long before = feed.model().size().get("grants");

        ((MutableClock) clock).advance(Duration.ofDays(8));
        feed.poll();

        assertThat(feed.model().size().get("grants")).isLessThan(before);
        assertThat(jdbc.sql("SELECT count(*) FROM iam_access_grant WHERE id = :id").param("id", grantId)
                .query(Long.class).single()).as("the record stays").isEqualTo(1);
    }

    private JsonNode assertProblem(WebSession.Page response, int status, String messageKey) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("messageKey").asString()).isEqualTo(messageKey);
        return body;
    }
}
