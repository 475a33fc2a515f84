package org.baomi.vault.internal;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.baomi.vault.VaultAlgorithm;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One file's segment encryption (DOC-9), the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár (as in
 * Tink's streaming AEAD): every segment is its own GCM encryption whose 96-bit nonce is the file's random 7-byte
 * prefix, the segment's 32-bit index and a last-segment flag; the associated data is the file's header digest. So a
 * segment changed, moved to another index, taken from another file, or a file cut after any segment (whose last flag
 * then does not match) all fail the tag. SM4 runs on BouncyCastle's lightweight API; AES on the JDK's provider, which
 * uses the processor's AES and carry-less multiply instructions. Not thread-safe: one instance per stream.
 */
final class SegmentCipher {

    static final int TAG_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int NONCE_PREFIX_BYTES = 7;

    private final VaultAlgorithm algorithm;
    private final byte[] noncePrefix;
    private final byte[] aad;
    private final GCMModeCipher sm4;
    private final Cipher aes;
    private final SecretKeySpec aesKey;
    private final KeyParameter sm4Key;

    SegmentCipher(VaultAlgorithm algorithm, byte[] contentKey, byte[] noncePrefix, byte[] headerDigest) {
        if (contentKey.length != algorithm.keyBytes() || noncePrefix.length != NONCE_PREFIX_BYTES) {
            throw new IllegalArgumentException("content key or nonce prefix of the wrong length");
        }
        this.algorithm = algorithm;
        this.noncePrefix = noncePrefix.clone();
        this.aad = headerDigest.clone();
        if (algorithm == VaultAlgorithm.SM4_GCM) {
            this.sm4 = GCMBlockCipher.newInstance(new SM4Engine());
            this.sm4Key = new KeyParameter(contentKey);
            this.aes = null;
            this.aesKey = null;
        } else {
            this.sm4 = null;
            this.sm4Key = null;
            this.aesKey = new SecretKeySpec(contentKey, "AES");
            try {
                this.aes = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }
    }

    /** Encrypts {@code length} bytes of {@code in} into {@code out}; returns the ciphertext length (length + tag). */
    int seal(long index, boolean last, byte[] in, int length, byte[] out) {
        byte[] nonce = nonce(index, last);
        try {
            if (sm4 != null) {
                sm4.init(true, new AEADParameters(sm4Key, TAG_BYTES * 8, nonce, aad));
                int n = sm4.processBytes(in, 0, length, out, 0);
                return n + sm4.doFinal(out, n);
            }
            aes.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            aes.updateAAD(aad);
            return aes.doFinal(in, 0, length, out, 0);
        } catch (InvalidCipherTextException | GeneralSecurityException e) {
            throw new IllegalStateException("segment encryption failed", e);
        }
    }

    /**
     * Verifies and decrypts one segment into {@code out}; returns the plaintext length.
     *
     * @throws SegmentTamperedException when the tag does not verify (nothing of the segment is usable)
     */
    int open(long index, boolean last, byte[] in, int length, byte[] out) {
        if (length < TAG_BYTES) {
            throw new SegmentTamperedException(index);
        }
        byte[] nonce = nonce(index, last);
        try {
            if (sm4 != null) {
                sm4.init(false, new AEADParameters(sm4Key, TAG_BYTES * 8, nonce, aad));
                int n = sm4.processBytes(in, 0, length, out, 0);
                return n + sm4.doFinal(out, n);
            }
            aes.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            aes.updateAAD(aad);
            return aes.doFinal(in, 0, length, out, 0);
        } catch (InvalidCipherTextException | javax.crypto.AEADBadTagException e) {
            throw new SegmentTamperedException(index);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("segment decryption failed", e);
        }
    }

    VaultAlgorithm algorithm() {
        return algorithm;
    }

    private byte[] nonce(long index, boolean last) {
        if (index < 0 || index > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("segment index out of range");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(noncePrefix, 0, nonce, 0, NONCE_PREFIX_BYTES);
        nonce[7] = (byte) (index >>> 24);
        nonce[8] = (byte) (index >>> 16);
        nonce[9] = (byte) (index >>> 8);
        nonce[10] = (byte) index;
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }

    /** A segment's tag did not verify. Carries the index only: never content. */
    static final class SegmentTamperedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long index;

        SegmentTamperedException(long index) {
            super("segment " + index + " failed authentication", null, false, false);
            this.index = index;
        }

        long index() {
            return index;
        }
    }
}
