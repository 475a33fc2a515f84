package org.baomi.privacy;

import org.baomi.iam.ResourceRef;

/**
 * The fee list of a patient as a protected object of its own (issue 6 item 3, PAT-3): type {@value #TYPE}, the
 * patient's id, the patient's level, owned by the department that settles bills. The decision point's rule for it
 * (policy version of migration V202611260100) lets billing clerks ({@link PrivacyPermissions#CHARGE_READ}) read fee
 * lists by department scope up to 内部 or by grant, while the patient object itself stays medical-only (ACC-4), so
 * a billing clerk never reaches a diagnosis. Why a type and not purpose-scoped rules: see docs/privacy.md.
 */
public final class FeeListObjects {

    /** Object type of a patient's fee list in the decision point's register. */
    public static final String TYPE = "patient-fees";

    private FeeListObjects() {
    }

    /** The fee list of the patient with this id. */
    public static ResourceRef of(long patientId) {
        return new ResourceRef(TYPE, Long.toString(patientId));
    }
}
