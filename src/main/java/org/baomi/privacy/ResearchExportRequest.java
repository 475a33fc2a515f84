package org.baomi.privacy;

import java.time.Instant;
import java.time.LocalDate;

/** A requested research export as listed to its requester (no patient data). */
public record ResearchExportRequest(long id, String departmentCode, LocalDate from, LocalDate to, String icd10Prefix,
        Instant createdAt, int downloads) {
}
