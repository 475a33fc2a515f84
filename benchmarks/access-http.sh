#!/usr/bin/env bash
# The decision API over HTTP (issue 3 item 5): single decisions, then batches, with the demo HIS token, against a
# fresh Baomi with the demo hospital started by benchmarks/run.sh. Rebuilds the jar first so that it holds the
# current code. Options go to benchmarks/DecisionApiLoad.java (--threads 8 --duration 20 --warmup 10 --batch-size 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
BAOMI_BENCH_LOADER=benchmarks/DecisionApiLoad.java exec benchmarks/run.sh "$@"
