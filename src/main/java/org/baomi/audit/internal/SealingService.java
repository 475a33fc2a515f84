package org.baomi.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.baomi.audit.AuditChain;
import org.baomi.audit.ChainBreakage;
import org.baomi.audit.ChainPosition;
import org.baomi.audit.ChainStatus;
import org.baomi.audit.internal.chain.AnchorKeys;
import org.baomi.audit.internal.chain.Anchoring;
import org.baomi.audit.internal.chain.AuditChainProperties;
import org.baomi.audit.internal.chain.ChainSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs the sealer and the anchoring on a thread of their own (AUD-3): every {@code baomi.audit.seal-interval} it
 * seals what is ready and, every {@code baomi.audit.anchor-interval}, anchors the head. On shutdown, after the web
 * server has stopped taking requests, it seals the rest and anchors the final head. An entry whose MAC does not
 * verify is still sealed, and raised as a broken chain.
 *
 * <p>Maximum sealing delay: the seal interval plus the duration of the longest database transaction that holds a
 * transaction id while the entry waits (an entry can only be sealed once every older transaction has ended).
 */
@Service
class SealingService implements AuditChain, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SealingService.class);
    private static final HexFormat HEX = HexFormat.of();

    private final ChainSealer sealer;
    private final Anchoring anchoring;
    private final AnchorKeys keys;
    private final ChainAlerts alerts;
    private final JdbcClient jdbc;
    private final AuditChainProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    SealingService(ChainSealer sealer, Anchoring anchoring, AnchorKeys keys, ChainAlerts alerts, JdbcClient jdbc,
            AuditChainProperties properties, Clock clock) {
        this.sealer = sealer;
        this.anchoring = anchoring;
        this.keys = keys;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public long sealPending() {
        return seal(true);
    }

    private long seal(boolean wait) {
        ChainSealer.SealResult result = sealer.sealPending(wait);
        for (ChainSealer.Unauthentic forged : result.unauthenticated()) {
            alerts.broken(forged.seq(), ChainBreakage.ENTRY_NOT_AUTHENTIC, null,
                    Map.of("entryId", forged.entryId(), "detectedBy", "sealer"));
        }
        return result.headSeq();
    }

    private void tick() {
        try {
            seal(false);
            anchoring.anchorIfDue(properties.anchorInterval());
        } catch (RuntimeException e) {
            // The next tick tries again; entries stay committed meanwhile, only their sealing waits.
            log.error("Sealing the audit chain failed", e);
        }
    }

    @Override
    public ChainStatus status() {
        record Head(long seq, int segment, String algorithm, String tx, long entryId) {
        }
        Head head = jdbc.sql("""
                SELECT c.seq, c.segment_id, s.hash_algorithm, c.entry_tx::text, c.entry_id
                FROM aud_chain c JOIN aud_segment s ON s.id = c.segment_id ORDER BY c.seq DESC LIMIT 1
                """).query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).optional()
                .orElse(new Head(0, 0, properties.hashAlgorithm().dbName(), "0", 0));
        record Backlog(long count, Instant oldest) {
        }
        Backlog backlog = jdbc.sql("""
                SELECT count(*), min(occurred_at) FROM aud_entry WHERE (tx, id) > (CAST(:tx AS xid8), :id)
                """).param("tx", head.tx()).param("id", head.entryId())
                .query((rs, i) -> new Backlog(rs.getLong(1), toInstant(rs.getObject(2, OffsetDateTime.class))))
                .single();
        Duration longest = jdbc.sql("""
                SELECT coalesce(extract(epoch FROM max(clock_timestamp() - xact_start)), 0) * 1000
                FROM pg_stat_activity WHERE backend_xid IS NOT NULL
                """).query(Double.class).optional().map(ms -> Duration.ofMillis(ms.longValue())).orElse(Duration.ZERO);
        record LastAnchor(long id, long seq, Instant at) {
        }
        LastAnchor anchor = jdbc.sql("SELECT id, seq, created_at FROM aud_anchor ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> new LastAnchor(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).optional().orElse(null);
        Duration age = backlog.oldest() == null ? Duration.ZERO : Duration.between(backlog.oldest(), clock.instant());
        return new ChainStatus(head.seq(), head.segment(), head.algorithm(), backlog.count(),
                age.isNegative() ? Duration.ZERO : age, properties.sealInterval().plus(longest),
                anchor == null ? null : anchor.id(), anchor == null ? null : anchor.seq(),
                anchor == null ? null : anchor.at(), keys.current().keyId());
    }

    @Override
    public Optional<ChainPosition> positionOf(long entryId) {
        Optional<ChainPosition> sealed = jdbc.sql("""
                SELECT c.seq, c.segment_id, s.hash_algorithm, c.prev_hash, c.entry_hash, c.batch_id, c.mac_valid
                FROM aud_chain c JOIN aud_segment s ON s.id = c.segment_id WHERE c.entry_id = :id
                """).param("id", entryId).query((rs, i) -> new ChainPosition(entryId, true, rs.getLong(1),
                        rs.getInt(2), rs.getString(3), HEX.formatHex(rs.getBytes(4)), HEX.formatHex(rs.getBytes(5)),
                        rs.getLong(6), rs.getBoolean(7))).optional();
        if (sealed.isPresent()) {
            return sealed;
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM aud_entry WHERE id = :id").param("id", entryId)
                .query(Long.class).single() > 0;
        return exists ? Optional.of(new ChainPosition(entryId, false, null, null, null, null, null, null, null))
                : Optional.empty();
    }

    @Override
    public Map<Long, ChainPosition> positionsOf(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        if (entryIds.size() > 1_000) {
            throw new IllegalArgumentException("At most 1,000 entry ids at a time");
        }
        Map<Long, ChainPosition> positions = new HashMap<>();
        jdbc.sql("""
                SELECT e.id, c.seq, c.segment_id, s.hash_algorithm, c.prev_hash, c.entry_hash, c.batch_id, c.mac_valid
                FROM aud_entry e LEFT JOIN aud_chain c ON c.entry_id = e.id LEFT JOIN aud_segment s ON s.id = c.segment_id
                WHERE e.id IN (:ids)
                """).param("ids", List.copyOf(entryIds)).query(rs -> {
                    long id = rs.getLong(1);
                    long seq = rs.getLong(2);
                    positions.put(id, rs.wasNull() ? new ChainPosition(id, false, null, null, null, null, null, null, null)
                            : new ChainPosition(id, true, seq, rs.getInt(3), rs.getString(4),
                                    HEX.formatHex(rs.getBytes(5)), HEX.formatHex(rs.getBytes(6)), rs.getLong(7),
                                    rs.getBoolean(8)));
                });
        return positions;
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Override
    public synchronized void start() {
        keys.current();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sealInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Seals the rest and anchors the final head once no more requests come in (the web server stopped first). */
    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            seal(true);
            anchoring.anchorIfDue(Duration.ZERO).ifPresent(a -> log.info("Audit chain anchored at sequence {} on"
                    + " shutdown (anchor {})", a.seq(), a.id()));
        } catch (RuntimeException e) {
            log.error("Final sealing of the audit chain failed; the next start seals the rest", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (graceful shutdown phase), so that its last requests' entries are sealed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
