package org.baomi.benchmark.access;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;

/**
 * In-process access decision benchmark (issue 3 "Must show"): Baomi's engine ({@code AccessPolicy.decide}'s code
 * path, no Spring, no audit) and jCasbin on the same synthetic hospital and the same request mix, on one thread:
 * model build time and heap footprint, throughput (decisions/s) and per-call latency percentiles, and how often both
 * engines agree. Run by {@code benchmarks/access.sh} (see {@code benchmarks/README.md}); options:
 *
 * <pre>
 *   --scale F          hospital size factor (1 = 10,000 staff, 1,000,000 patients, ...), default 1
 *   --seed N           generator seed, default 20261122
 *   --requests N       size of the request mix, default 1,000,000
 *   --warmup S         warm-up seconds per engine, default 10
 *   --rounds N         measured throughput rounds per engine, default 5
 *   --round-seconds S  length of a round, default 3
 *   --agreement N      requests compared between the engines, default 100,000
 *   --no-casbin        Baomi's engine only
 *   --quick            smoke run: scale 0.1, 200,000 requests, 2 s warm-up, 2 rounds of 1 s, 10,000 compared
 * </pre>
 * ({@link AccessBenchmarkOptions}; the options of the HTTP part are accepted and ignored.)
 * Exit status 0 when Baomi's engine meets both targets, 2 when not.
 */
public final class AccessDecisionBenchmark {

    static final double TARGET_THROUGHPUT = 1_000_000;
    static final long TARGET_P99_NANOS = 2_000;
    /** "Now" of the synthetic hospital (the decisions use a clock fixed at it). */
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double scale;
    private final long seed;
    private final int requests;
    private final double warmupSeconds;
    private final int rounds;
    private final double roundSeconds;
    private final int agreement;
    private final boolean casbin;
    private long sink;

    private AccessDecisionBenchmark(AccessBenchmarkOptions options) {
        scale = options.scale;
        seed = options.seed;
        requests = options.requests;
        warmupSeconds = options.warmupSeconds;
        rounds = options.rounds;
        roundSeconds = options.roundSeconds;
        agreement = options.agreement;
        casbin = options.casbin;
    }

    public static void main(String[] args) {
        AccessDecisionBenchmark benchmark = new AccessDecisionBenchmark(AccessBenchmarkOptions.parse(args));
        System.exit(benchmark.run() ? 0 : 2);
    }

    private boolean run() {
        section("In-process access decisions (issue 3): Baomi's engine" + (casbin ? " and jCasbin" : ""));
        machine();
        long t0 = System.nanoTime();
        Hospital h = HospitalGenerator.generate(seed, scale, NOW.toEpochMilli(), 1);
        System.out.printf("Synthetic hospital generated in %.1f s: %s%n", seconds(t0), h.summary());
        AccessRequest[] mix = RequestMix.build(h, requests, seed + 1);
        System.out.printf("Request mix: %,d requests (patients, documents; READ/CHANGE/EXPORT; grants, break-the-glass, "
                + "administrators, unknown persons and objects)%n", mix.length);

        long heapBefore = usedHeap();
        t0 = System.nanoTime();
        BaomiEngine baomi = new BaomiEngine(h);
        double buildSeconds = seconds(t0);
        long baomiHeap = usedHeap() - heapBefore;
        System.out.printf("Baomi model: built in %.1f s, heap %,d MB (%s)%n", buildSeconds, baomiHeap >> 20,
                baomi.model().size());
        describeMix(baomi, mix);

        section("Baomi's engine, one thread");
        Result baomiResult = measureBaomi(baomi, mix);

        CasbinEngine casbinEngine = null;
        Result casbinResult = null;
        if (casbin) {
            section("jCasbin 1.99 (ABAC matcher + custom functions), one thread, same hospital and mix");
            heapBefore = usedHeap();
            t0 = System.nanoTime();
            casbinEngine = new CasbinEngine(h);
            buildSeconds = seconds(t0);
            System.out.printf("jCasbin model: built in %.1f s, heap %,d MB (attribute objects of %,d people and %,d "
                    + "objects; %d policy lines)%n", buildSeconds, (usedHeap() - heapBefore) >> 20, h.staff,
                    h.documents + h.patients, casbinEngine.policySize());
            casbinResult = measureCasbin(casbinEngine, mix);
            section("Agreement of the two engines");
            agreement(baomi, casbinEngine, mix);
        }

        section("Summary");
        boolean throughputOk = baomiResult.medianThroughput >= TARGET_THROUGHPUT;
        boolean latencyOk = baomiResult.latencies.at(99) < TARGET_P99_NANOS;
        System.out.printf("Baomi   : %,12.0f decisions/s (target >= %,.0f: %s; %,.0f per CPU-second); p50 %s, p99 %s "
                + "(target < %s: %s), p99.9 %s%n", baomiResult.medianThroughput, TARGET_THROUGHPUT, pass(throughputOk),
                baomiResult.medianPerCpuSecond,
                Percentiles.micros(baomiResult.latencies.at(50)), Percentiles.micros(baomiResult.latencies.at(99)),
                Percentiles.micros(TARGET_P99_NANOS), pass(latencyOk), Percentiles.micros(baomiResult.latencies.at(99.9)));
        if (casbinResult != null) {
            System.out.printf("jCasbin : %,12.0f decisions/s (%,.0f per CPU-second); p50 %s, p99 %s, p99.9 %s (%.0fx "
                    + "slower than Baomi)%n", casbinResult.medianThroughput, casbinResult.medianPerCpuSecond,
                    Percentiles.micros(casbinResult.latencies.at(50)),
                    Percentiles.micros(casbinResult.latencies.at(99)), Percentiles.micros(casbinResult.latencies.at(99.9)),
                    baomiResult.medianThroughput / casbinResult.medianThroughput);
        }
        machine();
        System.out.println("(checksum " + sink + ")");
        return throughputOk && latencyOk;
    }

