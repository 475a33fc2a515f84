package org.baomi.iam.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer token: known by its hash, not expired (by Baomi's clock), not revoked. Notes the use at
 * most once a minute.
 *
 * <p>The row found for a token hash is kept for {@code baomi.api.token-cache-ttl} (default 1 s, at most 1 min, 0
 * switches the cache off), so that a busy client does not cost a query per request (issue 3: the lookup dominated
 * the decision API). Bounds (ACC-2): expiry is checked against the clock on every request, cached or not; a
 * revocation in this instance takes effect at once ({@link #forget}, also after its commit); a revocation made by
 * ANOTHER instance is seen here within the TTL at the latest. Only known tokens are cached, at most
 * {@value #MAX_CACHED} of them, so unknown tokens cannot fill the memory.
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

    static final int MAX_CACHED = 10_000;

    private final ApiTokenStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Moved by every {@link #forget}; a lookup that overlapped one is not cached (it may predate the revocation). */
    private final AtomicLong epoch = new AtomicLong();

    ApiTokenAuthenticator(ApiTokenStore store, Clock clock,
            @Value("${baomi.api.token-cache-ttl:1s}") Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("baomi.api.token-cache-ttl must be between 0 and 1m (it bounds how"
                    + " long another instance may still accept a revoked token); it is " + ttl);
        }
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Drops the cached row of this token, so that its revocation takes effect at once in this instance. */
    void forget(long tokenId) {
        epoch.incrementAndGet();
        cache.values().removeIf(cached -> cached.record().id() == tokenId);
    }

    private ApiTokenRecord lookup(String hash, Instant now) {
        Cached cached = cache.get(hash);
        if (cached != null && !now.isBefore(cached.loadedAt()) && now.isBefore(cached.loadedAt().plus(ttl))) {
            return cached.record();
        }
        long before = epoch.get();
        ApiTokenRecord record = store.findByHash(hash).orElse(null);
        if (record == null || ttl.isZero()) {
            cache.remove(hash);
            return record;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(hash, new Cached(record, now));
        if (epoch.get() != before) {
            cache.remove(hash);
        }
        return record;
    }

    private void noteUse(String hash, ApiTokenRecord record, Instant now) {
        store.touch(record.id(), now, LAST_USED_GRANULARITY);
        // The cached row now shows the use, so the next requests within the minute do not try the update again.
        cache.computeIfPresent(hash, (h, cached) -> cached.record().id() != record.id() ? cached
                : new Cached(withLastUsed(cached.record(), now), cached.loadedAt()));
    }

    private static ApiTokenRecord withLastUsed(ApiTokenRecord r, Instant lastUsed) {
        return new ApiTokenRecord(r.id(), r.prefix(), r.name(), r.client(), r.scopes(), r.createdAt(),
                r.createdBy(), r.expiresAt(), lastUsed, r.revokedAt(), r.revokedBy(), r.revokeReason());
    }

    private record Cached(ApiTokenRecord record, Instant loadedAt) {
    }

    public Outcome authenticate(String token) {
        if (!ApiTokenFormat.looksValid(token)) {
            return new Outcome(null, Refusal.UNKNOWN, null);
        }
        Instant now = clock.instant();
        String hash = ApiTokenFormat.hash(token);
        ApiTokenRecord record = lookup(hash, now);
        if (record == null) {
            return new Outcome(null, Refusal.UNKNOWN, null);
        }
        if (record.revokedAt() != null) {
            return new Outcome(null, Refusal.REVOKED, record.id());
        }
        if (!now.isBefore(record.expiresAt())) {
            return new Outcome(null, Refusal.EXPIRED, record.id());
        }
        if (record.lastUsedAt() == null || !record.lastUsedAt().isAfter(now.minus(LAST_USED_GRANULARITY))) {
            noteUse(hash, record, now);
        }
        ApiClient client = new ApiClient(record.id(), record.name(), record.client(), new HashSet<>(record.scopes()));
        return new Outcome(new ApiTokenAuthentication(client), null, record.id());
    }
}
