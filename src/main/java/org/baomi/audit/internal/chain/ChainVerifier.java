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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
    /** Chain rows read at a time per chunk ({@link ChainChunk}): about 1 MB of hashes, ids and sequence numbers. */
    private static final int DEFAULT_WINDOW = 10_000;
    /** Beyond this many entries skipped by the walk, the unchained check scans the table instead of a list. */
    private static final int MAX_UNCHAINED_CANDIDATES = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final EntryMac mac;
    private final AnchorKeys keys;
    private final Path anchorDir;
    private final Clock clock;
    private final long minChunk;
    private final int window;

    /** Receives (entries checked, entries to check) now and then during a run. */
    public interface Progress {
        void update(long checked, long total);
    }

    public ChainVerifier(DataSource dataSource, EntryMac mac, AnchorKeys keys, Path anchorDir, Clock clock) {
        this(dataSource, mac, keys, anchorDir, clock, DEFAULT_MIN_CHUNK, DEFAULT_WINDOW);
    }

    /**
     * @param minChunk the fewest entries worth a parallel chunk of their own (tests use small chunks)
     * @param window   chain rows read at a time within a chunk (tests use small windows)
     */
    ChainVerifier(DataSource dataSource, EntryMac mac, AnchorKeys keys, Path anchorDir, Clock clock, long minChunk,
            int window) {
        this.minChunk = minChunk;
        this.window = window;
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
        ChainChunk.Key headKey = jdbc.sql("SELECT entry_tx::text, entry_id FROM aud_chain ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new ChainChunk.Key(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
                .optional().orElse(null);
        // The entries a full run must account for start at the first transaction; an incremental one at the oldest
        // transaction chained after its anchor.
        long lowerTx = startAnchorId == null ? 0 : Long.parseUnsignedLong(jdbc.sql("SELECT coalesce(min(entry_tx)"
                + "::text, '0') FROM aud_chain WHERE seq >= :from").param("from", from).query(String.class).single());
        Set<Long> skipped = ConcurrentHashMap.newKeySet();
        long checked = headKey == null ? 0 : walkInParallel(segments, anchorsAt, batchRoots, problems, from, prev,
                head, progress, new ChainChunk.Key(lowerTx, Long.MIN_VALUE), headKey, skipped);
        checkUnchained(headKey, checked > 0 ? skipped : null, lowerTx, problems);
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
            Map<Long, ChainWalk.StoredBatch> batchRoots, Problems problems, long from, byte[] prev, long head,
            Progress progress, ChainChunk.Key firstLower, ChainChunk.Key headKey, Set<Long> skipped) {
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
            record Before(byte[] hash, ChainChunk.Key key) {
            }
            Before before = start == from ? new Before(prev, firstLower) : jdbc.sql("SELECT entry_hash,"
                    + " entry_tx::text, entry_id FROM aud_chain WHERE seq = :seq").param("seq", start - 1)
                    .query((rs, row) -> new Before(rs.getBytes(1), new ChainChunk.Key(
                            Long.parseUnsignedLong(rs.getString(2)), rs.getLong(3))))
                    .optional().orElse(new Before(null, firstLower));
            ChainWalk walk = new ChainWalk(mac, segments, anchorsAt, batchRoots, problems, start, before.hash(), total,
                    progress, checked);
            ChainChunk chunk = new ChainChunk(walk, window, before.key(), headKey, skipped);
            tasks.add(() -> readOnly.execute(status -> streaming.execute((Connection connection) -> {
                chunk.read(connection, start, end);
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

    /**
     * Entries below the sealed head that the chain does not contain (inserted behind the sealer's back). The walk
     * read every entry below the head and passed on those no chain row took in order ({@code skipped}); only they
     * are looked up here. Without a walk (or with too many of them, as after a mass rewrite of the chain), every
     * entry from {@code lowerTx} up to the head is checked in the database.
     */
    private void checkUnchained(ChainChunk.Key head, Set<Long> skipped, long lowerTx, Problems problems) {
        if (head == null) {
            jdbc.sql("SELECT id FROM aud_entry WHERE tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY id LIMIT 1")
                    .query(Long.class).optional().ifPresent(id -> problems.add(1, ChainBreakage.UNCHAINED_ENTRY,
                            "entry " + id + " is not in the chain"));
            return;
        }
        if (skipped != null && skipped.isEmpty()) {
            return;
        }
        // Numbers only are inlined: entry ids read from the database.
        String among = skipped == null || skipped.size() > MAX_UNCHAINED_CANDIDATES ? ""
                : " AND e.id = ANY ('{" + skipped.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + "}'::bigint[])";
        jdbc.sql("""
                SELECT e.id, (SELECT min(c.seq) FROM aud_chain c WHERE (c.entry_tx, c.entry_id) > (e.tx, e.id)) AS at
                FROM aud_entry e
                WHERE (e.tx, e.id) < (CAST(:tx AS xid8), :id) AND e.tx >= CAST(:lower AS xid8)
                  AND NOT EXISTS (SELECT 1 FROM aud_chain c WHERE c.entry_id = e.id)""" + among + """

                ORDER BY e.tx, e.id LIMIT 10
                """).param("tx", Long.toUnsignedString(head.tx())).param("id", head.id())
                .param("lower", Long.toUnsignedString(lowerTx))
                .query(rs -> {
                    problems.add(rs.getLong("at"), ChainBreakage.UNCHAINED_ENTRY,
                            "entry " + rs.getLong("id") + " lies below the head but is not in the chain");
                });
    }
}
