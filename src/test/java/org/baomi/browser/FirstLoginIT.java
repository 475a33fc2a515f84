package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;

/** ACC-7: a newcomer must choose their own password, and a common one is refused, before seeing anything. */
@BaomiSpringTest
class FirstLoginIT extends BrowserTest {

    @Test
    void aNewcomerMustChangeThePasswordFirstAndACommonPasswordIsRefused() {
        Person newcomer = newcomer();

        page.navigate("/login");
        assertThat(page.locator("#login-submit")).hasText(zh("login.submit"));
        screenshot("login");
        signIn(newcomer.staffNo(), newcomer.password());

        assertThat(page).hasURL(Pattern.compile(".*/login/password$"));
        assertThat(page.locator("h1")).hasText(zh("login.password.title"));
        screenshot("change-password");

        page.locator("#newPassword").fill("Password123");
        page.locator("#confirmation").fill("Password123");
        page.locator("#password-submit").click();
        assertThat(page.locator("#password-errors")).containsText(zh("iam.password.common"));
        assertThat(page).hasURL(Pattern.compile(".*/login/password$"));

        page.locator("#newPassword").fill("Qz7!harbour-Lantern");
        page.locator("#confirmation").fill("Qz7!harbour-Lantern");
        page.locator("#password-submit").click();

        assertThat(page).hasURL(Pattern.compile(".*:\\d+/$"));
        assertThat(page.locator("main h2")).hasText(zh("home.duties"));
        assertThat(page.locator("#current-user")).containsText(newcomer.staffNo());
        screenshot("home");
    }
}
