package org.baomi.iam;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions over real HTTP: time-outs, fixation, CSRF and security headers (ACC-7, OWASP ASVS V3). */
@BaomiSpringTest
class SessionSecurityTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private WebSession signedIn() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        WebSession web = new WebSession(port);
        assertThat(web.login(person.staffNo(), TestAccounts.PASSWORD)).endsWith("/");
        assertThat(web.get("/").status()).isEqualTo(200);
        return web;
    }

    @Test
    void aSessionIdleForFifteenMinutesEnds_ACC7() {
        WebSession web = signedIn();
        clock.advance(Duration.ofMinutes(14));
        assertThat(web.get("/").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        WebSession.Page expired = web.get("/");
        assertThat(expired.status()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location").orElse("")).endsWith("/login?expired=idle");
        assertThat(web.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy_ACC7() {
        WebSession web = signedIn();
        for (int i = 0; i < 71; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(web.get("/").status()).as("after %d minutes", (i + 1) * 10).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(11));
        WebSession.Page expired = web.get("/");
        assertThat(expired.headers().firstValue("Location").orElse("")).endsWith("/login?expired=absolute");
    }

    @Test
    void signingInIssuesANewSessionId_fixationProtection() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        WebSession web = new WebSession(port);
        web.get("/login");
        String before = sessionCookie(web);
        web.login(person.staffNo(), TestAccounts.PASSWORD);
        String after = sessionCookie(web);
        assertThat(before).isNotBlank();
        assertThat(after).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        WebSession web = signedIn();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")).build();
        HttpResponse<String> response = web.client().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(web.get("/").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        WebSession web = signedIn();
        WebSession.Page home = web.get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(home.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Trace-Id")).isPresent();
    }

    @Test
    void aPendingLoginReachesNothingButItsNextStep() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().needingPasswordChange());
        WebSession web = new WebSession(port);
        assertThat(web.login(person.staffNo(), TestAccounts.PASSWORD)).endsWith("/login/password");
        WebSession.Page home = web.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/login/password");
        assertThat(web.get("/login/totp").headers().firstValue("Location").orElse("")).endsWith("/login/password");
    }

    @Test
    void overHttpEachWrongPasswordCountsOnceAndTheFifthLocks_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        WebSession web = new WebSession(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(web.login(person.staffNo(), "wrong-" + i)).as("attempt %d", i).endsWith("/login?error=bad-credentials");
        }
        assertThat(web.login(person.staffNo(), "wrong-5")).endsWith("/login?error=locked");
        assertThat(web.login(person.staffNo(), TestAccounts.PASSWORD)).endsWith("/login?error=locked");
    }

    @Test
    void auditEntriesOfASessionCarryAReferenceToItButNeverItsId_AUD1() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        WebSession web = new WebSession(port);
        assertThat(web.login(person.staffNo(), TestAccounts.PASSWORD)).endsWith("/");
        String cookie = sessionCookie(web);
        String sessionId = new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.US_ASCII);
        String ref = jdbc.sql("""
                SELECT session_ref FROM aud_entry WHERE actor_id = :id AND action = 'iam.login.succeeded'
                """).param("id", person.id()).query(String.class).single();
        assertThat(ref).startsWith("session:").doesNotContain(sessionId).doesNotContain(cookie);
    }

    private static String sessionCookie(WebSession web) {
        return ((java.net.CookieManager) web.client().cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("BAOMI_SESSION")).map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }
}
