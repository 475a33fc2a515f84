package org.baomi.monitor.internal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.baomi.monitor.DetectionPreview;
import org.baomi.monitor.DetectionThreshold;
import org.baomi.monitor.DetectionThresholdChange;
import org.baomi.monitor.DetectionThresholds;
import org.baomi.monitor.Detector;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thresholds per detector (issue 7 item 4; PAT-4, ACC-1): bad numbers are refused with translated messages, a save
 * is versioned and audited, a stale save is refused, the preview shows the effect on the last 30 days, and only the
 * confidentiality office may tune.
 */
@BaomiSpringTest
class DetectionThresholdsTest {

    @Autowired
    DetectionThresholds thresholds;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    @BeforeEach
    void signInTheOffice() {
        SignedIn.as(accounts.authenticationOf(accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"))));
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    @Test
    void badNumbersAreRefusedWithMessagesInBothLanguagesPat4() {
        DetectionThreshold family = threshold(Detector.FAMILY);
        for (String[] bad : new String[][] {{"abc", "0", "monitor.threshold.error.base-score"},
            {"0", "0", "monitor.threshold.error.base-score"}, {"80", "-1", "monitor.threshold.error.min-score"},
            {"80", "1.234", "monitor.threshold.error.min-score"}, {"80", " ", "monitor.threshold.error.min-score"}}) {
            DetectionThresholdChange change = new DetectionThresholdChange(Detector.FAMILY, true, bad[0], bad[1],
                    family.version());
            assertThatThrownBy(() -> thresholds.save(change)).isInstanceOfSatisfying(BaomiException.class, e -> {
                assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID);
                assertThat(e.messageKey()).isEqualTo(bad[2]);
                assertThat(messages.getMessage(e.messageKey(), null, Locale.SIMPLIFIED_CHINESE))
                        .isNotEqualTo(messages.getMessage(e.messageKey(), null, Locale.ENGLISH)).isNotBlank();
            });
            assertThatThrownBy(() -> thresholds.preview(change)).isInstanceOf(BaomiException.class);
        }
        assertThat(threshold(Detector.FAMILY)).isEqualTo(family);
    }

    @Test
    void aSaveIsVersionedKeptInTheHistoryAuditedAndAStaleOneIsRefusedPat4() {
        DetectionThreshold before = threshold(Detector.COWORKER);
        long audited = audited();
        DetectionThreshold saved = thresholds.save(new DetectionThresholdChange(Detector.COWORKER, true, "61.5", "10",
                before.version()));
        try {
            assertThat(saved.version()).isEqualTo(before.version() + 1);
            assertThat(threshold(Detector.COWORKER)).isEqualTo(saved);
            assertThat(saved.baseScore()).isEqualTo(61.5);
            assertThat(jdbc.sql("SELECT count(*) FROM mon_detector_threshold_history WHERE detector = 'COWORKER' "
                    + "AND version = :v").param("v", saved.version()).query(Long.class).single()).isEqualTo(1);
            assertThat(audited()).isEqualTo(audited + 1);
            assertThatThrownBy(() -> thresholds.save(new DetectionThresholdChange(Detector.COWORKER, false, "60",
                    "0", before.version()))).isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("monitor.threshold.error.stale"));
        } finally {
            thresholds.save(new DetectionThresholdChange(Detector.COWORKER, before.enabled(),
                    Double.toString(before.baseScore()), Double.toString(before.minScore()), saved.version()));
        }
    }

    @Test
    void thePreviewShowsTheEffectOnTheLast30DaysWithoutSavingPat4() {
        long person = accounts.staff().id();
        Long vip = jdbc.sql("SELECT id FROM pat_patient WHERE vip ORDER BY id LIMIT 1").query(Long.class).single();
        Timestamp at = Timestamp.from(clock.instant().minus(Duration.ofHours(2)));
        jdbc.sql("INSERT INTO mon_access_event (source_system, event_key, occurred_at, user_ref, person_id, "
                + "patient_ref, patient_id, action, received_at) VALUES ('TEST', :key, :at, 'u', :person, 'p', "
                + ":patient, 'READ', :at)").param("key", UUID.randomUUID().toString()).param("at", at)
                .param("person", person).param("patient", vip).update();
        DetectionThreshold current = threshold(Detector.VIP_SENSITIVE);

        DetectionPreview preview = thresholds.preview(new DetectionThresholdChange(Detector.VIP_SENSITIVE, false,
                "70", "0", current.version()));

        assertThat(preview.events()).isPositive();
        assertThat(preview.before().get(Detector.VIP_SENSITIVE)).isPositive();
        assertThat(preview.after().get(Detector.VIP_SENSITIVE)).isZero();
        assertThat(preview.after().get(Detector.NO_EXPLANATION))
                .isGreaterThan(preview.before().get(Detector.NO_EXPLANATION));
        assertThat(threshold(Detector.VIP_SENSITIVE)).as("nothing saved").isEqualTo(current);
    }

    @Test
    void staffWithoutThePermissionMayNotTuneAcc1() {
        SignedIn.as(accounts.authenticationOf(accounts.staff()));
        assertThatThrownBy(() -> thresholds.current()).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }

    private DetectionThreshold threshold(Detector detector) {
        return thresholds.current().stream().filter(t -> t.detector() == detector).findFirst().orElseThrow();
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'monitor.detector.tuned'").query(Long.class)
                .single();
    }
}
