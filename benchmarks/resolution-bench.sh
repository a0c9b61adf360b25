#!/usr/bin/env bash
# The resolution benchmark on synthetic people: builds PressTrace's test classes, generates PEOPLE
# records (names from frequency lists, Chinese names in Han and pinyin, duplicates corrupted the
# FEBRL way, truth known), deduplicates them through Matching (records per second, precision,
# recall, F1), builds a ResolutionIndex of them and measures the latency (p50, p99) of resolving one
# new record against it, beside raw Jaro-Winkler and raw hashing in the same run.
# The JVM is held to 2 processors. See docs/resolution.md ("Benchmark at a million people").
# --query-runs 0 leaves the one-new-record part out; --jfr FILE records a flight recording
# (read it with `jfr print --events jdk.ExecutionSample FILE` or `jfr summary FILE`).
#
#   benchmarks/resolution-bench.sh [--people N] [--duplicates SHARE] [--dedup-runs N]
#                                  [--query-runs N] [--queries N] [--heap SIZE] [--jfr FILE]
#                                  [--no-build]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
people=1000000
duplicates=0.2
dedup_runs=1
query_runs=3
queries=1000
heap=10g
build=1
jfr=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --people) people="$2"; shift 2 ;;
    --duplicates) duplicates="$2"; shift 2 ;;
    --dedup-runs) dedup_runs="$2"; shift 2 ;;
    --query-runs) query_runs="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --jfr) jfr=("-XX:StartFlightRecording=filename=$2,settings=profile"); shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "resolution-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for number in "$people" "$dedup_runs" "$queries"; do
  [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "resolution-bench: '$number' is not a positive whole number" >&2; exit 2; }
done
[[ "$query_runs" =~ ^[0-9]+$ ]] || { echo "resolution-bench: --query-runs takes a whole number" >&2; exit 2; }
[[ "$duplicates" =~ ^0(\.[0-9]+)?$ ]] || { echo "resolution-bench: --duplicates takes a share such as 0.2" >&2; exit 2; }
[[ "$heap" =~ ^[0-9]+[mg]$ ]] || { echo "resolution-bench: --heap takes e.g. 10g" >&2; exit 2; }

work="$root/target/resolution-bench"
mkdir -p "$work"
if [[ $build -eq 1 || ! -f "$work/classpath" ]]; then
  echo "resolution-bench: building PressTrace and the benchmark classes ..."
  (cd "$root" && ./mvnw -B -q -o -Djacoco.skip=true -Dspotless.check.skip=true test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/resolution-bench/classpath \
    -Dmdep.includeScope=test >"$work/build.log" 2>&1) || {
    echo "resolution-bench: the build failed (its output: $work/build.log; with a local Maven repository that" \
      "lacks a plugin, run the build once without -o)" >&2
    exit 1
  }
fi
classpath="$root/target/test-classes:$root/target/classes:$(cat "$work/classpath")"
results="$work/figures-$(date -u +%Y%m%dT%H%M%SZ)"

java -Xms"$heap" -Xmx"$heap" -XX:ActiveProcessorCount=2 -XX:+UseParallelGC ${jfr[@]+"${jfr[@]}"} \
  -cp "$classpath" org.presstrace.bench.ResolutionBench \
  --people="$people" --duplicates="$duplicates" --dedup-runs="$dedup_runs" \
  --query-runs="$query_runs" --queries="$queries" --results="$results"
echo "figures: $results"
