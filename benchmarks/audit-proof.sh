#!/usr/bin/env bash
# One audit entry's inclusion proof in a log of 100 million entries (issue 8: <= 3 KB, checked in <= 1 ms), with
# Baomi's own Merkle code, SM3 and SHA-256; plus the anchor signature check (SM2, Ed25519). Figures and targets
# printed. Details: benchmarks/README.md, "Audit inclusion proofs".
#
#   flock /tmp/baomi-bench.lock benchmarks/audit-proof.sh            # 100,000 batches x 1,000 entries (sampled)
#   benchmarks/audit-proof.sh --full                                  # hash all 100 million entries (minutes)
#   benchmarks/audit-proof.sh --batches 1000 --checks 5000            # a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/java-benchmark.sh org.baomi.benchmark.audit.AuditProofBenchmark "$@"
