package org.baomi.iam;

import java.time.Instant;
import java.util.List;

import org.baomi.shared.SecretLevel;

/** A row of the account list. {@code locked} is true while a lockout lasts (ACC-7). */
public record AccountSummary(long id, String staffNo, String fullName, LocalizedName department, LocalizedName post,
        AccountStatus status, SecretLevel clearance, AdminKind adminKind, List<RoleRef> roles, boolean locked,
        Instant lastLoginAt, int version) {

    public AccountSummary {
        roles = List.copyOf(roles);
    }
}
