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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default run and of the tests, from the binaries of zonky's Maven artefacts,
 * run by Baomi itself: initdb on first start, {@code pg_ctl start} with durable settings, {@code pg_ctl stop}
 * when the application context closes (after everything that uses the database has stopped).
 *
 * <p>Starting also cleans up after a {@code kill -9} of a previous JVM: its PostgreSQL keeps running as an
 * orphan that holds the data directory, so it is shut down (fast mode, then forcibly) before the new server
 * starts; a stale {@code postmaster.pid} is removed; a held port falls back to a free one. A lock file beside
 * the data directory, held while the JVM runs, tells an orphan from a server that another live Baomi uses.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final String SUPERUSER = "postgres";

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private EmbeddedPostgresServer(Path binaries, Path dataDir, int port, FileChannel lockChannel, FileLock lock) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Path binaries = PostgresBinaries.prepare(Path.of(System.getProperty("java.io.tmpdir"), "baomi-embedded-pg"));
        FileChannel channel = null;
        try {
            if (properties.cleanOnStart()) {
                PostgresBinaries.deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent());
            channel = FileChannel.open(lockFileOf(dataDir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("The embedded database in " + dataDir
                        + " is in use by another running Baomi; stop it or set baomi.embedded-db.data-dir");
            }
            stopOrphanedServer(binaries, dataDir, Duration.ofSeconds(60));
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb(binaries, dataDir);
            }
            int port = choosePort(properties.port());
            String durability = properties.durable() ? "on" : "off";
            // fsync, synchronous_commit and full_page_writes on: nothing acknowledged is lost (non-negotiable 4).
            List<String> options = List.of("-p " + port, "-c listen_addresses=localhost", "-c max_connections=200",
                    "-c timezone=UTC", "-c fsync=" + durability, "-c synchronous_commit=" + durability,
                    "-c full_page_writes=" + durability);
            run(binaries, properties.startupTimeout(), "pg_ctl", "-D", dataDir.toString(), "-l",
                    dataDir.resolve("postgresql.log").toString(), "-w", "-t",
                    Long.toString(Math.max(1, properties.startupTimeout().toSeconds())), "-o", String.join(" ", options),
                    "start");
            log.info("Embedded PostgreSQL running on port {} with data in {} (durable: {})", port, dataDir,
                    properties.durable());
            return new EmbeddedPostgresServer(binaries, dataDir, port, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast mode: clients are disconnected, the data is checkpointed). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            run(binaries, Duration.ofSeconds(90), "pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60",
                    "stop");
            log.info("Embedded PostgreSQL in {} stopped", dataDir);
        } catch (RuntimeException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDir, e.getMessage());
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                log.debug("Lock release failed", e);
            }
            closeQuietly(lockChannel);
        }
    }

    /**
     * PostgreSQL refuses to run as root. On Linux, as root (containers, CI), its programs run in a new user
     * namespace ({@code unshare -U}) where they are not root, as zonky does.
     */
    private static final class RootWorkaround {
        static final List<String> PREFIX = detect();

        private static List<String> detect() {
            if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux") || !runningAsRoot()) {
                return List.of();
            }
            try {
                Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return List.of("unshare", "-U");
                }
            } catch (IOException e) {
                log.warn("Running as root and 'unshare' is unavailable; PostgreSQL will refuse to start");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        private static boolean runningAsRoot() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Uid:")) {
                        return line.split("\\s+")[2].equals("0");
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Cannot read /proc/self/status", e);
            }
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** Test support: forget the server without stopping it, as a killed JVM would (the lock goes with it). */
    void abandon() throws IOException {
        closed = true;
        lock.release();
        lockChannel.close();
    }

    private static Path lockFileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    private static void initdb(Path binaries, Path dataDir) {
        log.info("Creating the embedded PostgreSQL database in {}", dataDir);
        run(binaries, Duration.ofMinutes(5), "initdb", "-A", "trust", "-U", SUPERUSER, "-D", dataDir.toString(),
                "-E", "UTF-8", "--locale=C");
    }

    private static void run(Path binaries, Duration timeout, String program, String... args) {
        List<String> command = new ArrayList<>(RootWorkaround.PREFIX);
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        command.add(binaries.resolve("bin").resolve(windows ? program + ".exe" : program).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("baomi-pg-", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(program + " did not finish within " + timeout);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                            + Files.readString(output, StandardCharsets.UTF_8).strip());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " interrupted", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    /**
     * A server whose {@code postmaster.pid} names a live postgres process, while this JVM holds the data
     * directory's lock, is an orphan of a killed JVM; it is stopped so that the new start owns the data.
     */
    static void stopOrphanedServer(Path binaries, Path dataDir, Duration wait) throws IOException {
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
        ProcessHandle process = postmaster.get();
        log.warn("Stopping orphaned PostgreSQL (pid {}) left running in {} by an earlier JVM", process.pid(), dataDir);
        try {
            run(binaries, wait.plusSeconds(10), "pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t",
                    Long.toString(wait.toSeconds()), "stop");
        } catch (RuntimeException e) {
            log.warn("Fast shutdown of the orphan failed: {}", e.getMessage());
        }
        if (!waitForExit(process, wait)) {
            log.warn("Orphaned PostgreSQL (pid {}) ignored fast shutdown; killing it", process.pid());
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitForExit(process, wait);
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
}
