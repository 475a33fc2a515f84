package org.baomi.iam;

import java.util.List;

/**
 * The confidentiality office's view of explicit grants (ACC-4, ACC-6), for people on {@code /access/grants} and for
 * other systems on {@code /api/v1/access/grants} (API token scopes). {@link AccessGrants} is the module-facing side
 * (the approval module issues and revokes without a permission check); this one checks the caller.
 *
 * <p>Permissions: listing needs {@link AccessPermissions#QUERY}, revoking {@link AccessPermissions#GRANT_MANAGE}
 * (both office permissions, never a 三员 role's, ORG-5). A refusal is audited as {@code access.denied} in its own
 * transaction. Audit actions: {@code access.grants.viewed} (each listing, as the reverse queries are audited, with
 * the count), {@code access.grant.revoked} (by {@link AccessGrants#revoke}).
 */
public interface GrantAdministration {

    /**
     * The person's grants that work now.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited)
     */
    List<AccessGrant> activeOf(long personId);

    /**
     * The grants on the object that work now.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited)
     */
    List<AccessGrant> activeOn(ResourceRef resource);

    /**
     * Revokes a grant now, with a stated reason; revoking a revoked grant does nothing.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited), NOT_FOUND, INVALID (reason blank or over 500)
     */
    void revoke(long grantId, String reason);
}
