package org.baomi.audit;

/** What kind of damage verification found in the audit chain (AUD-3). */
public enum ChainBreakage {
    /** A sequence number is missing: a chain row was deleted. */
    SEQUENCE_GAP,
    /** The chain names an entry that is no longer in the trail: the entry was deleted. */
    ENTRY_MISSING,
    /** The entry's fields no longer hash to its recorded entry hash: it was changed. */
    ENTRY_ALTERED,
    /** The recorded previous hash is not the previous entry's hash: rows were reordered or replaced. */
    LINK_BROKEN,
    /** The entry's MAC does not verify: it was written around Baomi (forged) or rewritten. */
    ENTRY_NOT_AUTHENTIC,
    /** An entry lies below the sealed head but is not in the chain: inserted behind the sealer's back. */
    UNCHAINED_ENTRY,
    /** A segment's recorded algorithm or genesis does not match: the algorithm marker was changed. */
    SEGMENT_ALTERED,
    /** A batch's Merkle root does not match its entries. */
    BATCH_ALTERED,
    /** A stored node or root of the tree over the batches does not match the batches (issue 8 item 8). */
    TREE_ALTERED,
    /** An anchor covers sequence numbers the chain no longer has: the tail was cut or the table wiped. */
    TAIL_CUT,
    /** An anchor is in the database but not in the anchor directory, or the other way round. */
    ANCHOR_MISSING,
    /** The database's and the directory's copy of an anchor differ. */
    ANCHOR_MISMATCH,
    /** An anchor's signature does not verify with any trusted public key: a forged checkpoint. */
    ANCHOR_FORGED,
    /** The chain's hash at an anchored sequence number differs from the anchor: the chain was rewritten. */
    ANCHOR_HASH_MISMATCH;

    public String messageKey() {
        return "audit.chain.breakage." + name();
    }
}
