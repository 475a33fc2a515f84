package org.baomi.audit;

import java.util.List;

/** One page of audit records, newest first, with what paging needs. */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) {

    public AuditPage {
        records = List.copyOf(records);
    }

    public static AuditPage empty(int size) {
        return new AuditPage(List.of(), 0, 0, size);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
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
