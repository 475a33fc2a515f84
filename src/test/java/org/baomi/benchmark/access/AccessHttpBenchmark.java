package org.baomi.benchmark.access;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.NeedToKnow;
import org.baomi.shared.internal.EmbeddedDatabaseProperties;
import org.baomi.shared.internal.EmbeddedPostgresServer;

/**
 * The access decision API over HTTP and the propagation of changes between instances (issue 3 "Must show"). Run by
 * {@code benchmarks/access.sh} (see {@code benchmarks/README.md}):
 *
 * <ol>
 * <li>a fresh durable embedded PostgreSQL in {@code target/benchmark-access/postgres}; Baomi from the jar, in demo
 * mode, creates the schema and the demo hospital, and stops;</li>
 * <li>the synthetic hospital ({@link HospitalGenerator}, "now" = the wall clock) is written with COPY
 * ({@link HospitalDatabase}), with an API token of scope {@code access:decision:request};</li>
 * <li>instance A starts and loads the model; a sample of its answers is compared with the in-process engine on the
 * same data; then {@code POST /api/v1/access/decisions} (single) and {@code .../batch} are loaded by a closed-loop
 * Java HTTP client on the same machine: throughput and p50/p95/p99;</li>
 * <li>instance B starts on the same database; each trial changes a grant (issued, then revoked) or the policy (a new
 * version with or without department scope for reading documents) in the database, as the application writes it
 * (the change-log triggers fire), and measures how long until A and B both answer accordingly.</li>
 * </ol>
 * Exit status 0 when every target is met, 2 when one is missed, 1 when the benchmark could not run.
 */
public final class AccessHttpBenchmark {

    static final double TARGET_SINGLE_PER_SECOND = 5_000;
    static final double TARGET_BATCH_DECISIONS_PER_SECOND = 200_000;
    static final long TARGET_P99_NANOS = 20_000_000;
    static final long TARGET_PROPAGATION_NANOS = 1_000_000_000;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final AccessBenchmarkOptions options;
    private final List<String> verdicts = new ArrayList<>();
    private boolean allMet = true;

    private AccessHttpBenchmark(AccessBenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        AccessHttpBenchmark benchmark = new AccessHttpBenchmark(AccessBenchmarkOptions.parse(args));
        int status;
        try {
            status = benchmark.run() ? 0 : 2;
        } catch (Exception e) {
            System.out.println("The HTTP benchmark could not run: " + e);
            e.printStackTrace(System.out);
            status = 1;
        }
        System.exit(status);
    }

