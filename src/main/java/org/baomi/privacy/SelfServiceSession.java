package org.baomi.privacy;

import java.time.Instant;

/**
 * A patient's self-service session (ACC-5), separate from staff logins: the browser keeps the token, the server only
 * its hash. Every call of {@link SelfServicePortal} names the session by its token; the patient is never taken from
 * the request's parameters, so one patient's session cannot reach another's record.
 *
 * @param token       random, URL-safe; a secret of the browser's session
 * @param patientName the patient's name, for the pages' greeting
 * @param idleUntil   the session ends when it is not used before this time
 */
public record SelfServiceSession(String token, String patientName, Instant idleUntil) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SelfServiceSession[idleUntil=" + idleUntil + "]";
    }
}
