package org.baomi.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit of independently written entries (AUD-1, issue 8 "ingest with durable acknowledgement"): every
 * caller returns only with its row committed, gets an exception when its entry was not written, waits (bounded)
 * when the queue is full, and shutdown writes what was queued. Rows go to the shared test database with the
 * application's MAC key, so the shared chain stays intact.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupCommitWriterTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    AuditTrail audit;
    @Autowired
    DataSource dataSource;
    @Autowired
    EntryMac mac;
    @Autowired
    JdbcClient jdbc;

    private final List<GroupCommitWriter> writers = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        writers.forEach(GroupCommitWriter::close);
        pool.shutdownNow();
    }

    private GroupCommitWriter writer(DataSource source, int capacity, int threads, Duration enqueueTimeout) {
        GroupCommitWriter writer = new GroupCommitWriter(source, mac,
                new GroupCommitProperties(capacity, 100, threads, enqueueTimeout, Duration.ofSeconds(30)));
        writers.add(writer);
        return writer;
    }

    private static EntryWriter.NewEntry entry(String action) {
        return new EntryWriter.NewEntry(Instant.parse("2026-11-22T08:00:00Z"), 7L, "Group Tester", "IT", "PERSON",
                "10.1.1.1", "session:gc", action, "test", "GC-1", null, "ALLOWED", null, "{\"b\":1,  \"a\": [1,2]}",
                null);
    }

    private long rows(String action) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a").param("a", action)
                .query(Long.class).single();
    }

    @Test
    void AUD_1_concurrent_independent_entries_get_distinct_ids_and_are_committed_with_a_valid_mac_on_return()
            throws Exception {
        String action = "test.gc.concurrent." + RUN;
        int callers = 16;
        int each = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    long id = audit.recordIndependently(new AuditEntry(AuditActor.system(), action, "test",
                            "GC-" + i, null, AuditOutcome.DENIED, null, Map.of("i", i)));
                    // Acknowledged means committed: another connection sees the row at once.
                    assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE id = :id").param("id", id)
                            .query(Long.class).single()).isEqualTo(1L);
                    ids.add(id);
                }
                return ids;
            }));
        }
        start.countDown();
        Set<Long> ids = new HashSet<>();
        for (Future<List<Long>> result : results) {
            ids.addAll(result.get(60, TimeUnit.SECONDS));
        }
        assertThat(ids).hasSize(callers * each);
        assertThat(rows(action)).isEqualTo(callers * each);
        List<EntryRow> stored = jdbc.sql("SELECT " + EntryRow.COLUMNS + " FROM aud_entry e WHERE e.action = :a")
                .param("a", action).query((rs, i) -> EntryRow.read(rs)).list();
        assertThat(stored).allSatisfy(row -> assertThat(mac.verifies(row)).isTrue());
        long transactions = jdbc.sql("SELECT count(DISTINCT tx) FROM aud_entry WHERE action = :a")
                .param("a", action).query(Long.class).single();
        assertThat(transactions).as("concurrent entries share commits").isLessThan(callers * each);
    }

    @Test
    void AUD_1_a_lone_entry_is_written_with_its_normalised_details() {
        String action = "test.gc.lone." + RUN;
        long id = writer(dataSource, 10, 1, Duration.ofSeconds(1)).write(entry(action));
        EntryRow row = jdbc.sql("SELECT " + EntryRow.COLUMNS + " FROM aud_entry e WHERE e.id = :id").param("id", id)
                .query((rs, i) -> EntryRow.read(rs)).single();
        assertThat(row.details()).isEqualTo("{\"a\": [1, 2], \"b\": 1}");
        assertThat(mac.verifies(row)).isTrue();
    }

    @Test
    void AUD_1_a_bad_entry_fails_only_its_own_caller_and_its_batch_neighbours_are_still_committed() {
        String action = "test.gc.poison." + RUN;
        GroupCommitWriter writer = writer(dataSource, 10, 1, Duration.ofSeconds(1));
        List<GroupCommitWriter.Pending> batch = List.of(pending(entry(action)),
                pending(entry(null)), // action is NOT NULL: the INSERT of this one fails
                pending(entry(action)));
        writer.writeBatch(batch);
        assertThat(batch.get(0).done()).isCompleted();
        assertThat(batch.get(1).done()).isCompletedExceptionally();
        assertThat(batch.get(2).done()).isCompleted();
        assertThat(rows(action)).isEqualTo(2);
    }

    @Test
    void AUD_1_when_the_database_is_unreachable_every_caller_of_the_batch_gets_an_exception() throws Exception {
        String action = "test.gc.down." + RUN;
        GroupCommitWriter writer = writer(new UnreachableDataSource(), 10, 1, Duration.ofSeconds(1));
        List<GroupCommitWriter.Pending> batch = List.of(pending(entry(action)), pending(entry(action)));
        writer.writeBatch(batch);
        assertThat(batch).allSatisfy(p -> assertThat(p.done()).isCompletedExceptionally());
        List<Future<Long>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(pool.submit(() -> writer.write(entry(action))));
        }
        for (Future<Long> caller : callers) {
            assertThatThrownBy(() -> caller.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AuditNotWrittenException.class);
        }
        assertThat(rows(action)).isZero();
    }

    @Test
    void AUD_1_a_full_queue_makes_callers_wait_a_bounded_time_then_fail_clearly_and_never_drops_queued_entries()
            throws Exception {
        String action = "test.gc.full." + RUN;
        GatedDataSource gated = new GatedDataSource(dataSource);
        GroupCommitWriter writer = writer(gated, 2, 1, Duration.ofMillis(200));
        List<Future<Long>> waiting = new ArrayList<>();
        waiting.add(pool.submit(() -> writer.write(entry(action))));
        assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue(); // the writer holds the first, blocked
        waiting.add(pool.submit(() -> writer.write(entry(action))));
        waiting.add(pool.submit(() -> writer.write(entry(action))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (writer.queued() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(writer.queued()).isEqualTo(2);
        assertThatThrownBy(() -> writer.write(entry(action))).isInstanceOf(AuditNotWrittenException.class)
                .hasMessageContaining("queue stayed full");
        gated.open.countDown();
        Set<Long> ids = new HashSet<>();
        for (Future<Long> caller : waiting) {
            ids.add(caller.get(30, TimeUnit.SECONDS));
        }
        assertThat(ids).hasSize(3);
        assertThat(rows(action)).isEqualTo(3);
    }

    @Test
    void AUD_1_shutdown_writes_the_queued_entries_and_then_refuses_new_ones() throws Exception {
        String action = "test.gc.drain." + RUN;
        GatedDataSource gated = new GatedDataSource(dataSource);
        GroupCommitWriter writer = writer(gated, 10, 1, Duration.ofSeconds(1));
        List<Future<Long>> waiting = new ArrayList<>();
        waiting.add(pool.submit(() -> writer.write(entry(action))));
        assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            waiting.add(pool.submit(() -> writer.write(entry(action))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (writer.queued() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(writer::close);
        gated.open.countDown();
        closing.get(30, TimeUnit.SECONDS);
        for (Future<Long> caller : waiting) {
            assertThat(caller.get(30, TimeUnit.SECONDS)).isPositive();
        }
        assertThat(rows(action)).isEqualTo(4);
        assertThatThrownBy(() -> writer.write(entry(action))).isInstanceOf(AuditNotWrittenException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void AUD_1_a_writer_stopped_with_its_application_context_writes_again_when_the_context_starts_again() {
        // The test framework pauses cached contexts (stop) and resumes them (start); so may an operator.
        String action = "test.gc.restart." + RUN;
        GroupCommitWriter writer = writer(dataSource, 10, 1, Duration.ofSeconds(1));
        writer.write(entry(action));
        writer.close();
        assertThatThrownBy(() -> writer.write(entry(action))).isInstanceOf(AuditNotWrittenException.class);

        writer.start();

        assertThat(writer.write(entry(action))).isPositive();
        assertThat(rows(action)).isEqualTo(2);
    }

    private static GroupCommitWriter.Pending pending(EntryWriter.NewEntry entry) {
        return new GroupCommitWriter.Pending(entry, new CompletableFuture<>());
    }

    /** A DataSource that refuses every connection, as a stopped database does. */
    private static class UnreachableDataSource extends DelegatingSource {
        UnreachableDataSource() {
            super(null);
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused (test)", "08001");
        }
    }

    /** Hands out the first connection only after {@code open}; reports when a writer is waiting for it. */
    private static class GatedDataSource extends DelegatingSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        GatedDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            entered.countDown();
            try {
                if (!open.await(30, TimeUnit.SECONDS)) {
                    throw new SQLException("gate never opened (test)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(e);
            }
            return super.getConnection();
        }
    }

    private static class DelegatingSource implements DataSource {
        private final DataSource target;

        DelegatingSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
