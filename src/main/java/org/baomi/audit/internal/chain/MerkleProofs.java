package org.baomi.audit.internal.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Merkle audit paths in the RFC 6962 / RFC 9162 shape (AUD-3, issue 8 item 8): leaf = H(0x00 | data),
 * node = H(0x01 | left | right), the left subtree of n leaves holding the largest power of two smaller than n. Used
 * for both trees of the trail: the tree of a batch's entry hashes ({@link Merkle}) and the tree of a segment's batch
 * roots ({@link BatchTree}). The verification ({@link #rootFromPath}) is RFC 9162 section 2.1.3.2, the same
 * algorithm the offline verifier (tools/verifier) implements on its own.
 */
public final class MerkleProofs {

    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};

    private MerkleProofs() {
    }

    public static byte[] leaf(HashAlgorithm.Hasher hasher, byte[] data) {
        hasher.update(LEAF, 0, 1);
        hasher.update(data, 0, data.length);
        return hasher.digest();
    }

    public static byte[] node(HashAlgorithm.Hasher hasher, byte[] left, byte[] right) {
        hasher.update(NODE, 0, 1);
        hasher.update(left, 0, left.length);
        hasher.update(right, 0, right.length);
        return hasher.digest();
    }

    /** The root over leaves {@code [from, to)}, from perfect subtrees (RFC 6962 split). */
    public static byte[] subtree(HashAlgorithm.Hasher hasher, MerkleNodes nodes, long from, long to) {
        long n = to - from;
        if (n < 1) {
            throw new IllegalArgumentException("empty range");
        }
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return nodes.perfect(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = Long.highestOneBit(n - 1);
        return node(hasher, subtree(hasher, nodes, from, from + k), subtree(hasher, nodes, from + k, to));
    }

    /** The root of a tree of {@code size} leaves. */
    public static byte[] root(HashAlgorithm algorithm, MerkleNodes nodes, long size) {
        return subtree(algorithm.newHasher(), nodes, 0, size);
    }

    /** PATH(index, D[0:size]) of RFC 6962 section 2.1.1, bottom-up (the sibling nearest the leaf first). */
    public static List<byte[]> path(HashAlgorithm algorithm, MerkleNodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        HashAlgorithm.Hasher hasher = algorithm.newHasher();
        List<byte[]> out = new ArrayList<>();
        long from = 0;
        long to = size;
        while (to - from > 1) {
            long k = Long.highestOneBit(to - from - 1);
            if (index < from + k) {
                out.add(subtree(hasher, nodes, from + k, to));
                to = from + k;
            } else {
                out.add(subtree(hasher, nodes, from, from + k));
                from = from + k;
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * The root that an audit path leads to (RFC 9162 section 2.1.3.2), or null when the path has the wrong length
     * for (index, size).
     */
    public static byte[] rootFromPath(HashAlgorithm algorithm, long index, long size, byte[] leafHash,
            List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        HashAlgorithm.Hasher hasher = algorithm.newHasher();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(hasher, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(hasher, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** True when the path leads from the leaf to {@code root}. */
    public static boolean verify(HashAlgorithm algorithm, long index, long size, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        byte[] computed = rootFromPath(algorithm, index, size, leafHash, path);
        return computed != null && Arrays.equals(computed, root);
    }

    /** Every perfect subtree of a list of leaf hashes, level by level, held in memory (a batch's tree). */
    public static MerkleNodes inMemory(HashAlgorithm algorithm, List<byte[]> leafHashes) {
        HashAlgorithm.Hasher hasher = algorithm.newHasher();
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leafHashes.toArray(new byte[0][]);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = node(hasher, level[2 * i], level[2 * i + 1]);
            }
            levels.add(up);
            level = up;
        }
        return (lvl, index) -> levels.get(lvl)[Math.toIntExact(index)];
    }

    /** The leaf hashes of a batch's tree: H(0x00 | entry hash) for each entry hash. */
    public static List<byte[]> entryLeaves(HashAlgorithm algorithm, List<byte[]> entryHashes) {
        HashAlgorithm.Hasher hasher = algorithm.newHasher();
        List<byte[]> leaves = new ArrayList<>(entryHashes.size());
        for (byte[] hash : entryHashes) {
            leaves.add(leaf(hasher, hash));
        }
        return leaves;
    }
}
