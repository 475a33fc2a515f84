package org.baomi.audit;

import java.util.Iterator;

/**
 * Bulk import of audit events recorded by an external system — a HIS, a gateway, a predecessor's audit log — into
 * the trail (AUD-1; issue 8 "bulk import of external events"). Imported entries are stored, MAC'd and later sealed
 * into the chain exactly like entries Baomi writes itself; they keep the time and actor the external system
 * recorded. The import is audited: one entry {@code audit.import} (actor: the system; object: the source; details:
 * how many entries and their id range) in the same transaction.
 *
 * <p>All or nothing: the import joins the caller's transaction or runs in its own; an invalid event (found while
 * iterating) or a row PostgreSQL refuses fails the whole import, and nothing of it is written.
 *
 * <p>Permission: none is checked here (there is no screen or endpoint yet); an integration that exposes this must
 * authorise its caller first.
 */
public interface AuditImport {

    /**
     * Imports every event of {@code events}, in iteration order (their ids increase in that order).
     *
     * @param source a name for the external system, at most 100 characters (recorded with the import)
     * @param events the events; consumed once
     * @return how many entries were imported, their id range, and the id of the import's own audit entry
     * @throws org.baomi.shared.BaomiException (invalid, {@code audit.import.error.invalid} with the event's
     *         1-based position and the field) if an event is invalid; nothing is imported
     */
    AuditImportResult importEvents(String source, Iterator<ExternalAuditEvent> events);

    /** One event of an external system: when it happened, and the entry (its actor required). */
    record ExternalAuditEvent(java.time.Instant occurredAt, AuditEntry entry) {
    }

    /**
     * The outcome of an import.
     *
     * @param imported      entries imported
     * @param firstEntryId  the first imported entry's id (null when nothing was imported)
     * @param lastEntryId   the last imported entry's id (null when nothing was imported)
     * @param importEntryId the id of the {@code audit.import} entry recording the import
     */
    record AuditImportResult(long imported, Long firstEntryId, Long lastEntryId, long importEntryId) {
    }
}
