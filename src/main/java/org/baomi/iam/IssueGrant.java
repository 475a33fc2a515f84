package org.baomi.iam;

import java.time.Instant;

/**
 * What {@link AccessGrants#issue} needs.
 *
 * @param personId         who may act
 * @param action           the action granted
 * @param resource         the object (must be registered)
 * @param expiresAt        expiry, in the future
 * @param conditions       conditions of the approval, at most 500 characters, or null
 * @param sourceApprovalId the approval that decided it, at most 64 characters, or null
 */
public record IssueGrant(long personId, AccessAction action, ResourceRef resource, Instant expiresAt, String conditions,
        String sourceApprovalId) {
}
