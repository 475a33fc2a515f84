package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;


import org.baomi.shared.BinaryCopyRows;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit entries into the chain (AUD-3), transparency-log style: business transactions only insert
 * into {@code aud_entry}; this takes the entries whose inserting transactions have all ended
 * ({@code tx < pg_snapshot_xmin(pg_current_snapshot())}), in (tx, id) order, gives them gap-free sequence numbers
 * and hashes them, one batch per transaction with its Merkle root.
 *
 * <p>Why this order is final: transaction ids are handed out in increasing order, so once every transaction below
 * the snapshot's xmin has ended no new entry can appear below it; each batch starts where the previous ended.
 * One sealer at a time across instances: a transaction-scoped PostgreSQL advisory lock (released at commit, even
 * if the instance dies), and the chain's primary and unique keys would refuse a second writer anyway.
 *
 * <p>Plain class, so that the tamper tests can run it on a scratch database.
 */
public final class ChainSealer {

    /** Advisory lock key of the chain head ("BAOMIAUD"). */
    public static final long LOCK_KEY = 0x4241_4F4D_4941_5544L;
    private static final byte[] ZERO_HASH = new byte[HashAlgorithm.LENGTH];
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final EntryMac mac;
    private final HashAlgorithm algorithm;
    private final Clock clock;
    private final int batchLimit;

    public ChainSealer(JdbcTemplate template, TransactionTemplate transactions, EntryMac mac, HashAlgorithm algorithm,
            Clock clock, int batchLimit) {
        this.jdbc = JdbcClient.create(template);
        this.template = template;
        this.transactions = transactions;
        this.mac = mac;
        this.algorithm = algorithm;
        this.clock = clock;
        this.batchLimit = batchLimit;
    }

    /**
     * What one call sealed.
     *
     * @param sealed           entries added to the chain
     * @param headSeq          the chain's last sequence number afterwards (0: empty)
     * @param unauthenticated  sealed entries whose MAC did not verify (written around Baomi)
     * @param lockTaken        false when another sealer held the chain head and {@code wait} was false
     */
    public record SealResult(int sealed, long headSeq, List<Unauthentic> unauthenticated, boolean lockTaken) {
    }

    /** A sealed entry whose MAC did not verify, and where it was sealed. */
    public record Unauthentic(long entryId, long seq) {
    }

    /**
     * Seals every entry that is ready, in batches of at most the batch limit.
     *
     * @param wait true: wait for another sealer to finish; false: give up at once if one is running
     */
    public SealResult sealPending(boolean wait) {
        int total = 0;
        long head = 0;
        List<Unauthentic> unauthenticated = new ArrayList<>();
        while (true) {
            BatchOutcome outcome = transactions.execute(status -> sealOneBatch(wait));
            if (outcome == null) {
                return new SealResult(total, head, unauthenticated, false);
            }
            total += outcome.sealed();
            head = outcome.headSeq();
            unauthenticated.addAll(outcome.unauthenticated());
            if (outcome.sealed() < batchLimit) {
                return new SealResult(total, head, unauthenticated, true);
            }
        }
    }

    private record BatchOutcome(int sealed, long headSeq, List<Unauthentic> unauthenticated) {
    }

    private record Head(long seq, byte[] hash, int segmentId, String tx, long entryId) {
    }

