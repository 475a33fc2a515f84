#!/usr/bin/env bash
# The audit chain's hash functions alone, one thread (issue 8 verification speed): BouncyCastle SM3, the candidate
# SM3 of the tests, JDK SHA-256, on an entry's hash input (300 bytes), a Merkle leaf (33) and node (65).
# Usage: benchmarks/audit-hash.sh [seconds per figure=3]
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/java-benchmark.sh org.baomi.benchmark.audit.HashBenchmark "$@"
