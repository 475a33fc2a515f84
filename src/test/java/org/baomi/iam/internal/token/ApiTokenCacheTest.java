package org.baomi.iam.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token lookup cache of {@link ApiTokenAuthenticator} (issue 3 throughput, ACC-2 bounds): a cached lookup
 * costs no query, the TTL is measured on Baomi's clock, expiry is still checked on every request, a revocation in
 * this instance ({@code forget}) takes effect at once, and unknown tokens are never cached. The revocation through
 * the service and HTTP is covered by {@code ApiTokenAuthenticationTest}.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTokenCacheTest {

    @Autowired
    JdbcClient jdbc;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private CountingStore store;

    @BeforeEach
    void setUp() {
        store = new CountingStore(jdbc);
    }

    private String issue(Duration lifetime) {
        String token = ApiTokenFormat.generate();
        store.insert(ApiTokenFormat.prefixOf(token), ApiTokenFormat.hash(token), "cache test", "cache-client",
                List.of("iam:department:read"), clock.instant().plus(lifetime), clock.instant(), null);
        return token;
    }

    @Test
    void a_cached_lookup_costs_no_query_and_the_ttl_runs_on_the_clock() {
        ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(store, clock, Duration.ofSeconds(1));
        String token = issue(Duration.ofDays(1));

        assertThat(authenticator.authenticate(token).authentication()).isNotNull();
        assertThat(authenticator.authenticate(token).authentication()).isNotNull();
        clock.advance(Duration.ofMillis(999));
        assertThat(authenticator.authenticate(token).authentication()).isNotNull();
        assertThat(store.lookups.get()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(authenticator.authenticate(token).authentication()).isNotNull();
        assertThat(store.lookups.get()).isEqualTo(2);
    }

    @Test
    void ORG_5_a_scope_that_is_not_issuable_is_not_honoured_even_when_the_row_carries_it() {
        // A row written around the token service (as a database administrator could): a business-content scope and
        // an unknown one beside a legitimate scope. Only the legitimate one reaches the authentication.
        String token = ApiTokenFormat.generate();
        store.insert(ApiTokenFormat.prefixOf(token), ApiTokenFormat.hash(token), "scope test", "scope-client",
                List.of("document:document:read", "access:decision:request", "nonsense:x:y"),
                clock.instant().plus(Duration.ofDays(1)), clock.instant(), null);
        ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(store, clock, Duration.ZERO);

        ApiTokenAuthentication authentication = authenticator.authenticate(token).authentication();

        assertThat(authentication).isNotNull();
        assertThat(authentication.getAuthorities()).extracting(Object::toString)
                .contains("SCOPE_access:decision:request")
                .noneMatch(a -> a.contains("document:document:read") || a.contains("nonsense"));
    }

    @Test
    void ACC_2_expiry_is_checked_on_every_request_even_from_the_cache() {
        ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(store, clock, Duration.ofMinutes(1));
        String token = issue(Duration.ofSeconds(10));
        assertThat(authenticator.authenticate(token).authentication()).isNotNull();

        clock.advance(Duration.ofSeconds(10));

        assertThat(authenticator.authenticate(token).refusal()).isEqualTo(ApiTokenAuthenticator.Refusal.EXPIRED);
        assertThat(store.lookups.get()).isEqualTo(1);
    }

    @Test
    void ACC_2_a_revocation_in_this_instance_is_refused_at_once_despite_the_cache() {
        ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(store, clock, Duration.ofMinutes(1));
        String token = issue(Duration.ofDays(1));
        ApiTokenAuthenticator.Outcome first = authenticator.authenticate(token);
        assertThat(first.authentication()).isNotNull();

        store.revoke(first.tokenId(), clock.instant(), null, "cache test");
        assertThat(authenticator.authenticate(token).authentication())
                .as("another instance's revocation is seen only after the TTL").isNotNull();
        authenticator.forget(first.tokenId());

        assertThat(authenticator.authenticate(token).refusal()).isEqualTo(ApiTokenAuthenticator.Refusal.REVOKED);
    }

    @Test
    void unknown_tokens_are_looked_up_every_time_and_never_cached() {
        ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(store, clock, Duration.ofMinutes(1));
        String unknown = ApiTokenFormat.generate();
        authenticator.authenticate(unknown);
        authenticator.authenticate(unknown);
        assertThat(store.lookups.get()).isEqualTo(2);
    }

    @Test
    void a_zero_ttl_switches_the_cache_off_and_a_ttl_over_a_minute_is_refused() {
        ApiTokenAuthenticator authenticator = new ApiTokenAuthenticator(store, clock, Duration.ZERO);
        String token = issue(Duration.ofDays(1));
        authenticator.authenticate(token);
        authenticator.authenticate(token);
        assertThat(store.lookups.get()).isEqualTo(2);

        assertThatThrownBy(() -> new ApiTokenAuthenticator(store, clock, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baomi.api.token-cache-ttl");
    }

    /** The real store, counting the lookups by hash (the query the cache saves). */
    private static final class CountingStore extends ApiTokenStore {
        final AtomicInteger lookups = new AtomicInteger();

        CountingStore(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        Optional<ApiTokenRecord> findByHash(String hash) {
            lookups.incrementAndGet();
            return super.findByHash(hash);
        }
    }
}
