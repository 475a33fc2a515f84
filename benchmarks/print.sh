#!/usr/bin/env bash
# Print benchmark (issue 5 item 5): watermark a 100-page PDF, render a 2,000-row register; ms, pages/s, peak heap.
# Usage: benchmarks/print.sh [runs=5] [pages=100] [rows=2000]
# In process, no database; see benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
exec benchmarks/java-benchmark.sh org.baomi.benchmark.print.PrintBenchmark "$@"
