package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The classification guide (CLS-1..7) as people use it: a staff member searches the catalogue (htmx, no page
 * reload), the confidentiality office adds a category by keyboard, is told why "not a secret" cannot be 秘密
 * (CLS-5), and deactivates it after confirming. No screen breaks the Content-Security-Policy.
 */
@BaomiSpringTest
class ClassificationGuideIT extends BrowserTest {

    private List<String> watchCspViolations() {
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        return violations;
    }

    @Test
    @DisplayName("CLS-6: a staff member reads the guide and narrows the catalogue by typing, without a page reload")
    void staffSearchTheCatalogue() {
        List<String> violations = watchCspViolations();
        TestAccounts.Created staff = accounts.staff();
        signIn(staff.staffNo(), staff.password());
        page.navigate("/classification");
        assertThat(page.locator("h1").first()).hasText(zh("classification.guide.title"));
        assertThat(page.locator("#level-TOP_SECRET")).containsText(zh("secret-level.TOP_SECRET"));
        assertThat(page.locator("#category-PAT-DIAGNOSIS")).isVisible();
        screenshot("classification-guide");

        page.evaluate("window.__sameDocument = true");
        page.locator("#q").fill("MGMT-SAL");
        assertThat(page.locator("#category-PAT-DIAGNOSIS")).hasCount(0);
        assertThat(page.locator("#category-MGMT-SALARY")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/classification\\?.*q=MGMT-SAL.*"));
        org.assertj.core.api.Assertions.assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);

        page.locator("#q").fill("zz-nothing-zz");
        assertThat(page.locator("#no-categories")).isVisible();
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("CLS-5: the office adds a category by keyboard, is told why it cannot be 秘密, fixes it and deactivates it")
    void officeMaintainsTheCatalogue() {
        List<String> violations = watchCspViolations();
        TestAccounts.Created office = accounts.create(TestAccounts.person().roles("staff", "confidentiality-office"));
        signIn(office.staffNo(), office.password());
        page.navigate("/classification");
        page.locator("#new-category").click();
        assertThat(page.locator("#code")).isFocused();

        String code = "T-IT-" + System.nanoTime() % 1_000_000;
        page.keyboard().type(code);
        page.locator("#domainCode").selectOption("MGMT");
        page.locator("#nameZh").fill("\u4e00\u822c\u901a\u77e5\uff08\u6d4b\u8bd5\uff09");
        page.locator("#nameEn").fill("General notices (test)");
        page.locator("#defaultLevel").selectOption("SECRET");
        page.locator("#notSecret1").check();
        page.locator("#periodKind").selectOption("YEARS");
        page.locator("#periodYears").fill("5");
        page.locator("#reason").fill("browser test");
        page.locator("#reason").press("Tab");
        page.keyboard().press("Enter");

        assertThat(page.locator("#form-errors")).isVisible();
        assertThat(page.locator("#defaultLevel-error")).hasText(zh("classification.error.not-secret-above-internal"));
        screenshot("classification-category-form-error");

        page.locator("#defaultLevel").selectOption("INTERNAL");
        page.locator("#periodKind").selectOption("NONE");
        page.locator("#periodYears").fill("");
        page.locator("#category-submit").click();
        assertThat(page.locator("#notice")).containsText(code);
        assertThat(page.locator("#category-" + code)).containsText(zh("classification.category.not-secret"));
        assertThat(page.locator("#not-secret-list")).containsText("\u4e00\u822c\u901a\u77e5\uff08\u6d4b\u8bd5\uff09");

        page.locator("#edit-category-" + code).click();
        page.locator("#activation-reason").fill("duplicate of MGMT-GENERAL");
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#activation-submit").click();
        assertThat(page.locator("#notice")).containsText(code);
        assertThat(page.locator("#activation-submit")).containsText(zh("classification.category.reactivate"));

        page.navigate("/classification/history");
        assertThat(page.locator("#version-table")).containsText(code);
        screenshot("classification-history");
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }
}
