import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator of the decision API (issue 3 item 5): closed-loop clients asking {@code POST /api/v1/access/decisions}
 * (single) and then {@code POST /api/v1/access/decisions/batch} (batches) with the demo HIS token, about the demo
 * hospital's people and objects. Prints per phase the decisions per second, the request latency p50/p99/max and the
 * targets (>= 5,000 single decisions/s, >= 200,000 decisions/s in batches, p99 < 20 ms). A single-file Java
 * program without dependencies: {@code java benchmarks/DecisionApiLoad.java --help}.
 */
public class DecisionApiLoad {

    static final String[] STAFF = {"H0001", "H0010", "H0075", "H0079", "H0082", "H0084", "H0904", "NOBODY"};
    static final String[][] OBJECTS = {{"document", "DEMO-DOC-001"}, {"document", "DEMO-DOC-002"},
            {"document", "DEMO-DOC-003"}, {"document", "DEMO-DOC-006"}, {"patient", "DEMO-PAT-001"},
            {"patient", "DEMO-PAT-003"}, {"patient", "DEMO-PAT-006"}};

    public static void main(String[] args) throws Exception {
        String baseUrl = "http://localhost:8080";
        String token = "bm_demo0his_HisDemoToken-OnlyInDemoMode-NotASecret_Demo";
        int threads = 8;
        int seconds = 20;
        int warmup = 10;
        int batchSize = 1000;
        int waitReady = 0;
        long serverPid = 0;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--base-url" -> { baseUrl = v; i++; }
                case "--token" -> { token = v; i++; }
                case "--threads" -> { threads = Integer.parseInt(v); i++; }
                case "--duration" -> { seconds = Integer.parseInt(v); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                case "--batch-size" -> { batchSize = Integer.parseInt(v); i++; }
                case "--wait-ready" -> { waitReady = Integer.parseInt(v); i++; }
                case "--server-pid" -> { serverPid = Long.parseLong(v); i++; }
                default -> {
                    System.out.println("""
                            java benchmarks/DecisionApiLoad.java [--base-url URL] [--token T] [--threads 8]
                              [--duration 20] [--warmup 10] [--batch-size 1000] [--wait-ready S] [--server-pid PID]""");
                    return;
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (waitReady > 0 && !awaitReady(http, baseUrl, waitReady)) {
            System.err.println("Baomi was not ready within " + waitReady + " s");
            System.exit(1);
        }
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        URI single = URI.create(baseUrl + "/api/v1/access/decisions");
        URI batch = URI.create(baseUrl + "/api/v1/access/decisions/batch");
        Phase singles = run("single", http, token, single, threads, warmup, seconds, 1, serverPid);
        Phase batches = run("batch of " + batchSize, http, token, batch, threads, warmup, seconds, batchSize, serverPid);
        System.out.println();
        System.out.printf("single decisions/s: %,.0f  (target >= 5,000: %s)   p99 %.1f ms (target < 20 ms: %s)%n",
                singles.decisionsPerSecond(), pass(singles.decisionsPerSecond() >= 5_000), singles.p99(),
                pass(singles.p99() < 20));
        System.out.printf("batched decisions/s: %,.0f  (target >= 200,000: %s)   p99 per batch %.1f ms (target < 20 ms: %s)%n",
                batches.decisionsPerSecond(), pass(batches.decisionsPerSecond() >= 200_000), batches.p99(),
                pass(batches.p99() < 20));
    }

    record Phase(long requests, long errors, double seconds, int perRequest, double p50, double p99, double max,
            double serverCores) {
        double decisionsPerSecond() {
            return (requests - errors) * (double) perRequest / seconds;
        }
    }

    static Phase run(String name, HttpClient http, String token, URI uri, int threads, int warmup, int seconds,
            int perRequest, long serverPid) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            long[] own = new long[500_000];
            samples.add(own);
            int index = t;
            Thread worker = new Thread(() -> {
                int n = 0;
                while (!stop.get()) {
                    String body = perRequest == 1 ? question() : questions(perRequest);
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        ok = response.statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long nanos = System.nanoTime() - start;
                    if (measuring.get() && n < own.length) {
                        own[n++] = nanos;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
                counts[index] = n;
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(warmup * 1000L);
        long cpuBefore = cpuTicks(serverPid);
        long begin = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long cpuAfter = cpuTicks(serverPid);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double cores = serverPid > 0 && cpuBefore >= 0 ? (cpuAfter - cpuBefore) / 100.0 / elapsed : Double.NaN;
        Phase phase = new Phase(total, errors.get(), elapsed, perRequest, ms(all, 0.50), ms(all, 0.99),
                total == 0 ? 0 : all[total - 1] / 1e6, cores);
        System.out.printf("%-16s %d threads: %,d requests (%,d errors) in %.1f s = %,.0f requests/s, %,.0f decisions/s;"
                        + " latency p50 %.2f ms, p99 %.2f ms, max %.1f ms; Baomi busy %.2f cores%n", name, threads,
                total, errors.get(), elapsed, total / elapsed, phase.decisionsPerSecond(), phase.p50(), phase.p99(),
                phase.max(), cores);
        return phase;
    }

    static String question() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] object = OBJECTS[random.nextInt(OBJECTS.length)];
        return "{\"staffNo\":\"" + STAFF[random.nextInt(STAFF.length)] + "\",\"action\":\"READ\",\"resourceType\":\""
                + object[0] + "\",\"resourceId\":\"" + object[1] + "\"}";
    }

    static String questions(int n) {
        StringBuilder body = new StringBuilder(n * 90).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(question());
        }
        return body.append(']').toString();
    }

    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(rank, 0)] / 1e6;
    }

    static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    static boolean awaitReady(HttpClient http, String baseUrl, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** utime + stime of the process, in clock ticks (100 per second on Linux), or -1. */
    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
