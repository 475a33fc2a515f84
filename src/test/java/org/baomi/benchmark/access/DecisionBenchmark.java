package org.baomi.benchmark.access;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.internal.access.DecisionEngine;
import org.baomi.iam.internal.access.SyntheticHospital;

/**
 * In-process decisions on a synthetic hospital (issue 3 must-show): throughput and latency of
 * {@link DecisionEngine#decide} on one thread. Default size: 10,000 staff, 1,000,000 patients, 1,000,000 care
 * relationships, 100,000 documents, 200,000 grants; {@code --scale 0.1} for a smaller model.
 *
 * <pre>benchmarks/access.sh [--scale 1.0] [--seconds 10]</pre>
 *
 * Latency is timed per decision with {@code System.nanoTime()}, whose own cost (tens of ns) is included.
 */
public final class DecisionBenchmark {

    private DecisionBenchmark() {
    }

    public static void main(String[] args) {
        double scale = 1.0;
        int seconds = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--scale")) {
                scale = Double.parseDouble(args[i + 1]);
            } else if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[i + 1]);
            }
        }
        SyntheticHospital.Size full = SyntheticHospital.Size.HOSPITAL;
        SyntheticHospital.Size size = new SyntheticHospital.Size((int) (full.staff() * scale),
                (int) (full.patients() * scale), (int) (full.careRelationships() * scale), (int) (full.documents() * scale),
                (int) (full.grants() * scale), full.departments());
        long loadStart = System.nanoTime();
        SyntheticHospital hospital = new SyntheticHospital(42, size, Instant.parse("2026-11-22T10:00:00Z"));
        print("model: %s, built in %.1f s, heap used %d MB", size, (System.nanoTime() - loadStart) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        int n = 1 << 20;
        AccessRequest[] requests = new AccessRequest[n];
        AccessAction[] actions = {AccessAction.READ, AccessAction.READ, AccessAction.READ, AccessAction.CHANGE,
                AccessAction.EXPORT};
        for (int i = 0; i < n; i++) {
            requests[i] = new AccessRequest(hospital.person(), actions[hospital.random().nextInt(actions.length)],
                    hospital.object());
        }
        long now = hospital.now;
        long allowed = 0;
        // warm-up
        for (int r = 0; r < 5; r++) {
            for (AccessRequest request : requests) {
                allowed += DecisionEngine.decide(hospital.model, request, now).allowed() ? 1 : 0;
            }
        }
        // throughput
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long decisions = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (AccessRequest request : requests) {
                allowed += DecisionEngine.decide(hospital.model, request, now).allowed() ? 1 : 0;
            }
            decisions += n;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        print("throughput: %,.0f decisions/s on one thread (target >= 1,000,000/s); %,.0f per CPU-second of the thread"
                + " (what an unshared core would give); %.1f%% allowed", decisions / elapsed, decisions / cpu,
                100.0 * allowed / (decisions + 5L * n));
        // latency
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            AccessDecision decision = DecisionEngine.decide(hospital.model, requests[i], now);
            samples[i] = System.nanoTime() - t0;
            allowed += decision.allowed() ? 1 : 0;
        }
        Arrays.sort(samples);
        print("latency: p50 %d ns, p99 %d ns (target < 2,000 ns), p99.9 %d ns, max %d ns", samples[n / 2],
                samples[(int) (n * 0.99)], samples[(int) (n * 0.999)], samples[n - 1]);
        print("(checksum %d)", allowed);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
