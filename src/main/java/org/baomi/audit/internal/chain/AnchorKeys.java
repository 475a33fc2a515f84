package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anchor signing keys (AUD-3). The private key lives only in {@code baomi.keys-dir} (mode 600), created on
 * first start; the public key is written there, to the anchor directory ({@code keys/<key id>.pub}) and to
 * {@code aud_anchor_key}. Rotation makes a new key the signing one; old public keys stay, so old anchors still
 * verify. The verifier trusts only the public keys held in files outside the database.
 */
public final class AnchorKeys {

    static final String CURRENT_FILE = "audit-anchor-current";
    private static final String PREFIX = "audit-anchor-";

    private final Path keysDir;
    private final Path anchorDir;
    private final SignatureAlgorithm configured;
    private final Clock clock;
    private volatile SigningKey current;

    /** A key that signs: its id, algorithm, and the pair. */
    public record SigningKey(String keyId, SignatureAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
    }

    /** A public key with its algorithm. */
    public record TrustedKey(String keyId, SignatureAlgorithm algorithm, PublicKey publicKey, byte[] encoded) {
    }

    public AnchorKeys(Path keysDir, Path anchorDir, SignatureAlgorithm configured, Clock clock) {
        this.keysDir = keysDir;
        this.anchorDir = anchorDir;
        this.configured = configured;
        this.clock = clock;
    }

    /** Loads the current key, or creates one when there is none or the configured algorithm changed. */
    public synchronized SigningKey current() {
        if (current == null) {
            Path currentFile = keysDir.resolve(CURRENT_FILE);
            SigningKey loaded = Files.exists(currentFile) ? load(read(currentFile).strip()) : null;
            current = loaded != null && loaded.algorithm() == configured ? loaded : create();
        }
        return current;
    }

    /** A new key pair that signs from now on (the old public key is kept). */
    public synchronized SigningKey rotate() {
        current = create();
        return current;
    }

    /** Puts the public key into {@code aud_anchor_key} unless it is there. */
    public void register(JdbcClient jdbc, SigningKey key) {
        jdbc.sql("""
                INSERT INTO aud_anchor_key (key_id, algorithm, public_key, created_at)
                VALUES (:id, :algorithm, :key, :at) ON CONFLICT (key_id) DO NOTHING
                """).param("id", key.keyId()).param("algorithm", key.algorithm().name())
                .param("key", key.publicKey().getEncoded()).param("at", Timestamp.from(clock.instant())).update();
    }

    /**
     * The public keys Baomi trusts, by key id: those in the keys directory, beside the private keys. The copies in
     * the anchor directory serve offline verifiers; someone who can write only there (or only to the database)
     * cannot add a key that Baomi trusts.
     */
    public Map<String, TrustedKey> trustedKeys() {
        Map<String, TrustedKey> keys = new HashMap<>();
        readPublicKeys(keysDir, PREFIX, keys);
        return keys;
    }

    private void readPublicKeys(Path dir, String prefix, Map<String, TrustedKey> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*.pub")) {
            for (Path file : files) {
                TrustedKey key = parsePublic(read(file));
                if (key != null) {
                    into.putIfAbsent(key.keyId(), key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private SigningKey create() {
        KeyPair pair = configured.generate();
        String keyId = keyIdOf(pair.getPublic().getEncoded());
        String publicFile = publicText(keyId, configured, pair.getPublic().getEncoded());
        KeyFiles.writeAtomically(keysDir.resolve(PREFIX + keyId + ".key"), ("algorithm=" + configured.name()
                + "\nprivate=" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n")
                .getBytes(StandardCharsets.US_ASCII), true);
        KeyFiles.writeAtomically(keysDir.resolve(PREFIX + keyId + ".pub"),
                publicFile.getBytes(StandardCharsets.US_ASCII), false);
        KeyFiles.writeAtomically(anchorDir.resolve("keys").resolve(keyId + ".pub"),
                publicFile.getBytes(StandardCharsets.US_ASCII), false);
        KeyFiles.writeAtomically(keysDir.resolve(CURRENT_FILE), keyId.getBytes(StandardCharsets.US_ASCII), false);
        return new SigningKey(keyId, configured, pair.getPrivate(), pair.getPublic());
    }

    private SigningKey load(String keyId) {
        Path privateFile = keysDir.resolve(PREFIX + keyId + ".key");
        Path publicFile = keysDir.resolve(PREFIX + keyId + ".pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            return null;
        }
        Properties p = properties(read(privateFile));
        SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(p.getProperty("algorithm"));
        TrustedKey pub = parsePublic(read(publicFile));
        if (pub == null) {
            return null;
        }
        Path published = anchorDir.resolve("keys").resolve(keyId + ".pub");
        if (!Files.exists(published)) {
            KeyFiles.writeAtomically(published, publicText(keyId, algorithm, pub.encoded())
                    .getBytes(StandardCharsets.US_ASCII), false);
        }
        return new SigningKey(keyId, algorithm,
                algorithm.privateKey(Base64.getDecoder().decode(p.getProperty("private"))), pub.publicKey());
    }

    static String keyIdOf(byte[] encodedPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encodedPublicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicText(String keyId, SignatureAlgorithm algorithm, byte[] encoded) {
        return "key=" + keyId + "\nalgorithm=" + algorithm.name() + "\npublic="
                + Base64.getEncoder().encodeToString(encoded) + "\n";
    }

    /** A public key file, or null when it is unreadable or its id does not match its key. */
    private static TrustedKey parsePublic(String text) {
        try {
            Properties p = properties(text);
            SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(p.getProperty("algorithm"));
            byte[] encoded = Base64.getDecoder().decode(p.getProperty("public"));
            String keyId = keyIdOf(encoded);
            if (!keyId.equals(p.getProperty("key"))) {
                return null;
            }
            return new TrustedKey(keyId, algorithm, algorithm.publicKey(encoded), encoded);
        } catch (RuntimeException unreadable) {
            return null;
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
