#!/usr/bin/env bash
# The decision API over HTTP (issue 3 item 5): single decisions, then batches, with the demo HIS token, against a
# fresh Baomi with the demo hospital started by benchmarks/run.sh. Rebuilds the jar first so that it holds the
# current code (skipped when the jar is newer than every file under src/main and pom.xml, so that the build can run
# beforehand at low priority: nice -n 19 ./mvnw -o -q -B -DskipTests package). Options go to
# benchmarks/DecisionApiLoad.java (see benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/baomi-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f | head -n 1)" ]; then
    echo "Building the jar (./mvnw -q -B -DskipTests package)"
    ./mvnw -q -B -DskipTests package
fi
BAOMI_BENCH_LOADER=benchmarks/DecisionApiLoad.java exec benchmarks/run.sh "$@"
