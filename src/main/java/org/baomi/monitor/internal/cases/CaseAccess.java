package org.baomi.monitor.internal.cases;

import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.RoleHolders;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Component;

/**
 * Deny by default for the alert queue and the cases (ACC-1): the permission, and never one of the 三员 even if a
 * role were misconfigured to give them one (ORG-5: a case is business content). API clients need the permission as
 * their token's scope. Refusals are audited in their own transaction.
 */
@Component
class CaseAccess {

    private final PermissionGuard guard;
    private final CurrentUser currentUser;
    private final ApiCallers apiCallers;
    private final AuditTrail audit;
    private final RoleHolders roles;

    CaseAccess(PermissionGuard guard, CurrentUser currentUser, ApiCallers apiCallers, AuditTrail audit,
            RoleHolders roles) {
        this.roles = roles;
        this.guard = guard;
        this.currentUser = currentUser;
        this.apiCallers = apiCallers;
        this.audit = audit;
    }

    /** The signed-in person holding the permission, who is no administrator. */
    StaffPrincipal person(String permission) {
        StaffPrincipal person = guard.require(permission);
        if (person.isAdministrator()) {
            throw denied(permission, "monitor.cases.error.administrator");
        }
        return person;
    }

    /**
     * The signed-in person holding the permission, or empty when an API client whose token holds it as a scope
     * calls (the token's client is recorded by the audit trail as the actor).
     */
    Optional<StaffPrincipal> personOrClient(String permission) {
        if (currentUser.principal().isEmpty() && apiCallers.currentClient().isPresent()) {
            if (!apiCallers.hasScope(permission)) {
                throw denied(permission, "error.forbidden");
            }
            return Optional.empty();
        }
        return Optional.of(person(permission));
    }

    /**
     * Only a head of the case person's department, never the person themselves (PAT-4: the department explains, the
     * office judges); a refusal is audited.
     */
    void requireHeadOf(StaffPrincipal head, Long departmentId, Long personId) {
        boolean ofDepartment = departmentId != null && departmentId.equals(head.departmentId())
                && roles.activeHolders("department-head", departmentId).stream()
                        .anyMatch(p -> p.personId() == head.accountId());
        if (!ofDepartment || (personId != null && personId == head.accountId())) {
            throw denied(org.baomi.monitor.PrivacyCasePermissions.CASE_EXPLAIN,
                    "monitor.cases.error.not-your-department");
        }
    }

    BaomiException denied(String permission, String key) {
        audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", permission, null,
                AuditOutcome.DENIED, key, Map.of("permission", permission)));
        return BaomiException.forbidden(key);
    }
}
