package org.baomi.monitor.internal.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baomi.monitor.Detector;

/**
 * What one detector found about one person (and patient) on one day (issue 7 item 3): the score, the evidence in
 * plain language and the access events behind it. {@link #alertKey()} identifies it across re-scorings.
 *
 * @param patientId null for the person-level detectors (inactive account, volume spike)
 */
public record DetectionAlert(Detector detector, long personId, Long patientId, LocalDate day, double score,
        List<EvidenceLine> evidence, long[] eventIds, Instant firstAt, Instant lastAt) {

    public DetectionAlert {
        evidence = List.copyOf(evidence);
    }

    /** detector:person:patient-or-dash:day, the upsert key of {@code mon_alert}. */
    public String alertKey() {
        return key(detector, personId, patientId, day);
    }

    public static String key(Detector detector, long personId, Long patientId, LocalDate day) {
        return detector.name() + ':' + personId + ':' + (patientId == null ? "-" : patientId.toString()) + ':' + day;
    }
}
