package org.baomi.monitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The detector thresholds screen (issue 7 item 4; PAT-4, ACC-1): the office sees it, a bad number comes back as a
 * translated form message with nothing saved, a preview shows before/after, and other staff are refused.
 */
@BaomiSpringTest
class DetectorControllerTest {

    private static final String PATH = "/privacy/monitoring/detectors";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MessageSource messages;

    private WebSession office() {
        return new WebSession(port).signIn(accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office").withTotp()), accounts);
    }

    @Test
    void theOfficeSeesEveryDetectorsThreshold() {
        WebSession.Page page = office().get(PATH);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"thresholds-table\"").contains("id=\"threshold-FAMILY\"")
                .contains("id=\"threshold-DECEASED\"");
    }

    @Test
    void aBadNumberIsShownAsATranslatedFormMessageInEitherLanguagePat4() {
        WebSession session = office();
        WebSession.Page page = session.post(PATH + "/FAMILY", Map.of("enabled", "true", "baseScore", "lots",
                "minScore", "0", "version", "0", "action", "save"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"threshold-error\"").contains(messages.getMessage(
                "monitor.threshold.error.base-score", null, java.util.Locale.SIMPLIFIED_CHINESE)).contains("lots");
        session.get(PATH + "?lang=en");
        WebSession.Page english = session.post(PATH + "/FAMILY", Map.of("enabled", "true", "baseScore", "80",
                "minScore", "-3", "version", "0", "action", "preview"));
        assertThat(english.body()).contains("The least score must be a number from 0 to 5000");
    }

    @Test
    void aPreviewShowsAlertsBeforeAndAfterWithoutSaving() {
        WebSession.Page page = office().post(PATH + "/AFTER_HOURS", Map.of("baseScore", "45", "minScore", "0",
                "version", "0", "action", "preview"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"threshold-preview\"").contains("id=\"preview-AFTER_HOURS\"");
    }

    @Test
    void staffWithoutThePermissionAreRefusedAcc1() {
        WebSession page = new WebSession(port).signIn(accounts.staff(), accounts);
        assertThat(page.get(PATH).status()).isEqualTo(403);
    }
}
