package org.baomi.audit.internal.chain;

import java.util.List;

/**
 * Merkle tree hash over a batch's entry hashes, in the shape of RFC 6962 section 2.1 (Certificate Transparency):
 * leaf = H(0x00 | entry hash), node = H(0x01 | left | right), the left subtree holding the largest power of two
 * smaller than n. A proof for one entry is then log2(batch size) hashes (issue 8 item 8).
 */
public final class Merkle {

    private Merkle() {
    }

    public static byte[] root(HashAlgorithm algorithm, List<byte[]> entryHashes) {
        if (entryHashes.isEmpty()) {
            return algorithm.hash();
        }
        HashAlgorithm.Hasher hasher = algorithm.newHasher();
        byte[][] level = new byte[entryHashes.size()][];
        for (int i = 0; i < level.length; i++) {
            level[i] = leaf(hasher, entryHashes.get(i));
        }
        return subtree(hasher, level, 0, level.length);
    }

    private static byte[] subtree(HashAlgorithm.Hasher hasher, byte[][] leaves, int from, int count) {
        if (count == 1) {
            return leaves[from];
        }
        int split = Integer.highestOneBit(count - 1);
        byte[] left = subtree(hasher, leaves, from, split);
        byte[] right = subtree(hasher, leaves, from + split, count - split);
        hasher.update(new byte[] {1}, 0, 1);
        hasher.update(left, 0, left.length);
        hasher.update(right, 0, right.length);
        return hasher.digest();
    }

    private static byte[] leaf(HashAlgorithm.Hasher hasher, byte[] entryHash) {
        hasher.update(new byte[] {0}, 0, 1);
        hasher.update(entryHash, 0, entryHash.length);
        return hasher.digest();
    }
}
