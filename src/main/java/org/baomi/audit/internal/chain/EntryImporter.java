package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk import of audit entries (AUD-1; issue 8 "bulk import of external events"): every entry gets its id and its
 * MAC as any entry written by Baomi, and all of them go into {@code aud_entry} with ONE {@code COPY ... FROM STDIN}
 * on the caller's connection, in the caller's transaction: the import is whole or absent (a bad entry, found by the
 * caller's iterator or by PostgreSQL, cancels the COPY and the caller rolls back). The entries are sealed afterwards
 * like any other ((tx, id) order: they share the importing transaction's id).
 *
 * <p>Pipelined: the calling thread takes entries from the iterator, fetches ids and PostgreSQL's normalised
 * {@code jsonb} text of their details in blocks on a second connection (both are independent of the transaction:
 * sequence values are never rolled back anyway, and the normalisation is a pure function), computes MACs and encodes
 * COPY rows, while a second thread streams the encoded blocks into the COPY, so that PostgreSQL never waits for Java.
 */
public final class EntryImporter {

    private static final int BLOCK = 5_000;
    private static final byte[] END = new byte[0];
    private static final String IDS = "SELECT nextval('aud_entry_id_seq') FROM generate_series(1, ?)";
    private static final String NORMALISE = "SELECT CAST(u.d AS jsonb)::text FROM unnest(CAST(? AS text[]))"
            + " WITH ORDINALITY AS u(d, i) ORDER BY u.i";

    private final DataSource dataSource;
    private final EntryMac mac;

    public EntryImporter(DataSource dataSource, EntryMac mac) {
        this.dataSource = dataSource;
        this.mac = mac;
    }

    /** What was imported: how many entries and their id range (ids are increasing in iteration order). */
    public record Imported(long count, Long firstId, Long lastId) {
    }

    /**
     * Copies every entry of {@code entries} on {@code connection}, which must be in a transaction the caller rolls
     * back if this throws. Exceptions of the iterator (invalid input) are thrown as they are, after the COPY was
     * cancelled.
     */
    public Imported copy(Connection connection, Iterator<EntryWriter.NewEntry> entries) throws SQLException {
        BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(4);
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), EntryCopy.COPY,
                1 << 16);
        CompletableFuture<Void> streamer = new CompletableFuture<>();
        Thread streaming = new Thread(() -> {
            try {
                stream(blocks, out);
                streamer.complete(null);
            } catch (RuntimeException | Error e) {
                streamer.completeExceptionally(e);
            }
        }, "audit-import-copy");
        streaming.setDaemon(true);
        streaming.start();
        long count = 0;
        Long first = null;
        Long last = null;
        try (Connection helper = dataSource.getConnection()) {
            helper.setAutoCommit(true);
            List<EntryWriter.NewEntry> block = new ArrayList<>(BLOCK);
            while (entries.hasNext()) {
                block.add(entries.next());
                if (block.size() == BLOCK || !entries.hasNext()) {
                    long[] ids = encode(helper, block, blocks, streamer);
                    first = first == null ? ids[0] : first;
                    last = ids[ids.length - 1];
                    count += block.size();
                    block.clear();
                }
            }
            put(blocks, END, streamer);
            streamer.get();
            long copied = out.endCopy();
            if (copied != count) {
                throw new SQLException("COPY stored " + copied + " audit entries of " + count);
            }
            return new Imported(count, first, last);
        } catch (RuntimeException | SQLException | InterruptedException | ExecutionException e) {
            // Stop the streaming thread before touching the COPY from this one.
            streaming.interrupt();
            try {
                streaming.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            blocks.clear();
            if (out.isActive()) {
                try {
                    out.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof ExecutionException ee) {
                throw new SQLException("COPY of imported audit entries failed: " + ee.getCause().getMessage(),
                        ee.getCause());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw e instanceof SQLException s ? s : new SQLException("Importing audit entries failed", e);
        }
    }

    private long[] encode(Connection helper, List<EntryWriter.NewEntry> block, BlockingQueue<byte[]> blocks,
            CompletableFuture<Void> streamer) throws SQLException, InterruptedException {
        long[] ids = new long[block.size()];
        try (PreparedStatement ps = helper.prepareStatement(IDS)) {
            ps.setInt(1, block.size());
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        Map<String, String> normalised = normalise(helper, block);
        StringBuilder text = new StringBuilder(block.size() * 256);
        for (int i = 0; i < block.size(); i++) {
            EntryWriter.NewEntry n = block.get(i);
            Instant at = n.occurredAt().truncatedTo(ChronoUnit.MICROS);
            EntryRow row = new EntryRow(ids[i], EntryRow.micros(at), n.actorId(), n.actorName(), n.actorDepartment(),
                    n.actorKind(), n.sourceAddress(), n.sessionRef(), n.action(), n.objectType(), n.objectId(),
                    n.secretLevel(), n.outcome(), n.reasonKey(), normalised.get(n.detailsJson()), n.patientId(), null);
            EntryCopy.append(text, row.withMac(mac.mac(row)));
        }
        put(blocks, text.toString().getBytes(StandardCharsets.UTF_8), streamer);
        return ids;
    }

    /** PostgreSQL's text of each distinct details value of the block (imports repeat a few shapes). */
    private static Map<String, String> normalise(Connection helper, List<EntryWriter.NewEntry> block)
            throws SQLException {
        List<String> distinct = block.stream().map(EntryWriter.NewEntry::detailsJson).distinct().toList();
        Map<String, String> out = new HashMap<>(distinct.size() * 2);
        try (PreparedStatement ps = helper.prepareStatement(NORMALISE)) {
            Array array = helper.createArrayOf("text", distinct.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    out.put(distinct.get(i), rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void put(BlockingQueue<byte[]> blocks, byte[] block, CompletableFuture<Void> streamer)
            throws InterruptedException {
        while (!blocks.offer(block, 100, TimeUnit.MILLISECONDS)) {
            if (streamer.isDone()) {
                // the streamer failed (PostgreSQL refused a row): its exception is raised by the caller's get()
                streamer.join();
            }
        }
    }

    private static void stream(BlockingQueue<byte[]> blocks, PGCopyOutputStream out) {
        try {
            while (true) {
                byte[] block = blocks.take();
                if (block == END) {
                    out.flush();
                    return;
                }
                out.write(block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
