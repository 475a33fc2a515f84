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
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Path dataDir;
    private double javaStart;
    private double postgresStart;

    CpuMeter(Path dataDir) {
        this.dataDir = dataDir;
    }

    void start() {
        javaStart = javaSeconds();
        postgresStart = postgresSeconds();
    }

    /** "CPU per entry: PostgreSQL a us, Java b us; 2 idle cores allow at most c entries/s". */
    String perEntry(long entries) {
        double java = javaSeconds() - javaStart;
        double pg = postgresSeconds() - postgresStart;
        double cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "CPU per entry: PostgreSQL %.1f us + Java %.1f us = %.1f us;"
                + " %d cores fully busy would allow %,.0f entries/s", pg * 1e6 / entries, java * 1e6 / entries,
                (pg + java) * 1e6 / entries, (int) cores, entries * cores / (pg + java));
    }

    private static double javaSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private double postgresSeconds() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            Path pidFile = files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElse(null);
            if (pidFile == null) {
                return 0;
            }
            String postmaster = Files.readAllLines(pidFile).get(0).strip();
            double ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after "pid (comm) ": state ppid ... utime is field 14, stime 15 of the full line
                        if (proc.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }
}
