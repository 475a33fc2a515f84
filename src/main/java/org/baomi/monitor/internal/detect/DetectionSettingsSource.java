package org.baomi.monitor.internal.detect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.baomi.monitor.DetectionThreshold;
import org.baomi.monitor.Detector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The settings the scoring runs with: the parameters of {@link DetectionSettings#defaults()} and the thresholds per
 * detector saved in {@code mon_detector_threshold} (issue 7 item 4).
 */
@Component
class DetectionSettingsSource {

    private final JdbcClient jdbc;

    DetectionSettingsSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DetectionSettings current() {
        return apply(DetectionSettings.defaults(), thresholds());
    }

    List<DetectionThreshold> thresholds() {
        return jdbc.sql("SELECT detector, enabled, base_score, min_score, version FROM mon_detector_threshold")
                .query((rs, n) -> new DetectionThreshold(Detector.valueOf(rs.getString("detector")),
                        rs.getBoolean("enabled"), rs.getDouble("base_score"), rs.getDouble("min_score"),
                        rs.getInt("version"))).list()
                .stream().sorted((a, b) -> a.detector().compareTo(b.detector())).toList();
    }

    static DetectionSettings apply(DetectionSettings settings, List<DetectionThreshold> thresholds) {
        Map<Detector, DetectionThreshold> byDetector = new EnumMap<>(Detector.class);
        thresholds.forEach(t -> byDetector.put(t.detector(), t));
        DetectionSettings s = settings;
        for (DetectionThreshold t : byDetector.values()) {
            s = s.with(t.detector(), new DetectionSettings.Threshold(t.enabled(), t.baseScore(), t.minScore()));
        }
        return s;
    }
}
