package org.baomi.iam;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.shared.SecretLevel;

/** One account as its administrators see it: profile, placement, rights, login state and last review. */
public record AccountDetails(long id, String staffNo, String fullName, Long departmentId, LocalizedName department,
        Long postId, LocalizedName post, String email, String phone, AccountStatus status, SecretLevel clearance,
        AdminKind adminKind, List<RoleRef> roles, boolean locked, Instant lockedUntil, int failedCount,
        boolean secondFactorEnabled, boolean mustChangePassword, Instant lastLoginAt, Instant accessReviewedAt,
        String accessReviewedBy, boolean reviewOverdue, Instant createdAt, int version) {

    public AccountDetails {
        roles = List.copyOf(roles);
    }

    public Set<Long> roleIds() {
        return roles.stream().map(RoleRef::id).collect(Collectors.toUnmodifiableSet());
    }
}
