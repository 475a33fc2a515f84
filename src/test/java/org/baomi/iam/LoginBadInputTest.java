package org.baomi.iam;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input to every field of the login steps: a clear answer, never a 5xx, a stack trace or a partial write. */
@BaomiSpringTest
class LoginBadInputTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    static Stream<String> hostile() {
        return Stream.of(
                "x".repeat(100_000),
                "\u0000\u0001\u0007\u001b[31m\r\n",
                "' OR '1'='1' --",
                "'; DROP TABLE iam_account; --",
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "\uD83D\uDE00\uD83D\uDD12\uD83C\uDFE5",
                "\u4FDD\u5BC6\u0410\u0411\u0627\u0644\u05D0 mixed \u0E01",
                "\uD800",
                "%00%ff${jndi:ldap://x}",
                "   ",
                "");
    }

    @ParameterizedTest(name = "hostile user name and password [{index}] give the generic refusal")
    @MethodSource("hostile")
    void hostileCredentialsAreRefusedPolitely(String value) {
        long accountsBefore = count("iam_account");
        WebSession web = new WebSession(port);
        String location = web.login(value, value);
        assertThat(location).contains("/login?error=");
        WebSession.Page page = web.get(location.substring(location.indexOf("/login")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<script>alert");
        assertThat(count("iam_account")).isEqualTo(accountsBefore);
    }

    @ParameterizedTest(name = "hostile second-factor code [{index}] is refused with a message")
    @MethodSource("hostile")
    void hostileSecondFactorCodesAreRefusedWithAMessage(String value) {
        TestAccounts.Created person = accounts.create(TestAccounts.person().totp("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"));
        WebSession web = new WebSession(port);
        assertThat(web.login(person.staffNo(), TestAccounts.PASSWORD)).endsWith("/login/totp");
        web.get("/login/totp");
        WebSession.Page response = web.post("/login/totp", Map.of("code", value));
        assertThat(response.status()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("<script>alert");
    }

    @ParameterizedTest(name = "hostile new password [{index}] is refused with the rules or stored safely")
    @MethodSource("hostile")
    void hostileNewPasswordsAreRefusedWithTheRulesOrStoredSafely(String value) {
        TestAccounts.Created person = accounts.create(TestAccounts.person().needingPasswordChange());
        WebSession web = new WebSession(port);
        assertThat(web.login(person.staffNo(), TestAccounts.PASSWORD)).endsWith("/login/password");
        web.get("/login/password");
        String hashBefore = passwordHash(person.id());
        WebSession.Page response = web.post("/login/password", Map.of("newPassword", value, "confirmation", value));
        if (response.status() == 200) {
            assertThat(response.body()).contains("id=\"password-errors\"").doesNotContain("Exception");
            assertThat(passwordHash(person.id())).as("nothing written").isEqualTo(hashBefore);
        } else {
            // SQL and script fragments can be strong passwords: then they are stored (hashed) and work.
            assertThat(response.status()).isEqualTo(302);
            assertThat(passwordHash(person.id())).isNotEqualTo(hashBefore).doesNotContain(value);
            assertThat(new WebSession(port).login(person.staffNo(), value)).endsWith("/");
        }
    }

    @Test
    void theRulesABadNewPasswordBreaksAreShownWithTheirNumbers_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().needingPasswordChange());
        WebSession web = new WebSession(port);
        web.login(person.staffNo(), TestAccounts.PASSWORD);
        web.get("/login/password");
        WebSession.Page page = web.post("/login/password", Map.of("newPassword", "x", "confirmation", "x"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-key=\"iam.password.too-short\"")
                .containsPattern("\\d+ \u4E2A\u5B57\u7B26").doesNotContain("[Ljava.lang.Object");
    }

    @Test
    void invalidUtf8AndMalformedFormBodiesAreNotServerErrors() throws Exception {
        WebSession web = new WebSession(port);
        web.get("/login");
        for (String body : List.of("username=%FF%FE%FD&password=%C3%28", "username=%zz&password=%", "%%%%&&&===",
                "username=" + "%E4%BF".repeat(1000))) {
            HttpResponse<String> response = web.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(body).isLessThan(500);
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @Test
    void unknownPagesAndHostilePathsGiveTheTranslatedErrorPageWithATraceId() throws Exception {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        WebSession web = new WebSession(port);
        web.login(person.staffNo(), TestAccounts.PASSWORD);
        WebSession.Page missing = web.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("id=\"error-trace\"").contains("\u9875\u9762\u4E0D\u5B58\u5728");
        WebSession.Page hostile = web.get("/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(hostile.status()).isBetween(400, 499);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String passwordHash(long accountId) {
        return jdbc.sql("SELECT password_hash FROM iam_credential WHERE account_id = :id").param("id", accountId)
                .query(String.class).single();
    }
}
