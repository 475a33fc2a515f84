package org.baomi.audit;

/**
 * Snapshot of who acted, taken when the entry is written, so that a later rename or transfer does not
 * change history (AUD-1).
 *
 * @param id            account id or API token id; null when unknown (a failed login for an unknown name)
 * @param name          display name or claimed user name
 * @param department    department name at the time
 * @param kind          person, API client, system, anonymous
 * @param sourceAddress client address
 * @param sessionRef    an opaque reference to the session or API token, never the session id itself
 */
public record AuditActor(Long id, String name, String department, ActorKind kind, String sourceAddress,
        String sessionRef) {

    public static AuditActor system() {
        return new AuditActor(null, "baomi", null, ActorKind.SYSTEM, null, null);
    }
}
