package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.baomi.audit.ChainBreakage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anchors as the verifier sees them (AUD-3): the database's copies and the anchor directory's copies compared
 * one by one, and each signature checked against the trusted public keys. An anchor missing on either side, two
 * copies that differ, or a signature that does not verify is a problem; the anchors that pass are the ones the
 * chain is checked against.
 */
final class AnchorSet {

    private final List<Anchor> trusted = new ArrayList<>();

    static AnchorSet load(JdbcClient jdbc, Path anchorDir, Map<String, AnchorKeys.TrustedKey> keys,
            long checkSignaturesFromId, Problems problems) {
        Map<Long, Anchor> files = readFiles(anchorDir, problems);
        Map<Long, Anchor> rows = readRows(jdbc, problems);
        AnchorSet set = new AnchorSet();
        TreeSet<Long> ids = new TreeSet<>(files.keySet());
        ids.addAll(rows.keySet());
        for (long id : ids) {
            Anchor file = files.get(id);
            Anchor row = rows.get(id);
            Anchor any = file != null ? file : row;
            if (file == null || row == null) {
                problems.add(any.seq(), ChainBreakage.ANCHOR_MISSING, "anchor " + id
                        + (file == null ? " is in the database but not in the anchor directory"
                                : " is in the anchor directory but not in the database"));
            } else if (!file.fileText().equals(row.fileText())) {
                problems.add(Math.min(file.seq(), row.seq()), ChainBreakage.ANCHOR_MISMATCH,
                        "anchor " + id + " differs between the database and the anchor directory");
            }
            if (id < checkSignaturesFromId) {
                if (file != null) {
                    set.trusted.add(file);
                }
                continue;
            }
            boolean fileValid = file != null && signatureValid(file, keys);
            boolean rowValid = row != null && signatureValid(row, keys);
            if (file != null && !fileValid) {
                problems.add(file.seq(), ChainBreakage.ANCHOR_FORGED, "anchor file " + id + " has no valid signature");
            }
            if (row != null && !rowValid) {
                problems.add(row.seq(), ChainBreakage.ANCHOR_FORGED, "anchor row " + id + " has no valid signature");
            }
            if (fileValid) {
                set.trusted.add(file);
            } else if (rowValid) {
                set.trusted.add(row);
            }
        }
        return set;
    }

    /** The anchors whose signature verified (or, below the signature-check start, their file copies). */
    List<Anchor> trusted() {
        return trusted;
    }

    static boolean signatureValid(Anchor anchor, Map<String, AnchorKeys.TrustedKey> keys) {
        AnchorKeys.TrustedKey key = keys.get(anchor.keyId());
        return key != null && anchor.signature() != null && key.algorithm().name().equals(anchor.signatureAlgorithm())
                && key.algorithm().verify(key.publicKey(), anchor.payloadBytes(), anchor.signature());
    }

    private static Map<Long, Anchor> readFiles(Path anchorDir, Problems problems) {
        Map<Long, Anchor> anchors = new TreeMap<>();
        if (!Files.isDirectory(anchorDir)) {
            return anchors;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(anchorDir, "anchor-*.txt")) {
            for (Path file : files) {
                try {
                    Anchor anchor = Anchor.parse(Files.readString(file, StandardCharsets.UTF_8));
                    if (!file.getFileName().toString().equals(anchor.fileName())) {
                        problems.add(anchor.seq(), ChainBreakage.ANCHOR_MISMATCH,
                                "anchor file " + file.getFileName() + " holds anchor " + anchor.id());
                    }
                    anchors.put(anchor.id(), anchor);
                } catch (IllegalArgumentException | IOException unreadable) {
                    problems.add(0, ChainBreakage.ANCHOR_FORGED, "anchor file " + file.getFileName()
                            + " is not a readable anchor");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the anchor directory " + anchorDir, e);
        }
        return anchors;
    }

    private static Map<Long, Anchor> readRows(JdbcClient jdbc, Problems problems) {
        Map<Long, Anchor> anchors = new TreeMap<>();
        jdbc.sql("SELECT id, segment_id, seq, head_hash, batch_id, merkle_root, tree_size, tree_root, key_id,"
                + " payload, signature"
                + " FROM aud_anchor ORDER BY id").query(rs -> {
                    long id = rs.getLong("id");
                    byte[] signature = rs.getBytes("signature");
                    Anchor anchor;
                    try {
                        anchor = Anchor.parse(rs.getString("payload") + "signature="
                                + Base64.getEncoder().encodeToString(signature) + "\n");
                    } catch (IllegalArgumentException unreadable) {
                        problems.add(rs.getLong("seq"), ChainBreakage.ANCHOR_FORGED,
                                "anchor row " + id + " is not a readable anchor");
                        return;
                    }
                    boolean columnsMatch = anchor.id() == id && anchor.seq() == rs.getLong("seq")
                            && anchor.segmentId() == rs.getInt("segment_id") && anchor.batchId() == rs.getLong("batch_id")
                            && Arrays.equals(anchor.headHash(), rs.getBytes("head_hash"))
                            && Arrays.equals(anchor.merkleRoot(), rs.getBytes("merkle_root"))
                            && anchor.keyId().equals(rs.getString("key_id"))
                            && Arrays.equals(anchor.treeRoot(), rs.getBytes("tree_root"))
                            && (anchor.treeRoot() == null ? rs.getObject("tree_size") == null
                                    : anchor.treeSize() == rs.getLong("tree_size"));
                    if (!columnsMatch) {
                        problems.add(Math.min(anchor.seq(), rs.getLong("seq")), ChainBreakage.ANCHOR_MISMATCH,
                                "anchor row " + id + " does not match its signed payload");
                    }
                    anchors.put(anchor.id(), anchor);
                });
        return anchors;
    }
}
