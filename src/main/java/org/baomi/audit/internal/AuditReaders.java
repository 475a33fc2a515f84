package org.baomi.audit.internal;

import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditReaderAuthorization;
import org.baomi.audit.AuditTrail;
import org.baomi.shared.BaomiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The reader authorization supplied by the identity module, failing closed: without an implementation every
 * read is refused and the refusal recorded (deny by default).
 */
@Component
class AuditReaders {

    private final ObjectProvider<AuditReaderAuthorization> authorization;
    private final AuditTrail audit;

    AuditReaders(ObjectProvider<AuditReaderAuthorization> authorization, AuditTrail audit) {
        this.authorization = authorization;
        this.audit = audit;
    }

    void require(String permission) {
        AuditReaderAuthorization delegate = authorization.getIfAvailable();
        if (delegate == null) {
            audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", permission, null,
                    AuditOutcome.DENIED, "error.forbidden", Map.of("permission", permission)));
            throw BaomiException.forbidden("error.forbidden");
        }
        delegate.require(permission);
    }

    boolean has(String permission) {
        AuditReaderAuthorization delegate = authorization.getIfAvailable();
        return delegate != null && delegate.has(permission);
    }

    Set<Long> auditAdministratorIds() {
        AuditReaderAuthorization delegate = authorization.getIfAvailable();
        return delegate == null ? Set.of() : Set.copyOf(delegate.auditAdministratorIds());
    }
}
