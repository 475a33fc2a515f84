package org.baomi.audit;

import java.util.List;

/**
 * One page of the console's list, newest first, with keyset links instead of page numbers.
 *
 * @param rows    the entries of this page
 * @param matched how many entries match the filter, counted only up to a cap
 * @param older   where the next (older) page starts, or null on the last page
 * @param newer   where the previous (newer) page starts, or null on the first page
 */
public record AuditSlice(List<AuditListRow> rows, AuditCount matched, AuditCursor older, AuditCursor newer) {

    public AuditSlice {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether this is the newest page (no newer entries match). */
    public boolean isFirst() {
        return newer == null;
    }
}
