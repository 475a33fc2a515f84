package org.baomi.iam.internal.account;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.iam.AdminKind;
import org.baomi.shared.BaomiException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * 三员 separation (ORG-5) for the roles an account is to hold: at most one administrator role, and an
 * administrator holds no business role. The unique index {@code iam_account_role_one_admin_role} backs the
 * first rule up; this check refuses first, with a message that names the roles.
 */
final class ThreeRoleRule {

    static final String SECOND_ADMIN_ROLE = "iam.admin.error.second-admin-role";
    static final String ADMIN_WITH_BUSINESS = "iam.admin.error.admin-with-business";

    private ThreeRoleRule() {
    }

    /**
     * @param heldRoleIds the roles the account holds now
     * @param wanted      the roles it is to hold
     * @throws BaomiException INVALID with {@link #SECOND_ADMIN_ROLE} (held role first) or {@link #ADMIN_WITH_BUSINESS}
     */
    static void check(Set<Long> heldRoleIds, Collection<Role> wanted) {
        List<Role> admin = wanted.stream().filter(r -> r.getKind() != RoleKind.BUSINESS)
                .sorted(Comparator.comparing((Role r) -> !heldRoleIds.contains(r.getId())).thenComparing(Role::getKind))
                .toList();
        if (admin.size() > 1) {
            throw BaomiException.invalid(SECOND_ADMIN_ROLE, name(admin.get(0).getKind().adminKind()),
                    name(admin.get(1).getKind().adminKind()));
        }
        List<Role> business = wanted.stream().filter(r -> r.getKind() == RoleKind.BUSINESS).toList();
        if (admin.size() == 1 && !business.isEmpty()) {
            throw BaomiException.invalid(ADMIN_WITH_BUSINESS, name(admin.get(0).getKind().adminKind()),
                    business.stream().map(Role::getCode).sorted().collect(Collectors.joining(", ")));
        }
    }

    /** The administrator kind as a message argument, translated where the message is shown. */
    static DefaultMessageSourceResolvable name(AdminKind kind) {
        return new DefaultMessageSourceResolvable(new String[] {kind.messageKey()}, kind.name());
    }
}
