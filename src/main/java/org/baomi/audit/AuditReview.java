package org.baomi.audit;

/**
 * The audit administrator's console over the trail (AUD-2, AUD-3 review; issue 8 item 7). Every method needs
 * {@code audit:entry:read} (ORG-5: the audit administrator, nobody else; API clients need it as a token scope) and
 * records the read itself in the same transaction, so who looked at what cannot go unnoticed. A refusal is
 * audited in its own transaction and thrown as FORBIDDEN.
 */
public interface AuditReview {

    int PAGE_SIZE = 50;
    int MAX_PAGE_SIZE = 200;
    /** The most rows one export holds; a larger match is cut and says so. */
    int EXPORT_LIMIT = 10_000;
    /** Counting stops here (see {@link AuditCount}). */
    int COUNT_CAP = 10_000;
    /** The most people the person picker offers. */
    int PEOPLE_LIMIT = 10;

    /**
     * One page of the entries that match, newest first. With neither cursor: the newest page. With {@code before}:
     * the entries just older than it; with {@code after}: the entries just newer than it (still listed newest
     * first). Records {@code audit.entries.viewed} with the filter.
     *
     * @param size page size, 1 to {@link #MAX_PAGE_SIZE} (others are brought into that range)
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the permission; INVALID with both cursors
     */
    AuditSlice entries(AuditFilter filter, AuditCursor before, AuditCursor after, int size);

    /**
     * One entry with every field and, when the chain knows it, its chain position. Records
     * {@code audit.entry.viewed}.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND when there is no such entry; FORBIDDEN (audited)
     */
    AuditEntryDetail entry(long sequence);

    /**
     * Activity per hour or day and the most denied actions for the filter, over its period (default: the last
     * {@link AuditActivity#DEFAULT_DAYS} days; at most {@link AuditActivity#MAX_DAYS}). Records
     * {@code audit.entries.charted}.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); INVALID ({@code audit.chart.too-slow}) when the
     *                                         database cannot answer within the time allowed
     */
    AuditActivity activity(AuditFilter filter);

    /**
     * Streams the newest {@link #EXPORT_LIMIT} matching entries to the sink, from one consistent snapshot.
     * Records {@code audit.entries.exported} with the filter, the format, the row count and whether it was cut,
     * before the first row is written; the export does not contain its own record. If the reader goes away in
     * the middle, the record stays (part of the trail may have left).
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the permission
     */
    AuditExportSink.AuditExportInfo export(AuditFilter filter, AuditExportFormat format, AuditExportSink sink);

    /**
     * Up to {@link #PEOPLE_LIMIT} people whose staff number or name contains the text, for the person picker (from
     * {@link AuditPeopleDirectory}; none without it). Not recorded: it shows names and staff numbers, no trail
     * content; a refusal is.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); INVALID for text with control characters or
     *                                         longer than {@link AuditFilter#MAX_TEXT_LENGTH}
     */
    java.util.List<AuditPeopleDirectory.AuditPerson> people(String text);
}
