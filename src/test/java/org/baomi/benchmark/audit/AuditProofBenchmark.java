package org.baomi.benchmark.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.baomi.audit.internal.chain.BatchTree;
import org.baomi.audit.internal.chain.HashAlgorithm;
import org.baomi.audit.internal.chain.MerkleNodes;
import org.baomi.audit.internal.chain.MerkleProofs;
import org.baomi.audit.internal.chain.SignatureAlgorithm;

/**
 * One entry's inclusion proof in a log of 100 million entries (issue 8 "Must show": at most 3 KB, checked in at most
 * 1 ms), with Baomi's own tree code ({@link MerkleProofs}, {@link BatchTree#leafHash}).
 *
 * <p>What is built: a log of {@code batches} x {@code batch size} entries (default 100,000 x 1,000 = 100,000,000),
 * i.e. the segment tree over 100,000 batch leaves exactly as {@code aud_tree_leaf} stores it, and for each sampled
 * entry its batch's full tree over 1,000 entry hashes. Entry hashes are computed lazily from a seed
 * (H(seed | batch | index)), because an entry's proof depends only on its own batch's entries and on the other
 * batches' roots. By default the roots of the batches that are NOT sampled are also drawn from the seed instead of
 * being hashed from their 1,000 entries; the tree over the 100,000 batch leaves is always fully hashed. With
 * {@code --full} every one of the 100 million entry hashes and every batch root is computed for real (slow: about
 * 200 million hashes). Proof sizes and check times are the same either way: a proof has ceil(log2 1,000) = 10 hashes
 * inside the batch and ceil(log2 100,000) = 17 hashes in the segment tree.
 *
 * <p>Measured per algorithm (SM3, SHA-256): proof size (binary, and as written in an evidence package's JSON), the
 * check time (entry hash to batch root to signed tree root, p50/p99 over {@code checks} checks), and, once per
 * package rather than per entry, the anchor signature check (SM2, Ed25519).
 *
 * <p>Arguments: [--batches N] [--batch-size M] [--samples S] [--checks C] [--full].
 */
public final class AuditProofBenchmark {

    private static final HexFormat HEX = HexFormat.of();
    private static final long SEED = 0x42414F4D49L;

