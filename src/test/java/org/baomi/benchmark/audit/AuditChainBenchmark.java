package org.baomi.benchmark.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationResult;
import org.baomi.audit.internal.chain.AnchorKeys;
import org.baomi.audit.internal.chain.Anchoring;
import org.baomi.audit.internal.chain.CanonicalEntry;
import org.baomi.audit.internal.chain.ChainSealer;
import org.baomi.audit.internal.chain.ChainVerifier;
import org.baomi.audit.internal.chain.EntryCopy;
import org.baomi.audit.internal.chain.EntryImporter;
import org.baomi.audit.internal.chain.EntryMac;
import org.baomi.audit.internal.chain.EntryRow;
import org.baomi.audit.internal.chain.EntryWriter;
import org.baomi.audit.internal.chain.GroupCommitProperties;
import org.baomi.audit.internal.chain.GroupCommitWriter;
import org.baomi.audit.internal.chain.HashAlgorithm;
import org.baomi.audit.internal.chain.SignatureAlgorithm;
import org.baomi.shared.internal.EmbeddedDatabaseProperties;
import org.baomi.shared.internal.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit chain benchmarks (AUD-3, issue 8) on a durable embedded PostgreSQL (fsync, synchronous_commit and
 * full_page_writes on) in a fresh data directory under target/:
 * <ol>
 * <li>ingest: concurrent clients, each committing one audited operation (one audit entry with its MAC) per
 * transaction ({@code record}'s path); then the same clients through the group commit ({@code recordIndependently}'s
 * path, {@link GroupCommitWriter} with default settings); entries/s and acknowledgement latency p50/p99;</li>
 * <li>sealing: the sealer hashing every committed entry into the chain (SM3, batches of 10,000);</li>
 * <li>verification: a full verification (hash, link, MAC, Merkle roots, anchors) with SM3, then after resealing
 * the same entries with SHA-256; plus the in-memory hashing rate alone for reference.</li>
 * </ol>
 * Arguments: [entries for sealing/verification, default 300000] [ingest seconds, default 10] [clients of the
 * one-commit-per-operation ingest, default 32] [clients of the group-commit ingest, default 256] [parts, comma
 * separated: record, group, indexes, import, chain (bulk load, sealing, verification), or all (default)].
 */
public final class AuditChainBenchmark {

    /** CPU per entry beside each rate: the machine is shared, the CPU an entry costs is what other load changes least. */
    private static CpuMeter cpu;

