package org.baomi.audit.internal.chain;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.baomi.audit.ChainBreakage;
import org.baomi.audit.ChainProblem;
import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit chain against itself and against the anchors in the database and in the anchor directory
 * (AUD-3): every sequence number present, every entry present, unchanged (hash) and written by Baomi (the MAC
 * verdict the sealer recorded, vouched for by the batch's seal MAC; in {@link VerificationMode#DEEP}, and for batches
 * without a seal MAC, each entry's MAC recomputed), every link and segment genesis right, every batch's Merkle root
 * right, no entry left out below the head, and at every
 * anchored sequence number the chain's hash equal to the signed one, no anchor beyond the head. Collects the first
 * problems rather than stopping at one. Reads in a read-only transaction that holds no transaction id, so the sealer
 * keeps sealing meanwhile.
 *
 * <p>Plain class: the tamper tests run it on scratch databases.
 */
public final class ChainVerifier {

    private static final byte[] ZERO_HASH = new byte[HashAlgorithm.LENGTH];
    private static final int PARALLELISM = 4;
    private static final long DEFAULT_MIN_CHUNK = 50_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final EntryMac mac;
    private final AnchorKeys keys;
    private final Path anchorDir;
    private final Clock clock;
    private final long minChunk;

    /** Receives (entries checked, entries to check) now and then during a run. */
    public interface Progress {
        void update(long checked, long total);
    }

    public ChainVerifier(DataSource dataSource, EntryMac mac, AnchorKeys keys, Path anchorDir, Clock clock) {
        this(dataSource, mac, keys, anchorDir, clock, DEFAULT_MIN_CHUNK);
    }

    /** @param minChunk the fewest entries worth a parallel chunk of their own (tests use small chunks) */
    ChainVerifier(DataSource dataSource, EntryMac mac, AnchorKeys keys, Path anchorDir, Clock clock, long minChunk) {
        this.minChunk = minChunk;
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.mac = mac;
        this.keys = keys;
        this.anchorDir = anchorDir;
        this.clock = clock;
    }

    /**
     * @param startAnchorId for {@link VerificationMode#INCREMENTAL}: the anchor an earlier intact run covered, from
     *                      which to go on; null (or FULL) verifies everything
     */
    public VerificationResult verify(VerificationMode mode, Long startAnchorId, Progress progress) {
        long started = System.nanoTime();
        Problems problems = new Problems();
        boolean deep = mode == VerificationMode.DEEP;
        Run run = readOnly.execute(status -> run(mode == VerificationMode.INCREMENTAL ? startAnchorId : null, deep,
                problems, progress));
        List<ChainProblem> found = problems.sorted();
        ChainProblem first = found.isEmpty() ? null : found.get(0);
        return new VerificationResult(found.isEmpty(), mode, run.checked(), first == null ? null : first.sequence(),
                first == null ? null : first.breakage(), run.anchorId(), run.head(),
                Duration.ofNanos(System.nanoTime() - started), clock.instant(), found);
    }

    private record Run(long checked, long head, Long anchorId) {
    }

    private Run run(Long startAnchorId, boolean deep, Problems problems, Progress progress) {
        Map<String, AnchorKeys.TrustedKey> trustedKeys = keys.trustedKeys();
        AnchorSet anchors = AnchorSet.load(jdbc, anchorDir, trustedKeys, startAnchorId == null ? 0 : startAnchorId,
                problems);
        Anchor start = startAnchorId == null ? null : anchors.trusted().stream()
                .filter(a -> a.id() == startAnchorId).findFirst().orElse(null);
        List<Segment> segments = Segments.all(jdbc);
        checkSegments(segments, problems);
        long head = jdbc.sql("SELECT coalesce(max(seq), 0) FROM aud_chain").query(Long.class).single();
        Map<Long, List<Anchor>> anchorsAt = new HashMap<>();
        Anchor newest = null;
        for (Anchor anchor : anchors.trusted()) {
            if (anchor.seq() > head) {
                problems.add(head + 1, ChainBreakage.TAIL_CUT, "anchor " + anchor.id() + " covers sequence "
                        + anchor.seq() + " but the chain ends at " + head);
            } else {
                anchorsAt.computeIfAbsent(anchor.seq(), s -> new ArrayList<>()).add(anchor);
            }
            newest = newest == null || anchor.id() > newest.id() ? anchor : newest;
        }
        long from = 1;
        byte[] prev = null;
        if (start != null && start.seq() <= head) {
            from = start.seq() + 1;
            prev = start.headHash();
            byte[] stored = jdbc.sql("SELECT entry_hash FROM aud_chain WHERE seq = :seq").param("seq", start.seq())
                    .query(byte[].class).optional().orElse(null);
            if (!Arrays.equals(stored, start.headHash())) {
                problems.add(start.seq(), ChainBreakage.ANCHOR_HASH_MISMATCH,
                        "sequence " + start.seq() + " differs from anchor " + start.id());
            }
        }
        Map<Long, ChainWalk.StoredBatch> batchRoots = new HashMap<>();
        jdbc.sql("SELECT id, merkle_root, seal_mac, segment_id, first_seq, last_seq FROM aud_batch"
                + " WHERE first_seq >= :from").param("from", from)
                .query(rs -> {
                    batchRoots.put(rs.getLong(1), new ChainWalk.StoredBatch(rs.getBytes(2),
                            deep ? null : rs.getBytes(3),
                            rs.getInt(4), rs.getLong(5), rs.getLong(6)));
                });
        long checked = walkInParallel(segments, anchorsAt, batchRoots, problems, from, prev, head, progress);
        checkUnchained(startAnchorId == null ? null : from, problems);
        // Issue 8 item 8: the batch tree is recomputed whole (a few hashes per batch) in every mode.
        new BatchTree(jdbc).verify(anchors.trusted(), problems);
        Long anchorId = start != null ? Long.valueOf(start.id()) : newest == null ? null : newest.id();
        return new Run(checked, head, anchorId);
    }

    /**
     * Walks [from, head] in up to one chunk per processor, each on its own connection: an entry's hash is recomputed
     * from its own stored previous hash, so chunks are independent; a chunk starts at a batch boundary (so each
     * batch's Merkle root is checked whole) and links to the stored hash before it.
     */
    private long walkInParallel(List<Segment> segments, Map<Long, List<Anchor>> anchorsAt,
            Map<Long, ChainWalk.StoredBatch> batchRoots,
            Problems problems, long from, byte[] prev, long head, Progress progress) {
        if (head < from) {
            return 0;
        }
        List<Long> starts = chunkStarts(from, head);
        AtomicLong checked = new AtomicLong();
        long total = head - from + 1;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i);
            long end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : head;
            byte[] before = start == from ? prev : jdbc.sql("SELECT entry_hash FROM aud_chain WHERE seq = :seq")
                    .param("seq", start - 1).query(byte[].class).optional().orElse(null);
            ChainWalk walk = new ChainWalk(mac, segments, anchorsAt, batchRoots, problems, start, before, total,
                    progress, checked);
            tasks.add(() -> readOnly.execute(status -> streaming.execute((Connection connection) -> {
                // Binary COPY: no per-row protocol or string decoding; bounds are numbers from this class.
                try (BinaryRows rows = BinaryRows.open(connection, "SELECT c.seq, c.entry_id, c.segment_id,"
                        + " c.batch_id, c.prev_hash, c.entry_hash, c.mac_valid, " + BinaryEntry.COLUMNS
                        + " FROM aud_chain c LEFT JOIN aud_entry e ON e.id = c.entry_id"
                        + " WHERE c.seq >= " + start + " AND c.seq <= " + end + " ORDER BY c.seq")) {
                    while (rows.nextRow() >= 0) {
                        walk.row(rows);
                    }
                }
                walk.finish(end);
                return null;
            })));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), runnable -> {
            Thread thread = new Thread(runnable, "audit-verifier");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (progress != null) {
            progress.update(checked.get(), total);
        }
        return checked.get();
    }

    /** Chunk starts: {@code from}, then the first batch boundary after each equal share of the range. */
    private List<Long> chunkStarts(long from, long head) {
        int chunks = (int) Math.min(Math.max(2, Math.min(PARALLELISM, Runtime.getRuntime().availableProcessors())),
                Math.max(1, (head - from + 1) / minChunk));
        TreeSet<Long> starts = new TreeSet<>(List.of(from));
        for (int i = 1; i < chunks; i++) {
            long target = from + (head - from + 1) * i / chunks;
            jdbc.sql("SELECT min(first_seq) FROM aud_batch WHERE first_seq >= :target AND first_seq <= :head")
                    .param("target", target).param("head", head).query(Long.class).optional()
                    .ifPresent(starts::add);
        }
        return new ArrayList<>(starts);
    }

    private void checkSegments(List<Segment> segments, Problems problems) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.id() != i + 1 || s.algorithm() == null
                    || !Arrays.equals(s.genesisHash(), Segment.genesis(s.id(), s.algorithm(), s.firstSeq(),
                            s.prevHeadHash()))
                    || (i == 0 && (s.firstSeq() != 1 || !Arrays.equals(s.prevHeadHash(), ZERO_HASH)))) {
                problems.add(s.firstSeq(), ChainBreakage.SEGMENT_ALTERED, "segment " + s.id()
                        + " does not match its genesis hash");
            }
        }
    }

    /** Entries below the sealed head that the chain does not contain (inserted behind the sealer's back). */
    private void checkUnchained(Long fromSeq, Problems problems) {
        record Head(String tx, long entryId) {
        }
        Head head = jdbc.sql("SELECT entry_tx::text, entry_id FROM aud_chain ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new Head(rs.getString(1), rs.getLong(2))).optional().orElse(null);
        if (head == null) {
            jdbc.sql("SELECT id FROM aud_entry WHERE tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY id LIMIT 1")
                    .query(Long.class).optional().ifPresent(id -> problems.add(1, ChainBreakage.UNCHAINED_ENTRY,
                            "entry " + id + " is not in the chain"));
            return;
        }
        String lowerTx = fromSeq == null ? "0" : jdbc.sql("SELECT coalesce(min(entry_tx)::text, '0') FROM aud_chain"
                + " WHERE seq >= :from").param("from", fromSeq).query(String.class).single();
        jdbc.sql("""
                SELECT e.id, (SELECT min(c.seq) FROM aud_chain c WHERE (c.entry_tx, c.entry_id) > (e.tx, e.id)) AS at
                FROM aud_entry e
                WHERE (e.tx, e.id) < (CAST(:tx AS xid8), :id) AND e.tx >= CAST(:lower AS xid8)
                  AND NOT EXISTS (SELECT 1 FROM aud_chain c WHERE c.entry_id = e.id)
                ORDER BY e.tx, e.id LIMIT 10
                """).param("tx", head.tx()).param("id", head.entryId()).param("lower", lowerTx)
                .query(rs -> {
                    problems.add(rs.getLong("at"), ChainBreakage.UNCHAINED_ENTRY,
                            "entry " + rs.getLong("id") + " lies below the head but is not in the chain");
                });
    }
}
