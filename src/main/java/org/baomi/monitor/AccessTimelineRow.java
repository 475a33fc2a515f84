package org.baomi.monitor;

import java.time.Instant;
import java.util.List;

/**
 * One access event on a timeline, with the alerts that rest on it (ids and detectors), so that the screen can mark
 * it.
 */
public record AccessTimelineRow(long eventId, Instant occurredAt, String sourceSystem, String userRef, Long personId,
        String patientRef, Long patientId, String action, String workstation, List<Long> alertIds,
        List<Detector> detectors) {

    public AccessTimelineRow {
        alertIds = List.copyOf(alertIds);
        detectors = List.copyOf(detectors);
    }

    public boolean alerted() {
        return !alertIds.isEmpty();
    }
}
