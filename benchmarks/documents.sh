#!/usr/bin/env bash
# Register search over 100,000 classified documents (issue 5): the register's own search SQL for a mix of filters,
# page and count timed together, p95 target 100 ms. One command; figures and target printed. Details:
# benchmarks/README.md.
#
#   benchmarks/documents.sh                     # 100,000 documents, 3,000 searches
#   benchmarks/documents.sh --rows 1000000      # a larger register
#
# Options: --rows N, --queries Q, --keep (keep the data directory target/bench-documents).
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
exec benchmarks/java-benchmark.sh org.baomi.benchmark.document.DocumentSearchBenchmark "$@"
