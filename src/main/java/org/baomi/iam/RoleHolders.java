package org.baomi.iam;

import java.util.List;

/**
 * Who holds a business role now, for modules that pick people by rule (the approval engine: "the head of the
 * requester's department", "the confidentiality office", "the president"; issue 4). Only ACTIVE accounts count.
 * Nothing is audited and no permission is checked: the result is a list of ids and names that the calling module
 * uses to route work, never shows as such; the caller guards and audits what it does with it.
 */
public interface RoleHolders {

    /**
     * Active people holding the role, ordered by staff number.
     *
     * @param roleCode     the role's code ("department-head")
     * @param departmentId only people of this department; null for the whole hospital
     */
    List<AccessPerson> activeHolders(String roleCode, Long departmentId);

    /** The business roles (never the 三员 ones, ORG-5), ordered by code, for choosing a role in a rule. */
    List<RoleRef> businessRoles();
}