    /** Share of allowed decisions and the reasons, so that the mix can be judged realistic. */
    private static void describeMix(BaomiEngine baomi, AccessRequest[] mix) {
        Map<String, Integer> reasons = new TreeMap<>();
        int allowed = 0;
        for (AccessRequest request : mix) {
            AccessDecision decision = baomi.decide(request);
            allowed += decision.allowed() ? 1 : 0;
            reasons.merge(decision.reasonKey(), 1, Integer::sum);
        }
        System.out.printf("Decisions of the mix: %.1f%% allowed; by reason:", 100.0 * allowed / mix.length);
        reasons.forEach((key, count) -> System.out.printf(" %s %.1f%%", key, 100.0 * count / mix.length));
        System.out.println();
    }

    private record Result(double medianThroughput, double medianPerCpuSecond, Percentiles latencies) {
    }

    private Result measureBaomi(BaomiEngine engine, AccessRequest[] mix) {
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warm = 0;
        while (System.nanoTime() < end || warm < 2) {
            sink += baomiPass(engine, mix, 0, mix.length);
            warm++;
        }
        System.out.printf("Warm-up: %.1f s, %,d passes over the mix%n", warmupSeconds, warm);
        GcWatch gc = new GcWatch();
        List<Double> throughputs = new ArrayList<>();
        List<Double> perCpuSecond = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long deadline = start + (long) (roundSeconds * 1e9);
            long decisions = 0;
            do {
                sink += baomiPass(engine, mix, 0, mix.length);
                decisions += mix.length;
            } while (System.nanoTime() < deadline);
            round(round, decisions, start, cpu, throughputs, perCpuSecond);
        }
        long[] samples = new long[mix.length];
        for (int i = 0; i < mix.length; i++) {
            long t0 = System.nanoTime();
            AccessDecision decision = engine.decide(mix[i]);
            long t1 = System.nanoTime();
            samples[i] = t1 - t0;
            sink += decision.allowed() ? 1 : 0;
        }
        Percentiles latencies = new Percentiles(samples, samples.length);
        printLatencies(latencies);
        System.out.println("GC during the measurement: " + gc.since());
        return new Result(median(throughputs), median(perCpuSecond), latencies);
    }

    /** Prints a round: decisions per second of wall time and per CPU-second of this thread (an unshared core). */
    private static void round(int round, long decisions, long startNanos, long cpuStartNanos, List<Double> throughputs,
            List<Double> perCpuSecond) {
        double perSecond = decisions / seconds(startNanos);
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStartNanos) / 1e9;
        throughputs.add(perSecond);
        perCpuSecond.add(decisions / cpuSeconds);
        System.out.printf("Round %d: %,.0f decisions/s (%,d decisions; %,.0f per CPU-second of the thread)%n", round,
                perSecond, decisions, decisions / cpuSeconds);
    }

    private static long baomiPass(BaomiEngine engine, AccessRequest[] mix, int from, int to) {
        long allowed = 0;
        for (int i = from; i < to; i++) {
            if (engine.decide(mix[i]).allowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    private Result measureCasbin(CasbinEngine engine, AccessRequest[] mix) {
        // jCasbin is two orders of magnitude slower: it runs for the same time, over as much of the mix as it reaches
        int[] cursor = {0};
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long warm = 0;
        while (System.nanoTime() < end) {
            warm += casbinChunk(engine, mix, cursor, 1000);
        }
        System.out.printf("Warm-up: %.1f s, %,d decisions%n", warmupSeconds, warm);
        GcWatch gc = new GcWatch();
        List<Double> throughputs = new ArrayList<>();
        List<Double> perCpuSecond = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long deadline = start + (long) (roundSeconds * 1e9);
            long decisions = 0;
            do {
                decisions += casbinChunk(engine, mix, cursor, 1000);
            } while (System.nanoTime() < deadline);
            round(round, decisions, start, cpu, throughputs, perCpuSecond);
        }
        int count = (int) Math.min(mix.length, Math.max(10_000, median(throughputs) * roundSeconds));
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            boolean allowed = engine.decide(mix[i]);
            long t1 = System.nanoTime();
            samples[i] = t1 - t0;
            sink += allowed ? 1 : 0;
        }
        Percentiles latencies = new Percentiles(samples, count);
        printLatencies(latencies);
        System.out.println("GC during the measurement: " + gc.since());
        return new Result(median(throughputs), median(perCpuSecond), latencies);
    }

    private long casbinChunk(CasbinEngine engine, AccessRequest[] mix, int[] cursor, int size) {
        for (int k = 0; k < size; k++) {
            sink += engine.decide(mix[cursor[0]]) ? 1 : 0;
            cursor[0] = cursor[0] + 1 == mix.length ? 0 : cursor[0] + 1;
        }
        return size;
    }

    private void agreement(BaomiEngine baomi, CasbinEngine casbinEngine, AccessRequest[] mix) {
        int n = Math.min(agreement, mix.length);
        int same = 0;
        int sameBasis = 0;
        int bothAllowed = 0;
        Map<String, Integer> differences = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccessRequest request = mix[i];
            AccessDecision decision = baomi.decide(request);
            String casbinBasis = casbinEngine.basis(request);
            boolean casbinAllowed = casbinBasis != null;
            if (decision.allowed() == casbinAllowed) {
                same++;
                if (decision.allowed()) {
                    bothAllowed++;
                    sameBasis += decision.basis().name().equals(casbinBasis) ? 1 : 0;
                }
            } else {
                differences.merge(decision.reasonKey(), 1, Integer::sum);
                if (examples.size() < 5) {
                    examples.add(request + " -> Baomi " + decision.reasonKey() + " " + decision.trailText()
                            + " / jCasbin " + (casbinAllowed ? "allowed by " + casbinBasis : "denied"));
                }
            }
        }
        System.out.printf("Same allow/deny on %,d of %,d requests of the mix: %.3f%%; of %,d allowed by both, the same "
                + "need-to-know basis for %,d%n", same, n, 100.0 * same / n, bothAllowed, sameBasis);
        if (!differences.isEmpty()) {
            System.out.println("Disagreements by Baomi's reason: " + differences);
            examples.forEach(e -> System.out.println("  e.g. " + e));
        }
    }

    private static void printLatencies(Percentiles p) {
        System.out.printf("Latency per call over %,d calls (System.nanoTime around each call, exact percentiles): "
                + "p50 %s, p90 %s, p99 %s, p99.9 %s, max %s%n", p.count(), Percentiles.micros(p.at(50)),
                Percentiles.micros(p.at(90)), Percentiles.micros(p.at(99)), Percentiles.micros(p.at(99.9)),
                Percentiles.micros(p.max()));
        long[] timer = new long[100_000];
        for (int i = 0; i < timer.length; i++) {
            long t0 = System.nanoTime();
            timer[i] = System.nanoTime() - t0;
        }
        System.out.println("  (the timer itself: p50 " + Percentiles.micros(new Percentiles(timer, timer.length).at(50))
                + " per reading pair, included above)");
    }

    private static void machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("Machine: %d cores, load average %.2f; JVM %s, max heap %,d MB%n", os.getAvailableProcessors(),
                os.getSystemLoadAverage(), System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20);
        if (os.getSystemLoadAverage() > os.getAvailableProcessors()) {
            System.out.println("  NOTE: more runnable processes than cores: other work competed for the CPU and its caches; "
                    + "figures measured now understate the machine");
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    /** Garbage collections since construction. */
    private static final class GcWatch {
        private final long count;
        private final long millis;

        GcWatch() {
            long[] now = read();
            count = now[0];
            millis = now[1];
        }

        String since() {
            long[] now = read();
            return (now[0] - count) + " collections, " + (now[1] - millis) + " ms";
        }

        private static long[] read() {
            long c = 0;
            long t = 0;
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                c += Math.max(0, bean.getCollectionCount());
                t += Math.max(0, bean.getCollectionTime());
            }
            return new long[] {c, t};
        }
    }
}
