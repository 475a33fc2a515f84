package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.baomi.iam.internal.login.Totp;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;

/** ACC-7: clearance 秘密 and above needs a second factor; a one-time code works once. */
@BaomiSpringTest
class TwoFactorIT extends BrowserTest {

    @Test
    void aSecretHolderIsSentToEnrolmentReadsTheSecretConfirmsWithACodeAndSeesRecoveryCodes() {
        Person holder = secretHolder();

        signIn(holder.staffNo(), holder.password());
        assertThat(page).hasURL(Pattern.compile(".*/login/enrol$"));
        assertThat(page.locator("h1")).hasText(zh("login.enrol.title"));
        assertThat(page.locator("img.qr-code")).isVisible();
        screenshot("enrol");

        String secret = page.locator("#totp-secret").textContent().strip();
        page.locator("#code").fill(Totp.codeAt(secret, Totp.stepAt(clock.instant())));
        page.locator("#enrol-submit").click();

        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        assertThat(page.locator("h1")).hasText(zh("login.recovery.title"));
        screenshot("recovery-codes");

        page.locator("#recovery-continue").click();
        assertThat(page).hasURL(Pattern.compile(".*:\\d+/$"));
        assertThat(page.locator("main h2")).hasText(zh("home.duties"));
        assertThat(page.locator("#my-clearance")).hasText(zh("secret-level.SECRET"));
    }

    @Test
    void anEnrolledPersonEntersTheCodeAndLandsHomeButTheSameCodeIsRefusedTheSecondTime() {
        Person holder = enrolledSecretHolder();
        String code = Totp.codeAt(holder.totpSecret(), Totp.stepAt(clock.instant()));

        signIn(holder.staffNo(), holder.password());
        assertThat(page).hasURL(Pattern.compile(".*/login/totp$"));
        assertThat(page.locator("h1")).hasText(zh("login.totp.title"));
        screenshot("totp");
        page.locator("#code").fill(code);
        page.locator("#totp-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*:\\d+/$"));
        assertThat(page.locator("#current-user")).containsText(holder.staffNo());

        page.locator("#logout-button").click();
        assertThat(page.locator("#login-info")).hasText(zh("iam.login.logged-out"));

        signIn(holder.staffNo(), holder.password());
        assertThat(page).hasURL(Pattern.compile(".*/login/totp$"));
        page.locator("#code").fill(code);
        page.locator("#totp-submit").click();
        assertThat(page.locator("#totp-error")).hasText(zh("iam.login.error.bad-code"));
        assertThat(page).hasURL(Pattern.compile(".*/login/totp$"));
    }
}
