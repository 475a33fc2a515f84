package org.baomi.benchmark.monitor;

import java.util.Locale;
import java.util.Map;

import org.baomi.monitor.Detector;
import org.baomi.monitor.internal.detect.DetectionEngine;
import org.baomi.monitor.internal.detect.DetectionResult;
import org.baomi.monitor.internal.detect.DetectionSettings;
import org.baomi.monitor.internal.detect.SyntheticHospital;

/**
 * Full re-scoring of issue 7 ("a full re-scoring of 10 million events in under 60 s"): the ENGINE ALONE, IN MEMORY.
 * The synthetic hospital (seeded) generates a month of about {@code --events} access events with labelled snooping
 * (generation is not timed); then {@link DetectionEngine#score} runs over all of them — explanations, patterns,
 * the nine detectors, evidence — {@code --runs} times (the first also counts: no warm-up is discarded, the figure
 * is the slowest run's and the fastest). The end-to-end path from {@code mon_access_event} into {@code mon_alert}
 * is NOT measured here (not built yet).
 *
 * <p>Options: {@code --events N} (default 10,000,000), {@code --runs N} (default 3), {@code --seed N}.
 */
public final class ScoringBenchmark {

    private static final double TARGET_SECONDS = 60;

    private ScoringBenchmark() {
    }

    public static void main(String[] args) {
        long events = option(args, "--events", 10_000_000L);
        int runs = (int) option(args, "--runs", 3);
        long seed = option(args, "--seed", 2026);
        long t0 = System.nanoTime();
        SyntheticHospital.Hospital h = SyntheticHospital.generate(SyntheticHospital.Parameters.ofEvents(seed, events));
        double generated = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "synthetic hospital: %d staff, %d patients, %,d events, %d labelled snoops; "
                + "generated in %.1f s (not part of the figure)%n", h.population().staff().size(),
                h.population().patients().size(), h.events().size(), h.labels().size(), generated);
        double slowest = 0;
        double fastest = Double.MAX_VALUE;
        DetectionResult result = null;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            result = DetectionEngine.score(h.context(), h.events(), DetectionSettings.defaults());
            double s = (System.nanoTime() - start) / 1e9;
            slowest = Math.max(slowest, s);
            fastest = Math.min(fastest, s);
            System.out.printf(Locale.ROOT, "run %d: %.2f s, %,.0f events/s, %d alerts%n", r + 1, s,
                    h.events().size() / s, result.alerts().size());
        }
        long hits = result.alerts().stream().filter(a -> h.labels().get(a.alertKey()) == a.detector()).count();
        Map<Detector, Integer> per = result.perDetector();
        System.out.println("alerts per detector: " + per);
        System.out.printf(Locale.ROOT, "labelled found: %d of %d; alerts not labelled: %d%n", hits, h.labels().size(),
                result.alerts().size() - hits);
        System.out.printf(Locale.ROOT, "ENGINE ALONE, IN MEMORY: full re-scoring of %,d events: slowest %.2f s, "
                + "fastest %.2f s (target < %.0f s: %s)%n", h.events().size(), slowest, fastest, TARGET_SECONDS,
                slowest < TARGET_SECONDS ? "MET" : "MISSED");
        System.exit(slowest < TARGET_SECONDS ? 0 : 2);
    }

    private static long option(String[] args, String name, long fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Long.parseLong(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        return fallback;
    }
}
