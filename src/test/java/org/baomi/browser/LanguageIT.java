package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;

/** Simplified Chinese by default; English on request, remembered across the login; and back again. */
@BaomiSpringTest
class LanguageIT extends BrowserTest {

    @Test
    void aPersonSwitchesTheLoginPageToEnglishKeepsItAfterSigningInAndSwitchesBackToChinese() {
        Person person = staffMember();

        page.navigate("/login");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("#login-submit")).hasText(zh("login.submit"));

        page.locator("#lang-en").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#login-submit")).hasText(en("login.submit"));
        assertThat(page.locator("label[for=username]")).hasText(en("login.username"));
        screenshot("login-en");

        signIn(person.staffNo(), person.password());
        assertThat(page).hasURL(Pattern.compile(".*:\\d+/$"));
        assertThat(page.locator("main h2")).hasText(en("home.duties"));
        assertThat(page.locator("#logout-button")).containsText(en("nav.logout"));

        page.locator("#lang-zh").click();
        assertThat(page.locator("main h2")).hasText(zh("home.duties"));
        page.navigate("/");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("#logout-button")).containsText(zh("nav.logout"));
    }
}
