package org.baomi.shared.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database survives restarts and the orphan a killed JVM leaves behind (non-negotiable 4). */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    private EmbeddedDatabaseProperties durableIn(Path dir, int port) {
        return new EmbeddedDatabaseProperties(dir, port, true, false, Duration.ofSeconds(60));
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void theDefaultRunIsDurable_fsyncSynchronousCommitAndFullPageWritesAreOn() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durableIn(temp.resolve("db"), 0))) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(query(server, "SHOW " + setting)).as(setting).isEqualTo("on");
            }
        }
    }

    @Test
    void dataSurvivesAnOrderlyRestart() throws Exception {
        Path dir = temp.resolve("db");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durableIn(dir, 0))) {
            execute(server, "CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durableIn(dir, 0))) {
            assertThat(query(server, "SELECT v FROM t")).isEqualTo("kept");
        }
    }

    @Test
    void anOrphanedServerLeftByAKilledJvmIsStoppedAndTheDataKept() throws Exception {
        Path dir = temp.resolve("db");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(durableIn(dir, 0));
        execute(first, "CREATE TABLE t (v text); INSERT INTO t VALUES ('acknowledged')");
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        first.abandon();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).hasValue(true);

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(durableIn(dir, 0))) {
            assertThat(query(second, "SELECT v FROM t")).isEqualTo("acknowledged");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aStalePidFileIsRemoved() throws Exception {
        Path dir = temp.resolve("db");
        EmbeddedPostgresServer.start(durableIn(dir, 0)).close();
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n" + dir + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durableIn(dir, 0))) {
            assertThat(query(server, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aPortHeldByAnotherProgramFallsBackToAFreeOne() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durableIn(temp.resolve("db"), held.getLocalPort()))) {
            assertThat(server.port()).isNotEqualTo(held.getLocalPort());
            assertThat(query(server, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aDataDirectoryInUseByAnotherLiveBaomiIsRefusedWithAClearMessage() throws IOException {
        Path dir = temp.resolve("db");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(durableIn(dir, 0))) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(durableIn(dir, 0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running Baomi");
            assertThat(running.port()).isPositive();
        }
    }
}
