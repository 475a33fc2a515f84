#!/usr/bin/env bash
# Runs one in-process Java benchmark (a main class under src/test/java/org/baomi/benchmark/, named *Benchmark, which
# surefire does not pick up) on the test class path. Compiles first; the class path is cached in target/bench.cp.
#
#   benchmarks/java-benchmark.sh org.baomi.benchmark.access.DecisionBenchmark [options...]
#
# Environment: BAOMI_BENCH_JAVA_OPTS (JVM options, e.g. -Xmx4g).
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"
shift
./mvnw -q -B -DskipTests test-compile
if [ ! -s target/bench.cp ] || [ pom.xml -nt target/bench.cp ]; then
    ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
fi
# shellcheck disable=SC2086
exec java ${BAOMI_BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" "$main" "$@"
