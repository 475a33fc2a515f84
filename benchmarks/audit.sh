#!/usr/bin/env bash
# Audit chain benchmarks (AUD-3): ingest with durable commit, sealing, verification (SM3 and SHA-256).
# Usage: benchmarks/audit.sh [entries=300000] [ingest-seconds=10] [record-clients=32] [group-clients=256] [parts=all: record,group,indexes,import,chain]
# Runs on a fresh durable embedded PostgreSQL under target/bench-audit/; see benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/java-benchmark.sh org.baomi.benchmark.audit.AuditChainBenchmark "$@"
