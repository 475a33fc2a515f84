package org.baomi.iam;

import java.time.Instant;
import java.util.List;

/**
 * An API token as the administrator sees it: never the token, only its prefix.
 *
 * @param prefix       the token's first characters ({@code bm_1a2b3c4d}), to recognise it
 * @param revokeReason why it was revoked, or null
 */
public record ApiTokenSummary(long id, String prefix, String name, String client, List<String> scopes,
        Instant createdAt, Long createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Long revokedBy,
        String revokeReason, Status status) {

    public ApiTokenSummary {
        scopes = List.copyOf(scopes);
    }

    /** Whether the token still opens the API. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED;

        public String messageKey() {
            return "iam.api-token.status." + name();
        }
    }
}
