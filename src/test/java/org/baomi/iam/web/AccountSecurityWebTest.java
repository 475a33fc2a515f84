package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.Totp;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@BaomiSpringTest
class AccountSecurityWebTest {

    /** In iam/common-passwords.txt as "p@ssw0rd123"; otherwise long enough and of four character classes. */
    static final String COMMON_PASSWORD = "P@ssw0rd123";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CredentialStore credentials;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void everySignedInPersonSeesTheirSettingsAndTheirSessionACC7() {
        TestAccounts.Created staff = accounts.staff();
        WebSession browser = new WebSession(port).signIn(staff, accounts);

        WebSession.Page page = browser.get("/account/security");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"password-form\"").contains("id=\"totp-form\"")
                .contains("id=\"my-sessions\"").contains("current-session");
    }

    @Test
    void changingThePasswordRefusesAWrongCurrentPasswordAndAuditsTheAttemptACC7() {
        TestAccounts.Created staff = accounts.staff();
        WebSession browser = new WebSession(port).signIn(staff, accounts);
        browser.get("/account/security");

        WebSession.Page page = changePassword(browser, "Not-My-Password-1", "Brand-New-Secret-42", "Brand-New-Secret-42");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("data-key=\"account.password.current-wrong\"");
        assertThat(passwordIs(staff, staff.password())).isTrue();
        assertThat(accounts.auditEntriesBy("iam.reauthentication.failed", staff.id())).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("iam.password.changed", staff.id())).isZero();
    }

    @Test
    void changingThePasswordRefusesACommonPasswordACC7() {
        TestAccounts.Created staff = accounts.staff();
        WebSession browser = new WebSession(port).signIn(staff, accounts);
        browser.get("/account/security");

        WebSession.Page page = changePassword(browser, staff.password(), COMMON_PASSWORD, COMMON_PASSWORD);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("data-key=\"iam.password.common\"");
        assertThat(passwordIs(staff, staff.password())).isTrue();
    }

    @Test
    void changingThePasswordWorksIsAuditedAndRefusesAReusedPasswordACC7() {
        TestAccounts.Created staff = accounts.staff();
        WebSession browser = new WebSession(port).signIn(staff, accounts);
        browser.get("/account/security");
        String next = "Fresh-Secret-" + Long.toHexString(System.nanoTime()) + "-Q";

        WebSession.Page changed = changePassword(browser, staff.password(), next, next);

        assertThat(changed.redirectsTo("/account/security")).isTrue();
        assertThat(passwordIs(staff, next)).isTrue();
        assertThat(accounts.auditEntriesBy("iam.password.changed", staff.id())).isEqualTo(1);
        assertThat(browser.get("/account/security").body()).contains("id=\"account-flash\"");

        WebSession.Page reused = changePassword(browser, next, staff.password(), staff.password());

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("data-key=\"iam.password.reused\"");
        assertThat(passwordIs(staff, next)).isTrue();
    }

    @Test
    void logOutEverywhereEndsTheOtherSessionAndThisOneACC7() {
        TestAccounts.Created staff = accounts.staff();
        WebSession first = new WebSession(port).signIn(staff, accounts);
        WebSession second = new WebSession(port).signIn(staff, accounts);
        WebSession.Page settings = first.get("/account/security");
        assertThat(settings.body()).containsPattern("(?s)(class=\"session-row.*){2}");
        assertThat(second.get("/account/security").status()).isEqualTo(200);

        WebSession.Page ended = first.post("/account/security/sessions/end-all", Map.of());

        assertThat(ended.redirectsTo("/login?expired=ended")).isTrue();
        assertThat(second.get("/account/security").redirectsTo("/login")).isTrue();
        assertThat(first.get("/account/security").redirectsTo("/login")).isTrue();
        assertThat(lastDetails("iam.sessions.ended", staff.id())).contains("\"scope\": \"ALL\"")
                .contains("\"ended\": 2");
    }

    @Test
    void endingTheOtherSessionsKeepsThisOneACC7() {
        TestAccounts.Created staff = accounts.staff();
        WebSession first = new WebSession(port).signIn(staff, accounts);
        WebSession second = new WebSession(port).signIn(staff, accounts);
        first.get("/account/security");

        WebSession.Page ended = first.post("/account/security/sessions/end-others", Map.of());

        assertThat(ended.redirectsTo("/account/security")).isTrue();
        assertThat(first.get("/account/security").status()).isEqualTo(200);
        assertThat(second.get("/account/security").redirectsTo("/login")).isTrue();
        assertThat(lastDetails("iam.sessions.ended", staff.id())).contains("\"scope\": \"OTHERS\"")
                .contains("\"ended\": 1");
    }

    @Test
    void newRecoveryCodesNeedACurrentCodeAndAreShownOnceACC7() {
        TestAccounts.Created person = accounts.staffWithTotp();
        WebSession browser = new WebSession(port).signIn(person, accounts);
        assertThat(browser.get("/account/security").body()).contains("id=\"recovery-form\"");

        WebSession.Page wrong = browser.post("/account/security/recovery-codes", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("data-key=\"account.error.bad-code\"");

        WebSession.Page codes = browser.post("/account/security/recovery-codes",
                Map.of("code", accounts.nextCode(person.totpSecret())));

        assertThat(codes.status()).isEqualTo(200);
        assertThat(recoveryCodes(codes.body())).hasSize(10);
        assertThat(credentials.unusedRecoveryCodes(person.id())).isEqualTo(10);
        assertThat(accounts.auditEntriesBy("iam.recovery-codes.regenerated", person.id())).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("iam.reauthentication.failed", person.id())).isEqualTo(1);
    }

    @Test
    void reEnrolmentNeedsThePasswordAndACodeAndThenTheNewAppACC7() {
        TestAccounts.Created person = accounts.staffWithTotp();
        WebSession browser = new WebSession(port).signIn(person, accounts);
        browser.get("/account/security");

        WebSession.Page refused = browser.post("/account/security/totp",
                Map.of("currentPassword", person.password(), "code", "123456"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-key=\"account.error.bad-code\"");

        WebSession.Page enrol = browser.post("/account/security/totp",
                Map.of("currentPassword", person.password(), "code", accounts.nextCode(person.totpSecret())));
        assertThat(enrol.status()).isEqualTo(200);
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(enrol.body());
        assertThat(secret.find()).isTrue();
        String newSecret = secret.group(1);
        assertThat(newSecret).isNotEqualTo(person.totpSecret());

        WebSession.Page done = browser.post("/account/security/totp/confirm",
                Map.of("code", Totp.codeAt(newSecret, Totp.stepAt(context.getBean(java.time.Clock.class).instant()))));

        assertThat(done.status()).isEqualTo(200);
        assertThat(recoveryCodes(done.body())).hasSize(10);
        assertThat(accounts.auditEntriesBy("iam.totp.enrolment-started", person.id())).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("iam.totp.enrolled", person.id())).isEqualTo(1);
        WebSession again = new WebSession(port).signIn(person.withTotpSecret(newSecret), accounts);
        assertThat(again.get("/account/security").body()).contains("id=\"recovery-form\"");
    }

    private static WebSession.Page changePassword(WebSession browser, String current, String next, String confirmation) {
        return browser.post("/account/security/password", Map.of("currentPassword", current, "newPassword", next,
                "confirmation", confirmation));
    }

    private boolean passwordIs(TestAccounts.Created person, String password) {
        return encoder.matches(password, credentials.find(person.id()).orElseThrow().passwordHash());
    }

    private String lastDetails(String action, long actorId) {
        return jdbc.sql("""
                SELECT details::text FROM aud_entry WHERE action = :action AND actor_id = :actor ORDER BY id DESC LIMIT 1
                """).param("action", action).param("actor", actorId).query(String.class).single();
    }

    private static List<String> recoveryCodes(String html) {
        return Pattern.compile("<li class=\"col\">([a-z2-7]{5}-[a-z2-7]{5})</li>").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }
}
