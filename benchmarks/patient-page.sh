#!/usr/bin/env bash
# The staff's patient page under load (issue 6 must-show: a patient page with decision and audit, p95 < 50 ms under
# 50 concurrent users): a fresh Baomi with the demo hospital (20,000 patients) started by benchmarks/run.sh, 50
# care-team members signed in before the clock starts, each viewing patients of their own care teams. Options go to
# benchmarks/PatientPageLoad.java (--users, --warmup, --duration <= 60, --think-max-ms, --p95-limit-ms). Rebuilds
# the jar first when src/main or pom.xml is newer (build it beforehand at low priority:
# nice -n 19 ./mvnw -o -q -B -DskipTests package). Run it under the machine-wide benchmark lock:
#
#   flock /tmp/baomi-bench.lock benchmarks/patient-page.sh
#
# See benchmarks/README.md, section "Patient page".
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/baomi-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f | head -n 1)" ]; then
    echo "Building the jar (./mvnw -q -B -DskipTests package)"
    ./mvnw -q -B -DskipTests package
fi
echo "uptime before: $(uptime)"
status=0
BAOMI_BENCH_LOADER=benchmarks/PatientPageLoad.java benchmarks/run.sh "$@" || status=$?
echo "uptime after: $(uptime)"
exit "$status"
