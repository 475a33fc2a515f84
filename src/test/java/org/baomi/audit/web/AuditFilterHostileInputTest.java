package org.baomi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile text in the filters of the audit screens: a clear message (400 on the page, 200 for htmx) or a
 * plain result (200), never a server error, never markup of the attacker's on the page, never SQL run
 * (AUD-2, AUD-3, ACC-8).
 */
@BaomiSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditFilterHostileInputTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    WebSession auditor;
    WebSession security;

    @BeforeAll
    void signIn() {
        auditor = new WebSession(port).signIn(accounts.auditAdmin(), accounts);
        security = new WebSession(port).signIn(accounts.securityAdmin(), accounts);
    }

    record Hostile(String name, String query, boolean refused) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Hostile> hostileQueries() {
        String longText = "x".repeat(5000);
        return List.of(
                new Hostile("very long actor text", "actor=" + longText, true),
                new Hostile("very long date", "from=" + "2026-01-01".repeat(300), true),
                new Hostile("NUL character", "actor=" + WebSession.encode("abc\u0000def"), true),
                new Hostile("bell and line breaks", "actor=" + WebSession.encode("a\u0007\r\nb"), true),
                new Hostile("SQL quote fragment", "actor=" + WebSession.encode("' OR 1=1 --"), false),
                new Hostile("SQL statement fragment", "actor=" + WebSession.encode("x'); DROP TABLE aud_entry; --"), false),
                new Hostile("LIKE wildcards", "actor=" + WebSession.encode("%_\\"), false),
                new Hostile("script fragment", "actor=" + WebSession.encode("<script>alert(1)</script>"), false),
                new Hostile("attribute breakout", "actor=" + WebSession.encode("\" onmouseover=\"alert(1)"), false),
                new Hostile("emoji", "actor=" + WebSession.encode("\uD83D\uDE00\uD83D\uDD12"), false),
                new Hostile("template braces", "actor=" + WebSession.encode("{x}${7*7}[[${7*7}]]"), false),
                new Hostile("impossible date", "from=2026-13-45", true),
                new Hostile("words for a date", "to=yesterday", true),
                new Hostile("huge year", "to=" + WebSession.encode("+999999999-12-31"), true),
                new Hostile("date before 1970", "from=1900-01-01", true),
                new Hostile("end before start", "from=2026-11-20&to=2026-11-01", true),
                new Hostile("unknown group and outcome", "group=" + WebSession.encode("iam.%") + "&outcome=MAYBE&kind=PWNED", true),
                new Hostile("negative page", "page=-5", false),
                new Hostile("page that is not a number", "page=abc", false),
                new Hostile("page past any end", "page=99999999999", false),
                new Hostile("repeated parameters", "actor=a&actor=b&group=LOGIN&group=AUDIT", true));
    }

    @ParameterizedTest(name = "{0} on the audit trail")
    @MethodSource("hostileQueries")
    void theAuditTrailAnswersHostileFiltersWithAClearMessageNeverAServerError(Hostile hostile) {
        check(auditor.get("/audit/entries?" + hostile.query()), hostile, false);
        check(auditor.get("/audit/entries?" + hostile.query(), java.util.Map.of("HX-Request", "true")), hostile, true);
        WebSession.Page csv = auditor.get("/audit/entries/export.csv?" + hostile.query());
        assertThat(csv.status()).isIn(200, 400);
    }

    @ParameterizedTest(name = "{0} on the security events")
    @MethodSource("hostileQueries")
    void theSecurityEventsAnswerHostileFiltersWithAClearMessageNeverAServerError(Hostile hostile) {
        String query = hostile.query().replace("group=", "kind=");
        check(security.get("/audit/security-events?" + query), hostile, false);
        check(security.get("/audit/security-events?" + query, java.util.Map.of("HX-Request", "true")), hostile, true);
    }

    private void check(WebSession.Page page, Hostile hostile, boolean htmx) {
        if (hostile.refused()) {
            assertThat(page.status()).isEqualTo(htmx ? 200 : 400);
            assertThat(page.body()).contains("id=\"filter-errors\"");
        } else {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("id=\"filter-errors\"");
        }
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("onmouseover=\"alert");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry").query(Long.class).single()).isPositive();
    }
}
