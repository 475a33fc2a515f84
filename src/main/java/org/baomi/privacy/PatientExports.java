package org.baomi.privacy;

/**
 * Prints and downloads of a patient page (issue 6 item 2, ACC-5): anyone printing or downloading patient data needs
 * the president's approval. The approval kind {@value #APPROVAL_KIND} (subject {@code patient:<id>}, action EXPORT,
 * decided by the president) yields an EXPORT grant through the approval engine; the decision point's patient EXPORT
 * rule counts grants only.
 */
public interface PatientExports {

    /** The approval kind of a print or download of one patient's page. */
    String APPROVAL_KIND = "patient-export";

    /**
     * A watermarked PDF of the patient's page for the purpose (the same minimum-necessary view as the page, PAT-3).
     * Order: the purpose's permission and {@link PrivacyPermissions#PATIENT_EXPORT}; the decision point for EXPORT
     * (an approved {@value #APPROVAL_KIND} grant), then for READ as the page; a trace code ({@code print.trace.issued});
     * then audit {@code privacy.patient.exported} with the patient id, purpose, mode, trace code and grant id, in
     * the same transaction.
     *
     * @throws org.baomi.iam.AccessDeniedException FORBIDDEN, already audited, without an approved grant
     * @throws org.baomi.shared.BaomiException     NOT_FOUND for an unknown patient; INVALID for a missing purpose
     *                                             or mode; FORBIDDEN without the permissions
     */
    PatientExportFile export(long patientId, PatientPurpose purpose, PatientExportMode mode);
}
