package org.baomi.privacy;

/**
 * Imports patients, encounters, care teams and fee lists from the hospital's other systems (issue 6 item 1, PAT-1,
 * ACC-4). Only an integration client whose API token holds {@link PrivacyPermissions#IMPORT_SCOPE} may import; the
 * client's name is the source system, and the source system's ids make the import idempotent (the same resource
 * twice gives one row, rewritten only when its content changed).
 *
 * <p>Each entry is validated on its own (required elements, formats, ID number check digit, codes, dates and
 * references to patients, encounters, departments and staff, in the batch or already imported). Patients are
 * registered with the decision point ({@code patient} objects, INTERNAL or, when flagged sensitive, SECRET, with the
 * department of their latest encounter); care team members become care relationships, and members the source drops
 * or ends are ended there.
 *
 * <p>Audit actions: {@code privacy.import.completed} (one per request, in the import's transaction: counts per type
 * and outcome, and the ids of every patient touched), {@code privacy.import.rejected} (an all-or-nothing request
 * refused, in its own transaction), {@code access.denied} (no scope), plus the decision point's
 * {@code access.objects.registered}, {@code access.care.added}, {@code access.care.ended} batch records.
 */
public interface PatientImports {

    /**
     * Imports the entries. {@code atomic}: all or nothing (the REST import, a FHIR transaction, a single FHIR
     * resource); otherwise each entry on its own (a FHIR batch): the valid entries are written, the others
     * reported.
     *
     * @return one result per entry, in the order given
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the scope
     */
    ImportReport importEntries(java.util.List<ImportEntry> entries, boolean atomic);
}
