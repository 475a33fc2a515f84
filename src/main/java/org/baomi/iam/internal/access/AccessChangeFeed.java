package org.baomi.iam.internal.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this instance's {@link AccessModel} in step with the database: a full load at start, then the change log
 * ({@code iam_access_change}, filled by triggers in the transaction of each change) polled every
 * {@code baomi.access.refresh-interval} (250 ms), so a change made on any instance takes effect everywhere within a
 * second (issue 3). Changes made on this instance are applied right after their commit as well.
 *
 * <p>Ids of a BIGSERIAL become visible out of order when transactions commit out of order: ids skipped over by a poll
 * are remembered as holes and asked for again for a while, so a late commit is not lost. Applying a change reloads
 * the entity it names, so applying one twice is harmless.
 */
@Component
public class AccessChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessChangeFeed.class);

    /** How long a skipped id is asked for again (longer than any transaction that writes access data). */
    private static final long HOLE_RETENTION_NANOS = TimeUnit.MINUTES.toNanos(2);
    /** How often expired grants and sessions are pruned from the model. */
    static final long PRUNE_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);
    /** Changes read from the log per query. */
    static final int BATCH = 5000;

    private final AccessModel model = new AccessModel();
    private final AccessModelLoader loader;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long intervalMillis;
    private final Map<Long, Long> holes = new LinkedHashMap<>();
    private long lastId;
    private long lastPruneMillis = Long.MIN_VALUE / 2;
    private volatile boolean loaded;
    private ScheduledExecutorService poller;

    AccessChangeFeed(AccessModelLoader loader, JdbcClient jdbc, Clock clock,
            @Value("${baomi.access.refresh-interval:250ms}") java.time.Duration interval) {
        this.loader = loader;
        this.jdbc = jdbc;
        this.clock = clock;
        this.intervalMillis = Math.max(10, interval.toMillis());
    }

    /** The model, loaded on first use. */
    public AccessModel model() {
        if (!loaded) {
            load();
        }
        return model;
    }

    private synchronized void load() {
        if (!loaded) {
            lastId = loader.lastChangeId();
            loader.loadAll(model, clock.instant());
            loaded = true;
            log.info("Access model loaded: {}", model.size());
        }
    }

    /**
     * Applies every change committed since the last poll; returns how many were applied. The log is read in batches
     * of {@value #BATCH} until it is drained: a bulk import or the demo load writes a hundred thousand changes in one
     * commit, and all of them must apply by the next poll, not one batch per interval (a patient's object entry
     * arriving seconds after its care relationships would deny the care team meanwhile).
     */
    public synchronized int poll() {
        if (!loaded) {
            load();
            return 0;
        }
        int applied = 0;
        int batch;
        do {
            batch = pollBatch();
            applied += batch;
        } while (batch >= BATCH);
        pruneIfDue();
        return applied;
    }

    private int pollBatch() {
        List<Long> holeIds = new ArrayList<>(holes.keySet());
        record Change(long id, String kind, String key1, String key2) {
        }
        List<Change> changes = jdbc.sql("""
                SELECT id, kind, key1, key2 FROM iam_access_change
                WHERE id > :last OR id IN (SELECT unnest(CAST(:holes AS BIGINT[])))
                ORDER BY id
                LIMIT :batch
                """).param("last", lastId).param("batch", BATCH).param("holes", holeIds.toArray(new Long[0]))
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        long now = System.nanoTime();
        holes.values().removeIf(seen -> now - seen > HOLE_RETENTION_NANOS);
        Set<String> done = new LinkedHashSet<>();
        // objects and care relationships arrive by the thousand from imports: reloaded in bulk after the loop
        // (a reload reflects the current row, and care entries need no object entry first, so order does not matter)
        Map<String, List<String>> objectIds = new LinkedHashMap<>();
        List<Long> careIds = new ArrayList<>();
        for (Change change : changes) {
            if (holes.remove(change.id()) == null && change.id() > lastId) {
                // a gap far wider than any burst of concurrent writers is a sequence jump, not pending commits
                for (long skipped = Math.max(lastId + 1, change.id() - 1000); skipped < change.id(); skipped++) {
                    holes.put(skipped, now);
                }
                lastId = change.id();
            }
            // one reload per entity and poll is enough
            if (done.add(change.kind() + "|" + change.key1() + "|" + change.key2())) {
                if ("OBJECT".equals(change.kind())) {
                    objectIds.computeIfAbsent(change.key1(), k -> new ArrayList<>()).add(change.key2());
                } else if ("CARE".equals(change.kind())) {
                    careIds.add(Long.parseLong(change.key1()));
                } else {
                    apply(change.kind(), change.key1(), change.key2());
                }
            }
        }
        objectIds.forEach((type, ids) -> loader.reloadObjects(model, type, ids));
        if (!careIds.isEmpty()) {
            loader.reloadCares(model, careIds);
        }
        return changes.size();
    }

    /** ACC-4, ACC-6: expired grants and sessions leave the model once a minute (by this instance's clock). */
    private void pruneIfDue() {
        long nowMillis = clock.millis();
        if (nowMillis - lastPruneMillis >= PRUNE_INTERVAL_MILLIS || nowMillis < lastPruneMillis) {
            lastPruneMillis = nowMillis;
            int removed = model.pruneExpired(nowMillis);
            if (removed > 0) {
                log.debug("Access model: {} expired grants and sessions pruned", removed);
            }
        }
    }

    /** Polls as soon as the current transaction commits (at once without one): local changes apply at once. */
    public void pollAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pollQuietly();
                }
            });
        } else {
            pollQuietly();
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the scheduled poll retries; a failed refresh must not fail the committed change
            log.warn("Access model refresh failed; retried by the next poll", e);
        }
    }

    private void apply(String kind, String key1, String key2) {
        switch (kind) {
            case "PERSON" -> loader.reloadPerson(model, Long.parseLong(key1));
            case "ROLE" -> loader.reloadRole(model, Long.parseLong(key1));
            case "POST" -> loader.reloadPost(model, Long.parseLong(key1));
            case "HOLD" -> loader.reloadHold(model, Long.parseLong(key1));
            case "OBJECT" -> loader.reloadObject(model, key1, key2);
            case "DISTRIBUTION" -> loader.reloadDistribution(model, key1, key2);
            case "CARE" -> loader.reloadCare(model, Long.parseLong(key1));
            case "GRANT" -> loader.reloadGrant(model, Long.parseLong(key1));
            case "GLASS" -> loader.reloadGlass(model, Long.parseLong(key1));
            case "POLICY" -> loader.reloadPolicy(model);
            default -> log.warn("Unknown access change kind {}", kind);
        }
    }

    @Override
    public synchronized void start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "access-model-refresh");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::pollQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
