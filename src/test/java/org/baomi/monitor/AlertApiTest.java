package org.baomi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/privacy/alerts} (issue 7 item 6; AUD-2, ORG-5): filters, paging and sort, evidence rendered in
 * the request's language with the event ids, problem+json with field errors for bad filters, the token scope, and
 * the audit record with the ids returned.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AlertApiTest {

    private static final String API = "/api/v1/privacy/alerts";
    /** Account ids no real account has, one per test, so that the person filter isolates each test's alerts. */
    private static final AtomicLong PEOPLE = new AtomicLong(880_000_000L + ProcessHandle.current().pid() % 1000 * 1000);

    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private MonitorCaseFixture fixture;
    private WebSession client;
    private String token;
    private long person;
    private String ref;

    @BeforeEach
    void setUp() {
        fixture = new MonitorCaseFixture(jdbc, clock);
        client = new WebSession(port);
        token = accounts.token(PrivacyCasePermissions.ALERT_READ);
        person = PEOPLE.incrementAndGet();
        ref = MonitorCaseFixture.ref("T-API");
    }

    private JsonNode ok(String query, String... headers) {
        WebSession.Page page = client.apiGet(API + query, token, headers);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body());
    }

    private List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("alerts").forEach(a -> ids.add(a.path("id").asLong()));
        return ids;
    }

    @Test
    void filters_by_person_detector_patient_status_and_time_and_returns_evidence_and_event_ids() {
        long patient = 700_000_000L + person;
        long e1 = fixture.event(ref, person, "MRN-X", patient, Duration.ofHours(5));
        long family = fixture.alert(Detector.FAMILY, ref, person, "MRN-X", patient, 30, Duration.ofHours(5),
                List.of(e1));
        long spike = fixture.alert(Detector.VOLUME_SPIKE, ref, person, "MRN-Y", null, 20, Duration.ofDays(3),
                List.of());
        long dismissed = fixture.alert(Detector.FAMILY, ref, person, "MRN-Z", null, 25, Duration.ofDays(1), List.of(),
                "DISMISSED");

        JsonNode all = ok("?person=" + person, "Accept-Language", "en");
        JsonNode families = ok("?person=" + person + "&detector=FAMILY&status=OPEN&lang=en", "Accept-Language", "en");
        JsonNode byPatient = ok("?patient=" + patient);
        LocalDate today = LocalDate.now(clock);
        JsonNode recent = ok("?person=" + person + "&from=" + today.minusDays(2) + "&to=" + today);
        JsonNode closedOnes = ok("?person=" + person + "&status=dismissed");

        assertThat(ids(all)).containsExactly(family, dismissed, spike);
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(ids(families)).containsExactly(family);
        JsonNode alert = families.path("alerts").get(0);
        assertThat(alert.path("detector").asString()).isEqualTo("FAMILY");
        assertThat(alert.path("person").path("id").asLong()).isEqualTo(person);
        assertThat(alert.path("person").path("ref").asString()).isEqualTo(ref);
        assertThat(alert.path("patient").path("ref").asString()).isEqualTo("MRN-X");
        assertThat(alert.path("score").decimalValue()).isEqualByComparingTo("30");
        assertThat(alert.path("eventIds").get(0).asLong()).isEqualTo(e1);
        assertThat(alert.path("evidence").get(0).path("key").asString()).isEqualTo("monitor.detector.FAMILY");
        assertThat(alert.path("evidence").get(0).path("text").asString())
                .isEqualTo("Possible relative (same surname and address or phone)");
        assertThat(ids(byPatient)).containsExactly(family);
        assertThat(ids(recent)).containsExactlyInAnyOrder(family, dismissed);
        assertThat(ids(closedOnes)).containsExactly(dismissed);
    }

    @Test
    void pages_and_sorts_by_an_enum_and_each_page_is_audited_with_the_ids_returned_AUD_2() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(fixture.alert(Detector.AFTER_HOURS, ref, person, "MRN-" + i, null, 10 + i,
                    Duration.ofHours(10 - i), List.of()));
        }
        long before = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'monitor.alerts.viewed'")
                .query(Long.class).single();

        JsonNode second = ok("?person=" + person + "&size=2&page=1&sort=OLDEST");
        JsonNode top = ok("?person=" + person + "&size=2");

        assertThat(ids(second)).containsExactly(created.get(2), created.get(3));
        assertThat(second.path("total").asLong()).isEqualTo(5);
        assertThat(second.path("totalPages").asInt()).isEqualTo(3);
        assertThat(ids(top)).containsExactly(created.get(4), created.get(3));
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'monitor.alerts.viewed'")
                .query(Long.class).single()).isEqualTo(before + 2);
        String alerts = jdbc.sql("""
                SELECT details ->> 'alerts' FROM aud_entry WHERE action = 'monitor.alerts.viewed'
                ORDER BY id DESC LIMIT 1
                """).query(String.class).single();
        assertThat(alerts.replace(" ", "")).isEqualTo("[" + created.get(4) + "," + created.get(3) + "]");
        assertThat(jdbc.sql("""
                SELECT details ->> 'person' FROM aud_entry WHERE action = 'monitor.alerts.viewed'
                ORDER BY id DESC LIMIT 1
                """).query(String.class).single()).isEqualTo(Long.toString(person));
        assertThat(jdbc.sql("""
                SELECT actor_kind FROM aud_entry WHERE action = 'monitor.alerts.viewed' ORDER BY id DESC LIMIT 1
                """).query(String.class).single()).isEqualTo("API_CLIENT");
    }

    @Test
    void malformed_filters_are_a_problem_listing_every_field_and_nothing_is_read() {
        WebSession.Page bad = client.apiGet(API + "?detector=GOSSIP&person=abc&from=yesterday&size=500&sort=RANDOM"
                + "&lang=en", token);
        WebSession.Page backwards = client.apiGet(API + "?from=2026-11-10&to=2026-11-01&lang=en", token);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(bad.body());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("detector", "person", "from", "sort");
        // size is checked once the filters parse (a second round of problems is not worth a second pass)
        assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).path("errors").get(0).path("field").asString()).isEqualTo("to");
        WebSession.Page tooBig = client.apiGet(API + "?size=500", token);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(json.readTree(tooBig.body()).path("errors").get(0).path("messageKey").asString())
                .isEqualTo("monitor.cases.error.size");
    }

    @Test
    void without_a_token_or_without_the_scope_the_api_refuses_and_audits_ORG_5() {
        fixture.alert(Detector.AFTER_HOURS, ref, person, "MRN-1", null, 10, Duration.ofHours(1), List.of());
        String otherScope = accounts.token("iam:staff:read");
        long deniedBefore = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.denied' "
                + "AND details ->> 'permission' = 'monitor:alert:read'").query(Long.class).single();

        WebSession.Page none = client.apiGet(API + "?person=" + person, null);
        WebSession.Page wrong = client.apiGet(API + "?person=" + person, otherScope);

        assertThat(none.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain(ref);
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.denied' "
                + "AND details ->> 'permission' = 'monitor:alert:read'").query(Long.class).single())
                .isEqualTo(deniedBefore + 1);
    }
}
