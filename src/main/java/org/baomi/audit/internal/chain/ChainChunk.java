package org.baomi.audit.internal.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;

import org.baomi.shared.BinaryCopyRows;

/**
 * Reads one chunk of the chain (sequence numbers start to end) for a {@link ChainWalk} (AUD-3; issue 8,
 * verification of 300,000 entries/s and more): window by window, the chain rows by sequence number (primary key range), then the entries of the
 * window's (tx, id) range in (tx, id) order ({@code aud_entry_tx_idx}), merged in Java. The sealer chains entries in
 * exactly that order, so in an intact chain the two streams pair off one to one; PostgreSQL no longer joins, hashes
 * and sorts the whole entry table per chunk (which cost about as much CPU as all of Java's hashing).
 *
 * <p>A chain row whose entry does not come in order (reordered or altered rows, a changed {@code entry_tx}, a
 * missing entry) is still checked: its entry is looked up by id afterwards, exactly as the join did
 * ({@link ChainWalk#resolveDeferred}). Consecutive windows and chunks read every entry below the chain head once;
 * those that no chain row takes in order are handed to the verifier's unchained check, which then looks up only
 * them instead of probing the chain's entry index for every entry (about 2 µs of PostgreSQL CPU per entry).
 *
 * <p>Queries are built from numbers only (COPY takes no bind parameters).
 */
final class ChainChunk {

    private final ChainWalk walk;
    private final Window rows;
    private final Key head;
    private final Set<Long> skipped;
    /** Entries up to this key (exclusive lower bound of the next window's entry range) have been read. */
    private Key lower;

    /** A position in chain order: (transaction id, compared unsigned; entry id). */
    record Key(long tx, long id) {
        int compareTo(long otherTx, long otherId) {
            return compare(tx, id, otherTx, otherId);
        }
    }

    /**
     * @param lower   entries after this key (exclusive) and up to the chunk's chain rows belong to this chunk
     * @param head    the chain head's key: entries after it are not sealed yet and are never read
     * @param skipped receives the ids of entries in the chunk's range that no chain row took in order: candidates
     *                for the verifier's unchained check (shared by the chunks; thread-safe)
     */
    ChainChunk(ChainWalk walk, int windowSize, Key lower, Key head, Set<Long> skipped) {
        this.walk = walk;
        this.rows = new Window(windowSize);
        this.lower = lower;
        this.head = head;
        this.skipped = skipped;
    }

    /** Walks sequence numbers start to end on {@code connection} (in the caller's read-only transaction), then ends the walk. */
    void read(Connection connection, long start, long end) throws SQLException {
        for (long from = start; from <= end; from += rows.capacity) {
            long to = Math.min(end, from + rows.capacity - 1);
            rows.load(connection, from, to);
            if (rows.size > 0) {
                merge(connection);
                walk.resolveDeferred(connection);
            }
        }
        walk.finish(end);
    }

    /**
     * Pairs the window's rows with the entries after {@link #lower} up to the window's highest key (never beyond
     * the head), so that consecutive windows and chunks read every entry below the head once in an intact chain.
     */
    private void merge(Connection connection) throws SQLException {
        int n = rows.size;
        int r = 0;
        Key upper = rows.maxKey();
        if (upper.compareTo(lower.tx(), lower.id()) < 0) {
            upper = lower;
        }
        if (upper.compareTo(head.tx(), head.id()) > 0) {
            upper = head;
        }
        if (upper.compareTo(lower.tx(), lower.id()) <= 0) {
            while (r < n) {
                walk.row(rows, r++, null);
            }
            return;
        }
        try (BinaryCopyRows entries = BinaryCopyRows.open(connection, "SELECT e.tx, e.id, " + BinaryEntry.COLUMNS
                + " FROM aud_entry e WHERE (e.tx, e.id) > ('" + Long.toUnsignedString(lower.tx()) + "'::xid8, "
                + lower.id() + ") AND (e.tx, e.id) <= ('" + Long.toUnsignedString(upper.tx()) + "'::xid8, "
                + upper.id() + ") ORDER BY e.tx, e.id")) {
            while (entries.nextRow() >= 0) {
                long tx = entries.int8NotNull();
                long id = entries.int8NotNull();
                while (r < n && compare(rows.tx[r], rows.entryId[r], tx, id) < 0) {
                    walk.row(rows, r++, null);
                }
                if (r < n && rows.tx[r] == tx && rows.entryId[r] == id) {
                    walk.row(rows, r++, entries);
                } else {
                    skipped.add(id);
                    BinaryEntry.skip(entries);
                }
            }
        }
        while (r < n) {
            walk.row(rows, r++, null);
        }
        lower = upper;
    }

    private static int compare(long txA, long idA, long txB, long idB) {
        int byTx = Long.compareUnsigned(txA, txB);
        return byTx != 0 ? byTx : Long.compare(idA, idB);
    }

    /** Chain rows of one window, column by column; reused window after window. */
    static final class Window {
        final int capacity;
        int size;
        long[] seq;
        long[] entryId;
        long[] tx;
        int[] segmentId;
        long[] batchId;
        byte[][] prevHash;
        byte[][] entryHash;
        boolean[] macValid;
        long maxTx;
        long maxId;

        Key maxKey() {
            return new Key(maxTx, maxId);
        }

        Window(int capacity) {
            this.capacity = capacity;
            seq = new long[capacity];
            entryId = new long[capacity];
            tx = new long[capacity];
            segmentId = new int[capacity];
            batchId = new long[capacity];
            prevHash = new byte[capacity][];
            entryHash = new byte[capacity][];
            macValid = new boolean[capacity];
        }

        private void grow() {
            int more = seq.length * 2;
            seq = Arrays.copyOf(seq, more);
            entryId = Arrays.copyOf(entryId, more);
            tx = Arrays.copyOf(tx, more);
            segmentId = Arrays.copyOf(segmentId, more);
            batchId = Arrays.copyOf(batchId, more);
            prevHash = Arrays.copyOf(prevHash, more);
            entryHash = Arrays.copyOf(entryHash, more);
            macValid = Arrays.copyOf(macValid, more);
        }

        void load(Connection connection, long from, long to) throws SQLException {
            size = 0;
            try (BinaryCopyRows in = BinaryCopyRows.open(connection, "SELECT seq, entry_id, entry_tx, segment_id,"
                    + " batch_id, prev_hash, entry_hash, mac_valid FROM aud_chain WHERE seq >= " + from
                    + " AND seq <= " + to + " ORDER BY seq")) {
                while (in.nextRow() >= 0) {
                    if (size == seq.length) {
                        grow(); // only if sequence numbers repeat: someone dropped the primary key
                    }
                    int i = size++;
                    seq[i] = in.int8NotNull();
                    entryId[i] = in.int8NotNull();
                    tx[i] = in.int8NotNull();
                    segmentId[i] = in.int4();
                    batchId[i] = in.int8NotNull();
                    prevHash[i] = in.bytes();
                    entryHash[i] = in.bytes();
                    macValid[i] = in.bool();
                    if (i == 0 || compare(tx[i], entryId[i], maxTx, maxId) > 0) {
                        maxTx = tx[i];
                        maxId = entryId[i];
                    }
                }
            }
        }
    }
}
