package org.baomi.monitor.internal.detect;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.baomi.monitor.Detector;

/**
 * The tunable part of the detection (issue 7 item 4): the explanation windows, the parameters of the pattern
 * detectors, and per detector whether it runs, its base score and the least score an alert needs.
 *
 * @param careWindow         how long after a care relationship ends it still explains access (ACC-4's care window)
 * @param encounterWindow    how long after an encounter ends its department may still read the record
 * @param afterHoursMaxShare an hour is unusual for a person when that hour and its two neighbours together held at
 *                           most this share of the person's accesses
 * @param afterHoursMinHistory the person needs this many accesses before their pattern is trusted
 * @param volumeOwnFactor    a day's distinct patients must reach this multiple of the person's usual (median) day
 * @param volumePeerFactor   ... and this multiple of the usual day of their peers in the same post
 * @param volumeMinCount     ... and at least this many patients
 * @param volumeMinHistoryDays the person needs this many active days before their own history is trusted
 * @param thresholds         per detector
 */
public record DetectionSettings(Duration careWindow, Duration encounterWindow, double afterHoursMaxShare,
        int afterHoursMinHistory, double volumeOwnFactor, double volumePeerFactor, int volumeMinCount,
        int volumeMinHistoryDays, Map<Detector, Threshold> thresholds) {

    /**
     * @param enabled   whether the detector runs
     * @param baseScore score of one access found by it (more accesses and stronger findings add to it)
     * @param minScore  alerts scoring below are not raised
     */
    public record Threshold(boolean enabled, double baseScore, double minScore) {
    }

    public DetectionSettings {
        EnumMap<Detector, Threshold> all = new EnumMap<>(Detector.class);
        all.putAll(thresholds);
        for (Detector d : Detector.values()) {
            if (!all.containsKey(d)) {
                throw new IllegalArgumentException("no threshold for " + d);
            }
        }
        thresholds = Map.copyOf(all);
    }

    /** The defaults, chosen on the synthetic hospital (see docs/monitoring.md, "Detectors and scoring"). */
    public static DetectionSettings defaults() {
        Map<Detector, Threshold> t = new EnumMap<>(Detector.class);
        t.put(Detector.NO_EXPLANATION, new Threshold(true, 40, 0));
        t.put(Detector.FAMILY, new Threshold(true, 80, 0));
        t.put(Detector.COWORKER, new Threshold(true, 60, 0));
        t.put(Detector.VIP_SENSITIVE, new Threshold(true, 70, 0));
        t.put(Detector.SELF_LOOKUP, new Threshold(true, 50, 0));
        t.put(Detector.INACTIVE_ACCOUNT, new Threshold(true, 90, 0));
        t.put(Detector.AFTER_HOURS, new Threshold(true, 45, 0));
        t.put(Detector.VOLUME_SPIKE, new Threshold(true, 60, 0));
        t.put(Detector.DECEASED, new Threshold(true, 55, 0));
        return new DetectionSettings(Duration.ofDays(7), Duration.ofDays(3), 0.02, 60, 3.0, 2.5, 25, 7, t);
    }

    public Threshold threshold(Detector detector) {
        return thresholds.get(detector);
    }

    /** A copy with one detector's threshold replaced. */
    public DetectionSettings with(Detector detector, Threshold threshold) {
        Map<Detector, Threshold> t = new EnumMap<>(thresholds);
        t.put(detector, threshold);
        return new DetectionSettings(careWindow, encounterWindow, afterHoursMaxShare, afterHoursMinHistory,
                volumeOwnFactor, volumePeerFactor, volumeMinCount, volumeMinHistoryDays, t);
    }
}
