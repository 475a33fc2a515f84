package org.baomi.monitor;

/**
 * Ingest of explanation feeds (issue 7 item 2): orders, appointments and referrals from the HIS that make a
 * person's or a department's access to a patient legitimate for a period, so that the detectors clear it (ACC-1
 * need-to-know, PAT-4). Same style as {@link AccessEventIngest}: per-item validation with reasons, idempotent by
 * the source system and the item's source id, one audit record per request
 * ({@code monitor.care-contexts.imported}, or {@code monitor.care-contexts.rejected} for a body refused whole).
 * Unlike access events, a context naming an unknown patient, staff number or department is rejected: it would
 * explain nothing.
 *
 * <p>Caller: an integration client whose API token holds {@link #SCOPE}; anyone else is refused (FORBIDDEN,
 * audited as {@code access.denied}).
 */
public interface IngestCareContexts {

    /** Token scope of a system that delivers orders, appointments and referrals (issued by the system admin). */
    String SCOPE = "integration:care-context:import";

    /**
     * Items with {@code kind} (ORDER, APPOINTMENT, REFERRAL), {@code person} (staff number) and/or
     * {@code department} (code), {@code patient} (MRN), {@code validFrom}, {@code validUntil} (ISO-8601 with
     * offset) and {@code sourceId}.
     *
     * @throws org.baomi.iam.InvalidInputException the body is empty, not an array (JSON) or not JSON at all
     * @throws org.baomi.shared.BaomiException FORBIDDEN without the scope
     */
    IngestReport importCareContexts(byte[] body, IngestFormat format);
}
