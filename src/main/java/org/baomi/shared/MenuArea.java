package org.baomi.shared;

/**
 * The areas of the main menu, in the order the bar shows them. Each area is a dropdown of the {@link MenuEntry}s
 * that name it; the portal shows an area only when the person may see at least one of its entries (ACC-1), and an
 * area with a single visible entry as a plain link to that entry.
 */
public enum MenuArea {
    /** The home page ("my duties"). */
    HOME("house"),
    /** Approval inbox, one's own requests, approval chains. */
    APPROVALS("inbox"),
    /** The register of classified documents, circulation, the reader's inbox (DOC). */
    DOCUMENTS("file-earmark-lock"),
    /** Patients, care relationships and the privacy office's screens (PAT). */
    PRIVACY("person-vcard"),
    /** The confidentiality office's access screens and the access policy (ACC). */
    ACCESS("shield-check"),
    /** The classification guide and designations (CLS). */
    CLASSIFICATION("bookmark-star"),
    /** The audit trail, its chain and keys, security events (AUD). */
    AUDIT("journal-text"),
    /** Accounts, roles, access review, API tokens, the mail outbox: the administrators' screens (ORG-5). */
    ADMINISTRATION("gear"),
    /** One's own settings. */
    MY_ACCOUNT("person-lock");

    private final String icon;

    MenuArea(String icon) {
        this.icon = icon;
    }

    /** Message key of the area's label ("menu.area.AUDIT" = 审计). */
    public String messageKey() {
        return "menu.area." + name();
    }

    /** A Bootstrap Icons name without the {@code bi-} prefix. */
    public String icon() {
        return icon;
    }
}
