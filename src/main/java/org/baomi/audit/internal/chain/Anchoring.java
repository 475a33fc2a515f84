package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes anchors (AUD-3): a signed checkpoint of the chain head, first as a file in the anchor directory (meant for
 * write-once or separately owned storage), then as a row of {@code aud_anchor}; if the row cannot be written the
 * file is removed again. Runs under the chain's advisory lock, so the head does not move meanwhile.
 */
public final class Anchoring {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AnchorKeys keys;
    private final Path anchorDir;
    private final Clock clock;

    public Anchoring(JdbcClient jdbc, TransactionTemplate transactions, AnchorKeys keys, Path anchorDir, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.anchorDir = anchorDir;
        this.clock = clock;
    }

    /**
     * Anchors the head when it moved since the last anchor and that anchor is at least {@code interval} old
     * ({@link Duration#ZERO}: whenever the head moved, as on shutdown).
     */
    public Optional<Anchor> anchorIfDue(Duration interval) {
        return Optional.ofNullable(transactions.execute(status -> anchorLocked(interval)));
    }

    private Anchor anchorLocked(Duration interval) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ChainSealer.LOCK_KEY).query().singleValue();
        // Issue 8 item 8: the batch tree is brought up to the head here, under the chain lock, so that the anchor
        // signs its root; the sealer itself does not maintain it (docs/audit-chain.md, "Tree over the batches").
        new BatchTree(jdbc).catchUp();
        record Head(long seq, byte[] hash, int segmentId, String algorithm, long batchId, byte[] root, long treeSize,
                byte[] treeRoot) {
        }
        Head head = jdbc.sql("""
                SELECT c.seq, c.entry_hash, c.segment_id, s.hash_algorithm, c.batch_id, b.merkle_root,
                    t.leaf_index + 1, t.tree_root
                FROM aud_chain c JOIN aud_segment s ON s.id = c.segment_id JOIN aud_batch b ON b.id = c.batch_id
                    LEFT JOIN aud_tree_leaf t ON t.batch_id = c.batch_id
                ORDER BY c.seq DESC LIMIT 1
                """).query((rs, i) -> new Head(rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getBytes(6), rs.getLong(7), rs.getBytes(8))).optional().orElse(null);
        if (head == null) {
            return null;
        }
        record Last(long id, long seq, Instant at) {
        }
        Last last = jdbc.sql("SELECT id, seq, created_at FROM aud_anchor ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> new Last(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).optional().orElse(null);
        Instant now = clock.instant();
        // ZERO anchors whenever the head moved, even if the clock stepped back behind the last anchor (evidence
        // export and shutdown rely on it).
        if (last != null && (last.seq() >= head.seq()
                || (!interval.isZero() && !interval.isNegative() && last.at().plus(interval).isAfter(now)))) {
            return null;
        }
        AnchorKeys.SigningKey key = keys.current();
        keys.register(jdbc, key);
        Anchor unsigned = new Anchor(last == null ? 1 : last.id() + 1, head.segmentId(), head.algorithm(), head.seq(),
                head.hash(), head.batchId(), head.root(), head.treeRoot() == null ? 0 : head.treeSize(),
                head.treeRoot(), now, key.keyId(), key.algorithm().name(), null);
        Anchor anchor = unsigned.withSignature(key.algorithm().sign(key.privateKey(), unsigned.payloadBytes()));
        Path file = anchorDir.resolve(anchor.fileName());
        KeyFiles.writeAtomically(file, anchor.fileText().getBytes(StandardCharsets.UTF_8), false);
        try {
            jdbc.sql("""
                    INSERT INTO aud_anchor (id, segment_id, seq, head_hash, batch_id, merkle_root, tree_size, tree_root,
                        created_at, key_id, payload, signature)
                    VALUES (:id, :segment, :seq, :head, :batch, :root, :treeSize, :treeRoot, :at, :key, :payload,
                        :signature)
                    """).param("treeSize", anchor.treeRoot() == null ? null : anchor.treeSize())
                    .param("treeRoot", anchor.treeRoot()).param("id", anchor.id()).param("segment", anchor.segmentId()).param("seq", anchor.seq())
                    .param("head", anchor.headHash()).param("batch", anchor.batchId()).param("root", anchor.merkleRoot())
                    .param("at", Timestamp.from(now)).param("key", anchor.keyId()).param("payload", anchor.payload())
                    .param("signature", anchor.signature()).update();
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return anchor;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Anchor file " + file + " left behind without its row", e);
        }
    }
}
