#!/usr/bin/env bash
# FHIR import throughput of issue 6 (see benchmarks/README.md, section "Patient import (FHIR)"): Baomi in process on
# a fresh durable embedded PostgreSQL, Bundles of 500 resources posted to /fhir; target >= 5,000 resources/s.
#
#   benchmarks/privacy-import.sh                       # 60 Bundles (30,000 resources), 2 senders
#   benchmarks/privacy-import.sh --bundles 20 --senders 4
#
# Run the reported figure at normal priority under the machine-wide lock:
#   flock /tmp/baomi-bench.lock benchmarks/privacy-import.sh
# Exit status: 0 when the target is met, 2 when missed, 1 when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/java-benchmark.sh org.baomi.benchmark.privacy.FhirImportBenchmark "$@"
