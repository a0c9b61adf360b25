#!/usr/bin/env bash
# Fuzzes PressTrace's parsers with Jazzer for a bounded time: every *FuzzTests class under
# src/test/java (CSV imports, SMILES, serial patterns, quantities, JSON bodies), one JVM each.
#
#   reliability/fuzz.sh [--seconds-per-target N] [--timeout-per-input S] [--only 'ClassGlob']
#
# Prints, per target, the seconds fuzzed and the inputs tried, and where each finding's input was
# written. A finding is an input that throws anything but the target's documented refusal, or runs
# longer than the per-input timeout; keep it as a regression input (the command to do so is
# printed) and fix the code. Exits 1 when there is a finding. docs/reliability.md#fuzzing has more.
set -euo pipefail

seconds=30
per_input=5
only='*FuzzTests'
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds-per-target) seconds="$2"; shift 2 ;;
    --timeout-per-input) per_input="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ && "$per_input" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz.sh: --seconds-per-target and --timeout-per-input take whole seconds" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/fuzz"
findings="$out/findings"
rm -rf "$out"
mkdir -p "$findings"
log="$out/fuzz.log"

targets=$(find src/test/java -name "${only}.java" | wc -l)
echo "Fuzzing $targets targets for ${seconds}s each (at most ${per_input}s per input); log: $log"

# JAZZER_FUZZ turns @FuzzTest from replaying kept inputs into fuzzing; JAZZER_MAX_DURATION
# overrides each test's maxDuration. jazzer.internal.arg.N are passed to libFuzzer. A fresh JVM
# per test class (reuseForks=false): Jazzer fuzzes one test per JVM.
status=0
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -B ${MVN_OFFLINE:+-o} test \
  -Dtest="$only" -Dsurefire.failIfNoSpecifiedTests=false -DreuseForks=false -DforkCount=1 \
  -Djacoco.skip=true -Dspotless.check.skip=true -DtrimStackTrace=false \
  -Djazzer.internal.arg.0="-timeout=$per_input" \
  -Djazzer.internal.arg.1=-print_final_stats=1 \
  -Djazzer.internal.arg.2="-artifact_prefix=$findings/" \
  >"$log" 2>&1 || status=$?

# One line per target from the log: the class, seconds, inputs tried, and whether it found anything;
# each finding's input is listed beside its target.
awk '
  /^\[INFO\] Running / { if (target != "") report(); target = $NF; runs = "-"; secs = "-"; found = "none" }
  /^Done [0-9]+ runs in [0-9]+ second/ { runs = $2; secs = $5 }
  /^stat::number_of_executed_units:/ { runs = $2 }
  /^== Java Exception:|ERROR: libFuzzer: timeout|deadly signal/ { found = "FINDING" }
  /Test unit written to/ { found = "FINDING"; inputs[++n] = target " " $NF }
  function report() { printf "%-58s %6ss %12s inputs  %s\n", target, secs, runs, found }
  END {
    if (target != "") report()
    for (i = 1; i <= n; i++) print inputs[i] > "'"$out"'/findings.txt"
  }
' "$log"

if [[ $status -ne 0 || -s "$out/findings.txt" ]]; then
  echo
  echo "Fuzzing found problems (exit $status); the failing targets' reports:"
  grep -E '^== Java Exception|^\s+at org\.presstrace|^Caused by|ERROR: libFuzzer|<<< (ERROR|FAILURE)' \
    "$log" | head -60 || true
  echo
  while read -r class file; do
    [[ -n "$class" ]] || continue
    source="src/test/java/${class//.//}.java"
    method=$(grep -A3 '@FuzzTest' "$source" | grep -oE 'void [a-zA-Z0-9_]+' | head -1 | cut -d' ' -f2)
    inputs="src/test/resources/$(dirname "${class//.//}")/$(basename "${class//.//}")Inputs/$method"
    echo "finding of $class: $file ($(wc -c <"$file") bytes)"
    echo "  base64: $(head -c 4096 "$file" | base64 -w0)"
    echo "  keep it: mkdir -p $inputs && cp $file $inputs/"
  done < <(cat "$out/findings.txt" 2>/dev/null)
  echo "A kept input is replayed by the normal test run: it fails until the code is fixed."
  echo "Full log: $log"
  exit 1
fi
echo "No findings."
