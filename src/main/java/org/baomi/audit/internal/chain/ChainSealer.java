package org.baomi.audit.internal.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
        List<Ready> ready = jdbc.sql("SELECT " + EntryRow.COLUMNS + ", e.tx::text AS tx FROM aud_entry e"
                + " WHERE (e.tx, e.id) > (CAST(:lastTx AS xid8), :lastId) AND e.tx < CAST(:xmin AS xid8)"
                + " ORDER BY e.tx, e.id LIMIT :limit")
                .param("lastTx", head.tx()).param("lastId", head.entryId()).param("xmin", xmin)
                .param("limit", batchLimit)
                .query((rs, i) -> new Ready(EntryRow.read(rs), rs.getString("tx")))
                .list();
        if (ready.isEmpty()) {
            return new BatchOutcome(0, head.seq(), List.of());
        }
        Segment segment = currentSegment(head);
        HashAlgorithm segmentAlgorithm = segment.algorithm();
        byte[] prev = head.seq() + 1 == segment.firstSeq() ? segment.genesisHash() : head.hash();
        long batchId = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM aud_batch").query(Long.class).single();
        HashAlgorithm.Hasher hasher = segmentAlgorithm.newHasher();
        List<Object[]> chainRows = new ArrayList<>(ready.size());
        List<byte[]> hashes = new ArrayList<>(ready.size());
        List<Unauthentic> unauthenticated = new ArrayList<>();
        long seq = head.seq();
        for (Ready r : ready) {
            seq++;
            byte[] input = CanonicalEntry.hashInput(prev, seq, r.row());
            hasher.update(input, 0, input.length);
            byte[] hash = hasher.digest();
            boolean macValid = mac.verifies(r.row());
            if (!macValid) {
                unauthenticated.add(new Unauthentic(r.row().id(), seq));
            }
            chainRows.add(new Object[] {seq, r.row().id(), r.tx(), segment.id(), batchId, prev, hash, macValid});
            hashes.add(hash);
            prev = hash;
        }
        jdbc.sql("""
                INSERT INTO aud_batch (id, segment_id, first_seq, last_seq, merkle_root, sealed_at)
                VALUES (:id, :segment, :first, :last, :root, :at)
                """).param("id", batchId).param("segment", segment.id()).param("first", head.seq() + 1)
                .param("last", seq).param("root", Merkle.root(segmentAlgorithm, hashes))
                .param("at", Timestamp.from(clock.instant())).update();
        insertChainRows(chainRows, segment.id(), batchId);
        return new BatchOutcome(ready.size(), seq, unauthenticated);
    }

    private record Ready(EntryRow row, String tx) {
    }

    /** One statement for the whole batch (arrays through unnest), not one round trip per row. */
    private void insertChainRows(List<Object[]> rows, int segmentId, long batchId) {
        int n = rows.size();
        Long[] seqs = new Long[n];
        Long[] entryIds = new Long[n];
        String[] txs = new String[n];
        byte[][] prevs = new byte[n][];
        byte[][] hashes = new byte[n][];
        Boolean[] macs = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            seqs[i] = (Long) r[0];
            entryIds[i] = (Long) r[1];
            txs[i] = (String) r[2];
            prevs[i] = (byte[]) r[5];
            hashes[i] = (byte[]) r[6];
            macs[i] = (Boolean) r[7];
        }
        template.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO aud_chain (seq, entry_id, entry_tx, segment_id, batch_id, prev_hash, entry_hash, mac_valid)
                    SELECT u.seq, u.entry_id, CAST(u.tx AS xid8), ?, ?, u.prev, u.hash, u.mac
                    FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bytea[], ?::bytea[], ?::boolean[])
                        AS u(seq, entry_id, tx, prev, hash, mac)
                    """)) {
                insert.setInt(1, segmentId);
                insert.setLong(2, batchId);
                insert.setArray(3, connection.createArrayOf("bigint", seqs));
                insert.setArray(4, connection.createArrayOf("bigint", entryIds));
                insert.setArray(5, connection.createArrayOf("text", txs));
                insert.setArray(6, connection.createArrayOf("bytea", prevs));
                insert.setArray(7, connection.createArrayOf("bytea", hashes));
                insert.setArray(8, connection.createArrayOf("boolean", macs));
                return insert.executeUpdate();
            }
        });
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
