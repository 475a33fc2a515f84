package org.baomi.audit;

/**
 * Where one entry stands in the chain (AUD-3), for the console's detail view.
 *
 * @param entryId       the entry
 * @param sealed        whether it has been sealed; the other fields are null until then
 * @param sequence      its chain sequence number
 * @param segment       its segment
 * @param hashAlgorithm the segment's algorithm
 * @param previousHash  hex of the previous entry's hash
 * @param entryHash     hex of its entry hash
 * @param batch         its sealing batch (Merkle tree)
 * @param authentic     whether its MAC verified when it was sealed
 */
public record ChainPosition(long entryId, boolean sealed, Long sequence, Integer segment, String hashAlgorithm,
        String previousHash, String entryHash, Long batch, Boolean authentic) {
}
