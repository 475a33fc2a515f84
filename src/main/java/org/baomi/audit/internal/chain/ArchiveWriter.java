package org.baomi.audit.internal.chain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes signed archive files of whole sealed batches older than a cut-off (AUD-3, issue 8 item 6): the next run of
 * batches after the last archived one, within one segment, each covered by a signed tree root, up to a number of
 * entries; the file is a {@link ProofPackages#archive} package (kind {@code archive}) in a zip with its signature,
 * which the offline verifier checks alone. The file is written first, then its {@code aud_archive} row (append-only)
 * in the same transaction as the caller's audit record. Nothing is deleted: the entries stay online.
 *
 * <p>Plain class, so that tests can run it on a scratch database with a cut-off of their choosing.
 */
public final class ArchiveWriter {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProofPackages packages;
    private final Path archiveDir;
    private final Clock clock;

    public ArchiveWriter(JdbcClient jdbc, TransactionTemplate transactions, ProofPackages packages, Path archiveDir,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.packages = packages;
        this.archiveDir = archiveDir;
        this.clock = clock;
    }

    /** One archive file written. */
    public record Written(long id, int segmentId, long firstBatch, long lastBatch, long firstSeq, long lastSeq,
            long entries, long anchorId, String fileName, String sha256) {
    }

    /** What could be archived now. */
    public record Eligible(long batches, long entries) {
    }

    private record Candidate(long id, int segmentId, long entries) {
    }

    /** Batches sealed before the cut-off, after the last archived one, whose segment tree an anchor has signed. */
    public Eligible eligible(Instant cutoff) {
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(b.last_seq - b.first_seq + 1), 0) FROM aud_batch b
                JOIN aud_tree_leaf t ON t.batch_id = b.id
                WHERE b.id > (SELECT coalesce(max(last_batch), 0) FROM aud_archive) AND b.sealed_at < :cutoff
                  AND t.leaf_index < (SELECT coalesce(max(a.tree_size), 0) FROM aud_anchor a
                                      WHERE a.segment_id = b.segment_id AND a.tree_root IS NOT NULL)
                """).param("cutoff", Timestamp.from(cutoff))
                .query((rs, i) -> new Eligible(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Archives the next run of eligible batches (at least one batch, more while they stay within
     * {@code maxEntries} and one segment).
     *
     * @param inTransaction called with the archive before the transaction that records it commits (the audit record)
     * @return empty when nothing is eligible
     */
    public Optional<Written> writeNext(Instant cutoff, int maxEntries, Long actorId, Consumer<Written> inTransaction) {
        return Optional.ofNullable(transactions.execute(status -> {
            long lastArchived = jdbc.sql("SELECT coalesce(max(last_batch), 0) FROM aud_archive").query(Long.class)
                    .single();
            List<Candidate> candidates = jdbc.sql("""
                    SELECT b.id, b.segment_id, b.last_seq - b.first_seq + 1 FROM aud_batch b
                    JOIN aud_tree_leaf t ON t.batch_id = b.id
                    WHERE b.id > :last AND b.sealed_at < :cutoff
                      AND t.leaf_index < (SELECT coalesce(max(a.tree_size), 0) FROM aud_anchor a
                                          WHERE a.segment_id = b.segment_id AND a.tree_root IS NOT NULL)
                    ORDER BY b.id LIMIT :limit
                    """).param("last", lastArchived).param("cutoff", Timestamp.from(cutoff))
                    .param("limit", Math.max(1, maxEntries))
                    .query((rs, i) -> new Candidate(rs.getLong(1), rs.getInt(2), rs.getLong(3))).list();
            List<Candidate> run = new ArrayList<>();
            long entries = 0;
            for (Candidate c : candidates) {
                // Contiguous batches of one segment only: an archive is a closed range of the chain.
                if (c.id() != lastArchived + 1 + run.size() || (!run.isEmpty() && c.segmentId() != run.get(0).segmentId())
                        || (!run.isEmpty() && entries + c.entries() > maxEntries)) {
                    break;
                }
                run.add(c);
                entries += c.entries();
            }
            if (run.isEmpty()) {
                return null;
            }
            long id = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM aud_archive").query(Long.class).single();
            long firstBatch = run.get(0).id();
            long lastBatch = run.get(run.size() - 1).id();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("createdAt", clock.instant().toString());
            header.put("archiveId", id);
            header.put("firstBatch", firstBatch);
            header.put("lastBatch", lastBatch);
            ProofPackages.Built built = packages.archive(firstBatch, lastBatch, header);
            String name = String.format("archive-%06d-%012d-%012d-%d", id, built.firstSeq(), built.lastSeq(),
                    clock.millis());
            byte[] zip = packages.zip("archive", built.json());
            Path file = archiveDir.resolve(name + ".zip");
            if (Files.exists(file)) {
                throw new IllegalStateException("Archive file " + file + " exists already; refusing to overwrite");
            }
            KeyFiles.writeAtomically(file, zip, false);
            String sha256 = java.util.HexFormat.of().formatHex(sha256(zip));
            Written written = new Written(id, run.get(0).segmentId(), firstBatch, lastBatch, built.firstSeq(),
                    built.lastSeq(), built.entries(), built.anchorIds().get(0), file.getFileName().toString(), sha256);
            try {
                jdbc.sql("""
                        INSERT INTO aud_archive (id, segment_id, first_batch, last_batch, first_seq, last_seq, entries,
                            anchor_id, file_name, file_sha256, key_id, created_at, created_by)
                        VALUES (:id, :segment, :firstBatch, :lastBatch, :firstSeq, :lastSeq, :entries, :anchor, :file,
                            :sha, :key, :at, :by)
                        """).param("id", id).param("segment", written.segmentId()).param("firstBatch", firstBatch)
                        .param("lastBatch", lastBatch).param("firstSeq", written.firstSeq())
                        .param("lastSeq", written.lastSeq()).param("entries", written.entries())
                        .param("anchor", written.anchorId()).param("file", written.fileName())
                        .param("sha", sha256(zip)).param("key", packagesKeyId())
                        .param("at", Timestamp.from(clock.instant())).param("by", actorId).update();
                inTransaction.accept(written);
            } catch (RuntimeException e) {
                // Not recorded, so not archived: the file goes again (a commit failure after this point leaves a
                // file without its row, which the next run does not overwrite).
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    e.addSuppressed(ignored);
                }
                throw e;
            }
            return written;
        }));
    }

    private String packagesKeyId() {
        return packages.signingKeyId();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
