package org.baomi.monitor;

import java.util.List;

/**
 * Thresholds per detector (issue 7 item 4; PAT-4): read, previewed on the last 30 days, saved. Permission
 * {@code monitor:detector:tune} for each method; a refusal is audited ({@code access.denied}).
 */
public interface DetectionThresholds {

    /** The permission of every method. */
    String TUNE = "monitor:detector:tune";

    /** The saved thresholds, in the order of {@link Detector}. */
    List<DetectionThreshold> current();

    /**
     * Scores the last 30 days of access events with the saved thresholds and with the change; nothing is saved and
     * no alert is written. Not audited itself (it shows counts only); the save is.
     *
     * @throws org.baomi.shared.BaomiException INVALID ({@code monitor.threshold.error.*}) for bad numbers
     */
    DetectionPreview preview(DetectionThresholdChange change);

    /**
     * Saves the change as a new version (kept in the history); the next scoring run uses it. Audit:
     * {@code monitor.detector.tuned} with the values before and after.
     *
     * @throws org.baomi.shared.BaomiException INVALID ({@code monitor.threshold.error.*}) for bad numbers, CONFLICT
     *         ({@code monitor.threshold.error.stale}) when the threshold changed meanwhile
     */
    DetectionThreshold save(DetectionThresholdChange change);
}
