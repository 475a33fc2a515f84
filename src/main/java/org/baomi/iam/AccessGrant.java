package org.baomi.iam;

import java.time.Instant;

/**
 * An explicit grant to one person for one action on one object, issued by an approval (ACC-4, ACC-6). A grant
 * satisfies need-to-know only: it never lifts the person's clearance nor the 三员 rule.
 *
 * @param id               grant id
 * @param personId         who may act
 * @param action           what they may do ({@link AccessAction#READ} also covers nothing else)
 * @param resource         on which object
 * @param expiresAt        when it stops working
 * @param conditions       free-text conditions of the approval ('reading room only'), shown and audited; may be null
 * @param sourceApprovalId the approval that issued it; may be null for grants issued by the security office
 * @param revokedAt        when it was revoked, or null
 */
public record AccessGrant(long id, long personId, AccessAction action, ResourceRef resource, Instant expiresAt,
        String conditions, String sourceApprovalId, Instant revokedAt) {

    /** Whether the grant works at the given time. */
    public boolean activeAt(Instant at) {
        return revokedAt == null && at.isBefore(expiresAt);
    }
}
