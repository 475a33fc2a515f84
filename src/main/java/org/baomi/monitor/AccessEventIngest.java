package org.baomi.monitor;

/**
 * Ingest of access events to patient records from the EMR/HIS (issue 7 item 1; PAT-4, AUD-2, ACC-1): who looked at
 * which patient's record, when, how and from where. Every item is validated on its own; malformed items are rejected
 * one by one with their reasons and the good ones kept. Idempotent: an item is stored once per source system and
 * event id (or, without one, the digest of its content). Staff numbers and MRNs that Baomi does not know are kept
 * unresolved (an unknown user is itself suspicious).
 *
 * <p>Caller: an integration client whose API token holds {@link #SCOPE}; anyone else is refused (FORBIDDEN,
 * audited as {@code access.denied}). Each request writes ONE audit record with its counts, in the transaction of
 * the events ({@code monitor.access-events.imported}); a body refused as a whole writes
 * {@code monitor.access-events.rejected} in its own transaction. Returns only after the commit.
 */
public interface AccessEventIngest {

    /** Token scope of an EMR/HIS that delivers access logs (issued by the system administrator, ORG-5). */
    String SCOPE = "integration:access-event:import";

    /** Source system of Baomi's own accesses, reserved: an outside system may not send events under it. */
    String OWN_SOURCE = "BAOMI";

    /**
     * Events as a JSON array or NDJSON of objects with the fields {@code time} (ISO-8601 with offset),
     * {@code user} (staff number), {@code patient} (MRN), {@code action} (READ, CREATE, UPDATE, DELETE, PRINT,
     * EXPORT, QUERY), {@code workstation}, optional {@code sourceSystem} (default: the token's client),
     * {@code department} (code) and {@code eventId}.
     *
     * @throws org.baomi.iam.InvalidInputException the body is empty, not an array (JSON) or not JSON at all
     *         (nothing written)
     * @throws org.baomi.shared.BaomiException FORBIDDEN without the scope
     */
    IngestReport importEvents(byte[] body, IngestFormat format);

    /**
     * FHIR R4 {@code AuditEvent}s: one resource, or a Bundle of them (type batch: each entry on its own). Mapped to
     * the same events (recorded, the requestor agent, the Patient entity, action and subtype, source.observer,
     * the agent's network address, source.site as department) with the same validation and idempotency; problems
     * name FHIR elements ({@code agent.who}).
     *
     * @throws org.baomi.iam.InvalidInputException not JSON, not an AuditEvent or Bundle, a Bundle not of type batch
     * @throws org.baomi.shared.BaomiException FORBIDDEN without the scope
     */
    AccessEventFhirResult importFhir(byte[] body);

    /**
     * @param bundleType null for a single resource, else the Bundle's type ("batch")
     * @param report     one item per resource or entry
     */
    record AccessEventFhirResult(String bundleType, IngestReport report) {
    }
}
