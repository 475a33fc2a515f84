#!/usr/bin/env bash
# Encrypted file store benchmark (issue 5 item 2, DOC-9): raw SM4-GCM / AES-GCM speed on one core, then a 200 MB
# file stored and read end to end through EncryptedFiles on a fresh durable embedded PostgreSQL (target/bench-vault/),
# then a 1 GB file with a small heap, reporting peak heap. See benchmarks/README.md, section "Encrypted file store".
#
#   benchmarks/vault.sh                      # 200 MB and 1024 MB, SM4_GCM, -Xmx256m
#   benchmarks/vault.sh 50 100 AES_256_GCM   # [end-to-end MB] [large MB] [algorithm]
#
# Environment: BAOMI_BENCH_JAVA_OPTS (default -Xmx256m).
set -euo pipefail
cd "$(dirname "$0")/.."
export BAOMI_BENCH_JAVA_OPTS="${BAOMI_BENCH_JAVA_OPTS:--Xmx256m}"
benchmarks/java-benchmark.sh org.baomi.benchmark.vault.VaultBenchmark "$@"
echo "uptime: $(uptime)"
