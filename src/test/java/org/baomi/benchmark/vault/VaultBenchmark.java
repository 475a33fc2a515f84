package org.baomi.benchmark.vault;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.baomi.BaomiApplication;
import org.baomi.shared.SecretLevel;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.StoredFileInfo;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypted file store benchmark (issue 5 item 2, DOC-9):
 * <ol>
 * <li>raw cipher speed on one core: BouncyCastle SM4-GCM, and AES-256-GCM (BouncyCastle's and the JDK's, which the
 * vault uses for AES), encrypting and decrypting 256 KiB buffers in memory; the vault seals and opens segments on
 * a pool of as many threads as cores, so on two cores it can exceed the one-core figure;</li>
 * <li>end to end: Baomi started in this JVM on a fresh durable embedded PostgreSQL (fsync on), a 200 MB file stored
 * through {@link EncryptedFiles#store} (one transaction, with its audit record) and read back through
 * {@link EncryptedFiles#read} into a counting sink; MB/s and the ratio to the raw SM4-GCM speed (target >= 0.8);</li>
 * <li>a 1 GB file stored and read the same way, reporting the peak heap used during each (run with a small heap,
 * -Xmx256m by default from benchmarks/vault.sh): flat means the same peak as for 200 MB, far below the file's size.</li>
 * </ol>
 * Arguments: [end-to-end MB, default 200] [large MB, default 1024] [algorithm SM4_GCM or AES_256_GCM, default SM4_GCM].
 */
public final class VaultBenchmark {

    private static final int BUFFER = 256 * 1024;
    private static final double MB = 1_000_000.0;

    private VaultBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long endToEndMb = args.length > 0 ? Long.parseLong(args[0]) : 200;
        long largeMb = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        String algorithm = args.length > 2 ? args[2] : "SM4_GCM";
        System.out.printf(Locale.ROOT, "Vault benchmark: %d cores, max heap %d MB, java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
                System.getProperty("java.version"));

        System.out.println("1. Raw cipher speed, one core, 256 KiB buffers");
        double sm4Enc = raw("BouncyCastle SM4-GCM encrypt", () -> bc(new SM4Engine(), 16, true));
        double sm4Dec = raw("BouncyCastle SM4-GCM decrypt", () -> bc(new SM4Engine(), 16, false));
        raw("BouncyCastle AES-256-GCM encrypt", () -> bc(AESEngine.newInstance(), 32, true));
        double aesEnc = raw("JDK AES-256-GCM encrypt (vault's AES)", () -> jdk(true));
        double aesDec = raw("JDK AES-256-GCM decrypt (vault's AES)", () -> jdk(false));
        double rawEnc = algorithm.equals("SM4_GCM") ? sm4Enc : aesEnc;
        double rawDec = algorithm.equals("SM4_GCM") ? sm4Dec : aesDec;

        Path work = Path.of("target", "bench-vault").toAbsolutePath();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BaomiApplication.class).properties(
                "baomi.embedded-db.data-dir=" + work.resolve("pg"),
                "baomi.embedded-db.clean-on-start=true",
                "baomi.embedded-db.durable=true",
                "baomi.demo.enabled=false",
                "baomi.keys-dir=" + work.resolve("keys"),
                "baomi.audit.anchor-dir=" + work.resolve("anchors"),
                "baomi.audit.archive.dir=" + work.resolve("archive"),
                "baomi.vault.algorithm=" + algorithm,
                "server.port=0",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN").run();
        try {
            EncryptedFiles vault = app.getBean(EncryptedFiles.class);
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            System.out.printf(Locale.ROOT, "2. End to end through EncryptedFiles (%s, durable embedded PostgreSQL)%n",
                    algorithm);
            Result small = storeAndRead(vault, tx, endToEndMb * 1_000_000L);
            System.out.printf(Locale.ROOT, "   store %d MB: %.1f MB/s = %.2f x raw encrypt (target >= 0.80)%n",
                    endToEndMb, small.storeMbPerS, small.storeMbPerS / rawEnc);
            System.out.printf(Locale.ROOT, "   read  %d MB: %.1f MB/s = %.2f x raw decrypt (target >= 0.80)%n",
                    endToEndMb, small.readMbPerS, small.readMbPerS / rawDec);
            System.out.printf(Locale.ROOT, "   peak heap used: store %d MB, read %d MB%n", small.storePeak, small.readPeak);

            System.out.printf(Locale.ROOT, "3. Large file, %d MB, max heap %d MB%n", largeMb,
                    Runtime.getRuntime().maxMemory() / 1024 / 1024);
            Result large = storeAndRead(vault, tx, largeMb * 1_000_000L);
            System.out.printf(Locale.ROOT, "   store: %.1f MB/s, peak heap used %d MB%n", large.storeMbPerS,
                    large.storePeak);
            System.out.printf(Locale.ROOT, "   read:  %.1f MB/s, peak heap used %d MB%n", large.readMbPerS,
                    large.readPeak);
            System.out.printf(Locale.ROOT, "   heap flat: peak %d MB for %d MB vs %d MB for %d MB (target: no growth "
                    + "with file size, far below it)%n", Math.max(large.storePeak, large.readPeak), largeMb,
                    Math.max(small.storePeak, small.readPeak), endToEndMb);
        } finally {
            app.close();
        }
    }

    record Result(double storeMbPerS, double readMbPerS, long storePeak, long readPeak) {
    }

    private static Result storeAndRead(EncryptedFiles vault, TransactionTemplate tx, long size) {
        FileOwner owner = new FileOwner("benchmark", Long.toString(System.nanoTime()));
        LevelMark mark = new LevelMark(SecretLevel.HIGHLY_SECRET, "HS-10y");
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        StoredFileInfo info = tx.execute(s -> vault.store(owner, mark, "application/octet-stream",
                new RepeatingStream(size)));
        double storeSeconds = (System.nanoTime() - t0) / 1e9;
        long storePeak = peakHeapMb();
        System.gc();
        resetPeaks();
        CountingSink sink = new CountingSink();
        long t1 = System.nanoTime();
        tx.executeWithoutResult(s -> vault.read(info.id(), owner, mark, sink));
        double readSeconds = (System.nanoTime() - t1) / 1e9;
        long readPeak = peakHeapMb();
        if (sink.count != size) {
            throw new IllegalStateException("read " + sink.count + " bytes of " + size);
        }
        return new Result(size / MB / storeSeconds, size / MB / readSeconds, storePeak, readPeak);
    }

    interface Work {
        void run(byte[] in, byte[] out) throws Exception;
    }

    private interface WorkFactory {
        Work create() throws Exception;
    }

    /**
     * MB/s of one thread for about three seconds after a warm-up of three seconds (long enough for the JIT's
     * intrinsics on a loaded machine: with one second the JDK's AES-GCM encryption was still interpreted).
     */
    private static double raw(String name, WorkFactory factory) throws Exception {
        Work work = factory.create();
        byte[] in = new byte[BUFFER + 16];
        new SecureRandom().nextBytes(in);
        byte[] out = new byte[BUFFER + 32];
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            work.run(in, out);
        }
        long bytes = 0;
        long start = System.nanoTime();
        end = start + 3_000_000_000L;
        while (System.nanoTime() < end) {
            work.run(in, out);
            bytes += BUFFER;
        }
        double rate = bytes / MB / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "   %-40s %7.1f MB/s%n", name, rate);
        return rate;
    }

    private static Work bc(org.bouncycastle.crypto.BlockCipher engine, int keyBytes, boolean encrypt)
            throws Exception {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(engine);
        KeyParameter key = new KeyParameter(new byte[keyBytes]);
        long[] counter = {0};
        byte[] sealed = encrypt ? null : sealOnce(engine.getAlgorithmName(), key);
        return (in, out) -> {
            byte[] nonce = nonce(encrypt ? ++counter[0] : 0);
            gcm.init(encrypt, new AEADParameters(key, 128, nonce, new byte[32]));
            byte[] source = encrypt ? in : sealed;
            int length = encrypt ? BUFFER : sealed.length;
            int n = gcm.processBytes(source, 0, length, out, 0);
            gcm.doFinal(out, n);
        };
    }

    private static byte[] sealOnce(String algorithm, KeyParameter key) throws Exception {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(algorithm.startsWith("SM4") ? new SM4Engine()
                : AESEngine.newInstance());
        gcm.init(true, new AEADParameters(key, 128, nonce(0), new byte[32]));
        byte[] out = new byte[BUFFER + 16];
        int n = gcm.processBytes(new byte[BUFFER], 0, BUFFER, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    private static Work jdk(boolean encrypt) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        long[] counter = {0};
        byte[] sealed;
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(0)));
        cipher.updateAAD(new byte[32]);
        sealed = cipher.doFinal(new byte[BUFFER]);
        return (in, out) -> {
            if (encrypt) {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(++counter[0])));
                cipher.updateAAD(new byte[32]);
                cipher.doFinal(in, 0, BUFFER, out, 0);
            } else {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(0)));
                cipher.updateAAD(new byte[32]);
                cipher.doFinal(sealed, 0, sealed.length, out, 0);
            }
        };
    }

    private static byte[] nonce(long counter) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }

    /** Highest heap in use right after a collection (the live set), sampled every 20 ms. */
    private static volatile long liveAfterGcPeak;

    static {
        Thread sampler = new Thread(() -> {
            while (true) {
                long live = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                liveAfterGcPeak = Math.max(liveAfterGcPeak, live);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeaks() {
        liveAfterGcPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use, garbage included. */
    private static long peakHeapMb() {
        System.out.printf(Locale.ROOT, "   (live heap after collections, peak: %d MB)%n", liveAfterGcPeak / 1024 / 1024);
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1024 / 1024;
    }

    /** {@code size} bytes: one random MiB block repeated, produced at memory speed so the vault is what is measured. */
    static final class RepeatingStream extends InputStream {
        private final byte[] block = new byte[1 << 20];
        private long left;
        private int position;

        RepeatingStream(long size) {
            this.left = size;
            new SecureRandom().nextBytes(block);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), block.length - position);
            System.arraycopy(block, position, b, off, n);
            position = (position + n) % block.length;
            left -= n;
            return n;
        }
    }

    /** Counts what is read, keeps nothing. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
