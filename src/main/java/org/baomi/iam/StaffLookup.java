package org.baomi.iam;

import java.util.Collection;
import java.util.Map;
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

    /**
     * The full names of those of these accounts that exist and are ACTIVE, in one query (for pages that show
     * many people, such as the attending doctors of a patient's encounters, issue 6). Ids that are unknown or
     * not ACTIVE are absent from the result, as {@link #activeById} finds nobody for them. Names only: no
     * clearance or permissions are loaded. Nothing is audited; the caller guards and audits the page it builds.
     *
     * @param accountIds account ids (duplicates and nulls ignored; empty gives an empty map)
     * @return name by account id, unmodifiable
     */
    Map<Long, String> activeNames(Collection<Long> accountIds);
}
