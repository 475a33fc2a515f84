package org.baomi.iam.internal;

import java.util.Set;

import org.baomi.audit.AuditReaderAuthorization;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.internal.token.CallerPermissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the audit module check its readers and find the audit administrators (ORG-5) without depending on
 * identity: identity implements the audit module's interface.
 */
@Component
class AuditReaderAccess implements AuditReaderAuthorization {

    private final PermissionGuard guard;
    private final CallerPermissions callers;
    private final JdbcClient jdbc;

    AuditReaderAccess(PermissionGuard guard, CallerPermissions callers, JdbcClient jdbc) {
        this.guard = guard;
        this.callers = callers;
        this.jdbc = jdbc;
    }

    /** People need the permission; API clients (the audit REST twin) need it as a token scope. */
    @Override
    public void require(String permission) {
        callers.require(permission);
    }

    @Override
    public boolean has(String permission) {
        return guard.has(permission);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> auditAdministratorIds() {
        return Set.copyOf(jdbc.sql("""
                SELECT DISTINCT ar.account_id FROM iam_account_role ar JOIN iam_role r ON r.id = ar.role_id
                WHERE r.kind = 'AUDIT_ADMIN'
                """).query(Long.class).list());
    }
}
