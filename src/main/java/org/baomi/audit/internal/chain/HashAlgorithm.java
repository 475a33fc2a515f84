package org.baomi.audit.internal.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash of a chain segment (AUD-3): SM3 (GB/T 32905, for 密评) by default, SHA-256 selectable per installation.
 * The name is what {@code aud_segment.hash_algorithm} records; both produce 32 bytes.
 */
public enum HashAlgorithm {
    SM3("SM3"),
    SHA_256("SHA-256");

    public static final int LENGTH = 32;

    private final String dbName;

    HashAlgorithm(String dbName) {
        this.dbName = dbName;
    }

    public String dbName() {
        return dbName;
    }

    public static HashAlgorithm ofDbName(String name) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.dbName.equals(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unknown hash algorithm " + name);
    }

    /** A fresh hasher; not thread-safe, reuse within one thread. */
    public Hasher newHasher() {
        return this == SM3 ? new BcHasher(new SM3Digest()) : new JdkHasher(sha256());
    }

    public byte[] hash(byte[]... parts) {
        Hasher hasher = newHasher();
        for (byte[] part : parts) {
            hasher.update(part, 0, part.length);
        }
        return hasher.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An incremental hash function. */
    public interface Hasher {
        void update(byte[] bytes, int offset, int length);

        /** The hash of everything updated so far; the hasher is reset. */
        byte[] digest();
    }

    private record BcHasher(Digest engine) implements Hasher {
        @Override
        public void update(byte[] bytes, int offset, int length) {
            engine.update(bytes, offset, length);
        }

        @Override
        public byte[] digest() {
            byte[] out = new byte[engine.getDigestSize()];
            engine.doFinal(out, 0);
            return out;
        }
    }

    private record JdkHasher(MessageDigest engine) implements Hasher {
        @Override
        public void update(byte[] bytes, int offset, int length) {
            engine.update(bytes, offset, length);
        }

        @Override
        public byte[] digest() {
            return engine.digest();
        }
    }
}
