package org.baomi.iam.internal.login;

import java.time.Instant;

/** Login state of one account as read for a login decision. */
public record Credential(long accountId, String passwordHash, Instant passwordChangedAt, boolean mustChangePassword,
        String totpSecretSealed, boolean totpEnabled, Long totpLastStep, int failedCount, Instant firstFailureAt,
        Instant lockedUntil, Instant lastLoginAt, String lastLoginSource) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
