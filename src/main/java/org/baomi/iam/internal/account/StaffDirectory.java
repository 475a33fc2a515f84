package org.baomi.iam.internal.account;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.baomi.iam.AdminKind;
import org.baomi.iam.StaffPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link StaffPrincipal} of an account from its profile, department, post and roles. */
@Component
public class StaffDirectory {

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final PostRepository posts;

    StaffDirectory(AccountRepository accounts, RoleRepository roles, DepartmentRepository departments,
            PostRepository posts) {
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public Optional<StaffPrincipal> principalOf(long accountId) {
        return accounts.findById(accountId).map(this::principalOf);
    }

    public StaffPrincipal principalOf(Account account) {
        Set<String> permissions = new HashSet<>();
        AdminKind adminKind = null;
        for (AccountRole held : account.getRoles()) {
            Optional<Role> role = roles.findById(held.roleId());
            if (role.isPresent()) {
                permissions.addAll(role.get().permissionStrings());
                if (role.get().getKind().adminKind() != null) {
                    adminKind = role.get().getKind().adminKind();
                }
            }
        }
        String departmentName = account.getDepartmentId() == null ? null
                : departments.findById(account.getDepartmentId()).map(Department::getNameZh).orElse(null);
        boolean medical = account.getPostId() != null
                && posts.findById(account.getPostId()).map(Post::isMedical).orElse(false);
        return new StaffPrincipal(account.getId(), account.getStaffNo(), account.getFullName(),
                account.getDepartmentId(), departmentName, account.getClearance(), adminKind, permissions, medical);
    }
}
