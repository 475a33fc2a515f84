package org.baomi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.SecurityEventKind;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@BaomiSpringTest
class SecurityEventsWebTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    AuditTrail audit;

    @Test
    void aBrokenChainIsListedToTheSecurityAdministratorAsChainBrokenAUD3ACC8() {
        // The entry ChainAlerts writes when a run finds the chain broken; written here without breaking the chain.
        audit.recordIndependently(new AuditEntry(AuditActor.system(), "audit.chain.broken", "audit-chain", "424242",
                null, AuditOutcome.FAILED, "audit.chain.breakage.ENTRY_ALTERED", Map.of("mode", "FULL")));
        WebSession security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);

        WebSession.Page page = security.get("/audit/security-events?kind=CHAIN_BROKEN", Map.of("HX-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(AuditEntriesWebTest.dataActions(page.body())).isNotEmpty().allMatch("audit.chain.broken"::equals);
        assertThat(SecurityEventKind.ofAction("audit.chain.broken")).contains(SecurityEventKind.CHAIN_BROKEN);
    }

    @Test
    void theSecurityAdministratorSeesFailedLoginsAndTheAuditAdministratorsActionsACC8ORG5() {
        TestAccounts.Created victim = accounts.staff();
        WebSession intruder = new WebSession(port);
        intruder.get("/login");
        assertThat(intruder.post("/login", Map.of("username", victim.staffNo(), "password", "Wrong-Guess-123"))
                .redirectsTo("/login?error=bad-credentials")).isTrue();
        TestAccounts.Created auditor = accounts.auditAdmin();
        new WebSession(port).signIn(auditor, accounts).get("/audit/entries");

        WebSession security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);
        WebSession.Page page = security.get("/audit/security-events?actor=" + victim.fullName().replace(' ', '+'));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"security-event-list\"").contains("data-action=\"iam.login.failed\"")
                .contains(victim.fullName()).contains("href=\"/iam/accounts/" + victim.id() + "\"");
        assertThat(total(page.body(), "LOGIN_FAILED")).isGreaterThanOrEqualTo(1);
        assertThat(page.body()).contains("id=\"admin-activity-list\"")
                .containsPattern("data-action=\"audit\\.entries\\.viewed\",?\\s*data-actor-id=\"" + auditor.id() + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'audit.security-events.viewed'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'audit.admin-activity.viewed'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theChartCarriesThirtyDaysPerKindAsDataForTheStaticScriptACC8() {
        TestAccounts.Created victim = accounts.staff();
        WebSession intruder = new WebSession(port);
        intruder.get("/login");
        intruder.post("/login", Map.of("username", victim.staffNo(), "password", "Wrong-Guess-456"));
        WebSession security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);

        WebSession.Page page = security.get("/audit/security-events");

        Matcher m = Pattern.compile("data-chart=\"([^\"]*)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        JsonNode chart = json.readTree(HtmlUtils.htmlUnescape(m.group(1)));
        assertThat(chart.get("days").size()).isEqualTo(30);
        assertThat(chart.get("series").size()).isEqualTo(SecurityEventKind.values().length);
        JsonNode failed = chart.get("series").get(0);
        assertThat(failed.get("kind").asString()).isEqualTo("LOGIN_FAILED");
        assertThat(failed.get("data").get(29).asLong()).isPositive();
        assertThat(page.body()).containsPattern("src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\"")
                .contains("/assets/js/security-events.js")
                .doesNotContain("<script>");
        assertThat(security.get("/assets/js/security-events.js").status()).isEqualTo(200);
        assertThat(security.get("/webjars/echarts/dist/echarts.min.js").status()).isEqualTo(200);
    }

    @Test
    void eventsFilterByKindAndHtmxGetsOnlyTheEventsACC8() {
        WebSession security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);
        TestAccounts.Created staff = accounts.staff();
        new WebSession(port).signIn(staff, accounts).get("/audit/entries");

        WebSession.Page page = security.get("/audit/security-events?kind=ACCESS_DENIED", Map.of("HX-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<html").contains("id=\"security-events-results\"");
        List<String> actions = AuditEntriesWebTest.dataActions(page.body());
        assertThat(actions).isNotEmpty().allMatch("access.denied"::equals);
    }

    @Test
    void htmxRestoringAPageOfTheBrowserHistoryGetsTheWholePageACC8() {
        WebSession security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);

        WebSession.Page page = security.get("/audit/security-events?kind=ACCESS_DENIED",
                Map.of("HX-Request", "true", "HX-History-Restore-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("id=\"security-filter\"");
    }

    @Test
    void theAdministratorActivityPagesThroughHtmxAndFallsBackToTheFullPageORG5() {
        WebSession security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);

        WebSession.Page fragment = security.get("/audit/security-events/admin-activity?page=0", Map.of("HX-Request", "true"));
        WebSession.Page plain = security.get("/audit/security-events/admin-activity?page=2");

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"admin-activity\"");
        assertThat(plain.redirectsTo("/audit/security-events?adminPage=2")).isTrue();
    }

    private static long total(String html, String kind) {
        Matcher m = Pattern.compile("id=\"total-" + kind + "\">(\\d+)<").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
