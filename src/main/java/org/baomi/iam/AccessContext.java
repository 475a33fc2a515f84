package org.baomi.iam;

import org.baomi.shared.SecretLevel;

/**
 * Circumstances of an access request.
 *
 * @param purpose         free text the caller states (recorded in the audit trail, never decisive); may be null
 * @param writtenLevel    for {@link AccessAction#CHANGE} and {@link AccessAction#CREATE}: the level of the content
 *                        being written, so that content is never written down into a lower-level object (CLS-1);
 *                        null when unknown (then only the object's own level counts)
 * @param breakGlassId    the break-the-glass session ({@link BreakTheGlass#open}) the request relies on: then only
 *                        that session counts; null: any open session of the person on the object counts
 * @param callingSystem   the integration client asking on the person's behalf ('EMR', 'HIS'); null for Baomi itself
 */
public record AccessContext(String purpose, SecretLevel writtenLevel, Long breakGlassId, String callingSystem) {

    /** No purpose, no level written, no break-the-glass, Baomi itself. */
    public static final AccessContext NONE = new AccessContext(null, null, null, null);

    public AccessContext withPurpose(String newPurpose) {
        return new AccessContext(newPurpose, writtenLevel, breakGlassId, callingSystem);
    }

    public AccessContext writing(SecretLevel level) {
        return new AccessContext(purpose, level, breakGlassId, callingSystem);
    }

    public AccessContext withBreakGlass(Long sessionId) {
        return new AccessContext(purpose, writtenLevel, sessionId, callingSystem);
    }

    public AccessContext from(String system) {
        return new AccessContext(purpose, writtenLevel, breakGlassId, system);
    }
}
