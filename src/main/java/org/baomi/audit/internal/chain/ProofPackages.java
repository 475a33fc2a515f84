package org.baomi.audit.internal.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds self-contained, offline-verifiable packages of audit entries (AUD-3; issue 8 items 6 and 8): the entries'
 * canonical encodings with their chain data, Merkle audit paths from each entry to its batch root and from the batch
 * to the root of its segment's batch tree as signed by an anchor (payload version 2), the anchors' signed text and
 * the public keys. The format ({@code baomi-audit-evidence} version 1) is specified in docs/evidence-verifier.md and
 * checked by tools/verifier/BaomiEvidenceVerifier.java without Baomi and without the rest of the log.
 *
 * <ul>
 * <li>{@link #evidence}: chosen entries, each with its own path inside its batch;</li>
 * <li>{@link #archive}: whole batches of one segment, every entry, so that the verifier recomputes the links and
 *     the batch roots.</li>
 * </ul>
 * The zip ({@link #zip}) holds the JSON, a signature over it with the current anchor key, and a README.
 */
public final class ProofPackages {

    public static final String FORMAT = "baomi-audit-evidence";
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final AnchorKeys keys;
    private final Path anchorDir;

    public ProofPackages(JdbcClient jdbc, AnchorKeys keys, Path anchorDir) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.anchorDir = anchorDir;
    }

    /** The anchor a package relies on is not usable: missing file, copies differ, or not signed by a trusted key. */
    public static final class AnchorUnusableException extends RuntimeException {
        AnchorUnusableException(String message) {
            super(message);
        }
    }

    /**
     * A built package.
     *
     * @param entries    entries included with a proof
     * @param unprovable matched entries left out because no anchor with a tree root covers them yet
     * @param anchorIds  the anchors the proofs lead to
     */
    public record Built(byte[] json, int entries, int unprovable, List<Long> anchorIds, long firstSeq, long lastSeq) {
    }

    private record ChainEntry(long seq, long batchId, int segmentId, byte[] prevHash, byte[] entryHash, EntryRow row) {
    }

    private record BatchInfo(long id, int segmentId, long firstSeq, long lastSeq, byte[] root, long leafIndex) {
    }

    /**
     * Evidence for chosen entries (by sequence number). Entries whose batch no anchor's tree covers are left out and
     * counted as unprovable.
     *
     * @param header facts written at the top (kind, case reference, subject...), strings or numbers
     */
    public Built evidence(Collection<Long> seqs, Map<String, Object> header) {
        List<ChainEntry> entries = entriesBySeq(new ArrayList<>(seqs));
        return build("evidence", entries, header, false);
    }

    /** Every entry of batches {@code [firstBatch, lastBatch]}, which must lie in one segment. */
    public Built archive(long firstBatch, long lastBatch, Map<String, Object> header) {
        List<ChainEntry> entries = jdbc.sql("SELECT c.seq, c.batch_id, c.segment_id, c.prev_hash, c.entry_hash, "
                + EntryRow.COLUMNS + " FROM aud_chain c JOIN aud_entry e ON e.id = c.entry_id"
                + " WHERE c.batch_id BETWEEN :first AND :last ORDER BY c.seq")
                .param("first", firstBatch).param("last", lastBatch)
                .query((rs, i) -> new ChainEntry(rs.getLong("seq"), rs.getLong("batch_id"), rs.getInt("segment_id"),
                        rs.getBytes("prev_hash"), rs.getBytes("entry_hash"), EntryRow.read(rs))).list();
        return build("archive", entries, header, true);
    }

    private List<ChainEntry> entriesBySeq(List<Long> seqs) {
        List<ChainEntry> out = new ArrayList<>();
        for (int from = 0; from < seqs.size(); from += 1_000) {
            out.addAll(jdbc.sql("SELECT c.seq, c.batch_id, c.segment_id, c.prev_hash, c.entry_hash, "
                    + EntryRow.COLUMNS + " FROM aud_chain c JOIN aud_entry e ON e.id = c.entry_id"
                    + " WHERE c.seq IN (:seqs)").param("seqs", seqs.subList(from, Math.min(seqs.size(), from + 1_000)))
                    .query((rs, i) -> new ChainEntry(rs.getLong("seq"), rs.getLong("batch_id"), rs.getInt("segment_id"),
                            rs.getBytes("prev_hash"), rs.getBytes("entry_hash"), EntryRow.read(rs))).list());
        }
        out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return out;
    }

    private Built build(String kind, List<ChainEntry> all, Map<String, Object> header, boolean completeBatches) {
        Map<Integer, Segment> segments = new TreeMap<>();
        for (Segment s : Segments.all(jdbc)) {
            segments.put(s.id(), s);
        }
        Map<Integer, Anchor> anchors = new TreeMap<>();
        Map<Long, BatchInfo> batches = new TreeMap<>();
        List<ChainEntry> provable = new ArrayList<>();
        for (ChainEntry e : all) {
            Anchor anchor = anchors.computeIfAbsent(e.segmentId(), this::anchorOf);
            BatchInfo batch = batches.computeIfAbsent(e.batchId(), this::batch);
            if (anchor == null || batch == null || batch.leafIndex() >= anchor.treeSize()) {
                if (completeBatches) {
                    throw new AnchorUnusableException("batch " + e.batchId() + " is not covered by an anchor's tree");
                }
                continue;
            }
            provable.add(e);
        }
        batches.keySet().retainAll(provable.stream().map(ChainEntry::batchId).toList());
        JsonOut json = new JsonOut().begin().field("format", FORMAT).field("version", 1).field("kind", kind);
        for (Map.Entry<String, Object> h : header.entrySet()) {
            if (h.getValue() instanceof Number n) {
                json.field(h.getKey(), n.longValue());
            } else if (h.getValue() instanceof Boolean b) {
                json.field(h.getKey(), b.booleanValue());
            } else {
                json.field(h.getKey(), h.getValue() == null ? null : h.getValue().toString());
            }
        }
        json.field("entryCount", provable.size());
        Map<String, AnchorKeys.TrustedKey> trusted = keys.trustedKeys();
        Map<String, AnchorKeys.TrustedKey> used = new LinkedHashMap<>();
        List<Long> anchorIds = new ArrayList<>();
        json.beginArray("anchors");
        for (Anchor anchor : anchors.values()) {
            if (anchor == null || provable.stream().noneMatch(e -> e.segmentId() == anchor.segmentId())) {
                continue;
            }
            anchorIds.add(anchor.id());
            used.put(anchor.keyId(), trusted.get(anchor.keyId()));
            json.element().field("id", anchor.id()).field("file", anchor.fileText()).end();
        }
        json.endArray();
        AnchorKeys.SigningKey packageKey = keys.current();
        used.putIfAbsent(packageKey.keyId(), trusted.get(packageKey.keyId()));
        json.beginArray("publicKeys");
        for (AnchorKeys.TrustedKey key : used.values()) {
            if (key != null) {
                json.element().field("keyId", key.keyId()).field("algorithm", key.algorithm().name())
                        .field("publicKey", Base64.getEncoder().encodeToString(key.encoded())).end();
            }
        }
        json.endArray();
        json.beginArray("segments");
        for (Segment s : segments.values()) {
            if (provable.stream().anyMatch(e -> e.segmentId() == s.id())) {
                json.element().field("id", s.id()).field("algorithm", s.algorithm().dbName())
                        .field("firstSeq", s.firstSeq()).field("prevHeadHash", HEX.formatHex(s.prevHeadHash()))
                        .field("genesisHash", HEX.formatHex(s.genesisHash())).end();
            }
        }
        json.endArray();
        BatchTree tree = new BatchTree(jdbc);
        Map<Long, List<byte[]>> entryPaths = new TreeMap<>();
        json.beginArray("batches");
        for (BatchInfo b : batches.values()) {
            Anchor anchor = anchors.get(b.segmentId());
            HashAlgorithm algorithm = segments.get(b.segmentId()).algorithm();
            List<byte[]> treePath = tree.paths(algorithm, b.segmentId(), List.of(b.leafIndex()), anchor.treeSize())
                    .get(b.leafIndex());
            json.element().field("id", b.id()).field("segment", b.segmentId()).field("firstSeq", b.firstSeq())
                    .field("lastSeq", b.lastSeq()).field("root", HEX.formatHex(b.root()))
                    .field("leafIndex", b.leafIndex()).field("anchor", anchor.id()).field("treeSize", anchor.treeSize())
                    .strings("treePath", hex(treePath)).field("complete", completeBatches).end();
            if (!completeBatches) {
                List<byte[]> hashes = jdbc.sql("SELECT entry_hash FROM aud_chain WHERE batch_id = :b ORDER BY seq")
                        .param("b", b.id()).query(byte[].class).list();
                MerkleNodes nodes = MerkleProofs.inMemory(algorithm, MerkleProofs.entryLeaves(algorithm, hashes));
                for (ChainEntry e : provable) {
                    if (e.batchId() == b.id()) {
                        entryPaths.put(e.seq(), MerkleProofs.path(algorithm, nodes, e.seq() - b.firstSeq(),
                                hashes.size()));
                    }
                }
            }
        }
        json.endArray();
        json.beginArray("entries");
        for (ChainEntry e : provable) {
            json.element().field("seq", e.seq()).field("batch", e.batchId()).field("entryId", e.row().id())
                    .field("prevHash", HEX.formatHex(e.prevHash())).field("entryHash", HEX.formatHex(e.entryHash()))
                    .field("mac", e.row().mac() == null ? null : Base64.getEncoder().encodeToString(e.row().mac()))
                    .field("body", Base64.getEncoder().encodeToString(CanonicalEntry.body(e.row())));
            if (!completeBatches) {
                json.strings("path", hex(entryPaths.get(e.seq())));
            }
            fields(json.object("entry"), e.row()).end();
            json.end();
        }
        json.endArray();
        json.end();
        return new Built(json.toBytes(), provable.size(), all.size() - provable.size(), anchorIds,
                provable.isEmpty() ? 0 : provable.get(0).seq(),
                provable.isEmpty() ? 0 : provable.get(provable.size() - 1).seq());
    }

    /** The decoded fields, for people; the verifier checks them against the canonical body. */
    private static JsonOut fields(JsonOut json, EntryRow r) {
        long micros = r.occurredAtMicros();
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        return json.field("id", r.id()).field("occurredAt", at.toString()).field("actorId", r.actorId())
                .field("actorName", r.actorName()).field("actorDepartment", r.actorDepartment())
                .field("actorKind", r.actorKind()).field("sourceAddress", r.sourceAddress())
                .field("sessionRef", r.sessionRef()).field("action", r.action()).field("objectType", r.objectType())
                .field("objectId", r.objectId()).field("secretLevel", r.secretLevel()).field("outcome", r.outcome())
                .field("reasonKey", r.reasonKey()).field("details", r.details()).field("patientId", r.patientId());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private BatchInfo batch(long id) {
        return jdbc.sql("""
                SELECT b.id, b.segment_id, b.first_seq, b.last_seq, b.merkle_root, t.leaf_index
                FROM aud_batch b JOIN aud_tree_leaf t ON t.batch_id = b.id WHERE b.id = :id
                """).param("id", id).query((rs, i) -> new BatchInfo(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        rs.getLong(4), rs.getBytes(5), rs.getLong(6))).optional().orElse(null);
    }

    /**
     * The newest anchor of the segment that signs a tree root, as its file in the anchor directory says, checked:
     * the database row must be identical and the signature must verify with a trusted key. None: null.
     */
    private Anchor anchorOf(int segmentId) {
        record Row(long id, String payload, byte[] signature) {
        }
        Row row = jdbc.sql("SELECT id, payload, signature FROM aud_anchor WHERE segment_id = :s"
                + " AND tree_root IS NOT NULL ORDER BY id DESC LIMIT 1").param("s", segmentId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3))).optional().orElse(null);
        if (row == null) {
            return null;
        }
        Anchor stored = Anchor.parse(row.payload() + "signature=" + Base64.getEncoder().encodeToString(row.signature())
                + "\n");
        Path file = anchorDir.resolve(Anchor.fileName(row.id()));
        String text;
        try {
            text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text == null || !text.equals(stored.fileText())) {
            throw new AnchorUnusableException("anchor " + row.id() + " is missing from the anchor directory or differs");
        }
        if (!AnchorSet.signatureValid(stored, keys.trustedKeys())) {
            throw new AnchorUnusableException("anchor " + row.id() + " is not signed by a trusted key");
        }
        return stored;
    }

    /** The id of the key that signs packages (the current anchor key). */
    public String signingKeyId() {
        return keys.current().keyId();
    }

    /**
     * The package as a zip: {@code <name>.json}, {@code <name>.sig} (the current anchor key's signature over the
     * JSON bytes: {@code key=}, {@code signature-algorithm=}, {@code signature=} lines) and README.txt.
     */
    public byte[] zip(String name, byte[] json) {
        AnchorKeys.SigningKey key = keys.current();
        String sig = "key=" + key.keyId() + "\nsignature-algorithm=" + key.algorithm().name() + "\nsignature="
                + Base64.getEncoder().encodeToString(key.algorithm().sign(key.privateKey(), json)) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 3 + 4096);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, name + ".json", json);
            put(zip, name + ".sig", sig.getBytes(StandardCharsets.US_ASCII));
            try (InputStream readme = ProofPackages.class.getResourceAsStream("/audit/evidence-README.txt")) {
                if (readme != null) {
                    put(zip, "README.txt", readme.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
