package org.baomi.iam;

import java.util.List;

/**
 * Who is to be told: the ids of the ACTIVE people holding a role or an administrator kind, for modules that send
 * alerts to an office rather than to a named person (the notification centre alerts the confidentiality office of
 * a break-the-glass session, ACC-4, and the audit and security administrators of a broken audit chain, AUD-3).
 * Ids only, ascending; nothing is audited and no permission is needed: the result never leaves the server as such.
 */
public interface RoleHolders {

    /** Role code of the confidentiality office's staff (a business role). */
    String CONFIDENTIALITY_OFFICE = "confidentiality-office";

    /** Ids of the ACTIVE accounts that hold the role with this code; empty for an unknown code. */
    List<Long> activeHoldersOfRole(String roleCode);

    /** Ids of the ACTIVE accounts that hold the administrator role of this kind (三员, ORG-5). */
    List<Long> activeAdministrators(AdminKind kind);
}
