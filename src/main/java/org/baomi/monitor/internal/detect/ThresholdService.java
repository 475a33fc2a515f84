package org.baomi.monitor.internal.detect;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffPrincipal;
import org.baomi.monitor.DetectionPreview;
import org.baomi.monitor.DetectionThreshold;
import org.baomi.monitor.DetectionThresholdChange;
import org.baomi.monitor.DetectionThresholds;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link DetectionThresholds} over {@code mon_detector_threshold} and its history. */
@Service
class ThresholdService implements DetectionThresholds {

    static final String AUDIT_ACTION = "monitor.detector.tuned";
    private static final Duration PREVIEW = Duration.ofDays(30);

    private final PermissionGuard guard;
    private final DetectionSettingsSource settings;
    private final ContextLoader contexts;
    private final EventReader events;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    ThresholdService(PermissionGuard guard, DetectionSettingsSource settings, ContextLoader contexts,
            EventReader events, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.guard = guard;
        this.settings = settings;
        this.contexts = contexts;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DetectionThreshold> current() {
        guard.require(TUNE);
        return settings.thresholds();
    }

    @Override
    @Transactional(readOnly = true)
    public DetectionPreview preview(DetectionThresholdChange change) {
        guard.require(TUNE);
        DetectionThreshold proposed = validate(change);
        Instant to = clock.instant();
        Instant from = to.minus(PREVIEW);
        ContextLoader.Loaded loaded = contexts.load(from.minus(ScoringService.HISTORY));
        AccessEvents read = events.read(from, to);
        DetectionSettings saved = settings.current();
        DetectionSettings changed = saved.with(proposed.detector(), new DetectionSettings.Threshold(
                proposed.enabled(), proposed.baseScore(), proposed.minScore()));
        DetectionResult before = DetectionEngine.score(loaded.context(), read, saved);
        DetectionResult after = DetectionEngine.score(loaded.context(), read, changed);
        return new DetectionPreview(before.perDetector(), after.perDetector(), read.size());
    }

    @Override
    @Transactional
    public DetectionThreshold save(DetectionThresholdChange change) {
        StaffPrincipal who = guard.require(TUNE);
        DetectionThreshold proposed = validate(change);
        DetectionThreshold old = settings.thresholds().stream().filter(t -> t.detector() == change.detector())
                .findFirst().orElseThrow(() -> BaomiException.notFound("monitor.threshold.error.unknown"));
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE mon_detector_threshold SET enabled = :enabled, base_score = :base, "
                + "min_score = :min, version = version + 1, updated_at = :now, updated_by = :by "
                + "WHERE detector = :detector AND version = :version")
                .param("enabled", proposed.enabled()).param("base", BigDecimal.valueOf(proposed.baseScore()))
                .param("min", BigDecimal.valueOf(proposed.minScore())).param("now", Timestamp.from(now))
                .param("by", who.accountId()).param("detector", change.detector().name())
                .param("version", change.version()).update();
        if (updated == 0) {
            throw BaomiException.conflict("monitor.threshold.error.stale");
        }
        int version = change.version() + 1;
        jdbc.sql("INSERT INTO mon_detector_threshold_history (detector, version, enabled, base_score, min_score, "
                + "changed_at, changed_by) VALUES (:detector, :version, :enabled, :base, :min, :now, :by)")
                .param("detector", change.detector().name()).param("version", version)
                .param("enabled", proposed.enabled()).param("base", BigDecimal.valueOf(proposed.baseScore()))
                .param("min", BigDecimal.valueOf(proposed.minScore())).param("now", Timestamp.from(now))
                .param("by", who.accountId()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detector", change.detector().name());
        details.put("version", version);
        details.put("before", Map.of("enabled", old.enabled(), "baseScore", old.baseScore(), "minScore",
                old.minScore()));
        details.put("after", Map.of("enabled", proposed.enabled(), "baseScore", proposed.baseScore(), "minScore",
                proposed.minScore()));
        audit.record(AuditEntry.allowed(AUDIT_ACTION, "monitor-detector", change.detector().name(), details));
        return new DetectionThreshold(change.detector(), proposed.enabled(), proposed.baseScore(),
                proposed.minScore(), version);
    }

    /** Numbers as typed: base score 1..1000, least score 0..5000, two decimals at most. */
    private static DetectionThreshold validate(DetectionThresholdChange change) {
        if (change == null || change.detector() == null) {
            throw BaomiException.invalid("monitor.threshold.error.unknown");
        }
        List<String> problems = new ArrayList<>();
        Double base = number(change.baseScore(), 1, 1000);
        Double min = number(change.minScore(), 0, 5000);
        if (base == null) {
            problems.add("monitor.threshold.error.base-score");
        }
        if (min == null) {
            problems.add("monitor.threshold.error.min-score");
        }
        if (!problems.isEmpty()) {
            throw BaomiException.invalid(problems.get(0));
        }
        return new DetectionThreshold(change.detector(), change.enabled(), base, min, change.version());
    }

    private static Double number(String text, double lo, double hi) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.strip());
            if (v.scale() > 2 || v.doubleValue() < lo || v.doubleValue() > hi) {
                return null;
            }
            return v.doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
