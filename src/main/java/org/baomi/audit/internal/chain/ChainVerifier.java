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
        Map<Long, StoredBatch> batchRoots = new HashMap<>();
        jdbc.sql("SELECT id, merkle_root, seal_mac, segment_id, first_seq, last_seq FROM aud_batch"
                + " WHERE first_seq >= :from").param("from", from)
                .query(rs -> {
                    batchRoots.put(rs.getLong(1), new StoredBatch(rs.getBytes(2), deep ? null : rs.getBytes(3),
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
    /**
     * A stored batch. {@code sealMac} null (a deep run, or a batch sealed before seal MACs existed): every entry's
     * MAC of the batch is checked; otherwise the seal MAC stands for them (the sealer checked them).
     */
    private record StoredBatch(byte[] root, byte[] sealMac, int segmentId, long firstSeq, long lastSeq) {
    }

    private long walkInParallel(List<Segment> segments, Map<Long, List<Anchor>> anchorsAt,
            Map<Long, StoredBatch> batchRoots,
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
            Walk walk = new Walk(segments, anchorsAt, batchRoots, problems, start, before, total, progress, checked);
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

    /** The walk along the chain, row by row. */
    private final class Walk {
        private final List<Segment> segments;
        private final Map<Long, List<Anchor>> anchorsAt;
        private final Map<Long, StoredBatch> batchRoots;
        /** Sequence numbers of the current batch whose MAC was recorded invalid when sealed. */
        private final List<Long> batchUnauthentic = new ArrayList<>();
        private final Problems problems;
        private final long total;
        private final Progress progress;
        private final AtomicLong checkedTotal;
        private final Map<HashAlgorithm, HashAlgorithm.Hasher> hashers = new HashMap<>();
        private int segmentIndex = -1;
        private long expected;
        private byte[] prev;
        private byte[] lastStored;
        private long checked;
        private long batchId = -1;
        private HashAlgorithm batchAlgorithm;
        private final List<byte[]> batchHashes = new ArrayList<>();
        private boolean batchComplete;
        private final List<Anchor> batchAnchors = new ArrayList<>();
        private final CanonicalEntry.Buffer input = new CanonicalEntry.Buffer(512);
        private final BinaryEntry entry = new BinaryEntry();

        Walk(List<Segment> segments, Map<Long, List<Anchor>> anchorsAt, Map<Long, StoredBatch> batchRoots,
                Problems problems, long from, byte[] prev, long total, Progress progress, AtomicLong checkedTotal) {
            this.segments = segments;
            this.anchorsAt = anchorsAt;
            this.batchRoots = batchRoots;
            this.problems = problems;
            this.expected = from;
            this.prev = prev;
            this.lastStored = prev;
            this.total = Math.max(total, 0);
            this.progress = progress;
            this.checkedTotal = checkedTotal;
        }

        void row(BinaryRows rs) {
            long seq = rs.int8NotNull();
            long chainEntryId = rs.int8NotNull();
            int segmentId = rs.int4();
            long batch = rs.int8NotNull();
            byte[] prevHash = rs.bytes();
            byte[] stored = rs.bytes();
            boolean macValid = rs.bool();
            input.reset();
            input.bytes(prevHash);
            input.i64(seq);
            entry.read(rs, input);
            if (seq != expected) {
                problems.add(expected, ChainBreakage.SEQUENCE_GAP, "sequence " + expected + " to " + (seq - 1)
                        + " missing");
                prev = prevHash;
                batchComplete = false;
            }
            Segment segment = segmentFor(seq);
            if (segment == null) {
                problems.add(seq, ChainBreakage.SEGMENT_ALTERED, "no segment covers sequence " + seq);
                advance(seq, stored);
                return;
            }
            if (seq == segment.firstSeq()) {
                byte[] previousHead = seq == 1 ? ZERO_HASH : lastStored;
                if (previousHead != null && !Arrays.equals(previousHead, segment.prevHeadHash())) {
                    problems.add(seq, ChainBreakage.SEGMENT_ALTERED, "segment " + segment.id()
                            + " does not continue the previous segment's head");
                }
                prev = segment.genesisHash();
            }
            if (segmentId != segment.id()) {
                problems.add(seq, ChainBreakage.SEGMENT_ALTERED, "sequence " + seq + " claims segment " + segmentId);
            }
            if (prev != null && !Arrays.equals(prev, prevHash)) {
                problems.add(seq, ChainBreakage.LINK_BROKEN, "sequence " + seq + " does not link to " + (seq - 1));
            }
            batch(batch, segment.algorithm(), stored);
            if (!macValid) {
                batchUnauthentic.add(seq);
            }
            if (!entry.present) {
                problems.add(seq, ChainBreakage.ENTRY_MISSING, "entry " + chainEntryId + " at sequence "
                        + seq + " is missing");
            } else {
                HashAlgorithm.Hasher hasher = hashers.computeIfAbsent(segment.algorithm(), HashAlgorithm::newHasher);
                hasher.update(input.data(), 0, input.size());
                if (entry.id != chainEntryId || !Arrays.equals(hasher.digest(), stored)) {
                    problems.add(seq, ChainBreakage.ENTRY_ALTERED, "entry " + entry.id + " at sequence " + seq
                            + " does not match its hash");
                } else if (!macValid || (!sealedByBaomi() && !mac.verifies(input.data(), entry.bodyStart,
                        entry.bodyEnd - entry.bodyStart, entry.macStart + 4, entry.macLength))) {
                    problems.add(seq, ChainBreakage.ENTRY_NOT_AUTHENTIC, "entry " + entry.id + " at sequence "
                            + seq + " was not written by Baomi (MAC)");
                }
            }
            for (Anchor anchor : anchorsAt.getOrDefault(seq, List.of())) {
                if (!Arrays.equals(anchor.headHash(), stored) || anchor.batchId() != batchId) {
                    problems.add(seq, ChainBreakage.ANCHOR_HASH_MISMATCH, "sequence " + seq
                            + " differs from anchor " + anchor.id());
                }
                if (anchor.segmentId() != segment.id() || !segment.algorithm().dbName().equals(anchor.hashAlgorithm())) {
                    problems.add(seq, ChainBreakage.SEGMENT_ALTERED, "anchor " + anchor.id() + " names segment "
                            + anchor.segmentId() + " (" + anchor.hashAlgorithm() + ")");
                }
                batchAnchors.add(anchor);
            }
            advance(seq, stored);
        }

        private void advance(long seq, byte[] stored) {
            prev = stored;
            lastStored = stored;
            expected = seq + 1;
            checked++;
            if (checked % 10_000 == 0) {
                long all = checkedTotal.addAndGet(10_000);
                if (progress != null) {
                    progress.update(all, total);
                }
            }
        }

        private Segment segmentFor(long seq) {
            while (segmentIndex + 1 < segments.size() && segments.get(segmentIndex + 1).firstSeq() <= seq) {
                segmentIndex++;
            }
            return segmentIndex < 0 ? null : segments.get(segmentIndex);
        }

        private void batch(long id, HashAlgorithm algorithm, byte[] hash) {
            if (id != batchId) {
                finishBatch();
                batchId = id;
                batchAlgorithm = algorithm;
                // A batch is checked only when the walk saw it from its first entry.
                batchComplete = batchRoots.containsKey(id);
                batchUnauthentic.clear();
            }
            batchHashes.add(hash);
        }

        /** Ends the chunk: its last batch, and sequence numbers missing at its end. */
        void finish(long end) {
            finishBatch();
            checkedTotal.addAndGet(checked % 10_000);
            if (expected <= end) {
                problems.add(expected, ChainBreakage.SEQUENCE_GAP, "sequence " + expected + " to " + end + " missing");
            }
        }

        /**
         * Whether the current batch's seal MAC will vouch for its entries' MACs: the walk saw the batch from its
         * first entry and the sealer signed it (checked in {@link #finishBatch}).
         */
        private boolean sealedByBaomi() {
            if (!batchComplete) {
                return false;
            }
            StoredBatch stored = batchRoots.get(batchId);
            return stored != null && stored.sealMac() != null;
        }

        private void finishBatch() {
            if (batchId >= 0 && batchComplete && !batchHashes.isEmpty()) {
                byte[] root = batchAlgorithm == null ? null : Merkle.root(batchAlgorithm, batchHashes);
                StoredBatch stored = batchRoots.get(batchId);
                long first = expected - batchHashes.size();
                if (!Arrays.equals(root, stored.root())) {
                    problems.add(first, ChainBreakage.BATCH_ALTERED,
                            "batch " + batchId + " does not match its Merkle root");
                } else if (stored.sealMac() != null && (stored.firstSeq() != first
                        || !Arrays.equals(stored.sealMac(), mac.sealMac(batchId, stored.segmentId(), first,
                                expected - 1, root, batchUnauthentic.stream().mapToLong(Long::longValue).toArray())))) {
                    problems.add(first, ChainBreakage.BATCH_ALTERED, "batch " + batchId
                            + " was not sealed by Baomi (seal MAC): its entries were rewritten");
                }
                for (Anchor anchor : batchAnchors) {
                    if (!Arrays.equals(anchor.merkleRoot(), root)) {
                        problems.add(anchor.seq(), ChainBreakage.ANCHOR_HASH_MISMATCH, "anchor " + anchor.id()
                                + " names another Merkle root of batch " + batchId);
                    }
                }
            }
            batchHashes.clear();
            batchAnchors.clear();
        }
    }
}
