package org.baomi.iam;

import java.util.List;

/**
 * Who holds a role now: for modules that route work by rule (the approval engine: "the head of the requester's
 * department", "the confidentiality office", "the president"; issue 4) and for alerts sent to an office rather
 * than to a named person (the notification centre tells the confidentiality office of a break-the-glass session,
 * ACC-4, and the audit and security administrators of a broken audit chain, AUD-3). Only ACTIVE accounts count.
 * Nothing is audited and no permission is checked: the results are ids and names that the calling module uses to
 * route work or alerts, never shows as such; the caller guards and audits what it does with them.
 */
public interface RoleHolders {

    /** Role code of the confidentiality office's staff (a business role). */
    String CONFIDENTIALITY_OFFICE = "confidentiality-office";

    /**
     * Active people holding the business role, ordered by staff number.
     *
     * @param roleCode     the role's code ("department-head")
     * @param departmentId only people of this department; null for the whole hospital
     */
    List<AccessPerson> activeHolders(String roleCode, Long departmentId);

    /** The business roles (never the 三员 ones, ORG-5), ordered by code, for choosing a role in a rule. */
    List<RoleRef> businessRoles();

    /** Ids of the ACTIVE accounts that hold the role with this code, ascending; empty for an unknown code. */
    List<Long> activeHoldersOfRole(String roleCode);

    /** Ids of the ACTIVE accounts that hold the administrator role of this kind (三员, ORG-5), ascending. */
    List<Long> activeAdministrators(AdminKind kind);
}
