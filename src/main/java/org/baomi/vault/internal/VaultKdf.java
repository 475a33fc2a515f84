package org.baomi.vault.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Keys derived from a file's data key with HMAC-SM3 and distinct labels, so that the content key and the level mark's
 * MAC key are independent (DOC-9), and the digests and MACs over a file's header.
 */
final class VaultKdf {

    private static final byte[] CONTENT_LABEL = "baomi-vault/v1/content".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARK_LABEL = "baomi-vault/v1/mark".getBytes(StandardCharsets.US_ASCII);

    private VaultKdf() {
    }

    static byte[] contentKey(byte[] dataKey, int length) {
        byte[] full = hmac(dataKey, CONTENT_LABEL);
        byte[] key = new byte[length];
        System.arraycopy(full, 0, key, 0, length);
        return key;
    }

    static byte[] markKey(byte[] dataKey) {
        return hmac(dataKey, MARK_LABEL);
    }

    static byte[] hmac(byte[] key, byte[] message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] sm3(byte[] message) {
        SM3Digest digest = new SM3Digest();
        digest.update(message, 0, message.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static boolean constantTimeEquals(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    /** Length-prefixed fields: no two different field lists give the same bytes. */
    static final class Fields {
        private final ByteBuffer buffer = ByteBuffer.allocate(4096);

        Fields add(String value) {
            return add(value.getBytes(StandardCharsets.UTF_8));
        }

        Fields add(byte[] value) {
            buffer.putInt(value.length).put(value);
            return this;
        }

        Fields add(long value) {
            buffer.putInt(8).putLong(value);
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[buffer.position()];
            buffer.duplicate().flip().get(out);
            return out;
        }
    }
}
