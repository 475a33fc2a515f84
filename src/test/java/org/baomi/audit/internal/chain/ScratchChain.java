package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationResult;
import org.baomi.test.MutableClock;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chain on a scratch database of the test run's embedded PostgreSQL, with its own anchor directory, so that
 * attacks never touch the shared test database (AUD-3 tamper suite). Connections are not pooled: a scratch
 * database can serve as the template of a copy as soon as nothing runs on it.
 */
final class ScratchChain implements AutoCloseable {

    final String name;
    final String serverUrl;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final Path anchorDir;
    final Path keysDir;
    final EntryMac mac;
    final AnchorKeys keys;
    final MutableClock clock;

    private ScratchChain(String serverUrl, String name, Path anchorDir, Path keysDir, MutableClock clock) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.dataSource = new DriverManagerDataSource(serverUrl + name, "postgres", "");
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.anchorDir = anchorDir;
        this.keysDir = keysDir;
        this.mac = EntryMac.fromKeysDir(keysDir);
        this.keys = new AnchorKeys(keysDir, anchorDir, SignatureAlgorithm.SM2, clock);
        this.clock = clock;
    }

    /** A new database named {@code name} on the server of {@code anyUrl}, migrated by Flyway. */
    static ScratchChain create(String anyUrl, String name, Path root) {
        String serverUrl = anyUrl.substring(0, anyUrl.lastIndexOf('/') + 1);
        admin(serverUrl, "CREATE DATABASE " + name);
        ScratchChain chain = new ScratchChain(serverUrl, name, root.resolve(name).resolve("anchors"),
                root.resolve("keys"), new MutableClock(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC));
        Flyway.configure().dataSource(chain.dataSource).locations("classpath:db/migration").load().migrate();
        return chain;
    }

    /** A copy of this chain's database and anchor directory (same keys), for one attack. */
    ScratchChain copy(String copyName) {
        admin(serverUrl, "CREATE DATABASE " + copyName + " TEMPLATE " + name);
        Path copyAnchors = anchorDir.getParent().resolveSibling(copyName).resolve("anchors");
        copyTree(anchorDir, copyAnchors);
        MutableClock copyClock = new MutableClock(clock.instant(), ZoneOffset.UTC);
        return new ScratchChain(serverUrl, copyName, copyAnchors, keysDir, copyClock);
    }

    EntryWriter writer() {
        return new EntryWriter(jdbc, mac);
    }

    ChainSealer sealer(HashAlgorithm algorithm, int batchLimit) {
        return new ChainSealer(new JdbcTemplate(dataSource), transactions, mac, algorithm, clock, batchLimit);
    }

    Anchoring anchoring() {
        return new Anchoring(jdbc, transactions, keys, anchorDir, clock);
    }

    ProofPackages packages() {
        return new ProofPackages(jdbc, keys, anchorDir);
    }

    ChainVerifier verifier() {
        // Chunks of at least 10 entries, windows of 7 chain rows: the 60-entry chain is walked in parallel chunks and
        // windows, as a large one is.
        return new ChainVerifier(dataSource, mac, keys, anchorDir, clock, 10, 7);
    }

    VerificationResult verify(VerificationMode mode, Long startAnchor) {
        return verifier().verify(mode, startAnchor, null);
    }

    VerificationResult verifyFully() {
        return verify(VerificationMode.FULL, null);
    }

    /** Entries written by Baomi, each in its own transaction. */
    void write(int count, String action) {
        EntryWriter writer = writer();
        for (int i = 0; i < count; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> writer.insert(new EntryWriter.NewEntry(clock.instant(), 42L + n,
                    "Test Person " + n, "Cardiology", "PERSON", "10.0.0." + n, "session:abc", action, "document",
                    "DOC-" + n, n % 2 == 0 ? "SECRET" : null, "ALLOWED", null, "{\"page\": " + n + "}",
                    n % 3 == 0 ? "P-" + n : null)));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /**
     * As a database administrator: triggers off for the session ({@code session_replication_role = replica}), then
     * the statements, in one transaction.
     */
    void asDba(String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("DBA statement failed", e);
        }
    }

    long idAtSeq(long seq) {
        return jdbc.sql("SELECT entry_id FROM aud_chain WHERE seq = :seq").param("seq", seq).query(Long.class).single();
    }

    long head() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM aud_chain").query(Long.class).single();
    }

    Map<String, Object> anchorRow(long id) {
        return jdbc.sql("SELECT * FROM aud_anchor WHERE id = :id").param("id", id).query().singleRow();
    }

    @Override
    public void close() {
        admin(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String serverUrl, String sql) {
        try (Connection c = new DriverManagerDataSource(serverUrl + "postgres", "postgres", "").getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