    private AuditChainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int ingestSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int groupClients = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        String parts = args.length > 4 ? args[4] : "all";
        Path root = Path.of("target", "bench-audit", UUID.randomUUID().toString());
        Files.createDirectories(root);
        cpu = new CpuMeter(root.resolve("pg"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(
                root.resolve("pg"), 0, true, true, Duration.ofSeconds(120)))) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.username());
            config.setMaximumPoolSize(Math.max(clients, 8));
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
                run(dataSource, root, entries, ingestSeconds, clients, groupClients, parts);
            }
        }
    }

    private static void run(HikariDataSource dataSource, Path root, int entries, int ingestSeconds, int clients,
            int groupClients, String parts) throws Exception {
        Clock clock = Clock.systemUTC();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        EntryMac mac = EntryMac.fromKeysDir(root.resolve("keys"));
        System.out.printf(Locale.ROOT, "Audit chain benchmark: %d CPUs, durable embedded PostgreSQL%n",
                Runtime.getRuntime().availableProcessors());

        if (part(parts, "record")) {
            EntryWriter single = new EntryWriter(jdbc, mac);
            ingest("ingest, one audited operation per durable commit (record)", clients, ingestSeconds,
                    e -> tx.executeWithoutResult(s -> single.insert(e)));
        }
        if (part(parts, "group")) {
            try (GroupCommitWriter grouped = new GroupCommitWriter(dataSource, mac,
                    GroupCommitProperties.defaults())) {
                ingest("ingest, group commit (recordIndependently)", groupClients, ingestSeconds, grouped::write);
            }
        }
        if (part(parts, "indexes")) {
            indexCosts(dataSource, mac, entries);
        }
        if (part(parts, "import")) {
            importVersusCopy(dataSource, mac, entries);
        }
        if (!part(parts, "chain")) {
            return;
        }

        long bulkStart = System.nanoTime();
        bulkLoad(dataSource, mac, entries);
        System.out.printf(Locale.ROOT, "bulk load of %,d MAC'd entries for the next steps: %.1f s%n", entries,
                seconds(bulkStart));

        long total = jdbc.sql("SELECT count(*) FROM aud_entry").query(Long.class).single();
        ChainSealer sm3Sealer = new ChainSealer(new JdbcTemplate(dataSource), tx, mac, HashAlgorithm.SM3, clock,
                10_000);
        long sealStart = System.nanoTime();
        cpu.start();
        sm3Sealer.sealPending(true);
        double sealSeconds = seconds(sealStart);
        System.out.printf(Locale.ROOT, "sealing (SM3): %,d entries in %.2f s = %,.0f entries/s%n", total,
                sealSeconds, total / sealSeconds);
        System.out.println("  " + cpu.perEntry(total));

        AnchorKeys keys = new AnchorKeys(root.resolve("keys"), root.resolve("anchors"), SignatureAlgorithm.SM2, clock);
        new Anchoring(jdbc, tx, keys, root.resolve("anchors"), clock).anchorIfDue(Duration.ZERO);
        ChainVerifier verifier = new ChainVerifier(dataSource, mac, keys, root.resolve("anchors"), clock);
        settle(jdbc);
        verify(verifier, "SM3", 300_000);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("TRUNCATE aud_archive, aud_tree_leaf, aud_chain, aud_batch, aud_segment, aud_anchor");
        }
        deleteAnchorFiles(root.resolve("anchors"));
        new ChainSealer(new JdbcTemplate(dataSource), tx, mac, HashAlgorithm.SHA_256, clock, 10_000)
                .sealPending(true);
        new Anchoring(jdbc, tx, keys, root.resolve("anchors"), clock).anchorIfDue(Duration.ZERO);
        settle(jdbc);
        verify(verifier, "SHA-256", 700_000);

        hashingOnly(mac);
    }

    private static void ingest(String label, int clients, int seconds,
            java.util.function.Consumer<EntryWriter.NewEntry> write) throws Exception {
        Clock clock = Clock.systemUTC();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong operations = new java.util.concurrent.atomic.AtomicLong();
        cpu.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                long[] latencies = new long[Math.max(1 << 14, (1 << 23) / clients)];
                int n = 0;
                while (!stop.get()) {
                    long started = System.nanoTime();
                    write.accept(new EntryWriter.NewEntry(clock.instant(), 1000L + client,
                            "Bench Client " + client, "Cardiology", "PERSON", "10.1.0." + client, "session:bench",
                            "document.read", "document", "DOC-" + started % 100_000, "SECRET", "ALLOWED", null,
                            "{\"page\": 1}", "P-" + client));
                    long now = System.nanoTime();
                    operations.incrementAndGet();
                    if (started >= warmupEnd && now <= end && n < latencies.length) {
                        latencies[n++] = now - started;
                    }
                    if (now > end) {
                        break;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        pool.shutdown();
        long count = all.stream().mapToLong(a -> a.length).sum();
        long[] merged = new long[(int) count];
        int at = 0;
        for (long[] a : all) {
            System.arraycopy(a, 0, merged, at, a.length);
            at += a.length;
        }
        Arrays.sort(merged);
        System.out.printf(Locale.ROOT, "%s, %d clients: %,.0f entries/s  [target >= 20,000]%n", label, clients,
                count / (double) seconds);
        System.out.printf(Locale.ROOT, "  acknowledgement latency: p50 %.1f ms, p99 %.1f ms  [target p99 <= 50 ms]%n",
                percentile(merged, 0.50), percentile(merged, 0.99));
        System.out.println("  " + cpu.perEntry(operations.get()));
    }

    /**
     * Bulk import through {@link EntryImporter} (ids, normalised details and MACs computed, one COPY) beside a raw
     * COPY of rows of the same shape (ids, MACs and COPY text prepared beforehand, so only the COPY is timed) into
     * the same table with the same indexes; alternated twice, as the table and its indexes grow.
     */
    private static void importVersusCopy(HikariDataSource dataSource, EntryMac mac, int entries) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        EntryImporter importer = new EntryImporter(dataSource, mac);
        List<String> indexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'aud_entry' ORDER BY 1")
                .query(String.class).list();
        System.out.printf(Locale.ROOT, "bulk import, aud_entry indexes (%d): %s%n", indexes.size(), indexes);
        for (int round = 1; round <= 2; round++) {
            List<Long> ids = jdbc.sql("SELECT nextval('aud_entry_id_seq') FROM generate_series(1, :n)")
                    .param("n", entries).query(Long.class).list();
            StringBuilder text = new StringBuilder(entries * 256);
            for (int i = 0; i < entries; i++) {
                EntryWriter.NewEntry e = external(round, i);
                EntryRow row = new EntryRow(ids.get(i), EntryRow.micros(e.occurredAt()), e.actorId(), e.actorName(),
                        e.actorDepartment(), e.actorKind(), e.sourceAddress(), e.sessionRef(), e.action(),
                        e.objectType(), e.objectId(), e.secretLevel(), e.outcome(), e.reasonKey(), e.detailsJson(),
                        e.patientId(), null);
                EntryCopy.append(text, row.withMac(mac.mac(row)));
            }
            String copyText = text.toString();
            text = null;
            long start = System.nanoTime();
            cpu.start();
            long copied = tx.execute(s -> new JdbcTemplate(dataSource).execute(
                    (Connection c) -> EntryCopy.copy(c, copyText)));
            double rawSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "  round %d raw COPY of %,d prepared rows (baseline): %.2f s = %,.0f rows/s%n",
                    round, copied, rawSeconds, copied / rawSeconds);
            System.out.println("    " + cpu.perEntry(copied));
            int r = round;
            start = System.nanoTime();
            cpu.start();
            EntryImporter.Imported imported = tx.execute(s -> new JdbcTemplate(dataSource).execute(
                    (Connection c) -> importer.copy(c, java.util.stream.IntStream.range(0, entries)
                            .mapToObj(i -> external(r, i)).iterator())));
            double importSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "  round %d import of %,d external events (ids, jsonb text, MAC, COPY): %.2f s"
                    + " = %,.0f entries/s = %.2fx the raw COPY  [target >= 50,000 and >= 0.8x]%n", round,
                    imported.count(), importSeconds, imported.count() / importSeconds, rawSeconds / importSeconds);
            System.out.println("    " + cpu.perEntry(imported.count()));
        }
    }

    /**
     * What each index of the console costs an insert: a raw COPY of the same prepared rows into scratch copies of
     * aud_entry with different index sets, with the CPU PostgreSQL spent per row (what other load changes least).
     */
    private static void indexCosts(HikariDataSource dataSource, EntryMac mac, int entries) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        List<String> all = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'aud_entry'"
                + " AND indexname <> 'aud_entry_pkey' ORDER BY indexname", String.class);
        StringBuilder text = new StringBuilder(entries * 256);
        for (int i = 0; i < entries; i++) {
            EntryWriter.NewEntry e = external(9, i);
            EntryRow row = new EntryRow(50_000_000L + i, EntryRow.micros(e.occurredAt()), e.actorId(), e.actorName(),
                    e.actorDepartment(), e.actorKind(), e.sourceAddress(), e.sessionRef(), e.action(), e.objectType(),
                    e.objectId(), e.secretLevel(), e.outcome(), e.reasonKey(), e.detailsJson(), e.patientId(), null);
            EntryCopy.append(text, row.withMac(mac.mac(row)));
        }
        String rows = text.toString();
        List<List<String>> variants = new ArrayList<>();
        variants.add(List.of());
        for (String index : all) {
            variants.add(List.of(index));
        }
        variants.add(all);
        System.out.printf(Locale.ROOT, "index costs: raw COPY of %,d rows into a fresh copy of aud_entry (PK always)%n",
                entries);
        for (List<String> variant : variants) {
            jdbc.execute("DROP TABLE IF EXISTS aud_entry_bench");
            jdbc.execute("CREATE TABLE aud_entry_bench (LIKE aud_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            jdbc.execute("ALTER TABLE aud_entry_bench ADD PRIMARY KEY (id)");
            for (String index : variant) {
                jdbc.execute(index.replaceFirst("INDEX \\S+ ON public\\.aud_entry ", "INDEX ON aud_entry_bench "));
            }
            long start = System.nanoTime();
            cpu.start();
            tx.execute(s -> jdbc.execute((Connection c) -> {
                try {
                    return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                            EntryCopy.COPY.replace("aud_entry", "aud_entry_bench"),
                            new java.io.StringReader(rows));
                } catch (java.io.IOException e) {
                    throw new java.sql.SQLException(e);
                }
            }));
            double secs = seconds(start);
            String name = variant.isEmpty() ? "PK only" : variant.size() == all.size() ? "PK + all " + all.size()
                    : "PK + " + variant.get(0).replaceAll("^CREATE INDEX (\\S+) .*$", "$1");
            System.out.printf(Locale.ROOT, "  %-36s %,9.0f rows/s; %s%n", name, entries / secs, cpu.perEntry(entries));
        }
        jdbc.execute("DROP TABLE aud_entry_bench");
    }

    /** An external event of the bulk shape: 300 people, 40 departments, one in five about a patient. */
    private static EntryWriter.NewEntry external(int round, int i) {
        Instant at = Instant.parse("2026-10-01T00:00:00Z").plusMillis(round * 10_000_000L + i);
        return new EntryWriter.NewEntry(at, 2000L + i % 300, "Staff " + i % 300, "Department " + i % 40, "PERSON",
                "10.2." + i % 250 + ".1", "session:" + i % 1000, "document.read", "document", "DOC-" + round + "-" + i,
                "INTERNAL", "ALLOWED", null, "{\"page\": " + i % 20 + "}", i % 5 == 0 ? "P-" + i % 9999 : null);
    }

    /** Entries imported with their MACs as Baomi imports them (one COPY, {@link EntryImporter}). */
    private static void bulkLoad(HikariDataSource dataSource, EntryMac mac, int entries) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        EntryImporter importer = new EntryImporter(dataSource, mac);
        tx.execute(s -> new JdbcTemplate(dataSource).execute((Connection c) -> importer.copy(c,
                java.util.stream.IntStream.range(0, entries).mapToObj(i -> external(0, i)).iterator())));
    }

    /**
     * Vacuums and checkpoints after loading and sealing, so that the background work the load left behind
     * (autovacuum of the new rows, writing out dirty pages) is not counted as verification's CPU.
     */
    private static void settle(JdbcClient jdbc) {
        jdbc.sql("VACUUM (ANALYZE) aud_entry, aud_chain, aud_batch").update();
        jdbc.sql("CHECKPOINT").update();
    }

    private static void verify(ChainVerifier verifier, String label, int target) {
        for (VerificationMode mode : List.of(VerificationMode.FULL, VerificationMode.DEEP)) {
            verifier.verify(mode, null, null);
            cpu.start();
            VerificationResult result = verifier.verify(mode, null, null);
            double secs = result.duration().toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "verification (%s, %s: hashes, links, Merkle roots, anchors, %s): %,d"
                    + " entries in %.2f s = %,.0f entries/s  [target >= %,d]  intact=%s%n", label,
                    mode.name().toLowerCase(Locale.ROOT),
                    mode == VerificationMode.DEEP ? "every entry's MAC" : "one seal MAC per batch",
                    result.entriesChecked(), secs, result.entriesChecked() / secs, target, result.intact());
            System.out.println("  " + cpu.perEntry(result.entriesChecked()));
        }
    }

    /** The CPU part of verification alone: canonical encoding, chain hash and MAC per entry. */
    private static void hashingOnly(EntryMac mac) {
        EntryRow row = new EntryRow(123456, 1_700_000_000_000_000L, 2042L, "Staff 42", "Department 7", "PERSON",
                "10.2.42.1", "session:42", "document.read", "document", "DOC-123456", "INTERNAL", "ALLOWED", null,
                "{\"page\": 1}", "P-42", null);
        row = row.withMac(mac.mac(row));
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            HashAlgorithm.Hasher hasher = algorithm.newHasher();
            byte[] prev = new byte[32];
            int n = 500_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                byte[] input = CanonicalEntry.hashInput(prev, i, row);
                hasher.update(input, 0, input.length);
                prev = hasher.digest();
                mac.verifies(row);
            }
            System.out.printf(Locale.ROOT, "in-memory encode + %s + HMAC-SM3 per entry (1 thread): %,.0f entries/s%n",
                    algorithm.dbName(), n / seconds(start));
        }
    }

    private static void deleteAnchorFiles(Path dir) throws Exception {
        try (var files = Files.newDirectoryStream(dir, "anchor-*.txt")) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }

    private static boolean part(String parts, String name) {
        return parts.equals("all") || java.util.Arrays.asList(parts.split(",")).contains(name);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
