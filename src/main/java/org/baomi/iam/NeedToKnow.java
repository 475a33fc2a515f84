package org.baomi.iam;

/**
 * The reasons a person may need to know an object's content (ACC-1, ACC-4). The policy of each object type and
 * action lists which of them count.
 */
public enum NeedToKnow {
    /** The person keeps the object (DOC-1). */
    CUSTODIAN,
    /** The person is on the object's distribution list (DOC-5). */
    DISTRIBUTION,
    /** The object belongs to the person's department and its level is at most the policy's department maximum. */
    DEPARTMENT,
    /** For patients: the person, on a medical post, cares for the patient now or did within the care window (ACC-4). */
    CARE_TEAM,
    /** An explicit grant, issued by an approval, for this person and object, not expired nor revoked (ACC-4, ACC-6). */
    GRANT,
    /** An open break-the-glass session of the person for this object (emergencies; reviewed afterwards). */
    BREAK_GLASS;

    public String messageKey() {
        return "access.basis." + name();
    }
}
