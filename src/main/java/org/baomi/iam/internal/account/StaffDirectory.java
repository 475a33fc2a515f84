package org.baomi.iam.internal.account;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baomi.iam.AdminKind;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link StaffPrincipal} of an account from its profile, department, post and roles, in one query:
 * it runs at every login and for every home page, so it must stay cheap.
 */
@Component
public class StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per permission held (or one row with nulls for an account without roles). */
    private record Row(long id, String staffNo, String fullName, Long departmentId, String departmentName,
            String clearance, boolean medical, String roleKind, String permission) {
    }

    @Transactional(readOnly = true)
    public Optional<StaffPrincipal> principalOf(long accountId) {
        List<Row> rows = jdbc.sql("""
                SELECT a.id, a.staff_no, a.full_name, a.department_id, d.name_zh AS department_name, a.clearance,
                       COALESCE(p.medical, FALSE) AS medical, r.kind AS role_kind, rp.permission
                FROM iam_account a
                LEFT JOIN iam_department d ON d.id = a.department_id
                LEFT JOIN iam_post p ON p.id = a.post_id
                LEFT JOIN iam_account_role ar ON ar.account_id = a.id
                LEFT JOIN iam_role r ON r.id = ar.role_id
                LEFT JOIN iam_role_permission rp ON rp.role_id = r.id
                WHERE a.id = :id
                """).param("id", accountId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("staff_no"), rs.getString("full_name"),
                        (Long) rs.getObject("department_id"), rs.getString("department_name"), rs.getString("clearance"),
                        rs.getBoolean("medical"), rs.getString("role_kind"), rs.getString("permission")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> permissions = new HashSet<>();
        AdminKind adminKind = null;
        for (Row row : rows) {
            if (row.permission() != null) {
                permissions.add(row.permission());
            }
            if (row.roleKind() != null && RoleKind.valueOf(row.roleKind()).adminKind() != null) {
                adminKind = RoleKind.valueOf(row.roleKind()).adminKind();
            }
        }
        Row first = rows.get(0);
        return Optional.of(new StaffPrincipal(first.id(), first.staffNo(), first.fullName(), first.departmentId(),
                first.departmentName(), SecretLevel.valueOf(first.clearance()), adminKind, permissions, first.medical()));
    }

    public StaffPrincipal principalOf(Account account) {
        return principalOf(account.getId()).orElseThrow();
    }
}
