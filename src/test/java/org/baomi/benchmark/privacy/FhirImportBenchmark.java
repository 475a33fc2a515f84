package org.baomi.benchmark.privacy;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.BaomiApplication;
import org.baomi.iam.ApiTokenService;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.privacy.PrivacyPermissions;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * FHIR import throughput (issue 6 item 1: at least 5,000 resources/s): Baomi in process on a fresh, DURABLE embedded
 * PostgreSQL with the demo hospital (its staff and departments; the demo patients are skipped so that the start is
 * short), an import token issued by the system administrator, then Bundles of type batch — each 500 resources:
 * 125 patients, 125 encounters, 125 care teams of two members, 125 charges — posted over HTTP to {@code /fhir} by
 * a few concurrent senders. Each Bundle is validated, written (with the decision point's registrations and care
 * relationships) and audited in its own transaction. Prints resources/s and latency per Bundle, the target next to
 * it, and the machine's load.
 *
 * <p>Options: {@code --bundles N} (default 60), {@code --senders N} (default 2), {@code --warmup N} (default 6),
 * {@code --demo-patients N} (default 0; 20000 also shows the demo load's time in the log line "Demo patients
 * loaded").
 */
public final class FhirImportBenchmark {

    private static final int PER_TYPE = 125;
    private static final double TARGET = 5000;

    private FhirImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bundles = option(args, "--bundles", 60);
        int senders = option(args, "--senders", 2);
        int warmup = option(args, "--warmup", 6);
        int demoPatients = option(args, "--demo-patients", 0);
        Path work = Files.createTempDirectory(Path.of("target"), "privacy-bench");
        ConfigurableApplicationContext context = SpringApplication.run(BaomiApplication.class,
                "--server.port=0", "--baomi.embedded-db.data-dir=" + work.resolve("pg").toAbsolutePath(),
                "--baomi.embedded-db.clean-on-start=true", "--baomi.keys-dir=" + work.resolve("keys").toAbsolutePath(),
                "--baomi.audit.anchor-dir=" + work.resolve("anchors").toAbsolutePath(),
                "--baomi.audit.archive.dir=" + work.resolve("archive").toAbsolutePath(),
                "--baomi.demo.enabled=true", "--baomi.privacy.demo-patients=" + demoPatients,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.org.baomi.privacy.internal.DemoPatients=INFO");
        int exit = 1;
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String token = issueToken(context);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicInteger sequence = new AtomicInteger();
            run(http, port, token, warmup, senders, sequence);
            long started = System.nanoTime();
            List<Long> latencies = run(http, port, token, bundles, senders, sequence);
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = bundles * 4.0 * PER_TYPE / seconds;
            latencies.sort(null);
            System.out.printf(Locale.ROOT, "FHIR import: %d Bundles of %d resources, %d senders, %.1f s%n", bundles,
                    4 * PER_TYPE, senders, seconds);
            System.out.printf(Locale.ROOT, "  throughput          %8.0f resources/s   (target >= %.0f)  %s%n", rate,
                    TARGET, rate >= TARGET ? "PASS" : "FAIL");
            System.out.printf(Locale.ROOT, "  per Bundle p50/p95  %6d / %d ms%n", latencies.get(latencies.size() / 2),
                    latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1));
            System.out.println("  load: " + uptime());
            exit = rate >= TARGET ? 0 : 2;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    /** ORG-5: the demo system administrator issues the import scope. */
    private static String issueToken(ConfigurableApplicationContext context) {
        var principal = context.getBean(StaffLookup.class).activeByStaffNo("sysadmin").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new StaffAuthentication(principal, context.getBean(Clock.class).instant()));
        try {
            return context.getBean(ApiTokenService.class).issue("benchmark HIS", "HIS-BENCH",
                    Set.of(PrivacyPermissions.IMPORT_SCOPE), Duration.ofDays(1)).token();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<Long> run(HttpClient http, int port, String token, int bundles, int senders,
            AtomicInteger sequence) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Long>> futures = new ArrayList<>();
        for (int b = 0; b < bundles; b++) {
            int n = sequence.getAndIncrement();
            String body = bundle(n);
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fhir"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || response.body().contains("400 Bad Request")) {
                    throw new IllegalStateException("Bundle " + n + " refused: " + response.statusCode() + " "
                            + response.body().substring(0, Math.min(500, response.body().length())));
                }
                return (System.nanoTime() - t0) / 1_000_000;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> f : futures) {
            latencies.add(f.get());
        }
        pool.shutdown();
        return latencies;
    }

    /** A batch Bundle: patients, their encounters in cardiology, care teams (H0079, H0084) and one charge each. */
    static String bundle(int n) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
        for (int i = 0; i < PER_TYPE; i++) {
            String id = n + "-" + i;
            sb.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"BP-").append(id)
                    .append("\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"MR\"}]},\"value\":\"BMR-").append(id)
                    .append("\"}],\"name\":[{\"text\":\"Bench Patient ").append(id)
                    .append("\"}],\"gender\":\"female\",\"birthDate\":\"1975-06-0").append(1 + i % 9)
                    .append("\",\"telecom\":[{\"system\":\"phone\",\"value\":\"13900000000\"}]},")
                    .append("\"request\":{\"method\":\"POST\"}}");
        }
        for (int i = 0; i < PER_TYPE; i++) {
            String id = n + "-" + i;
            sb.append(",{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"BE-").append(id)
                    .append("\",\"status\":\"in-progress\",\"class\":{\"code\":\"IMP\"},\"subject\":{\"reference\":")
                    .append("\"Patient/BP-").append(id).append("\"},\"period\":{\"start\":\"2026-11-01T08:00:00+08:00\"},")
                    .append("\"serviceProvider\":{\"identifier\":{\"value\":\"CARDIOLOGY\"}},\"reasonCode\":[{")
                    .append("\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"I10\",")
                    .append("\"display\":\"hypertension\"}]}]},\"request\":{\"method\":\"POST\"}}");
        }
        for (int i = 0; i < PER_TYPE; i++) {
            String id = n + "-" + i;
            sb.append(",{\"resource\":{\"resourceType\":\"CareTeam\",\"id\":\"BT-").append(id)
                    .append("\",\"status\":\"active\",\"encounter\":{\"reference\":\"Encounter/BE-").append(id)
                    .append("\"},\"participant\":[{\"role\":[{\"text\":\"doctor\"}],\"member\":{\"reference\":")
                    .append("\"Practitioner/H0079\"}},{\"role\":[{\"text\":\"nurse\"}],\"member\":{\"reference\":")
                    .append("\"Practitioner/H0084\"}}]},\"request\":{\"method\":\"POST\"}}");
        }
        for (int i = 0; i < PER_TYPE; i++) {
            String id = n + "-" + i;
            sb.append(",{\"resource\":{\"resourceType\":\"ChargeItem\",\"id\":\"BC-").append(id)
                    .append("\",\"status\":\"billed\",\"subject\":{\"reference\":\"Patient/BP-").append(id)
                    .append("\"},\"context\":{\"reference\":\"Encounter/BE-").append(id)
                    .append("\"},\"code\":{\"coding\":[{\"code\":\"EXA001\",\"display\":\"blood count\"}]},")
                    .append("\"quantity\":{\"value\":2},\"priceOverride\":{\"value\":50.00,\"currency\":\"CNY\"},")
                    .append("\"occurrenceDateTime\":\"2026-11-02\",\"extension\":[{\"url\":")
                    .append("\"https://baomi.example.org/fhir/StructureDefinition/charge-category\",")
                    .append("\"valueCode\":\"examination\"}]},\"request\":{\"method\":\"POST\"}}");
        }
        return sb.append("]}").toString();
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
