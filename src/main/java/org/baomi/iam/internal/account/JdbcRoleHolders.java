package org.baomi.iam.internal.account;

import java.util.List;
import java.util.Optional;

import org.baomi.iam.AccessPerson;
import org.baomi.iam.AdminKind;
import org.baomi.iam.ContactAddresses;
import org.baomi.iam.LocalizedName;
import org.baomi.iam.RoleHolders;
import org.baomi.iam.RoleRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link RoleHolders} and {@link ContactAddresses} over the account tables. */
@Service
class JdbcRoleHolders implements RoleHolders, ContactAddresses {

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

    @Override
    public List<Long> activeHoldersOfRole(String roleCode) {
        if (roleCode == null || roleCode.isBlank() || roleCode.length() > 60) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id FROM iam_account a
                JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id
                WHERE r.code = :code AND a.status = 'ACTIVE'
                ORDER BY a.id
                """).param("code", roleCode).query(Long.class).list();
    }

    @Override
    public List<Long> activeAdministrators(AdminKind kind) {
        if (kind == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id FROM iam_account a
                JOIN iam_account_role ar ON ar.account_id = a.id
                WHERE ar.admin_kind = :kind AND a.status = 'ACTIVE'
                ORDER BY a.id
                """).param("kind", kind.name()).query(Long.class).list();
    }

    @Override
    public boolean active(long personId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM iam_account WHERE id = :id AND status = 'ACTIVE')")
                .param("id", personId).query(Boolean.class).single();
    }

    @Override
    public Optional<String> emailOf(long personId) {
        return jdbc.sql("""
                SELECT email FROM iam_account
                WHERE id = :id AND status = 'ACTIVE' AND email IS NOT NULL AND btrim(email) <> ''
                """)
                .param("id", personId).query(String.class).optional()
                .map(String::strip).filter(address -> !address.isEmpty());
    }
}
