package org.baomi.privacy;

/**
 * Why a patient's record is looked at (PAT-3, minimum necessary): each purpose shows only the parts it needs and is
 * written with the view to the audit trail and passed to the decision point.
 */
public enum PatientPurpose {

    /** Care of the patient: diagnoses and the fee list. Permission {@link PrivacyPermissions#PATIENT_READ}. */
    TREATMENT(PrivacyPermissions.PATIENT_READ, true, true, org.baomi.iam.ResourceRef.PATIENT),
    /**
     * Settling the bill: the fee list, never the diagnoses. Permission {@link PrivacyPermissions#CHARGE_READ}.
     */
    BILLING(PrivacyPermissions.CHARGE_READ, false, true, FeeListObjects.TYPE);

    private final String permission;
    private final boolean diagnoses;
    private final boolean charges;
    private final String objectType;

    PatientPurpose(String permission, boolean diagnoses, boolean charges, String objectType) {
        this.permission = permission;
        this.diagnoses = diagnoses;
        this.charges = charges;
        this.objectType = objectType;
    }

    /**
     * The object the decision point is asked about for this purpose (PAT-3): the patient for treatment, the
     * patient's fee list ({@link FeeListObjects}) for billing, so billing clerks are decided by the fee-list rule
     * and never by the medical-only patient rule (ACC-4).
     */
    public org.baomi.iam.ResourceRef resource(long patientId) {
        return new org.baomi.iam.ResourceRef(objectType, Long.toString(patientId));
    }

    /** The role permission the purpose needs, besides the decision point's answer. */
    public String permission() {
        return permission;
    }

    /** Whether the view for this purpose carries diagnoses. */
    public boolean showsDiagnoses() {
        return diagnoses;
    }

    /** Whether the view for this purpose carries the fee list. */
    public boolean showsCharges() {
        return charges;
    }
}
