package org.baomi.benchmark.audit;

import java.security.MessageDigest;
import java.util.Locale;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The chain's hash functions alone on one thread (issue 8 verification speed, {@code benchmarks/audit-hash.sh}):
 * BouncyCastle's {@code SM3Digest} and the JDK's SHA-256, on inputs of the
 * sizes verification hashes (an entry's hash input of about 300 bytes, a Merkle leaf of 33 bytes, a Merkle node of
 * 65 bytes). Prints hashes/s and ns of thread CPU per hash (what the load of a shared machine changes least).
 * Arguments: [seconds per measurement, default 3].
 */
public final class HashBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private HashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.printf(Locale.ROOT, "Hash benchmark, 1 thread, %.0f s per figure%n", seconds);
        for (int size : new int[] {300, 33, 65}) {
            byte[] input = new byte[size];
            new SplittableRandom(size).nextBytes(input);
            run("BouncyCastle SM3Digest", size, seconds, new SM3Digest(), input);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            run("JDK SHA-256", size, seconds, sha, input);
        }
    }

    private static void run(String name, int size, double seconds, Object engine, byte[] input) throws Exception {
        byte[] out = new byte[32];
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long n = 0;
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            // The warm-up counts iterations, not time: on a loaded machine a timed warm-up may end before the JIT.
            long end = round == 0 ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
            long now;
            do {
                for (int i = 0; i < 1_000; i++) {
                    if (engine instanceof Digest d) {
                        d.update(input, 0, input.length);
                        d.doFinal(out, 0);
                    } else {
                        MessageDigest m = (MessageDigest) engine;
                        m.update(input, 0, input.length);
                        m.digest(out, 0, 32);
                    }
                    input[0] = out[0];
                }
                n += 1_000;
                now = System.nanoTime();
            } while (round == 0 ? n < 300_000 : now < end);
            sink += out[1];
            if (round == 1) {
                double secs = (now - start) / 1e9;
                double cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
                System.out.printf(Locale.ROOT, "  %-24s %4d bytes: %,12.0f hashes/s; %6.0f ns of CPU per hash%n",
                        name, size, n / secs, cpuNanos / n);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
