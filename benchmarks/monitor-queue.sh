#!/usr/bin/env bash
# Alert queue latency of issue 7 item 7 (see benchmarks/README.md, section "Privacy alert queue"): Baomi in process on
# a fresh durable embedded PostgreSQL, 100,000 alerts, the queue's typical requests in process and over the API;
# target p95 < 200 ms.
#
#   benchmarks/monitor-queue.sh                       # 100,000 alerts, 40 rounds per request kind
#   benchmarks/monitor-queue.sh --alerts 20000 --rounds 10
#
# Run the reported figure at normal priority under the machine-wide lock:
#   flock /tmp/baomi-bench.lock benchmarks/monitor-queue.sh
# Exit status: 0 when the target is met, 2 when missed, 1 when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
exec benchmarks/java-benchmark.sh org.baomi.benchmark.monitor.AlertQueueBenchmark "$@"
