package org.baomi.iam;

import java.time.Instant;
import java.util.List;

import org.baomi.shared.SecretLevel;

/**
 * One person in the periodic access review (ACC-2): rights, clearance, last login, and the last review;
 * {@code overdue} when never reviewed or reviewed longer ago than {@link AccountQueries#ACCESS_REVIEW_INTERVAL}.
 */
public record AccessReviewRow(long accountId, String staffNo, String fullName, LocalizedName department,
        LocalizedName post, AccountStatus status, AdminKind adminKind, List<RoleRef> roles, SecretLevel clearance,
        Instant lastLoginAt, Instant reviewedAt, String reviewedBy, boolean overdue) {

    public AccessReviewRow {
        roles = List.copyOf(roles);
    }
}
