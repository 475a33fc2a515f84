package org.baomi.audit.internal.chain;

/**
 * Hashes of perfect subtrees of a Merkle tree (issue 8 item 8): {@code perfect(level, index)} is the root over leaves
 * {@code [index << level, (index + 1) << level)}; level 0 is the leaf hash itself. Held in memory for a batch's tree
 * ({@link MerkleProofs#inMemory}), read from {@code aud_tree_leaf} for a segment's tree ({@link BatchTree}).
 */
public interface MerkleNodes {

    /** The hash of the perfect subtree at (level, index). */
    byte[] perfect(int level, long index);
}
