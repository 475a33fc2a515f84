package org.baomi.audit;

import java.util.List;

import org.baomi.shared.Paged;

/** One page of audit records, newest first, with what paging needs. */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) implements Paged {

    public AuditPage {
        records = List.copyOf(records);
    }

    public static AuditPage empty(int size) {
        return new AuditPage(List.of(), 0, 0, size);
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** One-based number of the first record on this page (0 when empty). */
    public long firstNumber() {
        return records.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastNumber() {
        return records.isEmpty() ? 0 : (long) page * size + records.size();
    }
}
