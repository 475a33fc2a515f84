package org.baomi.iam.internal.account;

import org.springframework.data.relational.core.mapping.Table;

@Table("iam_role_permission")
public record RolePermission(String permission) {
}
