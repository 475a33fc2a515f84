package org.baomi.monitor.internal.detect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.baomi.monitor.Detector;

/**
 * The outcome of a scoring pass: the alerts, and counts for the run's audit record (AUD-2).
 *
 * @param events      events looked at
 * @param unresolved  events of a person the context does not know (not scored)
 * @param explained   events cleared by an explanation
 */
public record DetectionResult(List<DetectionAlert> alerts, long events, long unresolved, long explained) {

    public DetectionResult {
        alerts = List.copyOf(alerts);
    }

    /** Alerts per detector, every detector present. */
    public Map<Detector, Integer> perDetector() {
        Map<Detector, Integer> counts = new EnumMap<>(Detector.class);
        for (Detector d : Detector.values()) {
            counts.put(d, 0);
        }
        for (DetectionAlert a : alerts) {
            counts.merge(a.detector(), 1, Integer::sum);
        }
        return counts;
    }
}
