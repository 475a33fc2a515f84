package org.baomi.monitor;

/**
 * A detector's threshold as saved (issue 7 item 4): whether it runs, its base score, the least score an alert needs,
 * and the version (pass it back when saving: optimistic locking).
 */
public record DetectionThreshold(Detector detector, boolean enabled, double baseScore, double minScore, int version) {
}
