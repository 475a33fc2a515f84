package org.baomi.iam;

import java.util.List;

/**
 * Roles as sets of permission strings (ACC-2) under 三员 (ORG-5): business roles carry no administrative
 * permission, and the three built-in administrator roles carry nothing else and are not edited here.
 */
public interface RoleService {

    /** Every role, administrator roles first. Permission {@code iam:role:manage} or {@code iam:role:assign}. */
    List<RoleSummary> list();

    /**
     * Permission {@code iam:role:manage}.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND
     */
    RoleSummary find(long roleId);

    /**
     * Creates a business role. Permission {@code iam:role:manage}; audit {@code iam.role.created}.
     *
     * @throws InvalidInputException field by field ({@code code}, {@code nameZh}, {@code nameEn}, {@code permissions})
     */
    long createBusinessRole(RoleDraft draft);

    /**
     * Renames a business role and replaces its permissions; the code stays. Administrator roles are refused.
     * Permission {@code iam:role:manage}; audit {@code iam.role.updated}.
     */
    void updateBusinessRole(long roleId, int expectedVersion, RoleDraft draft);
}
