package org.baomi.privacy;

/** Permissions and token scopes of the privacy module. */
public final class PrivacyPermissions {

    /**
     * Token scope of an integration client that writes patient data (the HIS): issued by the system administrator,
     * never carrying any right to read patient content (ORG-5, migration V202611250300).
     */
    public static final String IMPORT_SCOPE = "integration:patient:import";

    /** Reading a patient's record; decided per patient by the decision point (ACC-4). */
    public static final String PATIENT_READ = "privacy:patient:read";

    /** Fee lists for billing, without diagnoses (PAT-3); the demo role {@code billing}. */
    public static final String CHARGE_READ = "privacy:charge:read";

    /** Identifiers (ID number, phone, full address) unmasked (PAT-3); without it they are masked. */
    public static final String IDENTIFIER_READ = "privacy:identifier:read";

    /**
     * Printing or downloading a patient page (ACC-5); the decision point then also wants an approved
     * {@link PatientExports#APPROVAL_KIND} grant. Demo roles doctor, nurse and billing.
     */
    public static final String PATIENT_EXPORT = "privacy:patient:export";

    /**
     * Requesting and downloading de-identified research exports of a cohort (issue 6 item 3); each download also
     * needs an approved {@link ResearchExports#APPROVAL_KIND} grant. Demo role doctor.
     */
    public static final String RESEARCH_EXPORT = "privacy:research:export";

    private PrivacyPermissions() {
    }
}
