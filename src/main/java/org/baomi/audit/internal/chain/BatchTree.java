package org.baomi.audit.internal.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.ChainBreakage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only Merkle tree over each segment's sealed batches (AUD-3, issue 8 item 8), RFC 6962 / 9162 style,
 * so that one entry's proof reaches a signed anchor in O(log n) hashes without the rest of the log:
 *
 * <pre>
 * batch leaf = H(0x00 | i64 first seq | i64 last seq | batch Merkle root)     H = the segment's algorithm
 * node       = H(0x01 | left | right)                                         (largest power of two on the left)
 * </pre>
 *
 * One tree per segment (so one hash algorithm per tree); leaf i is the segment's i-th batch in id order. Storage is
 * one row per batch in {@code aud_tree_leaf}: the hashes of the perfect subtrees that this leaf completes (level 0,
 * the leaf hash, then every level whose subtree ends here: on average two hashes) and the tree's root at size i + 1.
 * Node (level k, index j) is therefore in the row of leaf {@code ((j + 1) << k) - 1} at offset 32k, and every
 * audit path is read from at most 2 log2(n) rows. Anchors (payload version 2) sign the root at their batch's size.
 *
 * <p>Maintained by {@link #catchUp()} under the chain's advisory lock: {@link Anchoring} calls it before it anchors
 * (so the sealer itself is untouched, and an installation upgraded from anchors version 1 is filled in at its first
 * anchor). Plain class, for the tamper tests.
 */
public final class BatchTree {

    static final int CATCH_UP_CHUNK = 5_000;
    private static final int H = HashAlgorithm.LENGTH;

    private final JdbcClient jdbc;

    public BatchTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The leaf hash of a batch. */
    public static byte[] leafHash(HashAlgorithm algorithm, long firstSeq, long lastSeq, byte[] batchRoot) {
        CanonicalEntry.Buffer data = new CanonicalEntry.Buffer(16 + H);
        data.i64(firstSeq);
        data.i64(lastSeq);
        data.bytes(batchRoot);
        return MerkleProofs.leaf(algorithm.newHasher(), data.toArray());
    }

    /** A batch's place in its segment's tree. */
    public record Leaf(long batchId, int segmentId, long leafIndex, byte[] treeRoot) {
    }

    private record BatchRow(long id, int segmentId, long firstSeq, long lastSeq, byte[] root, String algorithm) {
    }

    /**
     * Appends every sealed batch not yet in its segment's tree, in id order. Must run in a transaction that holds
     * the chain's advisory lock ({@link ChainSealer#LOCK_KEY}), as {@link Anchoring} does.
     *
     * @return the number of batches appended
     */
    public int catchUp() {
        int appended = 0;
        Map<Integer, Frontier> frontiers = new HashMap<>();
        while (true) {
            List<BatchRow> pending = jdbc.sql("""
                    SELECT b.id, b.segment_id, b.first_seq, b.last_seq, b.merkle_root, s.hash_algorithm
                    FROM aud_batch b JOIN aud_segment s ON s.id = b.segment_id
                    WHERE b.id > (SELECT coalesce(max(batch_id), 0) FROM aud_tree_leaf)
                    ORDER BY b.id LIMIT :limit
                    """).param("limit", CATCH_UP_CHUNK)
                    .query((rs, i) -> new BatchRow(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                            rs.getBytes(5), rs.getString(6))).list();
            for (BatchRow batch : pending) {
                HashAlgorithm algorithm = HashAlgorithm.ofDbName(batch.algorithm());
                Frontier frontier = frontiers.computeIfAbsent(batch.segmentId(), s -> loadFrontier(s, algorithm));
                long index = frontier.size;
                byte[] completed = frontier.append(leafHash(algorithm, batch.firstSeq(), batch.lastSeq(),
                        batch.root()));
                jdbc.sql("""
                        INSERT INTO aud_tree_leaf (batch_id, segment_id, leaf_index, subtree_hashes, tree_root)
                        VALUES (:batch, :segment, :index, :subtrees, :root)
                        """).param("batch", batch.id()).param("segment", batch.segmentId()).param("index", index)
                        .param("subtrees", completed).param("root", frontier.root()).update();
                appended++;
            }
            if (pending.size() < CATCH_UP_CHUNK) {
                return appended;
            }
        }
    }

    /** The perfect subtrees of the segment's tree as stored, for appending the next leaf. */
    private Frontier loadFrontier(int segmentId, HashAlgorithm algorithm) {
        long size = jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM aud_tree_leaf WHERE segment_id = :s")
                .param("s", segmentId).query(Long.class).single();
        Frontier frontier = new Frontier(algorithm);
        frontier.size = size;
        StoredNodes nodes = new StoredNodes(segmentId);
        List<long[]> wanted = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                wanted.add(new long[] {level, start >> level});
                start += 1L << level;
            }
        }
        nodes.prefetch(wanted);
        for (long[] w : wanted) {
            frontier.levels.add((int) w[0]);
            frontier.hashes.add(nodes.perfect((int) w[0], w[1]));
        }
        return frontier;
    }

    /** Where a batch stands in its segment's tree, if it was appended. */
    public java.util.Optional<Leaf> leafOf(long batchId) {
        return jdbc.sql("SELECT batch_id, segment_id, leaf_index, tree_root FROM aud_tree_leaf WHERE batch_id = :b")
                .param("b", batchId).query((rs, i) -> new Leaf(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        rs.getBytes(4))).optional();
    }

    /**
     * Audit paths of several leaves of one segment's tree at one size, read in one query.
     *
     * @return leaf index to its path, bottom-up
     */
    public Map<Long, List<byte[]>> paths(HashAlgorithm algorithm, int segmentId, Collection<Long> leafIndexes,
            long treeSize) {
        Set<List<Long>> needed = new HashSet<>();
        MerkleNodes recorder = (level, index) -> {
            needed.add(List.of((long) level, index));
            return new byte[H];
        };
        for (long index : leafIndexes) {
            MerkleProofs.path(algorithm, recorder, index, treeSize);
        }
        StoredNodes nodes = new StoredNodes(segmentId);
        nodes.prefetch(needed.stream().map(n -> new long[] {n.get(0), n.get(1)}).toList());
        Map<Long, List<byte[]>> paths = new LinkedHashMap<>();
        for (long index : leafIndexes) {
            paths.put(index, MerkleProofs.path(algorithm, nodes, index, treeSize));
        }
        return paths;
    }

    /** Stored perfect-subtree hashes of one segment, fetched in one query for a known set of nodes. */
    private final class StoredNodes implements MerkleNodes {
        private final int segmentId;
        private final Map<Long, byte[]> rows = new HashMap<>();

        StoredNodes(int segmentId) {
            this.segmentId = segmentId;
        }

        void prefetch(Collection<long[]> wanted) {
            List<Long> leaves = wanted.stream().map(w -> ((w[1] + 1) << w[0]) - 1).distinct().toList();
            for (int from = 0; from < leaves.size(); from += 1_000) {
                jdbc.sql("SELECT leaf_index, subtree_hashes FROM aud_tree_leaf WHERE segment_id = :s"
                        + " AND leaf_index IN (:leaves)").param("s", segmentId)
                        .param("leaves", leaves.subList(from, Math.min(leaves.size(), from + 1_000)))
                        .query(rs -> {
                            rows.put(rs.getLong(1), rs.getBytes(2));
                        });
            }
        }

        @Override
        public byte[] perfect(int level, long index) {
            byte[] row = rows.get(((index + 1) << level) - 1);
            if (row == null || row.length < (level + 1) * H) {
                throw new IllegalStateException("tree node (" + level + ", " + index + ") of segment " + segmentId
                        + " is not stored");
            }
            return Arrays.copyOfRange(row, level * H, (level + 1) * H);
        }
    }

    /**
     * The right edge of a growing tree: the perfect subtrees of its size's binary decomposition, largest first.
     * Appending a leaf merges equal-sized subtrees, exactly the nodes that leaf completes.
     */
    static final class Frontier {
        private final HashAlgorithm.Hasher hasher;
        final List<Integer> levels = new ArrayList<>();
        final List<byte[]> hashes = new ArrayList<>();
        long size;

        Frontier(HashAlgorithm algorithm) {
            this.hasher = algorithm.newHasher();
        }

        /** Adds a leaf; returns the hashes it completes, level 0 upwards, concatenated. */
        byte[] append(byte[] leaf) {
            List<byte[]> completed = new ArrayList<>();
            byte[] h = leaf;
            int level = 0;
            completed.add(h);
            while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
                h = MerkleProofs.node(hasher, hashes.remove(hashes.size() - 1), h);
                levels.remove(levels.size() - 1);
                level++;
                completed.add(h);
            }
            levels.add(level);
            hashes.add(h);
            size++;
            byte[] out = new byte[completed.size() * H];
            for (int i = 0; i < completed.size(); i++) {
                System.arraycopy(completed.get(i), 0, out, i * H, H);
            }
            return out;
        }

        /** The root: the perfect subtrees folded from the right (RFC 6962). */
        byte[] root() {
            byte[] r = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                r = MerkleProofs.node(hasher, hashes.get(i), r);
            }
            return r;
        }
    }

    /**
     * Recomputes every segment's tree from {@code aud_batch} and compares it with the stored rows and with the
     * tree roots the trusted anchors signed (AUD-3): a changed node or root is {@link ChainBreakage#TREE_ALTERED},
     * an anchor whose tree root the batches do not give is {@link ChainBreakage#ANCHOR_HASH_MISMATCH}. Batches
     * after the newest stored leaf are not yet in the tree (it is filled in when anchoring) unless an anchor covers
     * them.
     */
    void verify(List<Anchor> anchors, Problems problems) {
        Map<Integer, Map<Long, List<Anchor>>> anchorsBySize = new HashMap<>();
        for (Anchor anchor : anchors) {
            if (anchor.treeRoot() != null) {
                anchorsBySize.computeIfAbsent(anchor.segmentId(), s -> new HashMap<>())
                        .computeIfAbsent(anchor.treeSize(), n -> new ArrayList<>()).add(anchor);
            }
        }
        Map<Integer, Frontier> frontiers = new HashMap<>();
        Set<Anchor> seen = new HashSet<>();
        jdbc.sql("""
                SELECT b.id, b.segment_id, b.first_seq, b.last_seq, b.merkle_root, s.hash_algorithm,
                    t.batch_id IS NOT NULL AS stored, t.segment_id AS t_segment, t.leaf_index, t.subtree_hashes,
                    t.tree_root
                FROM aud_batch b LEFT JOIN aud_segment s ON s.id = b.segment_id
                    LEFT JOIN aud_tree_leaf t ON t.batch_id = b.id
                ORDER BY b.id
                """).query(rs -> {
                    HashAlgorithm algorithm;
                    try {
                        algorithm = HashAlgorithm.ofDbName(rs.getString("hash_algorithm"));
                    } catch (IllegalArgumentException unknown) {
                        return; // reported as SEGMENT_ALTERED by the chain walk
                    }
                    int segment = rs.getInt("segment_id");
                    long firstSeq = rs.getLong("first_seq");
                    Frontier frontier = frontiers.computeIfAbsent(segment, s -> new Frontier(algorithm));
                    long index = frontier.size;
                    byte[] completed = frontier.append(leafHash(algorithm, firstSeq, rs.getLong("last_seq"),
                            rs.getBytes("merkle_root")));
                    byte[] root = frontier.root();
                    if (rs.getBoolean("stored")) {
                        if (rs.getInt("t_segment") != segment || rs.getLong("leaf_index") != index
                                || !Arrays.equals(rs.getBytes("subtree_hashes"), completed)
                                || !Arrays.equals(rs.getBytes("tree_root"), root)) {
                            problems.add(firstSeq, ChainBreakage.TREE_ALTERED, "tree leaf of batch "
                                    + rs.getLong("id") + " does not match the batches");
                        }
                    }
                    for (Anchor anchor : anchorsBySize.getOrDefault(segment, Map.of()).getOrDefault(index + 1,
                            List.of())) {
                        seen.add(anchor);
                        if (!Arrays.equals(anchor.treeRoot(), root) || anchor.batchId() != rs.getLong("id")) {
                            problems.add(anchor.seq(), ChainBreakage.ANCHOR_HASH_MISMATCH, "anchor " + anchor.id()
                                    + " signed another tree root than the batches give");
                        }
                    }
                });
        for (Map<Long, List<Anchor>> bySize : anchorsBySize.values()) {
            for (List<Anchor> list : bySize.values()) {
                for (Anchor anchor : list) {
                    if (!seen.contains(anchor)) {
                        problems.add(anchor.seq(), ChainBreakage.ANCHOR_HASH_MISMATCH, "anchor " + anchor.id()
                                + " names a tree of " + anchor.treeSize() + " batches that segment "
                                + anchor.segmentId() + " does not have");
                    }
                }
            }
        }
        jdbc.sql("""
                SELECT t.batch_id, t.segment_id FROM aud_tree_leaf t
                WHERE NOT EXISTS (SELECT 1 FROM aud_batch b WHERE b.id = t.batch_id) ORDER BY t.batch_id LIMIT 10
                """).query(rs -> {
                    problems.add(0, ChainBreakage.TREE_ALTERED, "tree leaf of batch " + rs.getLong(1)
                            + " has no batch");
                });
        checkCoverage(anchors, problems);
    }

    /** A stored leaf must exist for every batch an anchor's tree covers (a deleted tree row breaks proofs). */
    private void checkCoverage(List<Anchor> anchors, Problems problems) {
        Map<Integer, Long> covered = new HashMap<>();
        for (Anchor anchor : anchors) {
            if (anchor.treeRoot() != null) {
                covered.merge(anchor.segmentId(), anchor.treeSize(), Math::max);
            }
        }
        covered.forEach((segment, size) -> {
            long stored = jdbc.sql("SELECT count(*) FROM aud_tree_leaf WHERE segment_id = :s AND leaf_index < :n")
                    .param("s", segment).param("n", size).query(Long.class).single();
            // Fewer batches than an anchor's tree is that anchor's finding (ANCHOR_HASH_MISMATCH above).
            long batches = jdbc.sql("SELECT count(*) FROM aud_batch WHERE segment_id = :s").param("s", segment)
                    .query(Long.class).single();
            if (stored < Math.min(size, batches)) {
                long seq = jdbc.sql("SELECT coalesce(min(first_seq), 0) FROM aud_batch WHERE segment_id = :s")
                        .param("s", segment).query(Long.class).single();
                problems.add(seq, ChainBreakage.TREE_ALTERED, "segment " + segment + " has " + stored
                        + " stored tree leaves, but anchors cover " + size);
            }
        });
    }
}
