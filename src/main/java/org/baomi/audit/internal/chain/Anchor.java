package org.baomi.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A signed checkpoint of the chain (AUD-3): the head (segment, its algorithm, sequence number, head hash) and the
 * latest batch with its Merkle root, at a time, signed with an anchor key. The signed payload is a fixed
 * line-oriented text (docs/audit-chain.md); the anchor file is the payload followed by a {@code signature=} line.
 *
 * <p>Version 2 (issue 8 item 8) adds the size and root of the segment's batch tree ({@link BatchTree}) after
 * {@code root=}; an anchor without a tree root ({@code treeRoot == null}) is written and read as version 1, so
 * anchors signed before the tree existed keep verifying byte for byte.
 *
 * @param treeSize the number of the segment's batches the tree root covers (0 in version 1)
 * @param treeRoot the segment's batch-tree root at that size; null in version 1
 */
public record Anchor(long id, int segmentId, String hashAlgorithm, long seq, byte[] headHash, long batchId,
        byte[] merkleRoot, long treeSize, byte[] treeRoot, Instant createdAt, String keyId, String signatureAlgorithm,
        byte[] signature) {

    public static final String HEADER = "BAOMI-AUDIT-ANCHOR 1";
    public static final String HEADER_V2 = "BAOMI-AUDIT-ANCHOR 2";
    private static final HexFormat HEX = HexFormat.of();

    /** The exact text that is signed. */
    public String payload() {
        String tree = treeRoot == null ? "" : "\ntree-size=" + treeSize + "\ntree-root=" + HEX.formatHex(treeRoot);
        return (treeRoot == null ? HEADER : HEADER_V2) + "\nid=" + id + "\nsegment=" + segmentId + "\nalgorithm="
                + hashAlgorithm + "\nseq=" + seq + "\nhead=" + HEX.formatHex(headHash) + "\nbatch=" + batchId
                + "\nroot=" + HEX.formatHex(merkleRoot) + tree + "\ntime=" + createdAt + "\nkey=" + keyId
                + "\nsignature-algorithm=" + signatureAlgorithm + "\n";
    }

    public byte[] payloadBytes() {
        return payload().getBytes(StandardCharsets.UTF_8);
    }

    /** The file form: payload and signature. */
    public String fileText() {
        return payload() + "signature=" + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    public String fileName() {
        return fileName(id);
    }

    public static String fileName(long id) {
        return String.format("anchor-%012d.txt", id);
    }

    public Anchor withSignature(byte[] newSignature) {
        return new Anchor(id, segmentId, hashAlgorithm, seq, headHash, batchId, merkleRoot, treeSize, treeRoot,
                createdAt, keyId, signatureAlgorithm, newSignature);
    }

    /**
     * Parses an anchor file or a stored payload plus signature.
     *
     * @throws IllegalArgumentException when it is not an anchor of this format
     */
    public static Anchor parse(String text) {
        boolean v2 = text.startsWith(HEADER_V2 + "\n");
        if (!text.startsWith(HEADER + "\n") && !v2) {
            throw new IllegalArgumentException("Not an anchor");
        }
        Properties p = AnchorKeys.properties(text);
        try {
            if (v2 != (p.getProperty("tree-root") != null) || v2 != (p.getProperty("tree-size") != null)) {
                throw new IllegalArgumentException("Tree lines do not match the anchor's version");
            }
            return new Anchor(Long.parseLong(p.getProperty("id")), Integer.parseInt(p.getProperty("segment")),
                    p.getProperty("algorithm"), Long.parseLong(p.getProperty("seq")),
                    HEX.parseHex(p.getProperty("head")), Long.parseLong(p.getProperty("batch")),
                    HEX.parseHex(p.getProperty("root")), v2 ? Long.parseLong(p.getProperty("tree-size")) : 0,
                    v2 ? HEX.parseHex(p.getProperty("tree-root")) : null, Instant.parse(p.getProperty("time")), p.getProperty("key"),
                    p.getProperty("signature-algorithm"),
                    p.getProperty("signature") == null ? null : Base64.getDecoder().decode(p.getProperty("signature")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an anchor", e);
        }
    }
}
