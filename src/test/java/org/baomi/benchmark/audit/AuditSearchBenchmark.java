package org.baomi.benchmark.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.baomi.shared.internal.EmbeddedDatabaseProperties;
import org.baomi.shared.internal.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Search speed of the audit administrator's console on a large trail (issue 8, "Must show": by person or by patient
 * over a 30-day window, first page, p95 ≤ 5 ms and p99 ≤ 20 ms whether or not the pages are cached), and the raw
 * COPY rate of the same rows into aud_entry with the console's indexes (the baseline of the bulk-import target).
 *
 * <p>Steps: a fresh durable embedded PostgreSQL under target/, the application's Flyway migrations, N realistic
 * entries (about 10,000 staff, 1,000,000 patients, one year, time-ordered) loaded by COPY with the secondary indexes
 * dropped and then rebuilt, a last slice COPYed with every index in place (the measured COPY rate), VACUUM ANALYZE,
 * the plans of both queries, then warm and cold timings of the console's own first-page SQL (the list query and
 * its capped count). Cold: PostgreSQL restarted and the kernel's page cache dropped before each round (as root), so
 * the leaf pages of each random key come from disk.
 *
 * <pre>benchmarks/audit-search.sh [--rows 20000000] [--copy-rows 1000000] [--queries 2000] [--cold-rounds 5]
 *     [--cold-queries 100] [--keep]</pre>
 */
public final class AuditSearchBenchmark {

    static final int STAFF = 10_000;
    static final int PATIENTS = 1_000_000;
    static final int API_CLIENTS = 20;
    static final int PAGE = 50;
    static final int COUNT_CAP = 10_000;
    static final double P95_TARGET_MS = 5;
    static final double P99_TARGET_MS = 20;
    static final Instant START = Instant.parse("2025-11-22T00:00:00Z");
    static final long SPAN_MICROS = ChronoUnit.MICROS.between(START, START.plus(Duration.ofDays(365)));
    static final long WINDOW_MICROS = ChronoUnit.MICROS.between(START, START.plus(Duration.ofDays(30)));

    /**
     * The console's list query and capped count for a person and for a patient over a window, as
     * {@code ConsoleQueries.page} / {@code count} build them from {@code ConsoleWhere} (same columns, same order).
     */
    static final String LIST_COLUMNS = "id, occurred_at, actor_id, actor_kind, actor_name, action, outcome, object_type,"
            + " object_id, secret_level, patient_id";
    static final String PERSON_PAGE = "SELECT " + LIST_COLUMNS + " FROM aud_entry WHERE TRUE AND actor_id = ? AND"
            + " actor_kind = 'PERSON' AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at DESC, id DESC LIMIT ?";
    static final String PERSON_COUNT = "SELECT count(*) FROM (SELECT 1 FROM aud_entry WHERE TRUE AND actor_id = ? AND"
            + " actor_kind = 'PERSON' AND occurred_at >= ? AND occurred_at < ? LIMIT ?) AS capped";
    static final String PATIENT_PAGE = "SELECT " + LIST_COLUMNS + " FROM aud_entry WHERE TRUE AND patient_id = ? AND"
            + " occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at DESC, id DESC LIMIT ?";
    static final String PATIENT_COUNT = "SELECT count(*) FROM (SELECT 1 FROM aud_entry WHERE TRUE AND patient_id = ?"
            + " AND occurred_at >= ? AND occurred_at < ? LIMIT ?) AS capped";

    private final long rows;
    private final long copyRows;
    private final int queries;
    private final int coldRounds;
    private final int coldQueries;
    private final boolean keep;
    private final Path dataDir = Path.of("target", "bench-audit-search", "pg").toAbsolutePath();
    private EmbeddedPostgresServer server;
    private long clock = 0;
    private final SplittableRandom random = new SplittableRandom(20261122L);

