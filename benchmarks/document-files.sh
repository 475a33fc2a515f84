#!/usr/bin/env bash
# A document's electronic file end to end over HTTP (issue 5 item 2, DOC-9): raw SM4-GCM on one core, then a 200 MB
# upload (raw PUT body, as /assets/js/document-files.js sends it) and download through a running Baomi with the demo
# hospital, then a 1 GB file with Baomi's peak heap sampled (jstat). Baomi runs with -Xmx256m unless
# BAOMI_BENCH_JAVA_OPTS says otherwise. See benchmarks/README.md, section "Document files over HTTP".
#
#   benchmarks/document-files.sh                   # 200 MB, then 1024 MB
#   benchmarks/document-files.sh --mb 50 --large-mb 0 --warmup-mb 0
set -euo pipefail
cd "$(dirname "$0")/.."
export BAOMI_BENCH_JAVA_OPTS="${BAOMI_BENCH_JAVA_OPTS:--Xmx256m}"
bc=$(ls "${HOME}"/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.86/bcprov-jdk18on-1.86.jar)
# run.sh starts "java <loader>"; JDK_JAVA_OPTIONS gives the single-file loader BouncyCastle (ignored by java -jar).
BAOMI_BENCH_LOADER=benchmarks/DocumentFilesLoad.java JDK_JAVA_OPTIONS="-cp $bc" benchmarks/run.sh "$@"
echo "uptime: $(uptime)"
