package org.baomi.privacy;

import java.time.Instant;

/**
 * A one-time code just issued at the desk (ACC-5): shown once to the clerk, who hands it to the patient; only its
 * salted hash is kept.
 *
 * @param code      six digits
 * @param expiresAt after this the code is refused
 */
public record SelfServiceCode(long patientId, String mrn, String name, String code, Instant expiresAt) {

    /** Never prints the code (log lines, test failure messages). */
    @Override
    public String toString() {
        return "SelfServiceCode[patientId=" + patientId + ", expiresAt=" + expiresAt + "]";
    }
}
