#!/usr/bin/env bash
# In-process access decisions on a synthetic hospital-sized model (issue 3): throughput and p50/p99 latency of the
# decision engine on one thread. Options: --scale 1.0 (model size factor), --seconds 10.
set -euo pipefail
cd "$(dirname "$0")/.."
BAOMI_BENCH_JAVA_OPTS="${BAOMI_BENCH_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC}" \
    exec benchmarks/java-benchmark.sh org.baomi.benchmark.access.DecisionBenchmark "$@"
