package org.baomi.audit.internal.chain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of independently written audit entries (AUD-1; issue 8 "ingest with durable acknowledgement").
 * Callers hand their entry to a bounded queue; writer threads take whatever has gathered (at most
 * {@code maxBatch}), write it in ONE transaction (ids and PostgreSQL's normalised details text for all entries in
 * one round trip, then one COPY), commit, and only then complete each caller's wait. A lone caller
 * is written at once: a writer waits for the first entry, never for company.
 *
 * <p>Guarantees: {@link #write} returns only after the entry's transaction committed (with
 * {@code synchronous_commit} on, durably); it throws {@link AuditNotWrittenException} if the batch failed, the
 * queue stayed full for {@code enqueueTimeout} (back-pressure, never dropping) or the commit was not confirmed
 * within {@code ackTimeout}. If an INSERT fails (nothing committed), the entries of that batch are retried one per
 * transaction so that one bad entry does not fail its neighbours; if the COMMIT itself fails, its outcome is
 * unknown and every caller of the batch gets the exception (an entry may then exist for an operation reported as
 * failed; never the reverse). The MAC and the row are exactly those of {@link EntryWriter}; the sealer orders
 * entries by (transaction id, id) as ever. {@link #close} refuses new entries and drains the queue.
 */
public final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private static final String PREPARE = "SELECT nextval('aud_entry_id_seq') AS id, CAST(u.d AS jsonb)::text AS d"
            + " FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS u(d, i) ORDER BY u.i";

    private final DataSource dataSource;
    private final EntryMac mac;
    private final GroupCommitProperties settings;
    /** Linked: callers enqueue under one lock while a writer drains under another (hundreds of callers). */
    private final BlockingQueue<Pending> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean accepting;

    public GroupCommitWriter(DataSource dataSource, EntryMac mac, GroupCommitProperties settings) {
        this.dataSource = dataSource;
        this.mac = mac;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        start();
    }

    /**
     * Starts the writer threads and accepts entries; does nothing while running. A writer closed by {@link #close}
     * can be started again (an application context that is stopped and started again, as the test framework does
     * with contexts it pauses, must write again).
     */
    public synchronized void start() {
        if (accepting) {
            return;
        }
        threads.clear();
        accepting = true;
        for (int i = 0; i < settings.writers(); i++) {
            Thread thread = new Thread(this::run, "audit-group-commit-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Writes the entry in a transaction of its own (shared with concurrent callers) and waits for its commit.
     *
     * @return the entry's id
     * @throws AuditNotWrittenException if the entry is not known to be committed
     */
    public long write(EntryWriter.NewEntry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        if (!accepting) {
            throw new AuditNotWrittenException("The audit writer is shutting down; the entry was not written");
        }
        try {
            if (!queue.offer(pending, settings.enqueueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AuditNotWrittenException("The audit writer's queue stayed full for "
                        + settings.enqueueTimeout() + " (" + settings.queueCapacity()
                        + " entries waiting); the entry was not written");
            }
            if (!accepting && queue.remove(pending)) {
                throw new AuditNotWrittenException("The audit writer is shutting down; the entry was not written");
            }
            return pending.done().get(settings.ackTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditNotWrittenException("Interrupted while waiting for the audit entry's commit", e);
        } catch (ExecutionException e) {
            throw new AuditNotWrittenException("The audit entry was not written: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new AuditNotWrittenException("The audit entry's commit was not confirmed within "
                    + settings.ackTimeout(), e);
        }
    }

    /** Entries waiting for a writer now (for metrics and tests). */
    public int queued() {
        return queue.size();
    }

    /** Refuses new entries, writes those already queued, and waits for the writers (at most the ack timeout). */
    @Override
    public synchronized void close() {
        accepting = false;
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(
                    new AuditNotWrittenException("The audit writer stopped before writing the entry"));
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (!accepting) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, settings.maxBatch() - 1);
            try {
                writeBatch(List.copyOf(batch));
            } catch (RuntimeException | Error e) {
                // Never leave a caller waiting for a batch the writer gave up on.
                batch.forEach(p -> p.done().completeExceptionally(e));
                log.error("Writing a batch of {} audit entries failed", batch.size(), e);
            }
        }
    }

    /** Writes and commits the batch, then completes each caller; package-private so tests can form a batch. */
    void writeBatch(List<Pending> batch) {
        Attempt attempt = attempt(batch);
        if (attempt.insertFailure() != null && batch.size() > 1) {
            // Nothing committed: find the bad entry by writing each alone, the others still succeed.
            batch.forEach(p -> writeBatch(List.of(p)));
            return;
        }
        Exception failure = attempt.insertFailure() != null ? attempt.insertFailure() : attempt.commitFailure();
        if (failure != null) {
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(attempt.ids().get(i));
        }
    }

    private Attempt attempt(List<Pending> batch) {
        List<Long> ids = new ArrayList<>(batch.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, batch, ids);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                return new Attempt(null, e, null);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                return new Attempt(null, null, e);
            }
            return new Attempt(ids, null, null);
        } catch (SQLException e) {
            // No connection (or closing it failed after the outcome was decided above).
            return new Attempt(null, null, e);
        }
    }

    private void insert(Connection connection, List<Pending> batch, List<Long> ids) throws SQLException {
        List<String> details = new ArrayList<>(batch.size());
        try (PreparedStatement prepare = connection.prepareStatement(PREPARE)) {
            Array array = connection.createArrayOf("text",
                    batch.stream().map(p -> p.entry().detailsJson()).toArray());
            prepare.setArray(1, array);
            try (ResultSet rs = prepare.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                    details.add(rs.getString("d"));
                }
            }
        }
        // One COPY for the whole batch: PostgreSQL's cheapest insert path (multi-row heap and index inserts).
        StringBuilder rows = new StringBuilder(batch.size() * 256);
        for (int i = 0; i < batch.size(); i++) {
            EntryWriter.NewEntry n = batch.get(i).entry();
            Instant at = n.occurredAt().truncatedTo(ChronoUnit.MICROS);
            EntryRow row = new EntryRow(ids.get(i), EntryRow.micros(at), n.actorId(), n.actorName(),
                    n.actorDepartment(), n.actorKind(), n.sourceAddress(), n.sessionRef(), n.action(),
                    n.objectType(), n.objectId(), n.secretLevel(), n.outcome(), n.reasonKey(), details.get(i),
                    n.patientId(), null);
            EntryCopy.append(rows, row.withMac(mac.mac(row)));
        }
        EntryCopy.copy(connection, rows);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rolling back a failed audit batch failed", e);
        }
    }

    /** One caller's entry and the wait it is released from. */
    record Pending(EntryWriter.NewEntry entry, CompletableFuture<Long> done) {
    }

    private record Attempt(List<Long> ids, Exception insertFailure, Exception commitFailure) {
    }
}
