package org.baomi.vault.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

import org.baomi.iam.CurrentUser;
import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.VaultAlgorithm;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Helpers of the vault's tests: deterministic content that is never held whole, digests, transactions. */
final class VaultTestSupport {

    private VaultTestSupport() {
    }

    /** A vault like the application's but with another algorithm and segment size (files keep their own). */
    static EncryptedFileService service(ApplicationContext context, VaultAlgorithm algorithm, int segmentSize) {
        return new EncryptedFileService(context.getBean(FileRows.class), context.getBean(SegmentStreams.class),
                context.getBean(MasterKeyProvider.class), context.getBean(VaultAudit.class),
                new VaultProperties(algorithm, null, segmentSize, null, null), context.getBean(CurrentUser.class),
                context.getBean(java.time.Clock.class));
    }

    static <T> T inTransaction(ApplicationContext context, Supplier<T> work) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(s -> work.get());
    }

    /** {@code size} pseudo-random bytes from {@code seed}, generated as read. */
    static InputStream content(long size, long seed) {
        return new InputStream() {
            long left = size;
            long state = seed * 0x9E3779B97F4A7C15L + 1;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                return (int) (state & 0xFF);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    static byte[] digestOf(InputStream in) throws Exception {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
        }
        return sha.digest();
    }

    /** An output that keeps only the digest and the number of bytes. */
    static final class DigestingOutput extends OutputStream {
        final MessageDigest sha = sha256();
        long count;

        @Override
        public void write(int b) {
            sha.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
            count += len;
        }

        byte[] digest() {
            return sha.digest();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
