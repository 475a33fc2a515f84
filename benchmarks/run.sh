#!/usr/bin/env bash
# Load benchmark of Baomi: builds the jar if missing, starts it on a fresh data directory with the demo hospital,
# runs benchmarks/LoadTest.java against it, stops it. Options after the script name go to LoadTest
# (e.g. benchmarks/run.sh --duration 60). See benchmarks/README.md.
#
# Environment: BAOMI_BENCH_PORT (HTTP port; default: a free one), BAOMI_BENCH_JAVA_OPTS (JVM options of Baomi),
# BAOMI_DEMO_PASSWORD (password of the demo accounts), BAOMI_BENCH_LOADER (the load generator, default
# benchmarks/LoadTest.java; benchmarks/access-http.sh uses benchmarks/DecisionApiLoad.java).
# Exit status: LoadTest's (0 PASS, 2 FAIL, 1 could not run), or 1 when Baomi did not start.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/target/benchmark"

find_jar() {
    ls "$root"/target/baomi-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true
}

jar=$(find_jar)
if [ -z "$jar" ]; then
    echo "Building the jar (./mvnw -q -B -DskipTests package)"
    ./mvnw -q -B -DskipTests package
    jar=$(find_jar)
fi
[ -n "$jar" ] || { echo "No target/baomi-*.jar after the build" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
log="$work/baomi.log"
port="${BAOMI_BENCH_PORT:-0}"

# shellcheck disable=SC2086
java ${BAOMI_BENCH_JAVA_OPTS:-} -jar "$jar" \
    --server.port="$port" \
    --baomi.embedded-db.data-dir="$work/data/postgres" \
    --baomi.keys-dir="$work/data/keys" \
    --baomi.demo.enabled=true \
    --spring.main.banner-mode=off \
    >"$log" 2>&1 &
baomi_pid=$!

stop_baomi() {
    if kill -0 "$baomi_pid" 2>/dev/null; then
        echo "Stopping Baomi (pid $baomi_pid)"
        kill -TERM "$baomi_pid" 2>/dev/null || true
        for _ in $(seq 1 120); do
            kill -0 "$baomi_pid" 2>/dev/null || return 0
            sleep 0.5
        done
        echo "Baomi did not stop within 60 s; killing it" >&2
        kill -KILL "$baomi_pid" 2>/dev/null || true
    fi
}
trap stop_baomi EXIT

echo "Starting Baomi (pid $baomi_pid, log $log)"
# With port 0 the port is known once Tomcat has started: read it from the log (at most 180 s).
actual=""
for _ in $(seq 1 360); do
    if ! kill -0 "$baomi_pid" 2>/dev/null; then
        echo "Baomi exited during start-up:" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
    actual=$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$actual" ] && break
    sleep 0.5
done
if [ -z "$actual" ]; then
    echo "Baomi did not open its HTTP port within 180 s:" >&2
    tail -n 40 "$log" >&2
    exit 1
fi
echo "Baomi listens on port $actual"

status=0
java "$root/${BAOMI_BENCH_LOADER:-benchmarks/LoadTest.java}" --base-url "http://localhost:$actual" --wait-ready 120 \
    --server-pid "$baomi_pid" "$@" || status=$?
exit "$status"
