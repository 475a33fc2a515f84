package org.baomi.audit.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.baomi.audit.AuditChain;
import org.baomi.audit.ChainStatus;
import org.springframework.stereotype.Component;

/**
 * The chain's health for monitoring (AUD-3), at {@code /actuator/prometheus}: the unsealed backlog (count, age of
 * the oldest), the sealing delay bound and the head. Read at most once a second, whatever the scrape rate.
 */
@Component
class ChainMetrics {

    private final AuditChain chain;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(long at, ChainStatus status) {
    }

    ChainMetrics(AuditChain chain, MeterRegistry registry) {
        this.chain = chain;
        Gauge.builder("baomi.audit.unsealed.entries", this, m -> m.status().unsealedEntries())
                .description("Audit entries committed but not yet sealed into the chain").register(registry);
        Gauge.builder("baomi.audit.unsealed.oldest", this, m -> seconds(m.status().oldestUnsealedAge()))
                .baseUnit("seconds").description("Age of the oldest unsealed audit entry").register(registry);
        Gauge.builder("baomi.audit.sealing.delay.bound", this, m -> seconds(m.status().sealingDelayBound()))
                .baseUnit("seconds").description("Seal interval plus the oldest running transaction").register(registry);
        Gauge.builder("baomi.audit.chain.head", this, m -> m.status().headSequence())
                .description("Last sealed sequence number of the audit chain").register(registry);
    }

    private ChainStatus status() {
        long now = System.nanoTime();
        Cached cached = cache.get();
        if (cached == null || now - cached.at() > 1_000_000_000L) {
            cached = new Cached(now, chain.status());
            cache.set(cached);
        }
        return cached.status();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
