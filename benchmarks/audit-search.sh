#!/usr/bin/env bash
# Search speed of the audit administrator's console on a large trail, and the raw COPY rate of the same rows with the
# console's indexes (issue 8). One command; figures and targets printed. Details: benchmarks/README.md.
#
#   benchmarks/audit-search.sh                       # 20 million entries (about 15 GB in target/bench-audit-search)
#   benchmarks/audit-search.sh --rows 100000000      # as many as the disk allows (about 75 GB for 100 million)
#   benchmarks/audit-search.sh --rows 2000000 --cold-rounds 2   # a quick run
#
# Options: --rows N, --copy-rows M (last slice COPYed with every index in place, default 1,000,000), --queries Q
# (warm queries of each kind, default 2,000), --cold-rounds R and --cold-queries C (default 5 x 100), --keep (keep the
# data directory). Cold rounds drop the kernel page cache, which needs root.
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/java-benchmark.sh org.baomi.benchmark.audit.AuditSearchBenchmark "$@"
