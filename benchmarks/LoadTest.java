import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for Baomi (plain Java 17, no dependencies): {@code java benchmarks/LoadTest.java --help}.
 *
 * <p>Signs in N virtual users, each with its own demo account and its own cookie jar, then lets them browse
 * for a while with a random think time, and prints request counts, errors, throughput and latency percentiles
 * per page and overall. Exit status: 0 when the overall p95 is under the limit, 2 when it is not, 1 when the
 * test could not run.
 */
public class LoadTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** One thing a user can ask for. {@code anonymous} pages are fetched without the user's cookies. */
    record Target(String path, boolean anonymous) {
        String label() {
            return anonymous ? path + " (anonymous)" : path;
        }
    }

    record Sample(int target, long nanos, boolean ok) {
    }

    static final class Options {
        String baseUrl = "http://localhost:8080";
        int users = 50;
        int durationSeconds = 120;
        int warmupSeconds = 15;
        int thinkMaxMillis = 500;
        String staffFormat = "H%04d";
        int first = 1;
        int maxCandidates = 1000;
        String password = envOr("BAOMI_DEMO_PASSWORD", "Baomi#Demo2026");
        int waitReadySeconds = 0;
        double p95LimitMillis = 250;
        long serverPid = 0;

        static Options parse(String[] args) {
            Options o = new Options();
            o.staffFormat = envOr("BAOMI_BENCH_STAFF_FORMAT", o.staffFormat);
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    usage();
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--base-url" -> o.baseUrl = v.replaceAll("/+$", "");
                    case "--users" -> o.users = Integer.parseInt(v);
                    case "--duration" -> o.durationSeconds = Integer.parseInt(v);
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(v);
                    case "--think-max-ms" -> o.thinkMaxMillis = Integer.parseInt(v);
                    case "--staff-format" -> o.staffFormat = v;
                    case "--first" -> o.first = Integer.parseInt(v);
                    case "--max-candidates" -> o.maxCandidates = Integer.parseInt(v);
                    case "--password" -> o.password = v;
                    case "--wait-ready" -> o.waitReadySeconds = Integer.parseInt(v);
                    case "--p95-limit-ms" -> o.p95LimitMillis = Double.parseDouble(v);
                    case "--server-pid" -> o.serverPid = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("Unknown option " + a + " (see --help)");
                }
            }
            return o;
        }

        static void usage() {
            System.out.println("""
                    java benchmarks/LoadTest.java [options]
                      --base-url URL        Baomi to load (default http://localhost:8080)
                      --users N             concurrent virtual users, each signed in as its own account (50)
                      --duration S          measured seconds (120)
                      --warmup S            seconds of load before measuring starts, not counted (15)
                      --think-max-ms MS     think time between requests, uniform 0..MS (500)
                      --staff-format FMT    staff numbers, String.format of 1, 2, ... (H%04d; env BAOMI_BENCH_STAFF_FORMAT)
                      --first N             first number tried (1)
                      --max-candidates N    give up after trying this many staff numbers (1000)
                      --password PW         password of every account (env BAOMI_DEMO_PASSWORD, else Baomi#Demo2026)
                      --wait-ready S        first wait up to S seconds for /actuator/health/readiness (0 = no wait)
                      --p95-limit-ms MS     the overall p95 that passes (250)
                      --server-pid PID      also report the CPU time Baomi (this process id) used while measured
                    Accounts whose login needs a further step (/login/totp, /login/enrol, /login/password) are
                    skipped and the next staff number is tried.""");
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        if (o.waitReadySeconds > 0 && !awaitReady(o)) {
            System.err.println("Baomi at " + o.baseUrl + " was not ready within " + o.waitReadySeconds + " s");
            System.exit(1);
        }
        List<User> users = signIn(o);
        if (users.size() < o.users) {
            System.err.println("Only " + users.size() + " of " + o.users + " users could sign in; stopping.");
            System.exit(1);
        }
        List<Target> targets = probe(users.get(0));
        System.out.printf(Locale.ROOT, "%nLoad: %d users, %d s warm-up + %d s measured, think time 0-%d ms, %s%n",
                o.users, o.warmupSeconds, o.durationSeconds, o.thinkMaxMillis, o.baseUrl);

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(o.warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(o.durationSeconds).toNanos();
        CountDownLatch done = new CountDownLatch(users.size());
        for (User user : users) {
            Thread t = new Thread(() -> {
                try {
                    user.browse(targets, measureFrom, end, o.thinkMaxMillis, samples);
                } finally {
                    done.countDown();
                }
            }, "vu-" + user.staffNo);
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        CpuSnapshot before = CpuSnapshot.take(o.serverPid);
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        CpuSnapshot after = CpuSnapshot.take(o.serverPid);
        done.await();
        double measuredSeconds = o.durationSeconds;
        boolean pass = report(targets, samples, measuredSeconds, o.p95LimitMillis);
        CpuSnapshot.report(before, after, samples.size());
        System.out.printf(Locale.ROOT, "p95 < %s ms: %s%n", format(o.p95LimitMillis), pass ? "PASS" : "FAIL");
        System.exit(pass ? 0 : 2);
    }

    static boolean awaitReady(Options o) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(o.baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(o.waitReadySeconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Tries staff numbers in order until enough users are fully signed in. */
    static List<User> signIn(Options o) {
        List<User> users = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        int consecutiveRefusals = 0;
        int tried = 0;
        long started = System.nanoTime();
        for (int n = o.first; users.size() < o.users && tried < o.maxCandidates; n++) {
            tried++;
            String staffNo = String.format(Locale.ROOT, o.staffFormat, n);
            User user = new User(o.baseUrl, staffNo);
            String next;
            try {
                next = user.signIn(o.password);
            } catch (IOException | InterruptedException e) {
                System.err.println("Login of " + staffNo + " failed: " + e);
                if (++consecutiveRefusals >= 10) {
                    System.err.println("Ten failed logins in a row; is Baomi running at " + o.baseUrl + "?");
                    break;
                }
                continue;
            }
            if (next.equals("/")) {
                users.add(user);
                consecutiveRefusals = 0;
            } else if (next.startsWith("/login/")) {
                skipped.merge(next, 1, Integer::sum);
                consecutiveRefusals = 0;
            } else {
                if (next.contains("error=throttled")) {
                    System.err.println("Logins from this address are throttled (too many failures); stopping.");
                    break;
                }
                skipped.merge(next, 1, Integer::sum);
                if (++consecutiveRefusals >= 10) {
                    System.err.println("Ten refused logins in a row (last: " + staffNo + "); no more accounts?");
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "Signed in %d users in %.1f s (tried %d staff numbers from %s; skipped: %s)%n",
                users.size(), (System.nanoTime() - started) / 1e9, tried,
                String.format(Locale.ROOT, o.staffFormat, o.first), skipped.isEmpty() ? "none" : skipped);
        return users;
    }

    /** Every page is asked for once; only those that answer 200 take part (some land with later features). */
    static List<Target> probe(User user) throws Exception {
        List<Target> candidates = List.of(new Target("/", false), new Target("/account/security", false),
                new Target("/assets/css/baomi.css", false), new Target("/webjars/bootstrap/css/bootstrap.min.css", false),
                new Target("/login", true));
        List<Target> included = new ArrayList<>();
        for (Target t : candidates) {
            int status = user.fetch(t).statusCode();
            System.out.printf(Locale.ROOT, "Probe %-45s %d%s%n", t.label(), status, status == 200 ? "" : "  (left out)");
            if (status == 200) {
                included.add(t);
            }
        }
        return included;
    }

    static boolean report(List<Target> targets, ConcurrentLinkedQueue<Sample> samples, double seconds,
            double limitMillis) {
        Map<Integer, List<Sample>> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            byTarget.put(i, new ArrayList<>());
        }
        for (Sample s : samples) {
            byTarget.get(s.target()).add(s);
        }
        System.out.printf(Locale.ROOT, "%n%-48s %9s %7s %8s %8s %8s %8s%n", "page", "requests", "errors", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<Integer, List<Sample>> e : byTarget.entrySet()) {
            line(targets.get(e.getKey()).label(), e.getValue());
        }
        List<Sample> all = new ArrayList<>(samples);
        double p95 = line("overall", all);
        long errors = all.stream().filter(s -> !s.ok()).count();
        System.out.printf(Locale.ROOT, "%nRequests: %d, errors: %d, throughput: %.1f requests/s over %.0f s%n",
                all.size(), errors, all.size() / seconds, seconds);
        return !all.isEmpty() && p95 < limitMillis;
    }

    static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Prints one row; returns its p95 in milliseconds. */
    static double line(String label, List<Sample> samples) {
        long[] nanos = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        long errors = samples.stream().filter(s -> !s.ok()).count();
        double p50 = percentile(nanos, 50);
        double p95 = percentile(nanos, 95);
        double p99 = percentile(nanos, 99);
        double max = nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6;
        System.out.printf(Locale.ROOT, "%-48s %9d %7d %8.1f %8.1f %8.1f %8.1f%n", label, nanos.length, errors, p50,
                p95, p99, max);
        return p95;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /**
     * CPU time used by Baomi and by this load generator, and the machine's load average, so that figures taken
     * on a shared or small machine can be judged: latency on a saturated CPU says little about Baomi itself.
     */
    record CpuSnapshot(long nanos, Duration server, Duration client, double loadAverage) {

        static CpuSnapshot take(long serverPid) {
            Duration server = serverPid <= 0 ? null : ProcessHandle.of(serverPid)
                    .flatMap(p -> p.info().totalCpuDuration()).orElse(null);
            Duration client = ProcessHandle.current().info().totalCpuDuration().orElse(null);
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new CpuSnapshot(System.nanoTime(), server, client, load);
        }

        static void report(CpuSnapshot before, CpuSnapshot after, int requests) {
            double wall = (after.nanos() - before.nanos()) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "Machine: %d cores, load average %.1f at the start and %.1f at the end of"
                    + " the measurement%n", cores, before.loadAverage(), after.loadAverage());
            if (before.server() != null && after.server() != null) {
                double cpu = after.server().minus(before.server()).toNanos() / 1e9;
                System.out.printf(Locale.ROOT, "Baomi CPU: %.1f s in %.0f s (%.2f cores), %.2f ms per request%n", cpu,
                        wall, cpu / wall, requests == 0 ? 0 : cpu * 1000 / requests);
            }
            if (before.client() != null && after.client() != null) {
                double cpu = after.client().minus(before.client()).toNanos() / 1e9;
                System.out.printf(Locale.ROOT, "Load generator CPU: %.1f s (%.2f cores)%n", cpu, cpu / wall);
            }
        }
    }

    /** A person at a browser: an own cookie jar (and no cookies at all for anonymous pages). */
    static final class User {
        final String base;
        final String staffNo;
        final HttpClient client;
        final HttpClient anonymous;

        User(String base, String staffNo) {
            this.base = base;
            this.staffNo = staffNo;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            this.anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** The password step; returns the path (and query) the application sends the browser to next. */
        String signIn(String password) throws IOException, InterruptedException {
            HttpResponse<String> page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(page.body());
            if (page.statusCode() != 200 || !m.find()) {
                throw new IOException("login page answered " + page.statusCode());
            }
            String form = "username=" + enc(staffNo) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || location.isEmpty()) {
                throw new IOException("login answered " + r.statusCode());
            }
            URI target = URI.create(base + "/").resolve(location);
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }

        HttpResponse<byte[]> fetch(Target t) throws IOException, InterruptedException {
            return (t.anonymous() ? anonymous : client).send(get(t.path()), HttpResponse.BodyHandlers.ofByteArray());
        }

        void browse(List<Target> targets, long measureFrom, long end, int thinkMaxMillis,
                ConcurrentLinkedQueue<Sample> samples) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                int i = random.nextInt(targets.size());
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = fetch(targets.get(i)).statusCode() == 200;
                } catch (IOException e) {
                    ok = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long t1 = System.nanoTime();
                if (t0 >= measureFrom && t1 <= end) {
                    samples.add(new Sample(i, t1 - t0, ok));
                }
                try {
                    Thread.sleep(random.nextInt(thinkMaxMillis + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        HttpRequest get(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept-Language", "zh-CN").GET().build();
        }
    }

    static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
