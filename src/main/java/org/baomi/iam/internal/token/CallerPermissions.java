package org.baomi.iam.internal.token;

import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.PermissionGuard;
import org.baomi.shared.BaomiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Deny by default for module APIs that serve both people and integration clients: an API request needs the
 * permission among its token's scopes, a person needs it among their permissions ({@link PermissionGuard}).
 * A denial is audited in its own transaction and thrown as FORBIDDEN.
 */
@Component
public class CallerPermissions {

    private final PermissionGuard guard;
    private final AuditTrail audit;

    CallerPermissions(PermissionGuard guard, AuditTrail audit) {
        this.guard = guard;
        this.audit = audit;
    }

    public void require(String permission) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ApiTokenAuthentication api) {
            // Scopes match exactly: tokens hold no wildcards (ApiTokenService refuses them).
            if (!api.getPrincipal().scopes().contains(permission)) {
                audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", permission, null,
                        AuditOutcome.DENIED, "error.forbidden", Map.of("permission", permission, "scope", "missing")));
                throw BaomiException.forbidden("error.forbidden");
            }
            return;
        }
        guard.require(permission);
    }
}
