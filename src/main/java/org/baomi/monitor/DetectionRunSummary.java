package org.baomi.monitor;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of a scoring run.
 *
 * @param runId       id of the run, 0 when nothing was scored
 * @param full        a full re-scoring (else incremental)
 * @param windowFrom  earliest access time read, null when nothing was scored
 * @param windowTo    latest access time read, null when nothing was scored
 * @param events      events scored
 * @param explained   of those, cleared by an explanation
 * @param unresolved  events in the window whose person is unknown (not scored)
 * @param alerts      alerts produced per detector (the scored days only)
 * @param withdrawn   OPEN alerts withdrawn because no longer produced
 */
public record DetectionRunSummary(long runId, boolean full, Instant windowFrom, Instant windowTo, long events,
        long explained, long unresolved, Map<Detector, Integer> alerts, int withdrawn) {

    public DetectionRunSummary {
        alerts = Map.copyOf(alerts);
    }

    /** All alerts produced. */
    public int alertCount() {
        return alerts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
