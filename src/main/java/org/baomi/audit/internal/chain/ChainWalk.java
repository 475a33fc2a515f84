package org.baomi.audit.internal.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

import org.baomi.audit.ChainBreakage;
import org.baomi.shared.BinaryCopyRows;

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
    private final List<Deferred> deferred = new ArrayList<>();

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

    /**
     * Checks row {@code r} of the window. {@code entry}: the stream positioned at the fields of its entry (read
     * here), or null when the entry did not come in chain order: it is then looked up by id in
     * {@link #resolveDeferred}.
     */
    void row(ChainChunk.Window w, int r, BinaryCopyRows entry) {
        long seq = w.seq[r];
        long chainEntryId = w.entryId[r];
        int segmentId = w.segmentId[r];
        long batch = w.batchId[r];
        byte[] prevHash = w.prevHash[r];
        byte[] stored = w.entryHash[r];
        boolean macValid = w.macValid[r];
        if (entry != null) {
            input.reset();
            input.bytes(prevHash);
            input.i64(seq);
            this.entry.read(entry, input);
        }
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
        if (entry == null) {
            deferred.add(new Deferred(seq, chainEntryId, prevHash, stored, segment.algorithm(), macValid,
                    !sealedByBaomi()));
        } else {
            checkEntry(seq, chainEntryId, stored, segment.algorithm(), macValid, !sealedByBaomi(), this.entry,
                    input);
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

    /**
     * The entry checks of one chain row: its entry's hash from {@code input} (previous hash, sequence number,
     * canonical body, MAC, as read by {@code read}), then its MAC verdict, and the MAC itself where no seal MAC
     * vouches for it ({@code macNeeded}).
     */
    private void checkEntry(long seq, long chainEntryId, byte[] stored, HashAlgorithm algorithm, boolean macValid,
            boolean macNeeded, BinaryEntry read, CanonicalEntry.Buffer input) {
        HashAlgorithm.Hasher hasher = hashers.computeIfAbsent(algorithm, HashAlgorithm::newHasher);
        hasher.update(input.data(), 0, input.size());
        if (read.id != chainEntryId || !Arrays.equals(hasher.digest(), stored)) {
            problems.add(seq, ChainBreakage.ENTRY_ALTERED, "entry " + read.id + " at sequence " + seq
                    + " does not match its hash");
        } else if (!macValid || (macNeeded && !mac.verifies(input.data(), read.bodyStart,
                read.bodyEnd - read.bodyStart, read.macStart + 4, read.macLength))) {
            problems.add(seq, ChainBreakage.ENTRY_NOT_AUTHENTIC, "entry " + read.id + " at sequence "
                    + seq + " was not written by Baomi (MAC)");
        }
    }

    /** A chain row whose entry was not found in chain order. */
    private record Deferred(long seq, long entryId, byte[] prevHash, byte[] stored, HashAlgorithm algorithm,
            boolean macValid, boolean macNeeded) {
    }

    /**
     * Checks the rows whose entries did not come in chain order, looking each entry up by id (as a join on the id
     * would): missing, altered or not authentic. Run after each window, on the walk's connection.
     */
    void resolveDeferred(Connection connection) throws SQLException {
        if (deferred.isEmpty()) {
            return;
        }
        StringJoiner ids = new StringJoiner(",", "'{", "}'::bigint[]");
        deferred.stream().mapToLong(Deferred::entryId).distinct().forEach(id -> ids.add(Long.toString(id)));
        record Found(byte[] data, int bodyEnd, int macLength) {
        }
        Map<Long, Found> found = new HashMap<>();
        CanonicalEntry.Buffer body = new CanonicalEntry.Buffer(512);
        BinaryEntry read = new BinaryEntry();
        try (BinaryCopyRows rows = BinaryCopyRows.open(connection, "SELECT " + BinaryEntry.COLUMNS
                + " FROM aud_entry e WHERE e.id = ANY (" + ids + ")")) {
            while (rows.nextRow() >= 0) {
                body.reset();
                read.read(rows, body);
                found.put(read.id, new Found(body.toArray(), read.bodyEnd, read.macLength));
            }
        }
        CanonicalEntry.Buffer hashInput = new CanonicalEntry.Buffer(512);
        BinaryEntry positions = new BinaryEntry();
        for (Deferred d : deferred) {
            Found hit = found.get(d.entryId());
            if (hit == null) {
                problems.add(d.seq(), ChainBreakage.ENTRY_MISSING, "entry " + d.entryId() + " at sequence "
                        + d.seq() + " is missing");
                continue;
            }
            hashInput.reset();
            hashInput.bytes(d.prevHash());
            hashInput.i64(d.seq());
            positions.id = d.entryId();
            positions.bodyStart = hashInput.size();
            positions.bodyEnd = positions.bodyStart + hit.bodyEnd();
            positions.macStart = positions.bodyEnd;
            positions.macLength = hit.macLength();
            hashInput.bytes(hit.data());
            checkEntry(d.seq(), d.entryId(), d.stored(), d.algorithm(), d.macValid(), d.macNeeded(), positions,
                    hashInput);
        }
        deferred.clear();
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
