package org.baomi.classification.internal;

import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.iam.CurrentUser;
import org.baomi.shared.BaomiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read the catalogue (deny by default): a signed-in person, or an integration client whose API token
 * carries the scope {@link ClassificationPermissions#READ_CATALOGUE}. Anybody else is refused and the refusal
 * audited in its own transaction.
 */
@Component
class CatalogueReaders {

    /** API tokens present their scopes as authorities with this prefix (the identity module's convention). */
    private static final String SCOPE_AUTHORITY = "SCOPE_" + ClassificationPermissions.READ_CATALOGUE;

    /** Who reads. */
    enum Reader { PERSON, CLIENT }

    private final CurrentUser currentUser;
    private final AuditTrail audit;

    CatalogueReaders(CurrentUser currentUser, AuditTrail audit) {
        this.currentUser = currentUser;
        this.audit = audit;
    }

    Reader require() {
        if (currentUser.principal().isPresent()) {
            return Reader.PERSON;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> SCOPE_AUTHORITY.equals(a.getAuthority()))) {
            return Reader.CLIENT;
        }
        audit.recordIndependently(new AuditEntry(null, "access.denied", "permission",
                ClassificationPermissions.READ_CATALOGUE, null, AuditOutcome.DENIED, "error.forbidden",
                Map.of("permission", ClassificationPermissions.READ_CATALOGUE, "scope", "missing")));
        throw BaomiException.forbidden("error.forbidden");
    }
}
