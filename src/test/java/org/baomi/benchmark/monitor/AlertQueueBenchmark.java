package org.baomi.benchmark.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baomi.BaomiApplication;
import org.baomi.iam.ApiTokenService;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.monitor.AlertQuery;
import org.baomi.monitor.AlertQueryService;
import org.baomi.monitor.AlertQuerySort;
import org.baomi.monitor.AlertQueryStatus;
import org.baomi.monitor.Detector;
import org.baomi.monitor.PrivacyCasePermissions;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Alert queue latency (issue 7 item 7: p95 &lt; 200 ms): Baomi in process on a fresh, durable embedded PostgreSQL with
 * the demo hospital (no demo patients), {@code --alerts} alerts (default 100,000; 70% open, 20% dismissed, 10%
 * withdrawn, nine detectors, 3,000 people, spread over 60 days) written by one SQL statement, then the queue's
 * typical requests measured one after the other: (1) in process through {@link AlertQueryService#search} as a
 * member of the confidentiality office (query, evidence rendering, audit record in the transaction), and (2) over
 * HTTP through {@code GET /api/v1/privacy/alerts} with a {@code monitor:alert:read} token (adds security, JSON).
 * Requests: the default queue (open, highest score first), a deep page, one detector over a week, one person, all
 * statuses newest first. Prints p50/p95/max per request kind and overall with the target, and the machine's load.
 *
 * <p>Options: {@code --alerts N} (default 100000), {@code --rounds N} (default 40 per request kind and path).
 */
public final class AlertQueueBenchmark {

    private static final double TARGET_P95_MS = 200;

    private AlertQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = option(args, "--alerts", 100_000);
        int rounds = option(args, "--rounds", 40);
        Path work = Files.createTempDirectory(Path.of("target"), "monitor-bench");
        ConfigurableApplicationContext context = SpringApplication.run(BaomiApplication.class,
                "--server.port=0", "--baomi.embedded-db.data-dir=" + work.resolve("pg").toAbsolutePath(),
                "--baomi.embedded-db.clean-on-start=true", "--baomi.keys-dir=" + work.resolve("keys").toAbsolutePath(),
                "--baomi.audit.anchor-dir=" + work.resolve("anchors").toAbsolutePath(),
                "--baomi.audit.archive.dir=" + work.resolve("archive").toAbsolutePath(),
                "--baomi.demo.enabled=true", "--baomi.privacy.demo-patients=0",
                // the grouping job would turn the benchmark's alerts into cases mid-run
                "--baomi.monitor.cases.grouping-cron=-",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        int exit = 1;
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            long t0 = System.nanoTime();
            seed(context.getBean(JdbcClient.class), alerts);
            System.out.printf(Locale.ROOT, "Alert queue: %,d alerts written in %.1f s%n", alerts,
                    (System.nanoTime() - t0) / 1e9);
            Clock clock = context.getBean(Clock.class);
            LocalDate today = LocalDate.now(clock);
            List<Request> requests = List.of(
                    new Request("default queue (open, by score)", "?status=OPEN",
                            new AlertQuery(null, null, null, null, null, AlertQueryStatus.OPEN, AlertQuerySort.SCORE,
                                    0, 50)),
                    new Request("page 100 of the queue", "?status=OPEN&page=100",
                            new AlertQuery(null, null, null, null, null, AlertQueryStatus.OPEN, AlertQuerySort.SCORE,
                                    100, 50)),
                    new Request("one detector, last 7 days", "?status=OPEN&detector=FAMILY&from=" + today.minusDays(7),
                            new AlertQuery(today.minusDays(7).atStartOfDay(clock.getZone()).toInstant(), null,
                                    Detector.FAMILY, null, null, AlertQueryStatus.OPEN, AlertQuerySort.SCORE, 0, 50)),
                    new Request("one person, any status", "?person=" + personOf(17),
                            new AlertQuery(null, null, null, personOf(17), null, null, AlertQuerySort.SCORE, 0, 50)),
                    new Request("any status, newest first", "?sort=NEWEST",
                            new AlertQuery(null, null, null, null, null, null, AlertQuerySort.NEWEST, 0, 50)),
                    new Request("any status, by score", "",
                            new AlertQuery(null, null, null, null, null, null, AlertQuerySort.SCORE, 0, 50)));
            AlertQueryService queue = context.getBean(AlertQueryService.class);
            String token = token(context);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            signInAsOffice(context);
            List<Long> all = new ArrayList<>();
            for (String path : List.of("in process", "HTTP API")) {
                System.out.println("  " + path);
                for (Request r : requests) {
                    List<Long> micros = new ArrayList<>();
                    for (int i = 0; i < rounds + 5; i++) {
                        long start = System.nanoTime();
                        if (path.equals("in process")) {
                            queue.search(r.query());
                        } else {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/api/v1/privacy/alerts" + r.http()))
                                    .header("Authorization", "Bearer " + token).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(r.name() + ": " + response.statusCode() + " "
                                        + response.body());
                            }
                        }
                        if (i >= 5) {
                            micros.add((System.nanoTime() - start) / 1000);
                        }
                    }
                    all.addAll(micros);
                    print(r.name(), micros);
                }
            }
            double p95 = percentile(all, 0.95) / 1000.0;
            System.out.printf(Locale.ROOT, "  overall p95 %8.1f ms   (target < %.0f ms)  %s%n", p95, TARGET_P95_MS,
                    p95 < TARGET_P95_MS ? "PASS" : "FAIL");
            System.out.println("  load: " + uptime());
            exit = p95 < TARGET_P95_MS ? 0 : 2;
        } finally {
            SecurityContextHolder.clearContext();
            context.close();
        }
        System.exit(exit);
    }

    private record Request(String name, String http, AlertQuery query) {
    }

    private static long personOf(int n) {
        return 5_000_000L + n;
    }

    /** The alerts in one statement: deterministic spread of detectors, people, scores, statuses and times. */
    private static void seed(JdbcClient jdbc, int alerts) {
        jdbc.sql("""
                INSERT INTO mon_alert (alert_key, detector, user_ref, person_id, patient_ref, patient_id, score,
                                       evidence, event_ids, first_at, last_at, status, created_at, updated_at)
                SELECT 'BENCH-' || i, (ARRAY['NO_EXPLANATION', 'FAMILY', 'COWORKER', 'VIP_SENSITIVE', 'SELF_LOOKUP',
                        'INACTIVE_ACCOUNT', 'AFTER_HOURS', 'VOLUME_SPIKE', 'DECEASED'])[1 + i % 9],
                       'BU' || (i % 3000), 5000000 + (i % 3000), 'BMRN-' || (i % 40000), 6000000 + (i % 40000),
                       (i * 37) % 100,
                       jsonb_build_array(jsonb_build_object('key', 'monitor.detector.' || (ARRAY['NO_EXPLANATION',
                           'FAMILY', 'COWORKER', 'VIP_SENSITIVE', 'SELF_LOOKUP', 'INACTIVE_ACCOUNT', 'AFTER_HOURS',
                           'VOLUME_SPIKE', 'DECEASED'])[1 + i % 9], 'args', jsonb_build_array())),
                       ARRAY[i::bigint, (i + 1)::bigint],
                       now() - (i % 86400) * interval '1 minute' - interval '5 minutes',
                       now() - (i % 86400) * interval '1 minute',
                       CASE WHEN i % 10 < 7 THEN 'OPEN' WHEN i % 10 < 9 THEN 'DISMISSED' ELSE 'WITHDRAWN' END,
                       now(), now()
                FROM generate_series(1, :n) AS i
                """).param("n", alerts).update();
        jdbc.sql("ANALYZE mon_alert").update();
    }

    /** ORG-5: the demo security administrator issues the monitor:alert:read scope. */
    private static String token(ConfigurableApplicationContext context) {
        var principal = context.getBean(StaffLookup.class).activeByStaffNo("secadmin").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new StaffAuthentication(principal, context.getBean(Clock.class).instant()));
        try {
            return context.getBean(ApiTokenService.class).issue("benchmark office tool", "CASE-BENCH",
                    Set.of(PrivacyCasePermissions.ALERT_READ), Duration.ofDays(1)).token();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void signInAsOffice(ConfigurableApplicationContext context) {
        String staffNo = context.getBean(JdbcClient.class).sql("""
                SELECT a.staff_no FROM iam_account a JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id WHERE r.code = 'confidentiality-office' ORDER BY a.id LIMIT 1
                """).query(String.class).single();
        var principal = context.getBean(StaffLookup.class).activeByStaffNo(staffNo).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new StaffAuthentication(principal, context.getBean(Clock.class).instant()));
    }

    private static void print(String name, List<Long> micros) {
        System.out.printf(Locale.ROOT, "    %-34s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", name,
                percentile(micros, 0.5) / 1000.0, percentile(micros, 0.95) / 1000.0,
                percentile(micros, 1.0) / 1000.0);
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
