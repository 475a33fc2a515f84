package org.baomi.audit;

import java.util.List;

/**
 * The records of an export, newest first, at most {@link AuditReview#EXPORT_LIMIT}.
 *
 * @param truncated true when more records matched than were exported
 */
public record AuditExport(List<AuditRecord> records, long matched, boolean truncated) {

    public AuditExport {
        records = List.copyOf(records);
    }
}
