package org.baomi.benchmark.audit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by the embedded PostgreSQL (postmaster and its live backends, from /proc), so that
 * a benchmark on a shared machine can state what one entry costs in CPU, which other people's load does not change
 * much, beside the wall-clock rate, which it does. Linux only; elsewhere PostgreSQL's part reads as 0.
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Path dataDir;
    private double javaStart;
    private double postgresStart;
    private double backgroundStart;

    /** @param dataDir the embedded PostgreSQL's data directory (or a parent of it) */
    public CpuMeter(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts (or restarts) the measured window. */
    public void start() {
        javaStart = javaSeconds();
        double[] pg = postgresSeconds();
        postgresStart = pg[0];
        backgroundStart = pg[1];
    }

    /** "CPU per entry: PostgreSQL a us, Java b us; 2 idle cores allow at most c entries/s". */
    public String perEntry(long entries) {
        double java = javaSeconds() - javaStart;
        double[] now = postgresSeconds();
        double pg = now[0] - postgresStart;
        double background = now[1] - backgroundStart;
        double cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "CPU per entry: PostgreSQL %.1f us (background processes %.1f us of it)"
                + " + Java %.1f us = %.1f us; %d cores fully busy would allow %,.0f entries/s", pg * 1e6 / entries,
                background * 1e6 / entries, java * 1e6 / entries, (pg + java) * 1e6 / entries, (int) cores,
                entries * cores / (pg + java));
    }

    private static double javaSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * {total, background}: PostgreSQL's CPU seconds, and the part of its background processes (autovacuum,
     * checkpointer, WAL and background writer; told apart by the process title), which the measured work need
     * not have caused. Processes that ended meanwhile (an autovacuum worker) are not counted.
     */
    private double[] postgresSeconds() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            Path pidFile = files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElse(null);
            if (pidFile == null) {
                return new double[2];
            }
            String postmaster = Files.readAllLines(pidFile).get(0).strip();
            double ticks = 0;
            double background = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after "pid (comm) ": state ppid ... utime is field 14, stime 15 of the full line
                        if (proc.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
                            long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            ticks += used;
                            String title = Files.readString(proc.resolve("cmdline"));
                            if (title.contains("autovacuum") || title.contains("checkpointer")
                                    || title.contains("writer")) {
                                background += used;
                            }
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return new double[] {ticks / TICKS_PER_SECOND, background / TICKS_PER_SECOND};
        } catch (IOException e) {
            return new double[2];
        }
    }
}
