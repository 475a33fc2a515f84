package org.baomi.iam.internal.token;

import java.time.Instant;
import java.util.List;

import org.baomi.iam.ApiTokenSummary;

/** A row of {@code iam_api_token} (without the hash). */
record ApiTokenRecord(long id, String prefix, String name, String client, List<String> scopes, Instant createdAt,
        Long createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Long revokedBy,
        String revokeReason) {

    ApiTokenSummary.Status statusAt(Instant now) {
        if (revokedAt != null) {
            return ApiTokenSummary.Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? ApiTokenSummary.Status.ACTIVE : ApiTokenSummary.Status.EXPIRED;
    }

    ApiTokenSummary summaryAt(Instant now) {
        return new ApiTokenSummary(id, prefix, name, client, scopes, createdAt, createdBy, expiresAt, lastUsedAt,
                revokedAt, revokedBy, revokeReason, statusAt(now));
    }
}
