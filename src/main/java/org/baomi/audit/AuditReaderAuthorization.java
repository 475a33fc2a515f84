package org.baomi.audit;

import java.util.Set;

/**
 * Who may read the trail, and who the audit administrators are. Implemented by the identity module, which
 * knows the signed-in person, their permissions and everyone's roles; the audit module does not depend on it
 * (the dependency points from identity to audit, as for {@link AuditActorResolver}). Without an
 * implementation every read is refused (deny by default).
 */
public interface AuditReaderAuthorization {

    /**
     * Checks that the current person holds the permission.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (the denial is audited in its own transaction) or
     *                                         UNAUTHENTICATED
     */
    void require(String permission);

    /** Whether the current person holds the permission; nothing is audited. */
    boolean has(String permission);

    /** Account ids of everyone who holds an audit administrator role now (ORG-5). */
    Set<Long> auditAdministratorIds();
}
