package org.baomi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditReview;
import org.baomi.audit.AuditTrail;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@BaomiSpringTest
class AuditEntriesWebTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAuditAdministratorSeesTheEntriesAndTheViewingIsItselfAuditedAUD2AUD3() {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);

        WebSession.Page page = browser.get("/audit/entries?group=LOGIN&actor=" + WebSession.encode(auditor.fullName()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"audit-entries\"").contains("data-action=\"iam.login.succeeded\"")
                .contains(auditor.fullName());
        Map<String, Object> viewed = lastEntry("audit.entries.viewed", auditor.id());
        assertThat(viewed.get("outcome")).isEqualTo("ALLOWED");
        assertThat((String) viewed.get("details")).contains("\"group\": \"LOGIN\"").contains(auditor.fullName());
    }

    @Test
    void onlyActionsOfTheChosenGroupAreListedAUD2() {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);
        browser.get("/audit/entries");

        WebSession.Page page = browser.get("/audit/entries?group=AUDIT&outcome=ALLOWED");

        assertThat(page.status()).isEqualTo(200);
        List<String> actions = dataActions(page.body());
        assertThat(actions).isNotEmpty().allMatch(a -> a.startsWith("audit."));
    }

    @Test
    void htmxGetsOnlyTheResultsAndAnEmptyFilterShowsTheEmptyStateAUD2() {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);

        WebSession.Page page = browser.get("/audit/entries?actor=nobody-is-called-this-" + auditor.staffNo(),
                Map.of("HX-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<html").contains("id=\"audit-results\"").contains("id=\"no-entries\"");
    }

    @Test
    void htmxRestoringAPageOfTheBrowserHistoryGetsTheWholePageAUD2() {
        WebSession browser = new WebSession(port).signIn(accounts.auditAdmin(), accounts);

        WebSession.Page page = browser.get("/audit/entries?group=LOGIN",
                Map.of("HX-Request", "true", "HX-History-Restore-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("id=\"audit-filter\"").contains("id=\"audit-results\"");
    }

    @Test
    void aStaffMemberAndTheSystemAdministratorAreRefusedAndTheDenialIsAuditedORG5ACC1() {
        for (TestAccounts.Created person : List.of(accounts.staff(), accounts.systemAdmin())) {
            WebSession browser = new WebSession(port).signIn(person, accounts);

            assertThat(browser.get("/audit/entries").status()).isEqualTo(403);
            assertThat(browser.get("/audit/entries/export.csv").status()).isEqualTo(403);

            Map<String, Object> denied = lastEntry("access.denied", person.id());
            assertThat(denied.get("outcome")).isEqualTo("DENIED");
            assertThat((String) denied.get("details")).contains("audit:entry:read");
            assertThat(accounts.auditEntriesBy("audit.entries.viewed", person.id())).isZero();
        }
    }

    @Test
    void theSecurityAdministratorCannotReadTheWholeTrailNorTheAuditorTheSecurityEventsORG5() {
        TestAccounts.Created security = accounts.securityAdmin();
        TestAccounts.Created auditor = accounts.auditAdmin();

        assertThat(new WebSession(port).signIn(security, accounts).get("/audit/entries").status()).isEqualTo(403);
        assertThat(new WebSession(port).signIn(auditor, accounts).get("/audit/security-events").status()).isEqualTo(403);
        assertThat((String) lastEntry("access.denied", auditor.id()).get("details"))
                .contains("audit:security-event:read");
    }

    @Test
    void theExportIsUtf8CsvWithAByteOrderMarkAndIsAuditedAUD2() {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);

        WebSession.Page csv = browser.get("/audit/entries/export.csv?group=LOGIN");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").containsIgnoringCase("utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines.length).isGreaterThan(1);
        assertThat(text).contains("\"iam.login.succeeded\"").contains(auditor.fullName());
        Map<String, Object> exported = lastEntry("audit.entries.exported", auditor.id());
        assertThat((String) exported.get("details")).contains("\"rows\": " + (lines.length - 1))
                .contains("\"truncated\": false");
    }

    @Test
    void theExportStopsAtTenThousandRowsAndSaysSoAUD2() {
        AuditTrail trail = context.getBean(AuditTrail.class);
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            for (int i = 0; i < AuditReview.EXPORT_LIMIT + 5; i++) {
                trail.record(new AuditEntry(AuditActor.system(), "system.test.bulk-export", null, null, null,
                        AuditOutcome.ALLOWED, null, Map.of("i", i)));
            }
        });
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);

        WebSession.Page csv = browser.get("/audit/entries/export.csv?group=SYSTEM&actor=bulk-export");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("X-Baomi-Export-Truncated")).hasValue("true");
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8).split("\r\n")).hasSize(AuditReview.EXPORT_LIMIT + 1);
        assertThat((String) lastEntry("audit.entries.exported", auditor.id()).get("details"))
                .contains("\"rows\": 10000").contains("\"truncated\": true").contains("\"matched\": 10005");
    }

    private Map<String, Object> lastEntry(String action, long actorId) {
        return jdbc.sql("""
                SELECT outcome, details::text AS details FROM aud_entry WHERE action = :action AND actor_id = :actor
                ORDER BY id DESC LIMIT 1
                """).param("action", action).param("actor", actorId).query().singleRow();
    }

    static List<String> dataActions(String html) {
        return java.util.regex.Pattern.compile("data-action=\"([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }
}
