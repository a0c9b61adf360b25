#!/usr/bin/env bash
# Appends per second through the ledger's own SQL onto H2 (file) and, when PRESSTRACE_BENCH_PG_URL
# is set, PostgreSQL; then proof times at the size reached, beside raw SHA-256 in the same run.
#   benchmarks/ledger-storage.sh [SECONDS_PER_DATABASE] [LEAVES_PER_TRANSACTION]
# PostgreSQL: PRESSTRACE_BENCH_PG_URL, PRESSTRACE_BENCH_PG_USER, PRESSTRACE_BENCH_PG_PASSWORD (a
# role that may create a schema; the benchmark makes a fresh one, ledger_bench_<millis>).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-300}"
batch="${2:-1}"
./mvnw -B -q -o test-compile -Djacoco.skip=true -Dspotless.check.skip=true
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
java -Xmx2g -cp "$cp" org.presstrace.ledger.LedgerStorageBenchmark h2 "$data" "$seconds" "$batch"
if [[ -n "${PRESSTRACE_BENCH_PG_URL:-}" ]]; then
  java -Xmx2g -cp "$cp" org.presstrace.ledger.LedgerStorageBenchmark postgresql \
    "$PRESSTRACE_BENCH_PG_URL" "${PRESSTRACE_BENCH_PG_USER:-}" "${PRESSTRACE_BENCH_PG_PASSWORD:-}" \
    "$seconds" "$batch"
fi