    private BatchOutcome sealOneBatch(boolean wait) {
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleValue();
        } else if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                .query(Boolean.class).single())) {
            return null;
        }
        String xmin = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
        Head head = jdbc.sql("""
                SELECT seq, entry_hash, segment_id, entry_tx::text AS tx, entry_id FROM aud_chain
                ORDER BY seq DESC LIMIT 1
                """).query((rs, i) -> new Head(rs.getLong("seq"), rs.getBytes("entry_hash"), rs.getInt("segment_id"),
                        rs.getString("tx"), rs.getLong("entry_id"))).optional()
                .orElse(new Head(0, ZERO_HASH, 0, "0", 0));
        long lastTx = Long.parseUnsignedLong(head.tx());
        long xminTx = Long.parseUnsignedLong(xmin);
        Ready ready = new Ready();
        // Binary COPY of the ready entries: the canonical body is copied from PostgreSQL's wire format (no string
        // decoding); the bounds are numbers read from the database above (COPY takes no parameters).
        template.execute((Connection connection) -> {
            try (BinaryCopyRows rows = BinaryCopyRows.open(connection, "SELECT e.tx, " + BinaryEntry.COLUMNS
                    + " FROM aud_entry e WHERE (e.tx, e.id) > ('" + Long.toUnsignedString(lastTx) + "'::xid8, "
                    + head.entryId() + ") AND e.tx < '" + Long.toUnsignedString(xminTx) + "'::xid8"
                    + " ORDER BY e.tx, e.id LIMIT " + batchLimit)) {
                while (rows.nextRow() >= 0) {
                    ready.read(rows);
                }
            }
            return null;
        });
        if (ready.size == 0) {
            return new BatchOutcome(0, head.seq(), List.of());
        }
        Segment segment = currentSegment(head);
        byte[] prev = head.seq() + 1 == segment.firstSeq() ? segment.genesisHash() : head.hash();
        long batchId = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM aud_batch").query(Long.class).single();
        HashAlgorithm.Hasher hasher = segment.algorithm().newHasher();
        List<Unauthentic> unauthenticated = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>(ready.size);
        StringBuilder chainRows = new StringBuilder(ready.size * 200);
        byte[] seqBytes = new byte[8];
        long seq = head.seq();
        byte[] data = ready.data.data();
        for (int i = 0; i < ready.size; i++) {
            seq++;
            for (int b = 0; b < 8; b++) {
                seqBytes[b] = (byte) (seq >>> (56 - 8 * b));
            }
            // entry hash = H(prev | i64 seq | body | MAC as bytes), as CanonicalEntry.hashInput
            hasher.update(prev, 0, prev.length);
            hasher.update(seqBytes, 0, 8);
            hasher.update(data, ready.start[i], ready.end[i] - ready.start[i]);
            byte[] hash = hasher.digest();
            boolean macValid = mac.verifies(data, ready.start[i], ready.macStart[i] - ready.start[i],
                    ready.macStart[i] + 4, ready.end[i] - ready.macStart[i] - 4);
            if (!macValid) {
                unauthenticated.add(new Unauthentic(ready.entryId[i], seq));
            }
            chainRows.append(seq).append('\t').append(ready.entryId[i]).append('\t')
                    .append(Long.toUnsignedString(ready.tx[i])).append('\t').append(segment.id()).append('\t')
                    .append(batchId).append("\t\\\\x").append(HEX.formatHex(prev)).append("\t\\\\x")
                    .append(HEX.formatHex(hash)).append('\t').append(macValid ? 't' : 'f').append('\n');
            hashes.add(hash);
            prev = hash;
        }
        byte[] root = Merkle.root(segment.algorithm(), hashes);
        jdbc.sql("""
                INSERT INTO aud_batch (id, segment_id, first_seq, last_seq, merkle_root, sealed_at, seal_mac)
                VALUES (:id, :segment, :first, :last, :root, :at, :sealMac)
                """).param("id", batchId).param("segment", segment.id()).param("first", head.seq() + 1)
                .param("last", seq).param("root", root)
                .param("at", Timestamp.from(clock.instant()))
                .param("sealMac", mac.sealMac(batchId, segment.id(), head.seq() + 1, seq, root,
                        unauthenticated.stream().mapToLong(Unauthentic::seq).toArray()))
                .update();
        // One COPY for the batch's chain rows, not one round trip per row.
        template.execute((Connection connection) -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY aud_chain (seq, entry_id,"
                        + " entry_tx, segment_id, batch_id, prev_hash, entry_hash, mac_valid) FROM STDIN",
                        new StringReader(chainRows.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY of audit chain rows failed", e);
            }
        });
        return new BatchOutcome(ready.size, seq, unauthenticated);
    }

    /** The entries read for one batch: their canonical bodies and MACs one after the other in one buffer. */
    private static final class Ready {
        final CanonicalEntry.Buffer data = new CanonicalEntry.Buffer(1 << 16);
        private final BinaryEntry entry = new BinaryEntry();
        long[] tx = new long[64];
        long[] entryId = new long[64];
        int[] start = new int[64];
        int[] macStart = new int[64];
        int[] end = new int[64];
        int size;

        void read(BinaryCopyRows rows) {
            if (size == tx.length) {
                tx = Arrays.copyOf(tx, size * 2);
                entryId = Arrays.copyOf(entryId, size * 2);
                start = Arrays.copyOf(start, size * 2);
                macStart = Arrays.copyOf(macStart, size * 2);
                end = Arrays.copyOf(end, size * 2);
            }
            tx[size] = rows.int8NotNull();
            entry.read(rows, data);
            entryId[size] = entry.id;
            start[size] = entry.bodyStart;
            macStart[size] = entry.macStart;
            end[size] = data.size();
            size++;
        }
    }

    /** The segment to seal into: the latest, or a new one when the configured algorithm changed. */
    private Segment currentSegment(Head head) {
        Segment latest = Segments.latest(jdbc).orElse(null);
        if (latest != null && latest.algorithm() == algorithm) {
            return latest;
        }
        int id = latest == null ? 1 : latest.id() + 1;
        long firstSeq = head.seq() + 1;
        byte[] prevHead = head.seq() == 0 ? ZERO_HASH : head.hash();
        Segment fresh = new Segment(id, algorithm, firstSeq, prevHead,
                Segment.genesis(id, algorithm, firstSeq, prevHead), clock.instant());
        jdbc.sql("""
                INSERT INTO aud_segment (id, hash_algorithm, first_seq, prev_head_hash, genesis_hash, started_at)
                VALUES (:id, :algorithm, :first, :prev, :genesis, :at)
                """).param("id", id).param("algorithm", algorithm.dbName()).param("first", firstSeq)
                .param("prev", prevHead).param("genesis", fresh.genesisHash())
                .param("at", Timestamp.from(fresh.startedAt())).update();
        return fresh;
    }
}
