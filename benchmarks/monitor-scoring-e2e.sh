#!/usr/bin/env bash
# Full re-scoring of issue 7 END TO END (see benchmarks/README.md, section "Monitoring: full re-scoring"): Baomi in
# process on a fresh durable embedded PostgreSQL with the demo hospital; 10,000,000 access events of the demo staff
# written into mon_access_event (not timed), then DetectionRuns.rescoreAll() timed: PostgreSQL -> engine -> mon_alert.
# Target < 60 s. Needs about 6 GB of disk under target/ and a few minutes for the seeding.
#
#   benchmarks/monitor-scoring-e2e.sh                          # 10,000,000 events, 2 runs
#   benchmarks/monitor-scoring-e2e.sh --events 1000000 --runs 1
#
# Run the reported figure at normal priority under the machine-wide lock:
#   flock /tmp/baomi-bench.lock benchmarks/monitor-scoring-e2e.sh
# Exit status: 0 when the target is met, 2 when missed, 1 when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
export BAOMI_BENCH_JAVA_OPTS="${BAOMI_BENCH_JAVA_OPTS:--Xmx6g -XX:+UseParallelGC}"
status=0
benchmarks/java-benchmark.sh org.baomi.monitor.internal.detect.EndToEndScoringBenchmark "$@" || status=$?
uptime
exit $status
