package org.baomi.audit;

/**
 * The audit administrator's reading of the trail (AUD-2, AUD-3 review). Every read is itself recorded in the
 * same transaction, so who looked at what cannot go unnoticed.
 */
public interface AuditReview {

    int PAGE_SIZE = 50;
    int EXPORT_LIMIT = 10_000;

    /**
     * One page of the entries that match, newest first; a page past the end gives the last page.
     * Needs {@code audit:entry:read}; records {@code audit.entries.viewed} with the filter.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the permission
     */
    AuditPage entries(AuditFilter filter, int page);

    /**
     * The newest {@link #EXPORT_LIMIT} entries that match, read from one consistent snapshot.
     * Needs {@code audit:entry:read}; records {@code audit.entries.exported} with the filter and row count.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the permission
     */
    AuditExport export(AuditFilter filter);
}
