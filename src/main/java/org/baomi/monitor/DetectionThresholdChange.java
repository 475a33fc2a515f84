package org.baomi.monitor;

/**
 * A proposed threshold as typed in the form (numbers as text, validated by {@link DetectionThresholds}).
 *
 * @param baseScore 1 to 1000
 * @param minScore  0 to 5000
 * @param version   the version the change was made against
 */
public record DetectionThresholdChange(Detector detector, boolean enabled, String baseScore, String minScore,
        int version) {
}
