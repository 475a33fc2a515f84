package org.baomi.iam;

import java.time.Instant;

/**
 * Which reviewed break-the-glass sessions to list (ACC-4): reviewed within [from, to), by or about one person, with
 * one verdict. Every part is optional (null: any).
 *
 * @param reviewedFrom first instant of the period, inclusive
 * @param reviewedTo   end of the period, exclusive
 * @param personId     the person who broke the glass or who reviewed it
 * @param verdict      the review's verdict
 */
public record BreakGlassHistoryFilter(Instant reviewedFrom, Instant reviewedTo, Long personId,
        BreakGlassVerdict verdict) {

    /** Everything reviewed. */
    public static BreakGlassHistoryFilter all() {
        return new BreakGlassHistoryFilter(null, null, null, null);
    }
}
