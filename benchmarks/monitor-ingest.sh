#!/usr/bin/env bash
# Access-event ingest throughput of issue 7 (see benchmarks/README.md, section "Access-event ingest"): Baomi in
# process on a fresh durable embedded PostgreSQL, NDJSON bodies of ~1,600 events posted to
# /api/v1/privacy/access-events; target >= 50,000 events/s.
#
#   benchmarks/monitor-ingest.sh                          # 300 requests (~500,000 events), 4 senders
#   benchmarks/monitor-ingest.sh --spread-minutes 5       # a live feed instead of a month's backfill
#   benchmarks/monitor-ingest.sh --requests 100 --senders 2
#
# Run the reported figure at normal priority under the machine-wide lock:
#   flock /tmp/baomi-bench.lock benchmarks/monitor-ingest.sh
# Exit status: 0 when the target is met and every acknowledged event is stored, 2 when not, 1 when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
exec benchmarks/java-benchmark.sh org.baomi.benchmark.monitor.AccessEventIngestBenchmark "$@"
