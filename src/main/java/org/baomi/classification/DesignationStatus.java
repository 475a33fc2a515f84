package org.baomi.classification;

/** Where a designation stands on a given day (CLS-3). */
public enum DesignationStatus {
    /** Its first day is still to come. */
    PENDING,
    ACTIVE,
    /** Its last day has passed. */
    EXPIRED,
    /** Revoked by the president; kept with who, when and why. */
    REVOKED;

    public String messageKey() {
        return "classification.designation-status." + name();
    }
}
