/*
 * Baomi offline evidence verifier (issue 8 items 6 and 8; AUD-3). Checks an evidence package or an archive file
 * exported by Baomi WITHOUT Baomi, its database or the rest of the log:
 *
 *   java -cp bcprov-jdk18on-1.86.jar tools/verifier/BaomiEvidenceVerifier.java evidence.zip [--trusted-keys DIR] [--quiet]
 *
 * BouncyCastle is needed for SM2/SM3 (Maven Central: org.bouncycastle:bcprov-jdk18on:1.86, or from a build machine's
 * ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.86/). Format and steps: docs/evidence-verifier.md.
 * Exit status: 0 verified, 1 not verified, 2 unusable input.
 */

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public final class BaomiEvidenceVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verifier as the command line does; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        Path input = null;
        Path trustedDir = null;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trusted-keys") && i + 1 < args.length) {
                trustedDir = Path.of(args[++i]);
            } else if (args[i].equals("--quiet")) {
                quiet = true;
            } else if (input == null && !args[i].startsWith("--")) {
                input = Path.of(args[i]);
            } else {
                input = null;
                break;
            }
        }
        if (input == null) {
            out.println("usage: java -cp bcprov-jdk18on-1.86.jar BaomiEvidenceVerifier.java <evidence.zip|archive.zip|"
                    + "package.json> [--trusted-keys <dir of .pub files>] [--quiet]");
            return 2;
        }
        byte[] json;
        byte[] sig = null;
        try {
            byte[] raw = Files.readAllBytes(input);
            if (raw.length > 1 && raw[0] == 'P' && raw[1] == 'K') {
                Map<String, byte[]> files = unzip(raw);
                String jsonName = files.keySet().stream().filter(n -> n.endsWith(".json")).findFirst().orElse(null);
                if (jsonName == null) {
                    out.println("VERDICT: NOT VERIFIED - the zip holds no .json package");
                    return 2;
                }
                json = files.get(jsonName);
                sig = files.get(jsonName.substring(0, jsonName.length() - 5) + ".sig");
            } else {
                json = raw;
            }
        } catch (IOException e) {
            out.println("VERDICT: NOT VERIFIED - cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        Map<String, byte[]> trusted = null;
        if (trustedDir != null) {
            try {
                trusted = readTrustedKeys(trustedDir);
            } catch (IOException e) {
                out.println("VERDICT: NOT VERIFIED - cannot read trusted keys in " + trustedDir + ": " + e.getMessage());
                return 2;
            }
        }
        BaomiEvidenceVerifier verifier = new BaomiEvidenceVerifier();
        Summary summary;
        try {
            summary = verifier.verify(json, sig, trusted);
        } catch (RuntimeException e) {
            out.println("VERDICT: NOT VERIFIED - not a readable Baomi package: " + e.getMessage());
            return 2;
        }
        summary.print(out, quiet, verifier.notes, verifier.problems);
        return verifier.problems.isEmpty() ? 0 : 1;
    }

    /** What was checked, for the report. */
    public record Summary(String kind, String caseReference, List<Map<String, Object>> entries,
            List<String> anchors, List<String> keys, long firstSeq, long lastSeq) {

        void print(PrintStream out, boolean quiet, List<String> notes, List<String> problems) {
            out.println("Baomi " + kind + " package" + (caseReference == null ? "" : ", case " + caseReference));
            out.println("Entries: " + entries.size() + (entries.isEmpty() ? "" : " (sequence " + firstSeq + " to "
                    + lastSeq + ")"));
            anchors.forEach(a -> out.println("Anchor: " + a));
            keys.forEach(k -> out.println("Signing key: " + k));
            if (!quiet) {
                for (Map<String, Object> e : entries) {
                    out.println("  #" + e.get("seq") + "  " + e.get("occurredAt") + "  " + e.get("actorName") + "  "
                            + e.get("action") + "  " + e.get("objectType") + ":" + e.get("objectId") + "  "
                            + e.get("outcome") + (e.get("patientId") == null ? "" : "  patient " + e.get("patientId")));
                }
            }
            notes.forEach(n -> out.println("Note: " + n));
            if (problems.isEmpty()) {
                out.println("VERDICT: VERIFIED - every entry's hash, its inclusion proof and the anchor signatures"
                        + " check out");
            } else {
                problems.forEach(p -> out.println("PROBLEM: " + p));
                out.println("VERDICT: NOT VERIFIED - " + problems.size() + " problem(s)");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- verification

    @SuppressWarnings("unchecked")
    Summary verify(byte[] jsonBytes, byte[] sig, Map<String, byte[]> trusted) {
        Map<String, Object> pkg = (Map<String, Object>) new Json(new String(jsonBytes, StandardCharsets.UTF_8)).value();
        if (!"baomi-audit-evidence".equals(pkg.get("format")) || !Long.valueOf(1).equals(pkg.get("version"))) {
            throw new IllegalArgumentException("format is not baomi-audit-evidence version 1");
        }
        String kind = (String) pkg.get("kind");
        boolean archive = "archive".equals(kind);
        Map<String, Key> keys = new LinkedHashMap<>();
        for (Map<String, Object> k : list(pkg, "publicKeys")) {
            byte[] spki = Base64.getDecoder().decode((String) k.get("publicKey"));
            String keyId = HEX.formatHex(sha256(spki), 0, 8);
            if (!keyId.equals(k.get("keyId"))) {
                problems.add("public key " + k.get("keyId") + " does not match its id (" + keyId + ")");
                continue;
            }
            if (trusted != null && !Arrays.equals(trusted.get(keyId), spki)) {
                problems.add("public key " + keyId + " is not among the trusted keys");
            }
            keys.put(keyId, new Key(keyId, (String) k.get("algorithm"), spki));
        }
        if (trusted == null) {
            notes.add("the public keys were taken from the package itself; compare their ids with the hospital's"
                    + " published anchor keys (anchor directory, keys/*.pub) or pass --trusted-keys");
        }
        if (sig == null) {
            if (archive) {
                problems.add("the archive's signature file (.sig) is missing");
            } else {
                notes.add("no package signature (.sig); the proofs alone are checked");
            }
        } else {
            Properties p = properties(new String(sig, StandardCharsets.US_ASCII));
            Key key = keys.get(p.getProperty("key"));
            if (key == null || !key.algorithm.equals(p.getProperty("signature-algorithm"))
                    || !key.verify(jsonBytes, Base64.getDecoder().decode(p.getProperty("signature", "")))) {
                problems.add("the package signature does not verify (the JSON was changed after export, or the"
                        + " signing key is not in the package)");
            }
        }
        Map<Long, Properties> anchors = new HashMap<>();
        List<String> anchorLines = new ArrayList<>();
        for (Map<String, Object> a : list(pkg, "anchors")) {
            String file = (String) a.get("file");
            int at = file.indexOf("\nsignature=");
            String payload = at < 0 ? file : file.substring(0, at + 1);
            Properties p = properties(file);
            long id = Long.parseLong(p.getProperty("id"));
            if (!file.startsWith("BAOMI-AUDIT-ANCHOR 2\n") || p.getProperty("tree-root") == null
                    || !Objects.equals(a.get("id"), id)) {
                problems.add("anchor " + a.get("id") + " is not a version 2 anchor with a tree root");
                continue;
            }
            Key key = keys.get(p.getProperty("key"));
            boolean valid = at >= 0 && key != null && key.algorithm.equals(p.getProperty("signature-algorithm"))
                    && key.verify(payload.getBytes(StandardCharsets.UTF_8),
                            Base64.getDecoder().decode(p.getProperty("signature")));
            if (!valid) {
                problems.add("anchor " + id + " has no valid signature by a key in the package");
            }
            anchors.put(id, p);
            anchorLines.add(id + " at sequence " + p.getProperty("seq") + ", " + p.getProperty("time") + ", segment "
                    + p.getProperty("segment") + " (" + p.getProperty("algorithm") + "), tree of "
                    + p.getProperty("tree-size") + " batches, key " + p.getProperty("key") + " ("
                    + p.getProperty("signature-algorithm") + ")" + (valid ? "" : " - SIGNATURE INVALID"));
        }
        Map<Long, Map<String, Object>> segments = new HashMap<>();
        for (Map<String, Object> s : list(pkg, "segments")) {
            String algorithm = (String) s.get("algorithm");
            Buffer g = new Buffer();
            g.raw("BAOMI-AUDIT-SEGMENT".getBytes(StandardCharsets.US_ASCII));
            g.u8(1);
            g.i32(((Long) s.get("id")).intValue());
            g.str(algorithm);
            g.i64((Long) s.get("firstSeq"));
            g.raw(HEX.parseHex((String) s.get("prevHeadHash")));
            if (!HEX.formatHex(hash(algorithm, g.bytes())).equals(s.get("genesisHash"))) {
                problems.add("segment " + s.get("id") + " does not match its genesis hash");
            }
            segments.put((Long) s.get("id"), s);
        }
        Map<Long, Map<String, Object>> batches = new HashMap<>();
        for (Map<String, Object> b : list(pkg, "batches")) {
            long id = (Long) b.get("id");
            Map<String, Object> segment = segments.get(b.get("segment"));
            Properties anchor = anchors.get(b.get("anchor"));
            if (segment == null || anchor == null) {
                problems.add("batch " + id + " names a segment or anchor the package does not hold");
                continue;
            }
            String algorithm = (String) segment.get("algorithm");
            if (!algorithm.equals(anchor.getProperty("algorithm"))
                    || !String.valueOf(b.get("segment")).equals(anchor.getProperty("segment"))
                    || !String.valueOf(b.get("treeSize")).equals(anchor.getProperty("tree-size"))) {
                problems.add("batch " + id + " does not belong to the tree its anchor signed");
                continue;
            }
            Buffer leaf = new Buffer();
            leaf.i64((Long) b.get("firstSeq"));
            leaf.i64((Long) b.get("lastSeq"));
            leaf.raw(HEX.parseHex((String) b.get("root")));
            byte[] computed = rootFromPath(algorithm, (Long) b.get("leafIndex"), (Long) b.get("treeSize"),
                    leafHash(algorithm, leaf.bytes()), hexList(b.get("treePath")));
            if (computed == null || !HEX.formatHex(computed).equals(anchor.getProperty("tree-root"))) {
                problems.add("batch " + id + " is not in the tree signed by anchor " + b.get("anchor")
                        + " (inclusion proof fails)");
                continue;
            }
            if (archive != Boolean.TRUE.equals(b.get("complete"))) {
                problems.add("batch " + id + " is marked " + (archive ? "incomplete in an archive" : "complete in"
                        + " an evidence package"));
            }
            b.put("_algorithm", algorithm);
            batches.put(id, b);
        }
        List<Map<String, Object>> entries = list(pkg, "entries");
        Map<Long, List<byte[]>> batchHashes = new TreeMap<>();
        Map<Long, List<Long>> batchSeqs = new TreeMap<>();
        List<Map<String, Object>> shown = new ArrayList<>();
        byte[] previousHash = null;
        long previousSeq = -1;
        long firstSeq = 0;
        long lastSeq = 0;
        for (Map<String, Object> e : entries) {
            long seq = (Long) e.get("seq");
            Map<String, Object> batch = batches.get(e.get("batch"));
            if (batch == null) {
                problems.add("entry at sequence " + seq + " has no verified batch");
                continue;
            }
            String algorithm = (String) batch.get("_algorithm");
            byte[] body = Base64.getDecoder().decode((String) e.get("body"));
            byte[] mac = e.get("mac") == null ? null : Base64.getDecoder().decode((String) e.get("mac"));
            byte[] prev = HEX.parseHex((String) e.get("prevHash"));
            Buffer input = new Buffer();
            input.raw(prev);
            input.i64(seq);
            input.raw(body);
            input.opt(mac);
            byte[] entryHash = hash(algorithm, input.bytes());
            if (!HEX.formatHex(entryHash).equals(e.get("entryHash"))) {
                problems.add("entry at sequence " + seq + " does not match its entry hash (changed)");
            }
            Map<String, Object> decoded;
            try {
                decoded = decodeBody(body);
            } catch (RuntimeException unreadable) {
                problems.add("entry at sequence " + seq + " has an unreadable canonical body");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> readable = (Map<String, Object>) e.get("entry");
            if (!decoded.get("id").equals(e.get("entryId")) || readable == null || !decoded.equals(readable)) {
                problems.add("entry at sequence " + seq + ": the readable fields differ from the signed canonical"
                        + " body");
            }
            decoded.put("seq", seq);
            shown.add(decoded);
            long first = (Long) batch.get("firstSeq");
            long last = (Long) batch.get("lastSeq");
            if (seq < first || seq > last) {
                problems.add("entry at sequence " + seq + " lies outside its batch " + batch.get("id"));
                continue;
            }
            if (archive) {
                Map<String, Object> segment = segments.get(batch.get("segment"));
                if (seq == (Long) segment.get("firstSeq")) {
                    if (!HEX.formatHex(prev).equals(segment.get("genesisHash"))) {
                        problems.add("entry at sequence " + seq + " does not start its segment");
                    }
                } else if (previousHash != null && seq == previousSeq + 1 && !Arrays.equals(prev, previousHash)) {
                    problems.add("entry at sequence " + seq + " does not link to sequence " + previousSeq);
                }
                if (previousSeq >= 0 && seq != previousSeq + 1) {
                    problems.add("the archive has a gap before sequence " + seq);
                }
                batchHashes.computeIfAbsent((Long) batch.get("id"), k -> new ArrayList<>()).add(entryHash);
                batchSeqs.computeIfAbsent((Long) batch.get("id"), k -> new ArrayList<>()).add(seq);
            } else {
                byte[] root = rootFromPath(algorithm, seq - first, last - first + 1, leafHash(algorithm, entryHash),
                        hexList(e.get("path")));
                if (root == null || !HEX.formatHex(root).equals(batch.get("root"))) {
                    problems.add("entry at sequence " + seq + " is not in batch " + batch.get("id")
                            + " (inclusion proof fails)");
                }
            }
            if (firstSeq == 0) {
                firstSeq = seq;
            }
            lastSeq = seq;
            previousHash = entryHash;
            previousSeq = seq;
        }
        if (archive) {
            for (Map<String, Object> b : batches.values()) {
                long id = (Long) b.get("id");
                List<Long> seqs = batchSeqs.getOrDefault(id, List.of());
                long first = (Long) b.get("firstSeq");
                long last = (Long) b.get("lastSeq");
                boolean whole = seqs.size() == last - first + 1 && !seqs.isEmpty() && seqs.get(0) == first;
                if (!whole || !HEX.formatHex(treeRoot((String) b.get("_algorithm"), batchHashes.get(id)))
                        .equals(b.get("root"))) {
                    problems.add("batch " + id + " of the archive is incomplete or does not match its Merkle root");
                }
            }
        }
        if (!Objects.equals(pkg.get("entryCount"), (long) entries.size())) {
            problems.add("the package says " + pkg.get("entryCount") + " entries but holds " + entries.size());
        }
        List<String> keyLines = keys.values().stream().map(k -> k.id + " (" + k.algorithm + ")").toList();
        return new Summary(kind, (String) pkg.get("caseReference"), shown, anchorLines, keyLines, firstSeq, lastSeq);
    }

    /** Canonical encoding version 1 (docs/audit-chain.md), decoded into the readable fields' form. */
    static Map<String, Object> decodeBody(byte[] body) {
        Reader r = new Reader(body);
        if (r.u8() != 1) {
            throw new IllegalArgumentException("canonical version");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.i64());
        long micros = r.i64();
        m.put("occurredAt", Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L).toString());
        m.put("actorId", r.u8() == 0 ? null : r.i64());
        for (String name : List.of("actorName", "actorDepartment", "actorKind", "sourceAddress", "sessionRef", "action",
                "objectType", "objectId", "secretLevel", "outcome", "reasonKey", "details", "patientId")) {
            m.put(name, r.str());
        }
        if (r.at != body.length) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return m;
    }

    // ------------------------------------------------------------------------------------- Merkle (RFC 6962/9162)

    static byte[] leafHash(String algorithm, byte[] data) {
        byte[] in = new byte[data.length + 1];
        System.arraycopy(data, 0, in, 1, data.length);
        return hash(algorithm, in);
    }

    static byte[] nodeHash(String algorithm, byte[] left, byte[] right) {
        byte[] in = new byte[1 + left.length + right.length];
        in[0] = 1;
        System.arraycopy(left, 0, in, 1, left.length);
        System.arraycopy(right, 0, in, 1 + left.length, right.length);
        return hash(algorithm, in);
    }

    /** RFC 9162 section 2.1.3.2; null when the path does not fit (index, size). */
    static byte[] rootFromPath(String algorithm, long index, long size, byte[] leaf, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(algorithm, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(algorithm, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** The root over a batch's entry hashes (leaves H(0x00 | entry hash), largest power of two on the left). */
    static byte[] treeRoot(String algorithm, List<byte[]> entryHashes) {
        if (entryHashes == null || entryHashes.isEmpty()) {
            return hash(algorithm, new byte[0]);
        }
        List<byte[]> leaves = entryHashes.stream().map(h -> leafHash(algorithm, h)).toList();
        return subtree(algorithm, leaves, 0, leaves.size());
    }

    private static byte[] subtree(String algorithm, List<byte[]> leaves, int from, int count) {
        if (count == 1) {
            return leaves.get(from);
        }
        int split = Integer.highestOneBit(count - 1);
        return nodeHash(algorithm, subtree(algorithm, leaves, from, split),
                subtree(algorithm, leaves, from + split, count - split));
    }

    // ----------------------------------------------------------------------------------------------- primitives

    static byte[] hash(String algorithm, byte[] data) {
        if ("SM3".equals(algorithm)) {
            SM3Digest d = new SM3Digest();
            d.update(data, 0, data.length);
            byte[] out = new byte[32];
            d.doFinal(out, 0);
            return out;
        }
        if ("SHA-256".equals(algorithm)) {
            return sha256(data);
        }
        throw new IllegalArgumentException("unknown hash algorithm " + algorithm);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Key(String id, String algorithm, byte[] spki) {
        boolean verify(byte[] message, byte[] signature) {
            try {
                boolean sm2 = "SM2".equals(algorithm);
                PublicKey key = (sm2 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("Ed25519"))
                        .generatePublic(new X509EncodedKeySpec(spki));
                Signature s = sm2 ? Signature.getInstance("SM3withSM2", BC) : Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(message);
                return s.verify(signature);
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }

    static Properties properties(String text) {
        Properties p = new Properties();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.setProperty(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return p;
    }

    private static Map<String, byte[]> readTrustedKeys(Path dir) throws IOException {
        Map<String, byte[]> keys = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pub")) {
            for (Path file : files) {
                Properties p = properties(Files.readString(file, StandardCharsets.US_ASCII));
                if (p.getProperty("public") != null) {
                    byte[] spki = Base64.getDecoder().decode(p.getProperty("public"));
                    keys.put(HEX.formatHex(sha256(spki), 0, 8), spki);
                }
            }
        }
        return keys;
    }

    private static Map<String, byte[]> unzip(byte[] raw) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(raw))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> pkg, String name) {
        Object value = pkg.get(name);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> hexList(Object value) {
        List<byte[]> out = new ArrayList<>();
        if (value != null) {
            for (Object h : (List<Object>) value) {
                out.add(HEX.parseHex((String) h));
            }
        }
        return out;
    }

    private static final class Buffer {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void u8(int v) {
            out.write(v);
        }

        void i32(int v) {
            for (int s = 24; s >= 0; s -= 8) {
                out.write(v >>> s);
            }
        }

        void i64(long v) {
            for (int s = 56; s >= 0; s -= 8) {
                out.write((int) (v >>> s));
            }
        }

        void raw(byte[] b) {
            out.writeBytes(b);
        }

        void opt(byte[] b) {
            if (b == null) {
                i32(-1);
            } else {
                i32(b.length);
                raw(b);
            }
        }

        void str(String s) {
            opt(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        int u8() {
            return data[at++] & 0xff;
        }

        int i32() {
            int v = new BigInteger(1, Arrays.copyOfRange(data, at, at + 4)).intValue();
            at += 4;
            return v;
        }

        long i64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (data[at++] & 0xff);
            }
            return v;
        }

        String str() {
            int n = i32();
            if (n == -1) {
                return null;
            }
            if (n < 0 || at + n > data.length) {
                throw new IllegalArgumentException("bad length");
            }
            String s = new String(data, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }
    }

    /** A minimal JSON parser (RFC 8259): objects, arrays, strings, integers, true/false/null. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    m.put(key, value());
                    skip();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skip();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && (s.charAt(i) == '-' || Character.isDigit(s.charAt(i)))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