    AuditSearchBenchmark(Map<String, String> options) {
        rows = Long.parseLong(options.getOrDefault("rows", "20000000"));
        copyRows = Math.min(rows, Long.parseLong(options.getOrDefault("copy-rows", "1000000")));
        queries = Integer.parseInt(options.getOrDefault("queries", "2000"));
        coldRounds = Integer.parseInt(options.getOrDefault("cold-rounds", "5"));
        coldQueries = Integer.parseInt(options.getOrDefault("cold-queries", "100"));
        keep = options.containsKey("keep");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("keep")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        new AuditSearchBenchmark(options).run();
    }

    void run() throws Exception {
        say("Audit console search benchmark: %,d entries (%,d staff, %,d patients, one year); cores %d; load %s",
                rows, STAFF, PATIENTS, Runtime.getRuntime().availableProcessors(), loadAverage());
        start(true);
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                // Bulk-load settings only: the durability settings (fsync, synchronous_commit, full_page_writes)
                // stay on as in production.
                s.execute("ALTER SYSTEM SET maintenance_work_mem = '1GB'");
                s.execute("ALTER SYSTEM SET max_wal_size = '16GB'");
                s.execute("ALTER SYSTEM SET checkpoint_timeout = '30min'");
                s.execute("ALTER SYSTEM SET max_parallel_maintenance_workers = 2");
            }
        }
        restart();
        Flyway.configure().dataSource(server.jdbcUrl(), server.username(), "")
                .locations("classpath:db/migration").load().migrate();
        try (Connection c = connect()) {
            load(c);
            report(c);
            plans(c);
            say("");
            say("Warm (each key's pages read before, %,d queries of each kind after %,d unmeasured):", queries, queries / 2);
            timed(c, queries / 2, false);
            Map<String, double[]> warm = timed(c, queries, true);
            print(warm);
        }
        Map<String, List<Double>> cold = new LinkedHashMap<>();
        boolean dropped = false;
        for (int round = 0; round < coldRounds; round++) {
            restart();
            dropped = dropCaches();
            try (Connection c = connect()) {
                timed(c, coldQueries, true).forEach((k, v) -> {
                    List<Double> all = cold.computeIfAbsent(k, x -> new ArrayList<>());
                    for (double d : v) {
                        all.add(d);
                    }
                });
            }
        }
        say("");
        say("Cold (%d rounds of %d random keys of each kind; before each round PostgreSQL restarted%s):", coldRounds,
                coldQueries, dropped ? " and the kernel page cache dropped (sync; echo 3 > /proc/sys/vm/drop_caches)"
                        : " (page cache NOT dropped: not root? figures are warm-ish)");
        Map<String, double[]> coldArrays = new LinkedHashMap<>();
        cold.forEach((k, v) -> coldArrays.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        print(coldArrays);
        say("");
        say("Load average at the end: %s", loadAverage());
        server.close();
        if (!keep) {
            deleteRecursively(dataDir);
        }
    }

    private void load(Connection c) throws SQLException, IOException {
        List<String> indexes = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'aud_entry'"
                        + " AND indexname <> 'aud_entry_pkey' ORDER BY indexname")) {
            while (rs.next()) {
                indexes.add(rs.getString(2));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String def : indexes) {
                s.execute("DROP INDEX " + def.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2"));
            }
        }
        long bulk = rows - copyRows;
        if (bulk > 0) {
            long t0 = System.nanoTime();
            copy(c, bulk);
            double s = (System.nanoTime() - t0) / 1e9;
            say("COPY %,d rows, primary key only, generated on the fly: %.1f s, %,.0f rows/s", bulk, s, bulk / s);
            try (Statement st = c.createStatement()) {
                for (String def : indexes) {
                    long i0 = System.nanoTime();
                    st.execute(def);
                    say("  built %s in %.1f s", def.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2"),
                            (System.nanoTime() - i0) / 1e9);
                }
            }
        } else {
            try (Statement st = c.createStatement()) {
                for (String def : indexes) {
                    st.execute(def);
                }
            }
        }
        // Two halves: right after a checkpoint every index page touched is first written to the WAL in full
        // (full_page_writes, as after each checkpoint in production); the second half mostly touches pages already
        // logged since. Production lies between the two.
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
        long half = copyRows / 2;
        double first = timedCopy(c, half);
        double second = timedCopy(c, copyRows - half);
        say("Raw COPY into aud_entry WITH the console's indexes (primary key + %d), durable:", indexes.size());
        say("  %,d rows right after a checkpoint: %.1f s, %,.0f rows/s", half, first, half / first);
        say("  %,d rows following:               %.1f s, %,.0f rows/s", copyRows - half, second,
                (copyRows - half) / second);
        say("  together: %,.0f rows/s   [baseline of the bulk-import target: import >= 50,000/s and >= 0.8 x this]",
                copyRows / (first + second));
        long v0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) aud_entry");
        }
        say("VACUUM ANALYZE: %.1f s", (System.nanoTime() - v0) / 1e9);
    }

    /** Generates {@code n} entries and streams them through one COPY (text format) as they are made. */
    private void copy(Connection c, long n) throws SQLException {
        CopyIn in = copyIn(c);
        for (long done = 0; done < n; ) {
            int batch = (int) Math.min(CHUNK_ROWS, n - done);
            byte[] chunk = generate(batch);
            in.writeToCopy(chunk, 0, chunk.length);
            done += batch;
        }
        in.endCopy();
    }

    /**
     * Generates {@code n} entries first and then times only their COPY, so that the rate is the database's, not the
     * generator's.
     */
    private double timedCopy(Connection c, long n) throws SQLException {
        List<byte[]> chunks = new ArrayList<>();
        for (long done = 0; done < n; ) {
            int batch = (int) Math.min(CHUNK_ROWS, n - done);
            chunks.add(generate(batch));
            done += batch;
        }
        long t0 = System.nanoTime();
        CopyIn in = copyIn(c);
        for (byte[] chunk : chunks) {
            in.writeToCopy(chunk, 0, chunk.length);
        }
        in.endCopy();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static CopyIn copyIn(Connection c) throws SQLException {
        c.setAutoCommit(true);
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                COPY aud_entry (occurred_at, actor_id, actor_name, actor_department, actor_kind, source_address,
                    session_ref, action, object_type, object_id, secret_level, outcome, reason_key, details, patient_id)
                FROM STDIN""");
    }

    private static final int CHUNK_ROWS = 4096;
    private final StringBuilder text = new StringBuilder(CHUNK_ROWS * 320);

    /** The next {@code n} entries of the year, time-ordered, as COPY text. */
    private byte[] generate(int n) {
        text.setLength(0);
        long step = Math.max(1, SPAN_MICROS / rows * 2);
        for (int i = 0; i < n; i++) {
            clock += random.nextLong(step);
            row(text, START.plus(Math.min(clock, SPAN_MICROS), ChronoUnit.MICROS));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The number zero-padded to {@code width} digits. */
    private static StringBuilder padded(StringBuilder b, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    // Names in Chinese characters (escapes: no non-ASCII literals in Java), as the trail stores them.
    private static final String[] SURNAMES = {"\u738b", "\u674e", "\u5f20", "\u5218", "\u9648", "\u6768", "\u8d75",
            "\u9ec4", "\u5468", "\u5434", "\u5f90", "\u5b59", "\u9a6c", "\u6731", "\u80e1", "\u90ed"};
    private static final String[] GIVEN = {"\u4f1f", "\u82b3", "\u5a1c", "\u654f", "\u9759", "\u4e3d", "\u5f3a",
            "\u78ca", "\u519b", "\u6d0b", "\u52c7", "\u8273", "\u6770", "\u6d9b", "\u660e", "\u8d85", "\u79c0", "\u971e"};
    private static final String[] DEPARTMENTS = {"\u5fc3\u5185\u79d1", "\u547c\u5438\u5185\u79d1",
            "\u666e\u5916\u79d1", "\u9aa8\u79d1", "\u513f\u79d1", "\u5987\u4ea7\u79d1", "\u6025\u8bca\u79d1",
            "\u91cd\u75c7\u533b\u5b66\u79d1", "\u795e\u7ecf\u5185\u79d1", "\u80bf\u7624\u79d1", "\u68c0\u9a8c\u79d1",
            "\u653e\u5c04\u79d1", "\u836f\u5242\u79d1", "\u4fe1\u606f\u4e2d\u5fc3", "\u4fdd\u5bc6\u529e",
            "\u75c5\u6848\u79d1"};
    private static final String[] PATIENT_ACTIONS = {"privacy.record.viewed", "privacy.record.viewed",
            "privacy.record.viewed", "privacy.record.viewed", "privacy.record.printed", "privacy.record.exported",
            "document.read", "privacy.fee-list.viewed"};
    private static final String[] OTHER_ACTIONS = {"iam.login.succeeded", "iam.logout", "document.read",
            "document.downloaded", "archive.borrowed", "training.completed", "register.entry.viewed"};
    private static final String[] LEVELS = {"\\N", "\\N", "INTERNAL", "INTERNAL", "SECRET", "HIGHLY_SECRET"};

    private void row(StringBuilder b, Instant at) {
        double kind = random.nextDouble();
        String actorKind;
        String actorId;
        String name;
        String department;
        if (kind < 0.97) {
            // Some staff (wards, outpatients) act far more than others.
            int staff = 1 + (int) (STAFF * Math.pow(random.nextDouble(), 1.3));
            actorKind = "PERSON";
            actorId = Integer.toString(staff);
            name = SURNAMES[staff % SURNAMES.length] + GIVEN[staff / 16 % GIVEN.length] + GIVEN[staff / 7 % GIVEN.length];
            department = DEPARTMENTS[staff % DEPARTMENTS.length];
        } else if (kind < 0.99) {
            int client = 1 + random.nextInt(API_CLIENTS);
            actorKind = "API_CLIENT";
            actorId = Integer.toString(client);
            name = "HIS / interface " + client;
            department = "\\N";
        } else {
            actorKind = "ANONYMOUS";
            actorId = "\\N";
            name = "H" + random.nextInt(100_000);
            department = "\\N";
        }
        boolean patient = actorKind.equals("PERSON") && random.nextDouble() < 0.6;
        double o = random.nextDouble();
        String outcome = o < 0.95 ? "ALLOWED" : o < 0.99 ? "DENIED" : "FAILED";
        String action;
        String objectType;
        String objectId;
        String patientId = "\\N";
        String details;
        if (actorKind.equals("ANONYMOUS")) {
            action = "iam.login.failed";
            outcome = "FAILED";
            objectType = "\\N";
            objectId = "\\N";
            details = "{\"reason\": \"bad-password\"}";
        } else if (patient) {
            int p = 1 + random.nextInt(PATIENTS);
            patientId = padded(new StringBuilder(8).append('P'), p, 7).toString();
            action = outcome.equals("DENIED") ? "access.denied" : PATIENT_ACTIONS[random.nextInt(PATIENT_ACTIONS.length)];
            objectType = "medical-record";
            objectId = padded(new StringBuilder(10).append("MR"), p * 3L + random.nextInt(3), 8).toString();
            details = "{\"ward\": \"W" + (p % 60) + "\", \"purpose\": \"treatment\"}";
        } else {
            action = outcome.equals("DENIED") ? "access.denied" : OTHER_ACTIONS[random.nextInt(OTHER_ACTIONS.length)];
            objectType = "document";
            objectId = "D" + random.nextInt(2_000_000);
            details = "{\"path\": \"/documents/" + objectId + "\"}";
        }
        b.append(at).append('\t')
                .append(actorId).append('\t').append(name).append('\t').append(department).append('\t')
                .append(actorKind).append('\t')
                .append("10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append('.')
                .append(random.nextInt(256)).append('\t')
                .append("session:").append(Long.toHexString(random.nextLong() | Long.MIN_VALUE)).append('\t')
                .append(action).append('\t').append(objectType).append('\t').append(objectId).append('\t')
                .append(LEVELS[random.nextInt(LEVELS.length)]).append('\t').append(outcome).append('\t')
                .append(outcome.equals("ALLOWED") ? "\\N" : "error.forbidden").append('\t')
                .append(details).append('\t').append(patientId).append('\n');
    }

    private void report(Connection c) throws SQLException {
        say("");
        say("Sizes:");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT relname, pg_size_pretty(pg_relation_size(oid)) FROM pg_class
                WHERE relname = 'aud_entry' OR (relkind = 'i' AND relname LIKE 'aud_entry%') ORDER BY relname""")) {
            while (rs.next()) {
                say("  %-32s %s", rs.getString(1), rs.getString(2));
            }
        }
    }

    private void plans(Connection c) throws SQLException {
        Instant from = START.plus(Duration.ofDays(200));
        Instant to = from.plus(Duration.ofDays(30));
        say("");
        say("Plans (EXPLAIN ANALYZE, BUFFERS) of one first page by person and by patient:");
        explain(c, PERSON_PAGE, 42L, from, to, PAGE + 1);
        explain(c, PATIENT_PAGE, "P0424242", from, to, PAGE + 1);
    }

    private void explain(Connection c, String sql, Object key, Instant from, Instant to, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
            bind(ps, key, from, to, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    say("    %s", rs.getString(1));
                }
            }
        }
    }

    /** Times of the list query alone and of list + capped count (what the console runs), per kind, in ms. */
    private Map<String, double[]> timed(Connection c, int n, boolean keepTimes) throws SQLException {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (PreparedStatement personPage = c.prepareStatement(PERSON_PAGE);
                PreparedStatement personCount = c.prepareStatement(PERSON_COUNT);
                PreparedStatement patientPage = c.prepareStatement(PATIENT_PAGE);
                PreparedStatement patientCount = c.prepareStatement(PATIENT_COUNT)) {
            double[][] person = new double[2][n];
            double[][] patient = new double[2][n];
            for (int i = 0; i < n; i++) {
                Instant from = START.plus(random.nextLong(SPAN_MICROS - WINDOW_MICROS), ChronoUnit.MICROS);
                Instant to = from.plus(WINDOW_MICROS, ChronoUnit.MICROS);
                long staff = 1 + random.nextInt(STAFF);
                measure(person, i, personPage, personCount, staff, from, to);
                String p = String.format(Locale.ROOT, "P%07d", 1 + random.nextInt(PATIENTS));
                measure(patient, i, patientPage, patientCount, p, from, to);
            }
            if (keepTimes) {
                out.put("by person, list query", person[0]);
                out.put("by person, list + capped count", person[1]);
                out.put("by patient, list query", patient[0]);
                out.put("by patient, list + capped count", patient[1]);
            }
        }
        return out;
    }

    private static void measure(double[][] times, int i, PreparedStatement page, PreparedStatement count, Object key,
            Instant from, Instant to) throws SQLException {
        long t0 = System.nanoTime();
        bind(page, key, from, to, PAGE + 1);
        int rows = 0;
        try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        long t1 = System.nanoTime();
        bind(count, key, from, to, COUNT_CAP + 1);
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
        }
        long t2 = System.nanoTime();
        times[0][i] = (t1 - t0) / 1e6;
        times[1][i] = (t2 - t0) / 1e6;
    }

    private static void bind(PreparedStatement ps, Object key, Instant from, Instant to, int limit) throws SQLException {
        ps.setObject(1, key);
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
        ps.setInt(4, limit);
    }

    private static void print(Map<String, double[]> times) {
        times.forEach((name, values) -> {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double p95 = pct(sorted, 95);
            double p99 = pct(sorted, 99);
            say("  %-34s n=%-5d p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms   target p95<=%.0f p99<=%.0f: %s",
                    name, sorted.length, pct(sorted, 50), p95, p99, sorted[sorted.length - 1], P95_TARGET_MS,
                    P99_TARGET_MS, p95 <= P95_TARGET_MS && p99 <= P99_TARGET_MS ? "PASS" : "FAIL");
        });
    }

    /** Nearest-rank percentile. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void start(boolean clean) {
        server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDir, 0, true, clean,
                Duration.ofSeconds(300)));
    }

    private void restart() {
        server.close();
        start(false);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
    }

    /** Drops the kernel's page cache (needs root); false when it cannot. */
    private static boolean dropCaches() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
