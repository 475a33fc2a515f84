import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator of the decision API (issue 3 item 5): closed-loop clients asking {@code POST /api/v1/access/decisions}
 * (single) and then {@code POST /api/v1/access/decisions/batch} (batches) with the demo HIS token, about the demo
 * hospital's people and objects. Prints per phase the decisions per second, the request latency p50/p99/max, the
 * cores Baomi was busy and its CPU milliseconds per decision, and the targets (>= 5,000 single decisions/s,
 * >= 200,000 decisions/s in batches, p99 < 20 ms). A single-file Java program without dependencies:
 * {@code java benchmarks/DecisionApiLoad.java --help}.
 *
 * <p>It shares the two cores with Baomi, so it is kept cheap on purpose: each client thread owns one keep-alive
 * HTTP/1.1 connection on a plain socket, writes pre-built request bytes and reads the answer into a reused buffer
 * (status line, headers, then Content-Length or chunked body skipped), as wrk does; no HTTP library per request.
 */
public class DecisionApiLoad {

    static final String[] STAFF = {"H0001", "H0010", "H0075", "H0079", "H0082", "H0084", "H0904", "NOBODY"};
    static final String[][] OBJECTS = {{"document", "DEMO-DOC-001"}, {"document", "DEMO-DOC-002"},
            {"document", "DEMO-DOC-003"}, {"document", "DEMO-DOC-006"}, {"patient", "DEMO-PAT-001"},
            {"patient", "DEMO-PAT-003"}, {"patient", "DEMO-PAT-006"}};

