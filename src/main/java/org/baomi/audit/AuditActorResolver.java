package org.baomi.audit;

/**
 * Supplies the actor of the current request when an entry names none. Implemented by the identity
 * module, which knows who is signed in; the audit module does not depend on it.
 */
public interface AuditActorResolver {

    AuditActor currentActor();
}
