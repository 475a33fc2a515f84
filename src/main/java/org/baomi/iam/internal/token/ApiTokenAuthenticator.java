package org.baomi.iam.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;

import org.springframework.stereotype.Component;

/**
 * Checks a bearer token: known by its hash, not expired (by Baomi's clock), not revoked. Notes the use at
 * most once a minute.
 */
@Component
public class ApiTokenAuthenticator {

    /** Why a token was refused; the code goes into the audit trail and the problem's message key. */
    public enum Refusal {
        UNKNOWN, EXPIRED, REVOKED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Either an authentication or a refusal (with the token id when the token is known). */
    public record Outcome(ApiTokenAuthentication authentication, Refusal refusal, Long tokenId) {
    }

    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenStore store;
    private final Clock clock;

    ApiTokenAuthenticator(ApiTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Outcome authenticate(String token) {
        if (!ApiTokenFormat.looksValid(token)) {
            return new Outcome(null, Refusal.UNKNOWN, null);
        }
        ApiTokenRecord record = store.findByHash(ApiTokenFormat.hash(token)).orElse(null);
        if (record == null) {
            return new Outcome(null, Refusal.UNKNOWN, null);
        }
        Instant now = clock.instant();
        if (record.revokedAt() != null) {
            return new Outcome(null, Refusal.REVOKED, record.id());
        }
        if (!now.isBefore(record.expiresAt())) {
            return new Outcome(null, Refusal.EXPIRED, record.id());
        }
        if (record.lastUsedAt() == null || !record.lastUsedAt().isAfter(now.minus(LAST_USED_GRANULARITY))) {
            store.touch(record.id(), now, LAST_USED_GRANULARITY);
        }
        ApiClient client = new ApiClient(record.id(), record.name(), record.client(), new HashSet<>(record.scopes()));
        return new Outcome(new ApiTokenAuthentication(client), null, record.id());
    }
}