    private AuditProofBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = 100_000;
        int batchSize = 1_000;
        int samples = 1_000;
        int checks = 50_000;
        boolean full = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--checks" -> checks = Integer.parseInt(args[++i]);
                case "--full" -> full = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long entries = (long) batches * batchSize;
        System.out.printf(Locale.ROOT, "Audit inclusion proof benchmark: %,d batches x %,d entries = %,d entries (%s)%n",
                batches, batchSize, entries, full ? "every entry hashed" : "sampled batches hashed from their"
                        + " entries, other batch roots from the seed");
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            run(algorithm, batches, batchSize, samples, checks, full);
        }
        for (SignatureAlgorithm signature : SignatureAlgorithm.values()) {
            anchorSignature(signature);
        }
        System.out.println("uptime: " + uptime());
    }

    private static void run(HashAlgorithm algorithm, int batches, int batchSize, int samples, int checks,
            boolean full) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(SEED);
        int[] sampledBatch = new int[samples];
        int[] sampledIndex = new int[samples];
        boolean[] sampled = new boolean[batches];
        for (int s = 0; s < samples; s++) {
            sampledBatch[s] = random.nextInt(batches);
            sampledIndex[s] = random.nextInt(batchSize);
            sampled[sampledBatch[s]] = true;
        }
        byte[][] batchRoots = new byte[batches][];
        List<byte[]> treeLeaves = new ArrayList<>(batches);
        HashAlgorithm.Hasher hasher = algorithm.newHasher();
        for (int b = 0; b < batches; b++) {
            long first = (long) b * batchSize + 1;
            long last = first + batchSize - 1;
            batchRoots[b] = full || sampled[b]
                    ? MerkleProofs.root(algorithm, batchNodes(algorithm, b, batchSize), batchSize)
                    : hasher(hasher, seedBytes(-1, b, 0));
            treeLeaves.add(BatchTree.leafHash(algorithm, first, last, batchRoots[b]));
        }
        MerkleNodes tree = MerkleProofs.inMemory(algorithm, treeLeaves);
        byte[] treeRoot = MerkleProofs.root(algorithm, tree, batches);
        double buildSeconds = (System.nanoTime() - started) / 1e9;

        // The proofs, as an evidence package carries them.
        Proof[] proofs = new Proof[samples];
        for (int s = 0; s < samples; s++) {
            int b = sampledBatch[s];
            MerkleNodes batch = batchNodes(algorithm, b, batchSize);
            proofs[s] = new Proof(b, sampledIndex[s], (long) b * batchSize + 1, (long) b * batchSize + batchSize,
                    entryHash(algorithm, b, sampledIndex[s]), batchRoots[b],
                    MerkleProofs.path(algorithm, batch, sampledIndex[s], batchSize),
                    MerkleProofs.path(algorithm, tree, b, batches));
        }
        int binary = proofs[0].binarySize();
        int json = proofs[0].jsonSize();
        int maxBinary = Arrays.stream(proofs).mapToInt(Proof::binarySize).max().orElse(0);
        int maxJson = Arrays.stream(proofs).mapToInt(Proof::jsonSize).max().orElse(0);

        // Check: entry hash -> batch root (path inside the batch), batch leaf -> signed tree root (tree path).
        for (int i = 0; i < 20_000; i++) {
            check(algorithm, proofs[i % samples], batches, treeRoot);
        }
        long[] times = new long[checks];
        int failures = 0;
        for (int i = 0; i < checks; i++) {
            Proof p = proofs[i % samples];
            long t0 = System.nanoTime();
            boolean ok = check(algorithm, p, batches, treeRoot);
            times[i] = System.nanoTime() - t0;
            failures += ok ? 0 : 1;
        }
        // The same check must fail for a changed entry.
        Proof forged = proofs[0].withEntryHash(algorithm.hash("forged".getBytes(StandardCharsets.US_ASCII)));
        boolean forgedRejected = !check(algorithm, forged, batches, treeRoot);
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%n[%s] tree over %,d batch roots built in %.1f s; proof of one entry:"
                + " %d + %d hashes%n", algorithm.dbName(), batches, buildSeconds, proofs[0].batchPath().size(),
                proofs[0].treePath().size());
        System.out.printf(Locale.ROOT, "  proof size, binary (hashes + positions): %,d bytes (max %,d)   target <= 3,072"
                + " bytes%n", binary, maxBinary);
        System.out.printf(Locale.ROOT, "  proof size, as JSON in an evidence package (entry path + batch object): %,d"
                + " bytes (max %,d)   target <= 3,072 bytes%n", json, maxJson);
        System.out.printf(Locale.ROOT, "  check time over %,d checks: p50 %.1f us, p99 %.1f us, max %.1f us   target"
                + " <= 1,000 us%n", checks, times[checks / 2] / 1e3, times[(int) (checks * 0.99)] / 1e3,
                times[checks - 1] / 1e3);
        System.out.printf(Locale.ROOT, "  all %,d checks passed: %s; a changed entry rejected: %s%n", checks,
                failures == 0, forgedRejected);
    }

    private static boolean check(HashAlgorithm algorithm, Proof p, int batches, byte[] treeRoot) {
        byte[] entryLeaf = MerkleProofs.leaf(algorithm.newHasher(), p.entryHash());
        byte[] batchRoot = MerkleProofs.rootFromPath(algorithm, p.index(), p.lastSeq() - p.firstSeq() + 1, entryLeaf,
                p.batchPath());
        if (batchRoot == null || !Arrays.equals(batchRoot, p.batchRoot())) {
            return false;
        }
        return MerkleProofs.verify(algorithm, p.batch(), batches,
                BatchTree.leafHash(algorithm, p.firstSeq(), p.lastSeq(), p.batchRoot()), p.treePath(), treeRoot);
    }

    /** One entry's proof. */
    private record Proof(int batch, int index, long firstSeq, long lastSeq, byte[] entryHash, byte[] batchRoot,
            List<byte[]> batchPath, List<byte[]> treePath) {

        /** Hashes, the entry's and batch's positions (i64 each), the batch root. */
        int binarySize() {
            return (batchPath.size() + treePath.size()) * HashAlgorithm.LENGTH + 5 * Long.BYTES
                    + HashAlgorithm.LENGTH;
        }

        /** The bytes ProofPackages writes for it: the entry's "path" and its batch object. */
        int jsonSize() {
            StringBuilder b = new StringBuilder();
            b.append("\"path\":").append(hexArray(batchPath));
            b.append(",{\"id\":").append(batch + 1).append(",\"segment\":1,\"firstSeq\":").append(firstSeq)
                    .append(",\"lastSeq\":").append(lastSeq).append(",\"root\":\"").append(HEX.formatHex(batchRoot))
                    .append("\",\"leafIndex\":").append(batch).append(",\"anchor\":100000,\"treeSize\":100000")
                    .append(",\"treePath\":").append(hexArray(treePath)).append(",\"complete\":false}");
            return b.toString().getBytes(StandardCharsets.UTF_8).length;
        }

        Proof withEntryHash(byte[] other) {
            return new Proof(batch, index, firstSeq, lastSeq, other, batchRoot, batchPath, treePath);
        }

        private static String hexArray(List<byte[]> hashes) {
            return hashes.stream().map(h -> "\"" + HEX.formatHex(h) + "\"").reduce((x, y) -> x + "," + y)
                    .map(s -> "[" + s + "]").orElse("[]");
        }
    }

    /** The full tree of one batch over its lazily computed entry hashes. */
    private static MerkleNodes batchNodes(HashAlgorithm algorithm, int batch, int batchSize) {
        List<byte[]> hashes = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            hashes.add(entryHash(algorithm, batch, i));
        }
        return MerkleProofs.inMemory(algorithm, MerkleProofs.entryLeaves(algorithm, hashes));
    }

    private static byte[] entryHash(HashAlgorithm algorithm, int batch, int index) {
        return algorithm.hash(seedBytes(SEED, batch, index));
    }

    private static byte[] seedBytes(long seed, int batch, int index) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (seed >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            b[8 + i] = (byte) (batch >>> (24 - 8 * i));
            b[12 + i] = (byte) (index >>> (24 - 8 * i));
        }
        return b;
    }

    private static byte[] hasher(HashAlgorithm.Hasher hasher, byte[] data) {
        hasher.update(data, 0, data.length);
        return hasher.digest();
    }

    /** The anchor's signature, checked once per package (not per entry). */
    private static void anchorSignature(SignatureAlgorithm algorithm) {
        KeyPair pair = algorithm.generate();
        byte[] payload = ("BAOMI-AUDIT-ANCHOR 2\nid=1\nsegment=1\nalgorithm=SM3\nseq=100000000\nhead=" + "ab".repeat(32)
                + "\nbatch=100000\nroot=" + "cd".repeat(32) + "\ntree-size=100000\ntree-root=" + "ef".repeat(32)
                + "\ntime=" + Instant.EPOCH + "\nkey=0011223344556677\nsignature-algorithm=" + algorithm.name() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = algorithm.sign(pair.getPrivate(), payload);
        for (int i = 0; i < 300; i++) {
            algorithm.verify(pair.getPublic(), payload, signature);
        }
        int n = 1_000;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            algorithm.verify(pair.getPublic(), payload, signature);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%nAnchor signature check (%s, once per package): p50 %.1f us, p99 %.1f us;"
                + " anchor text with signature about %d bytes%n", algorithm.name(), times[n / 2] / 1e3,
                times[(int) (n * 0.99)] / 1e3, payload.length + 4 * ((signature.length + 2) / 3) + 11);
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
