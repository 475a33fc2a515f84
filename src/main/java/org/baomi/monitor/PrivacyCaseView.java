package org.baomi.monitor;

import java.time.LocalDate;
import java.util.List;

/** A case with everything the case page shows: its alerts with their evidence and its full record, oldest first. */
public record PrivacyCaseView(PrivacyCaseSummary summary, String openedBecause, LocalDate interviewedOn,
        PrivacyCaseSanction sanction, String sanctionText, java.time.Instant closedAt, List<AlertQueryRow> alerts,
        List<PrivacyCaseRecordEntry> record) {

    public PrivacyCaseView {
        alerts = List.copyOf(alerts);
        record = List.copyOf(record);
    }
}
