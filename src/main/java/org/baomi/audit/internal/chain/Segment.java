package org.baomi.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A run of the chain under one hash algorithm (AUD-3). Its genesis hash, the "previous hash" of its first entry,
 * is H("BAOMI-AUDIT-SEGMENT" | u8 1 | i32 id | str algorithm | i64 first seq | previous segment's head hash),
 * computed with the segment's own algorithm: changing the recorded algorithm, or splicing segments, breaks the
 * chain.
 *
 * @param prevHeadHash the head hash of the previous segment; 32 zero bytes for the first
 */
public record Segment(int id, HashAlgorithm algorithm, long firstSeq, byte[] prevHeadHash, byte[] genesisHash,
        Instant startedAt) {

    private static final byte[] DOMAIN = "BAOMI-AUDIT-SEGMENT".getBytes(StandardCharsets.US_ASCII);

    public static byte[] genesis(int id, HashAlgorithm algorithm, long firstSeq, byte[] prevHeadHash) {
        CanonicalEntry.Buffer out = new CanonicalEntry.Buffer(96);
        out.bytes(DOMAIN);
        out.u8(1);
        out.i32(id);
        out.str(algorithm.dbName());
        out.i64(firstSeq);
        out.bytes(prevHeadHash);
        return algorithm.hash(out.toArray());
    }
}
