package org.baomi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.privacy.PatientPages;
import org.baomi.privacy.PatientPurpose;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Patient self-service on a phone (issue 6 items 4 and 5, ACC-5): the desk clerk issues a one-time code, the patient
 * signs in on a 390×844 screen, sees the fee lists and an encounter's lines, prints, and sees who accessed the record
 * (one care-team view made before), in Chinese and in English, without horizontal scrolling. Screenshots go to
 * {@code docs/screenshots/self-service-*.png} for the README.
 */
@BaomiSpringTest
class SelfServiceIT extends BrowserTest {

    private static final Path DOCS = Path.of("docs", "screenshots");

    @Autowired
    PatientPages pages;

    private record Patient(long id, String mrn, String name, String idNumber, long nurse) {
    }

    private Patient patient() {
        return jdbc.sql("""
                SELECT p.id, p.mrn, p.name, p.id_number, m.person_id FROM pat_patient p
                JOIN pat_encounter e ON e.patient_id = p.id JOIN pat_care_member m ON m.encounter_id = e.id
                WHERE p.source_system = 'DEMO-HIS' AND NOT p.deceased AND NOT p.vip AND p.staff_account_id IS NULL
                  AND NOT p.public_figure AND NOT p.psychiatric AND e.ended_at IS NULL AND m.valid_until IS NULL
                  AND m.role = 'nurse'
                  AND (SELECT count(*) FROM pat_patient q WHERE q.id_number = p.id_number) = 1
                  AND NOT EXISTS (SELECT 1 FROM aud_entry a WHERE a.patient_id = p.id::text)
                  AND (SELECT count(*) FROM pat_charge c WHERE c.patient_id = p.id) >= 3
                ORDER BY p.id DESC LIMIT 1
                """).query((rs, n) -> new Patient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).single();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("self-service-" + name + ".png"))
                .setFullPage(true));
    }

    /** Issue 6 item 5: nothing wider than the phone's screen. */
    private void fitsThePhone() {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width on " + page.url()).isLessThanOrEqualTo(390);
    }

    /** Large touch targets: every button and form field at least 44 px high. */
    private void largeTargets(Locator targets) {
        for (int i = 0; i < targets.count(); i++) {
            assertThat(targets.nth(i).boundingBox().height).as("height of target " + i + " on " + page.url())
                    .isGreaterThanOrEqualTo(44);
        }
    }

    @Test
    void aPatientSignsInOnAPhoneWithADeskCodeSeesFeesAndWhoLookedAndPrints() {
        Patient p = patient();
        // a care-team nurse opens the record first: this is what the patient will see listed
        String nurseNo = jdbc.sql("SELECT staff_no FROM iam_account WHERE id = :id").param("id", p.nurse())
                .query(String.class).single();
        StaffAuthentication nurse = accounts.authenticationOf(new TestAccounts.Created(p.nurse(), nurseNo, nurseNo,
                TestAccounts.PASSWORD, null));
        SignedIn.as(nurse, () -> pages.view(p.id(), PatientPurpose.TREATMENT, null));

        // the desk (registration / cashier clerk, demo role billing)
        TestAccounts.Created clerk = accounts.create(TestAccounts.person().roles("staff", "billing"));
        signIn(clerk.staffNo(), clerk.password());
        page.navigate("/privacy/self-service-desk?q=" + p.mrn());
        assertThat(page.locator("#desk-patient-" + p.id())).isVisible();
        page.locator("#issue-" + p.id()).click();
        Locator issued = page.locator("#issued-code");
        assertThat(issued).hasText(Pattern.compile("\\d{6}"));
        String code = issued.textContent().strip();
        screenshotDesk();

        // the patient's phone: a fresh browser state, phone-sized
        context.clearCookies();
        page.setViewportSize(390, 844);
        page.navigate("/self-service");
        assertThat(page).hasURL(Pattern.compile(".*/self-service/sign-in$"));
        assertThat(page.locator("h1")).hasText(zh("privacy-self.sign-in.title"));
        fitsThePhone();
        largeTargets(page.locator("main input:not([type=hidden]), main button"));
        page.locator("#name").fill(p.name());
        page.locator("#idNumber").fill(p.idNumber());
        page.locator("#code").fill(code);
        shot("sign-in");
        page.locator("#sign-in-submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/self-service/fees$"));
        assertThat(page.locator("#mrn")).hasText(p.mrn());
        fitsThePhone();
        largeTargets(page.locator(".ss-tabs .btn"));
        shot("fees");

        page.locator("#encounters a").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/self-service/fees/\\d+$"));
        assertThat(page.locator("#charges .charge").first()).isVisible();
        fitsThePhone();
        shot("encounter");
        String encounterPath = page.url().replaceAll("^https?://[^/]+", "");

        APIResponse pdf = page.request().get(encounterPath + "/print");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String trace = pdf.headers().get("x-trace-code");
        assertThat(trace).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        printed(pdf.body(), p, trace);

        page.locator("#tab-disclosures").click();
        assertThat(page).hasURL(Pattern.compile(".*/self-service/disclosures$"));
        assertThat(page.locator("#disclosures .disclosure")).hasCount(1);
        assertThat(page.locator("#disclosures")).containsText(zh("privacy-self.disclosure.action.VIEWED"));
        assertThat(page.locator("#disclosures")).containsText(zh("privacy-self.role.nurse"));
        fitsThePhone();
        shot("disclosures");

        page.locator("#lang-en").click();
        assertThat(page.locator("h1")).hasText(en("privacy-self.disclosures.title"));
        assertThat(page.locator("#disclosures")).containsText(en("privacy-self.role.nurse"));
        fitsThePhone();
        shot("disclosures-en");

        page.locator("#sign-out").click();
        assertThat(page).hasURL(Pattern.compile(".*/self-service/sign-in\\?out$"));
        page.navigate("/self-service/fees");
        assertThat(page).hasURL(Pattern.compile(".*/self-service/sign-in\\?expired$"));
    }

    /** The printed fee list names the patient and carries the trace code; its first page is kept for the README. */
    private void printed(byte[] pdf, Patient p, String trace) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(p.mrn()).contains(trace);
            BufferedImage first = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            ImageIO.write(first, "png", DOCS.resolve("self-service-print.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshotDesk() {
        page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("self-service-desk.png")));
    }
}
