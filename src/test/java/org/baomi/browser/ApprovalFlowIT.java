package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4's flow as people walk it (ACC-4, ACC-6): a cardiology doctor opens a patient outside her care and is
 * refused, requests access from the denial page, the head of cardiology and then the confidentiality office approve
 * in their inboxes, the doctor opens the patient, and once the grant has expired she is refused again.
 */
@BaomiSpringTest
class ApprovalFlowIT extends BrowserTest {

    private static final String DEMO_PASSWORD = "Baomi#Demo2026";
    private static final String STAFF_TOTP = "HOSPITALDEMOTOTPSECRETBAOMI56723";
    private static final String PATIENT = "/access/objects/patient/DEMO-PAT-004";

    @Autowired
    AccessChangeFeed feed;
    @Autowired
    org.baomi.iam.AccessGrants grants;

    @Test
    @DisplayName("ACC-4: refused, requested, approved by the head and the office, used, and refused after expiry")
    void requestApproveUseAndExpire() {
        page.onDialog(dialog -> dialog.accept());
        signIn("H0079", DEMO_PASSWORD);
        page.navigate(PATIENT);
        assertThat(page.locator("#denial")).isVisible();
        page.locator("#request-access").click();
        assertThat(page.locator("#request-form")).isVisible();
        assertThat(page.locator("#subjectId")).hasValue("DEMO-PAT-004");
        page.locator("#reason").fill("\u4f1a\u8bca\u9700\u8981\u67e5\u770b\u8be5\u60a3\u8005\u75c5\u5386");
        page.locator("#durationDays").fill("2");
        screenshot("approval-request");
        page.locator("#request-submit").click();
        assertThat(page.locator("#notice")).isVisible();
        Matcher m = Pattern.compile(".*/approvals/(\\d+)$").matcher(page.url());
        org.assertj.core.api.Assertions.assertThat(m.matches()).as(page.url()).isTrue();
        String id = m.group(1);
        page.locator("#logout-button").click();

        approveAs("H0075", id);
        approveAs("H0010", id);

        signIn("H0079", DEMO_PASSWORD);
        page.navigate("/approvals?box=MINE");
        assertThat(page.locator("#approval-" + id)).containsText(zh("approval.status.APPROVED"));
        feed.poll();
        page.navigate(PATIENT);
        assertThat(page.locator("#protected-object")).isVisible();
        assertThat(page.locator("#object-id")).hasText("DEMO-PAT-004");

        clock.advance(Duration.ofDays(2).plusMinutes(5));
        page.navigate(PATIENT);
        if (page.url().contains("/login")) {
            // Two days later the session has timed out too: she signs in again.
            signIn("H0079", DEMO_PASSWORD);
            page.navigate(PATIENT);
        }
        assertThat(page.locator("#denial")).isVisible();
        screenshot("approval-expired");
        // The shared clock goes back to the real time after the test, when the grant would work again: revoke it.
        long grantId = jdbc.sql("SELECT grant_id FROM apr_request WHERE id = :id").param("id", Long.parseLong(id))
                .query(Long.class).single();
        grants.revoke(grantId, "browser test finished");
    }

    private void approveAs(String staffNo, String id) {
        signIn(staffNo, DEMO_PASSWORD);
        page.locator("#code").fill(accounts.nextCode(STAFF_TOTP));
        page.locator("#totp-submit").click();
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate("/approvals");
        assertThat(page.locator("#approval-" + id)).isVisible();
        screenshot("approval-inbox-" + staffNo);
        page.locator("#open-" + id).click();
        assertThat(page.locator("#decide-form")).isVisible();
        page.locator("#comment").fill("\u540c\u610f");
        page.locator("#approve").click();
        assertThat(page.locator("#notice")).hasText(zh("approval.notice.approved", Long.parseLong(id)));
        page.locator("#logout-button").click();
    }
}
