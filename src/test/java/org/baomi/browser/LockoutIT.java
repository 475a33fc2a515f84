package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;

/** ACC-7: five wrong passwords lock the account for 15 minutes, even against the right password. */
@BaomiSpringTest
class LockoutIT extends BrowserTest {

    @Test
    void fiveWrongPasswordsLockTheAccountUntilFifteenMinutesHavePassed() {
        Person person = staffMember();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(person.staffNo(), "Wrong#Guess-" + attempt);
            assertThat(page.locator("#login-error")).hasText(zh("iam.login.error.bad-credentials"));
        }
        signIn(person.staffNo(), "Wrong#Guess-5");
        assertThat(page.locator("#login-error")).hasText(zh("iam.login.error.locked"));
        screenshot("locked");
        signIn(person.staffNo(), "Wrong#Guess-6");
        assertThat(page.locator("#login-error")).hasText(zh("iam.login.error.locked"));

        signIn(person.staffNo(), person.password());
        assertThat(page.locator("#login-error")).hasText(zh("iam.login.error.locked"));
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error=locked$"));

        clock.advance(Duration.ofMinutes(16));
        signIn(person.staffNo(), person.password());
        assertThat(page).hasURL(Pattern.compile(".*:\\d+/$"));
        assertThat(page.locator("#current-user")).containsText(person.staffNo());
    }
}
