package org.baomi.iam;

import java.util.List;
import java.util.Optional;

/**
 * Explicit grants, issued by the approval module when an access request is approved (ACC-4, ACC-6). Writes join
 * the caller's transaction (or run in their own); the model of every instance applies them within a second, and an expired
 * or revoked grant stops working at once (expiry is checked at decision time against the clock).
 *
 * <p>Audit actions: {@code access.grant.issued}, {@code access.grant.revoked} (in the caller's transaction).
 * No permission is checked: the callers are module code acting on a decided approval.
 */
public interface AccessGrants {

    /**
     * Issues a grant.
     *
     * @return the grant id
     * @throws org.baomi.shared.BaomiException INVALID (expiry not in the future, unknown person, conditions too long),
     *                                         NOT_FOUND (object not registered)
     */
    long issue(IssueGrant grant);

    /**
     * Revokes a grant now; revoking a revoked grant does nothing.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND for an unknown grant, INVALID for a blank reason
     */
    void revoke(long grantId, String reason);

    Optional<AccessGrant> find(long grantId);

    /** The person's grants that work now. */
    List<AccessGrant> activeOf(long personId);

    /** The grants on the object that work now. */
    List<AccessGrant> activeOn(ResourceRef resource);
}
