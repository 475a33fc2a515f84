package org.baomi.iam.internal.account;

import java.time.Instant;

import org.baomi.iam.AdminKind;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A role held by an account. {@code adminKind} repeats the role's administrator kind so that a unique index
 * keeps 三员 exclusive in the database as well as in the service (ORG-5).
 */
@Table("iam_account_role")
public record AccountRole(Long roleId, AdminKind adminKind, Instant grantedAt, Long grantedBy) {
}
