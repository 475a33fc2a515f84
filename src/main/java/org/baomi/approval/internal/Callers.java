package org.baomi.approval.internal;

import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Component;

/**
 * Who may act as the named person (deny by default, ACC-1): the signed-in person themselves, or an integration
 * client whose token holds the operation's scope, acting for an active staff member. The 三员 never act in the
 * approval engine (ORG-5). Refusals are audited in their own transaction.
 */
@Component
class Callers {

    private final CurrentUser currentUser;
    private final ApiCallers apiCallers;
    private final StaffLookup staff;
    private final AuditTrail audit;

    Callers(CurrentUser currentUser, ApiCallers apiCallers, StaffLookup staff, AuditTrail audit) {
        this.currentUser = currentUser;
        this.apiCallers = apiCallers;
        this.staff = staff;
        this.audit = audit;
    }

    /**
     * @return the person, as they are now
     * @throws BaomiException FORBIDDEN (audited) when the caller may not act as them, UNAUTHENTICATED when nobody is
     *                        signed in and no API client calls
     */
    StaffPrincipal actingAs(long personId, String scope) {
        Optional<StaffPrincipal> signedIn = currentUser.principal();
        if (signedIn.isPresent()) {
            if (signedIn.get().accountId() != personId) {
                throw denied("approval.error.not-yourself", personId, scope);
            }
        } else if (apiCallers.currentClient().isPresent()) {
            if (!apiCallers.hasScope(scope)) {
                throw denied("error.forbidden", personId, scope);
            }
        } else {
            throw new BaomiException(BaomiException.Kind.UNAUTHENTICATED, "error.unauthenticated");
        }
        StaffPrincipal person = staff.activeById(personId)
                .orElseThrow(() -> BaomiException.invalid("approval.error.person-unknown"));
        if (person.isAdministrator()) {
            throw denied("approval.error.administrator", personId, scope);
        }
        return person;
    }

    /** The calling system's name when an API client acts, else null. */
    String callingSystem() {
        return currentUser.principal().isPresent() ? null : apiCallers.currentClient().orElse(null);
    }

    private BaomiException denied(String key, long personId, String scope) {
        audit.recordIndependently(new AuditEntry(null, "access.denied", "person", Long.toString(personId), null,
                AuditOutcome.DENIED, key, Map.of("permission", scope)));
        return BaomiException.forbidden(key);
    }
}
