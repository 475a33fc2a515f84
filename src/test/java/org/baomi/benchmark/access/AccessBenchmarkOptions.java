package org.baomi.benchmark.access;

/**
 * The options of {@code benchmarks/access.sh}, shared by its two programs so that one command line serves both; each
 * program reads the options that concern it. Defaults are the full benchmark; {@code --quick} is a smoke run.
 */
final class AccessBenchmarkOptions {

    // both parts
    double scale = 1;
    long seed = 20261122L;
    boolean quick;
    // in process
    int requests = 1_000_000;
    double warmupSeconds = 10;
    int rounds = 5;
    double roundSeconds = 3;
    int agreement = 100_000;
    boolean casbin = true;
    // over HTTP
    double httpSeconds = 30;
    double httpWarmupSeconds = 10;
    int concurrency = 32;
    int batchConcurrency = 4;
    int batchSize = 500;
    int trials = 20;
    String serverJavaOpts = "-Xmx3g -XX:+UseParallelGC";

    static AccessBenchmarkOptions parse(String[] args) {
        AccessBenchmarkOptions o = new AccessBenchmarkOptions();
        String env = System.getenv("BAOMI_BENCH_SERVER_JAVA_OPTS");
        if (env != null && !env.isBlank()) {
            o.serverJavaOpts = env;
        }
        // --quick first, so that explicit options after it still win
        for (String arg : args) {
            if (arg.equals("--quick")) {
                o.quick = true;
                o.scale = 0.1;
                o.requests = 200_000;
                o.warmupSeconds = 2;
                o.rounds = 2;
                o.roundSeconds = 1;
                o.agreement = 10_000;
                o.httpSeconds = 5;
                o.httpWarmupSeconds = 3;
                o.concurrency = 16;
                o.batchConcurrency = 2;
                o.trials = 5;
            }
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--scale" -> o.scale = Double.parseDouble(args[++i]);
                case "--seed" -> o.seed = Long.parseLong(args[++i]);
                case "--requests" -> o.requests = Integer.parseInt(args[++i]);
                case "--warmup" -> o.warmupSeconds = Double.parseDouble(args[++i]);
                case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                case "--round-seconds" -> o.roundSeconds = Double.parseDouble(args[++i]);
                case "--agreement" -> o.agreement = Integer.parseInt(args[++i]);
                case "--no-casbin" -> o.casbin = false;
                case "--http-seconds" -> o.httpSeconds = Double.parseDouble(args[++i]);
                case "--http-warmup" -> o.httpWarmupSeconds = Double.parseDouble(args[++i]);
                case "--concurrency" -> o.concurrency = Integer.parseInt(args[++i]);
                case "--batch-concurrency" -> o.batchConcurrency = Integer.parseInt(args[++i]);
                case "--batch-size" -> o.batchSize = Integer.parseInt(args[++i]);
                case "--trials" -> o.trials = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (options: see benchmarks/README.md, section Access decision benchmarks)");
            }
        }
        return o;
    }
}
