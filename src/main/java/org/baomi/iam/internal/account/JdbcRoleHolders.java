package org.baomi.iam.internal.account;

import java.util.List;

import org.baomi.iam.AccessPerson;
import org.baomi.iam.LocalizedName;
import org.baomi.iam.RoleHolders;
import org.baomi.iam.RoleRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link RoleHolders} over the account and role tables. */
@Service
class JdbcRoleHolders implements RoleHolders {

    private final JdbcClient jdbc;

    JdbcRoleHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessPerson> activeHolders(String roleCode, Long departmentId) {
        if (roleCode == null || roleCode.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id, a.staff_no, a.full_name FROM iam_account a
                JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id
                WHERE r.code = :role AND r.kind = 'BUSINESS' AND a.status = 'ACTIVE'
                  AND (CAST(:department AS bigint) IS NULL OR a.department_id = :department)
                ORDER BY a.staff_no
                """).param("role", roleCode).param("department", departmentId)
                .query((rs, n) -> new AccessPerson(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleRef> businessRoles() {
        return jdbc.sql("SELECT id, code, name_zh, name_en FROM iam_role WHERE kind = 'BUSINESS' ORDER BY code")
                .query((rs, n) -> new RoleRef(rs.getLong(1), rs.getString(2),
                        new LocalizedName(rs.getString(3), rs.getString(4)), null)).list();
    }
}
