package org.baomi.audit.internal.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.baomi.audit.ChainBreakage;

/**
 * One chunk of a {@link ChainVerifier} run: the walk along the chain, row by row (AUD-3). Checks sequence, segment,
 * link, entry hash and MAC verdict of each row, each batch's Merkle root and seal MAC, and the anchors that fall on
 * the chunk; collects problems rather than stopping. Not thread-safe: one walk per chunk and thread.
 */
final class ChainWalk {

    private static final byte[] ZERO_HASH = new byte[HashAlgorithm.LENGTH];

    private final EntryMac mac;
    private final List<Segment> segments;
    private final Map<Long, List<Anchor>> anchorsAt;
    private final Map<Long, StoredBatch> batchRoots;
    /** Sequence numbers of the current batch whose MAC was recorded invalid when sealed. */
    private final List<Long> batchUnauthentic = new ArrayList<>();
    private final Problems problems;
    private final long total;
    private final ChainVerifier.Progress progress;
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

    ChainWalk(EntryMac mac, List<Segment> segments, Map<Long, List<Anchor>> anchorsAt,
            Map<Long, StoredBatch> batchRoots, Problems problems, long from, byte[] prev, long total,
            ChainVerifier.Progress progress, AtomicLong checkedTotal) {
        this.mac = mac;
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

    /**
     * A stored batch. {@code sealMac} null (a deep run, or a batch sealed before seal MACs existed): every entry's
     * MAC of the batch is checked; otherwise the seal MAC stands for them (the sealer checked them).
     */
    record StoredBatch(byte[] root, byte[] sealMac, int segmentId, long firstSeq, long lastSeq) {
    }
}
