package org.baomi.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default run and of the tests. Starting it also cleans up after a
 * {@code kill -9} of a previous JVM: its PostgreSQL keeps running as an orphan that holds the data
 * directory, so it is shut down (fast mode, then forcibly) before the new server starts; a stale
 * {@code postmaster.pid} is removed; a held port falls back to a free one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** zonky's own lock file inside the data directory, held by the JVM that runs the server. */
    private static final String JVM_LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        try {
            if (properties.cleanOnStart()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir, Duration.ofSeconds(30));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(choosePort(properties.port()))
                    .setPGStartupWait(properties.startupTimeout())
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200");
            String durability = properties.durable() ? "on" : "off";
            // zonky starts the server with -F (fsync off) and synchronous_commit=off, which suits throw-away
            // test databases only. The -c settings follow -F on the command line and therefore win.
            builder.setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability);
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {} (durable: {})",
                    postgres.getPort(), dataDir, properties.durable());
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A server whose {@code postmaster.pid} names a live postgres process while no JVM holds the data
     * directory's lock file is an orphan of a killed JVM; it is stopped so that the new start owns the data.
     */
    static void stopOrphanedServer(Path dataDir, Duration wait) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (postmaster.isEmpty()) {
            log.warn("Removing stale {} in {}", PID_FILE, dataDir);
            Files.deleteIfExists(pidFile);
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(JVM_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The embedded database in " + dataDir
                        + " is in use by another running Baomi; stop it or set baomi.embedded-db.data-dir");
            }
            ProcessHandle process = postmaster.get();
            log.warn("Stopping orphaned PostgreSQL (pid {}) left running in {} by an earlier JVM",
                    process.pid(), dataDir);
            signalFastShutdown(process);
            if (!waitForExit(process, wait)) {
                log.warn("Orphaned PostgreSQL (pid {}) ignored fast shutdown; killing it", process.pid());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitForExit(process, wait);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres") || c.contains("/postgres"))
                .orElse(true);
    }

    /** SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, the data is checkpointed. */
    private static void signalFastShutdown(ProcessHandle process) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    static int choosePort(int configured) throws IOException {
        if (configured > 0) {
            try (ServerSocket probe = new ServerSocket(configured, 1, InetAddress.getLoopbackAddress())) {
                return configured;
            } catch (IOException held) {
                log.warn("Port {} is held by another process; the embedded database uses a free port instead",
                        configured);
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
