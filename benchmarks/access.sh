#!/usr/bin/env bash
# Access decision benchmarks of issue 3 (see benchmarks/README.md, section "Access decision benchmarks"):
#   1. in process: Baomi's engine and jCasbin on a synthetic hospital (AccessDecisionBenchmark);
#   2. over HTTP: Baomi started from the jar with the synthetic hospital in its database, single and batch decision
#      requests, then the propagation of changes between two instances (AccessHttpBenchmark).
#
#   benchmarks/access.sh                 # everything, full size (10,000 staff, 1,000,000 patients, ...)
#   benchmarks/access.sh --quick         # smoke run of everything: small hospital, short rounds
#   benchmarks/access.sh --in-process    # only part 1;  --http: only part 2
#   benchmarks/access.sh --scale 0.5     # any other option goes to both programs (see README)
#
# Environment: BAOMI_BENCH_JAVA_OPTS (JVM options of the in-process benchmark and of the load generator; default
# -Xms6g -Xmx6g), BAOMI_BENCH_SERVER_JAVA_OPTS (JVM options of each Baomi instance; default -Xmx3g).
# Exit status: 0 when every target is met, 2 when a figure misses its target, 1 when a part could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=(in-process http)
args=()
for arg in "$@"; do
    case "$arg" in
        --in-process) parts=(in-process) ;;
        --http) parts=(http) ;;
        *) args+=("$arg") ;;
    esac
done

export BAOMI_BENCH_JAVA_OPTS="${BAOMI_BENCH_JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseParallelGC}"
status=0
for part in "${parts[@]}"; do
    case "$part" in
        in-process)
            benchmarks/java-benchmark.sh org.baomi.benchmark.access.AccessDecisionBenchmark ${args[@]+"${args[@]}"} \
                || { rc=$?; [ "$rc" -gt "$status" ] && status=$rc; }
            ;;
        http)
            if [ -z "$(ls target/baomi-*.jar 2>/dev/null | grep -v '\.original$' || true)" ] \
                    || [ -n "$(find src/main -newer "$(ls target/baomi-*.jar | grep -v '\.original$' | head -n 1)" -type f | head -n 1)" ]; then
                echo "Building the jar (./mvnw -q -B -DskipTests package)"
                ./mvnw -q -B -DskipTests package
            fi
            benchmarks/java-benchmark.sh org.baomi.benchmark.access.AccessHttpBenchmark ${args[@]+"${args[@]}"} \
                || { rc=$?; [ "$rc" -gt "$status" ] && status=$rc; }
            ;;
    esac
done
exit "$status"