    private boolean run() throws Exception {
        section("Access decisions over HTTP and propagation between instances (issue 3)");
        machine();
        Path work = Path.of("target", "benchmark-access").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        System.out.println("Work directory (database, logs of the instances): " + work);
        EmbeddedDatabaseProperties database = new EmbeddedDatabaseProperties(work.resolve("postgres"), 0, true, false,
                Duration.ofSeconds(120));
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(database)) {
            String url = postgres.jdbcUrl();
            String user = postgres.username();
            long t0 = System.nanoTime();
            try (BaomiInstance first = BaomiInstance.start("setup", work, url, user, true, options.serverJavaOpts)) {
                first.awaitReady(START_TIMEOUT);
            }
            System.out.printf("Schema and demo hospital created by a first start in %.0f s%n", seconds(t0));

            Hospital h;
            String token;
            try (HospitalDatabase db = new HospitalDatabase(url, user)) {
                long base = db.personIdBase();
                h = HospitalGenerator.generate(options.seed, options.scale, System.currentTimeMillis(), base);
                System.out.println("Synthetic hospital: " + h.summary());
                t0 = System.nanoTime();
                token = db.load(h);
                System.out.printf("Loaded into the database with COPY in %.0f s (account ids from %d)%n", seconds(t0), base);
            }
            AccessRequest[] mix = RequestMix.build(h, Math.min(options.requests, 200_000), options.seed + 1);

            try (BaomiInstance a = BaomiInstance.start("a", work, url, user, true, options.serverJavaOpts)) {
                double ready = a.awaitReady(START_TIMEOUT);
                System.out.printf("Instance A (pid %d, %s) ready %.0f s after its start, model loaded from the database%n",
                        a.pid(), options.serverJavaOpts, ready);
                DecisionLoad load = new DecisionLoad(token);
                firstAnswer(load, a, mix[0]);
                compare(load, a, h, mix);
                single(load, a, mix);
                batch(load, a, mix);
                try (BaomiInstance b = BaomiInstance.start("b", work, url, user, true, options.serverJavaOpts)) {
                    ready = b.awaitReady(START_TIMEOUT);
                    System.out.printf("Instance B (pid %d) ready %.0f s after its start, on the same database%n", b.pid(), ready);
                    firstAnswer(load, b, mix[0]);
                    try (HospitalDatabase db = new HospitalDatabase(url, user)) {
                        new PropagationTrials(load, db, h, mix, a, b, options.trials).run(this);
                    }
                }
            }
        }
        section("Summary");
        verdicts.forEach(System.out::println);
        machine();
        return allMet;
    }

    /** The decision model is loaded on first use: the first question waits for it (up to 10 minutes). */
    private static void firstAnswer(DecisionLoad load, BaomiInstance instance, AccessRequest request) throws Exception {
        long t0 = System.nanoTime();
        var response = load.post(instance.baseUrl() + "/api/v1/access/decisions", DecisionLoad.json(request),
                START_TIMEOUT);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The decision API answered " + response.statusCode() + ": " + response.body());
        }
        System.out.printf("First answer after %.1f s (the instance loads its decision model on first use)%n", seconds(t0));
    }

    /** The instance decides as the in-process engine does on the same data (proves the load and the API). */
    private void compare(DecisionLoad load, BaomiInstance a, Hospital h, AccessRequest[] mix) throws Exception {
        BaomiEngine engine = new BaomiEngine(h, Clock.systemUTC());
        int n = Math.min(2_000, mix.length);
        int same = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < n; i += 100) {
            StringBuilder body = new StringBuilder("[");
            for (int k = i; k < i + 100; k++) {
                body.append(k > i ? "," : "").append(DecisionLoad.json(mix[k]));
            }
            var response = load.post(a.baseUrl() + "/api/v1/access/decisions/batch", body.append(']').toString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The batch decision API answered " + response.statusCode() + ": "
                        + response.body());
            }
            List<Boolean> answers = allowedFlags(response.body());
            for (int k = i; k < i + 100; k++) {
                AccessDecision expected = engine.decide(mix[k]);
                boolean got = answers.get(k - i);
                if (got == expected.allowed()) {
                    same++;
                } else if (examples.size() < 5) {
                    examples.add(mix[k] + ": HTTP " + got + ", in process " + expected.reasonKey());
                }
            }
        }
        System.out.printf("Instance A and the in-process engine on the same data agree on %d of %d decisions%n", same, n);
        examples.forEach(e -> System.out.println("  differs: " + e));
    }

    static List<Boolean> allowedFlags(String json) {
        List<Boolean> flags = new ArrayList<>();
        int at = 0;
        while ((at = json.indexOf("\"allowed\":", at)) >= 0) {
            at += 10;
            flags.add(json.startsWith("true", at));
        }
        return flags;
    }

    private void single(DecisionLoad load, BaomiInstance a, AccessRequest[] mix) throws Exception {
        section("Single decisions: POST /api/v1/access/decisions, " + options.concurrency + " concurrent clients");
        String[] bodies = new String[mix.length];
        for (int i = 0; i < mix.length; i++) {
            bodies[i] = DecisionLoad.json(mix[i]);
        }
        long cpu = a.cpuMillis();
        DecisionLoad.Result r = load.run(a.baseUrl() + "/api/v1/access/decisions", bodies, 1, options.concurrency,
                options.httpWarmupSeconds, options.httpSeconds);
        report(r, a, cpu, "single");
        verdict(String.format("HTTP single: %,.0f decisions/s (target >= %,.0f), p99 %s (target < %s)",
                r.decisionsPerSecond(), TARGET_SINGLE_PER_SECOND, Percentiles.millis(r.latencies().at(99)),
                Percentiles.millis(TARGET_P99_NANOS)),
                r.errors() == 0 && r.decisionsPerSecond() >= TARGET_SINGLE_PER_SECOND && r.latencies().at(99) < TARGET_P99_NANOS);
    }

    private void batch(DecisionLoad load, BaomiInstance a, AccessRequest[] mix) throws Exception {
        section("Batches: POST /api/v1/access/decisions/batch, " + options.batchSize + " questions each, "
                + options.batchConcurrency + " concurrent clients");
        String[] bodies = DecisionLoad.batches(mix, options.batchSize, Math.max(1, Math.min(400, mix.length / options.batchSize)));
        long cpu = a.cpuMillis();
        DecisionLoad.Result r = load.run(a.baseUrl() + "/api/v1/access/decisions/batch", bodies, options.batchSize,
                options.batchConcurrency, options.httpWarmupSeconds, options.httpSeconds);
        report(r, a, cpu, "batch");
        verdict(String.format("HTTP batch: %,.0f decisions/s (target >= %,.0f), p99 %s per request (target < %s)",
                r.decisionsPerSecond(), TARGET_BATCH_DECISIONS_PER_SECOND, Percentiles.millis(r.latencies().at(99)),
                Percentiles.millis(TARGET_P99_NANOS)),
                r.errors() == 0 && r.decisionsPerSecond() >= TARGET_BATCH_DECISIONS_PER_SECOND
                        && r.latencies().at(99) < TARGET_P99_NANOS);
    }

    private void report(DecisionLoad.Result r, BaomiInstance a, long cpuBefore, String what) {
        long cpu = a.cpuMillis() - cpuBefore;
        Percentiles p = r.latencies();
        System.out.printf("%s: %,d requests in %.0f s (after %.0f s warm-up), %,d errors; %,.0f requests/s = %,.0f "
                + "decisions/s; latency p50 %s, p95 %s, p99 %s, max %s%n", what, r.requests(), r.seconds(),
                options.httpWarmupSeconds, r.errors(), r.requestsPerSecond(), r.decisionsPerSecond(),
                Percentiles.millis(p.at(50)), Percentiles.millis(p.at(95)), Percentiles.millis(p.at(99)),
                Percentiles.millis(p.max()));
        if (r.firstError() != null) {
            System.out.println("  first error: " + r.firstError());
        }
        if (cpuBefore >= 0 && cpu >= 0) {
            System.out.printf("  Baomi used %.2f cores (warm-up included), %.3f ms of CPU per request%n",
                    cpu / 1000.0 / (options.httpWarmupSeconds + r.seconds()),
                    r.requests() == 0 ? 0 : cpu / (double) r.requests() * r.seconds()
                            / (options.httpWarmupSeconds + r.seconds()));
        }
        machine();
    }

    void verdict(String text, boolean met) {
        allMet &= met;
        verdicts.add(text + ": " + (met ? "PASS" : "FAIL"));
    }

    /** Requests of the mix the in-process engine decides with the given outcome (for the propagation trials). */
    static List<AccessRequest> candidates(BaomiEngine engine, AccessRequest[] mix, boolean allowed, NeedToKnow basis,
            String reasonKey, String type) {
        List<AccessRequest> found = new ArrayList<>();
        for (AccessRequest r : mix) {
            AccessDecision d = engine.decide(r);
            if (d.allowed() == allowed && r.resource().type().equals(type)
                    && (basis == null || basis == d.basis()) && (reasonKey == null || reasonKey.equals(d.reasonKey()))) {
                found.add(r);
            }
        }
        return found;
    }

    static void machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("Machine: %d cores, load average %.2f%n", os.getAvailableProcessors(), os.getSystemLoadAverage());
        if (os.getSystemLoadAverage() > os.getAvailableProcessors()) {
            System.out.println("  NOTE: more runnable processes than cores: other work competed for the CPU and its caches; "
                    + "figures measured now understate the machine");
        }
    }

    static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