    public static void main(String[] args) throws Exception {
        String baseUrl = "http://localhost:8080";
        String token = "bm_demo0his_HisDemoToken-OnlyInDemoMode-NotASecret_Demo";
        int threads = 32;
        int batchThreads = 4;
        int seconds = 20;
        int warmup = 10;
        int warmupRequests = 20_000;
        int batchSize = 1000;
        int waitReady = 0;
        long serverPid = 0;
        String phases = "single,batch";
        String language = null;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--base-url" -> { baseUrl = v; i++; }
                case "--token" -> { token = v; i++; }
                case "--threads" -> { threads = Integer.parseInt(v); i++; }
                case "--batch-threads" -> { batchThreads = Integer.parseInt(v); i++; }
                case "--duration" -> { seconds = Integer.parseInt(v); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                case "--warmup-requests" -> { warmupRequests = Integer.parseInt(v); i++; }
                case "--batch-size" -> { batchSize = Integer.parseInt(v); i++; }
                case "--phases" -> { phases = v; i++; }
                case "--language" -> { language = v; i++; }
                case "--wait-ready" -> { waitReady = Integer.parseInt(v); i++; }
                case "--server-pid" -> { serverPid = Long.parseLong(v); i++; }
                default -> {
                    System.out.println("""
                            java benchmarks/DecisionApiLoad.java [--base-url URL] [--token T] [--threads 32]
                              [--batch-threads 4] [--duration 20] [--warmup 10] [--warmup-requests 20000]
                              [--batch-size 1000]
                              [--phases single,batch] [--language en] [--wait-ready S] [--server-pid PID]""");
                    return;
                }
            }
        }
        URI base = URI.create(baseUrl);
        if (waitReady > 0 && !awaitReady(base, waitReady)) {
            System.err.println("Baomi was not ready within " + waitReady + " s");
            System.exit(1);
        }
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        Phase singles = null;
        Phase batches = null;
        if (phases.contains("single")) {
            byte[][] requests = new byte[512][];
            Random random = new Random(1);
            for (int i = 0; i < requests.length; i++) {
                requests[i] = request(base, "/api/v1/access/decisions", token, language, question(random));
            }
            singles = run("single", base, requests, threads, warmup, warmupRequests, seconds, 1, serverPid);
        }
        if (phases.contains("batch")) {
            byte[][] requests = new byte[16][];
            Random random = new Random(2);
            for (int i = 0; i < requests.length; i++) {
                requests[i] = request(base, "/api/v1/access/decisions/batch", token, language,
                        questions(random, batchSize));
            }
            batches = run("batch of " + batchSize, base, requests, batchThreads, warmup,
                    Math.max(1, warmupRequests / batchSize * 20), seconds, batchSize, serverPid);
        }
        System.out.println();
        if (singles != null) {
            System.out.printf("single decisions/s: %,.0f  (target >= 5,000: %s)   p99 %.1f ms (target < 20 ms: %s)"
                            + "   CPU per decision: Baomi %.3f ms + PostgreSQL %.3f ms%n", singles.decisionsPerSecond(),
                    pass(singles.decisionsPerSecond() >= 5_000), singles.p99(), pass(singles.p99() < 20),
                    singles.serverCpuMsPerDecision(), singles.databaseCpuMsPerDecision());
        }
        if (batches != null) {
            System.out.printf("batched decisions/s: %,.0f  (target >= 200,000: %s)   p99 per batch %.1f ms (target < 20 ms:"
                            + " %s)   CPU per decision: Baomi %.4f ms + PostgreSQL %.4f ms%n",
                    batches.decisionsPerSecond(), pass(batches.decisionsPerSecond() >= 200_000), batches.p99(),
                    pass(batches.p99() < 20), batches.serverCpuMsPerDecision(), batches.databaseCpuMsPerDecision());
        }
        System.out.printf("machine: load average %s%n", loadAverage());
    }

    record Phase(long requests, long errors, double seconds, int perRequest, double p50, double p99, double max,
            double serverCores, double databaseCores, double clientCores) {

        double decisionsPerSecond() {
            return (requests - errors) * (double) perRequest / seconds;
        }

        double serverCpuMsPerDecision() {
            double decisions = (requests - errors) * (double) perRequest;
            return decisions == 0 ? Double.NaN : serverCores * seconds * 1000 / decisions;
        }

        double databaseCpuMsPerDecision() {
            double decisions = (requests - errors) * (double) perRequest;
            return decisions == 0 ? Double.NaN : databaseCores * seconds * 1000 / decisions;
        }
    }

    /**
     * Warms up for {@code warmup} seconds and at least {@code warmupRequests} answers (at most ten times the
     * seconds): the JIT compiles a method after thousands of calls, so on a busy machine a warm-up by time alone
     * measures the interpreter, a single decision's path being hundreds of methods deep.
     */
    static Phase run(String name, URI base, byte[][] requests, int threads, int warmup, int warmupRequests,
            int seconds, int perRequest, long serverPid) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicLong answered = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        List<long[]> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            long[] own = new long[1_000_000];
            samples.add(own);
            int index = t;
            Thread worker = new Thread(() -> {
                int n = 0;
                int next = index * 7;
                Connection connection = null;
                while (!stop.get()) {
                    byte[] request = requests[next++ % requests.length];
                    long start = System.nanoTime();
                    int status;
                    try {
                        if (connection == null) {
                            connection = new Connection(base);
                        }
                        status = connection.exchange(request);
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        status = -1;
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e.toString();
                            }
                        }
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    long nanos = System.nanoTime() - start;
                    answered.incrementAndGet();
                    if (measuring.get() && n < own.length) {
                        own[n++] = nanos;
                        if (status != 200) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = "HTTP " + status;
                                }
                            }
                        }
                    }
                }
                counts[index] = n;
                if (connection != null) {
                    connection.close();
                }
            }, "client-" + t);
            worker.start();
            workers.add(worker);
        }
        long warmupStart = System.nanoTime();
        Thread.sleep(warmup * 1000L);
        while (answered.get() < warmupRequests && System.nanoTime() - warmupStart < warmup * 10_000_000_000L) {
            Thread.sleep(200);
        }
        System.out.printf("%-16s warm-up: %,d requests in %.0f s%n", name, answered.get(),
                (System.nanoTime() - warmupStart) / 1e9);
        long cpuBefore = cpuTicks(serverPid);
        long dbBefore = databaseTicks(serverPid);
        long ownBefore = ownCpuNanos();
        long begin = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long cpuAfter = cpuTicks(serverPid);
        long dbAfter = databaseTicks(serverPid);
        long ownAfter = ownCpuNanos();
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
        double dbCores = dbBefore >= 0 && dbAfter >= 0 ? (dbAfter - dbBefore) / 100.0 / elapsed : Double.NaN;
        double clientCores = ownBefore >= 0 ? (ownAfter - ownBefore) / 1e9 / elapsed : Double.NaN;
        Phase phase = new Phase(total, errors.get(), elapsed, perRequest, ms(all, 0.50), ms(all, 0.99),
                total == 0 ? 0 : all[total - 1] / 1e6, cores, dbCores, clientCores);
        System.out.printf("%-16s %d threads: %,d requests (%,d errors) in %.1f s = %,.0f requests/s, %,.0f decisions/s;"
                        + " latency p50 %.2f ms, p99 %.2f ms, max %.1f ms%n  Baomi JVM busy %.2f cores = %.4f ms CPU per"
                        + " decision; its PostgreSQL %.2f cores = %.4f ms per decision; load generator %.2f cores;"
                        + " load average %s%n", name, threads, total, errors.get(), elapsed, total / elapsed,
                phase.decisionsPerSecond(), phase.p50(), phase.p99(), phase.max(), cores,
                phase.serverCpuMsPerDecision(), dbCores, phase.databaseCpuMsPerDecision(), clientCores, loadAverage());
        if (firstError[0] != null) {
            System.out.println("  first error: " + firstError[0]);
        }
        return phase;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status and skips the body. */
    static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int limit;
        boolean closed;

        Connection(URI base) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String field = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (field.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (field.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (field.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private boolean fill() throws IOException {
            if (pos < limit) {
                return true;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                throw new IOException("connection closed by the server");
            }
            pos = 0;
            limit = n;
            return true;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                fill();
                byte b = buffer[pos++];
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                fill();
                int step = (int) Math.min(n, limit - pos);
                pos += step;
                n -= step;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static byte[] request(URI base, String path, String token, String language, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + (language == null ? "" : "Accept-Language: " + language + "\r\n")
                + "Content-Length: " + content.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        return all;
    }

    static String question(Random random) {
        String[] object = OBJECTS[random.nextInt(OBJECTS.length)];
        return "{\"staffNo\":\"" + STAFF[random.nextInt(STAFF.length)] + "\",\"action\":\"READ\",\"resourceType\":\""
                + object[0] + "\",\"resourceId\":\"" + object[1] + "\"}";
    }

    static String questions(Random random, int n) {
        StringBuilder body = new StringBuilder(n * 90).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(question(random));
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

    static boolean awaitReady(URI base, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        byte[] probe = ("GET /actuator/health/readiness HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (System.nanoTime() < deadline) {
            try {
                Connection connection = new Connection(base);
                try {
                    if (connection.exchange(probe) == 200) {
                        return true;
                    }
                } finally {
                    connection.close();
                }
            } catch (IOException | RuntimeException notYet) {
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
            String[] fields = stat(pid);
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The fields of /proc/pid/stat after the command name (field 3 of proc(5) is index 0). */
    static String[] stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * CPU ticks of Baomi's embedded PostgreSQL (postmaster and its backends), found by the data directory Baomi was
     * started with ({@code --baomi.embedded-db.data-dir}); -1 when not found. The audit write's cost is mostly
     * there, so the server's cost per decision is quoted with and without it.
     */
    static long databaseTicks(long serverPid) {
        if (serverPid <= 0) {
            return -1;
        }
        try {
            String dataDir = null;
            for (String arg : Files.readString(Path.of("/proc/" + serverPid + "/cmdline")).split("\0")) {
                if (arg.startsWith("--baomi.embedded-db.data-dir=")) {
                    dataDir = Path.of(arg.substring(arg.indexOf('=') + 1)).toAbsolutePath().normalize().toString();
                }
            }
            if (dataDir == null) {
                return -1;
            }
            long postmaster = -1;
            List<long[]> all = new ArrayList<>();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.toList()) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    try {
                        String[] fields = stat(pid);
                        all.add(new long[] {pid, Long.parseLong(fields[1]),
                                Long.parseLong(fields[11]) + Long.parseLong(fields[12])});
                        String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                        if (cmdline.contains("postgres") && cmdline.contains(dataDir)) {
                            postmaster = pid;
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            if (postmaster < 0) {
                return -1;
            }
            long ticks = 0;
            for (long[] p : all) {
                if (p[0] == postmaster || p[1] == postmaster) {
                    ticks += p[2];
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this load generator, or -1. */
    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
