package org.baomi.iam;

import java.util.Optional;

/**
 * Looks up a person as they would be signed in now (identity snapshot, clearance, administrator kind,
 * permissions), for modules that decide about a person other than the one of the current request, such as
 * "may this person classify?" (CLS-3). Only ACTIVE accounts are found: a suspended or departed person holds
 * no rights. Nothing is audited and no permission is needed: the result never leaves the server as such; the
 * calling module guards and audits what it does with it.
 */
public interface StaffLookup {

    /** The person with this account id, if the account exists and is ACTIVE. */
    Optional<StaffPrincipal> activeById(long accountId);

    /** The person with this staff number (exact), if the account exists and is ACTIVE. */
    Optional<StaffPrincipal> activeByStaffNo(String staffNo);
}
