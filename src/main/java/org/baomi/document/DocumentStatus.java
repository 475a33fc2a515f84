package org.baomi.document;

/** Where a registered document stands (DOC-1). Documents are never deleted; the status tells what became of them. */
public enum DocumentStatus {
    /** Registered and kept by its custodian. */
    REGISTERED,
    /** Sent to readers; it comes back to the custodian (DOC-5). */
    IN_CIRCULATION,
    /** Carried out of the hospital with approval (DOC-4). */
    CARRIED_OUT,
    /** Its confidentiality period ended (CLS-4). */
    DECLASSIFIED,
    /** Destroyed under two-person supervision (DOC-7). */
    DESTROYED,
    /** Reported lost or leaked; access frozen (DOC-8). */
    LOST;

    public String messageKey() {
        return "document.status." + name();
    }
}
