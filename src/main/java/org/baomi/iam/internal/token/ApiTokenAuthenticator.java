package org.baomi.iam.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
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

    /** The row of this hash with its client, cached or just read; null when no token has the hash. */
    private Cached lookup(String hash, Instant now) {
        Cached cached = cache.get(hash);
        if (cached != null && !now.isBefore(cached.loadedAt()) && now.isBefore(cached.loadedAt().plus(ttl))) {
            return cached;
        }
        long before = epoch.get();
        ApiTokenRecord record = store.findByHash(hash).orElse(null);
        if (record == null || ttl.isZero()) {
            cache.remove(hash);
            return record == null ? null : Cached.of(record, now);
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Cached loaded = Cached.of(record, now);
        cache.put(hash, loaded);
        if (epoch.get() != before) {
            cache.remove(hash);
        }
        return loaded;
    }

    private void noteUse(String hash, ApiTokenRecord record, Instant now) {
        store.touch(record.id(), now, LAST_USED_GRANULARITY);
        // The cached row now shows the use, so the next requests within the minute do not try the update again.
        cache.computeIfPresent(hash, (h, cached) -> cached.record().id() != record.id() ? cached
                : new Cached(withLastUsed(cached.record(), now), cached.loadedAt(), cached.client(),
                        cached.authorities()));
    }

    private static ApiTokenRecord withLastUsed(ApiTokenRecord r, Instant lastUsed) {
        return new ApiTokenRecord(r.id(), r.prefix(), r.name(), r.client(), r.scopes(), r.createdAt(),
                r.createdBy(), r.expiresAt(), lastUsed, r.revokedAt(), r.revokedBy(), r.revokeReason());
    }

    /**
     * A cached row with the client and authorities built from it once (building them per request was about 4% of a
     * single decision's CPU, issue 3); each request still gets its own authentication object.
     */
    private record Cached(ApiTokenRecord record, Instant loadedAt, ApiClient client,
            List<GrantedAuthority> authorities) {

        static Cached of(ApiTokenRecord record, Instant loadedAt) {
            ApiClient client = new ApiClient(record.id(), record.name(), record.client(), new HashSet<>(record.scopes()));
            return new Cached(record, loadedAt, client, ApiTokenAuthentication.authorities(client));
        }
    }

    public Outcome authenticate(String token) {
        if (!ApiTokenFormat.looksValid(token)) {
            return new Outcome(null, Refusal.UNKNOWN, null);
        }
        Instant now = clock.instant();
        String hash = ApiTokenFormat.hash(token);
        Cached cached = lookup(hash, now);
        if (cached == null) {
            return new Outcome(null, Refusal.UNKNOWN, null);
        }
        ApiTokenRecord record = cached.record();
        if (record.revokedAt() != null) {
            return new Outcome(null, Refusal.REVOKED, record.id());
        }
        if (!now.isBefore(record.expiresAt())) {
            return new Outcome(null, Refusal.EXPIRED, record.id());
        }
        if (record.lastUsedAt() == null || !record.lastUsedAt().isAfter(now.minus(LAST_USED_GRANULARITY))) {
            noteUse(hash, record, now);
        }
        return new Outcome(new ApiTokenAuthentication(cached.client(), cached.authorities()), null, record.id());
    }
}
