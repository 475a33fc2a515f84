package org.baomi.benchmark.access;

import java.util.Arrays;

/**
 * Exact latency percentiles of recorded samples (nanoseconds): every call is timed and kept, then sorted; the
 * nearest-rank percentile is read off. Exact, no bucketing error, at 8 bytes per sample.
 */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samples, int count) {
        this.sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    long at(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    static String micros(long nanos) {
        return String.format("%.2f us", nanos / 1000.0);
    }

    static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1_000_000.0);
    }
}
