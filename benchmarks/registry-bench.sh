#!/usr/bin/env bash
# The registry benchmark, end to end: builds PressTrace, fills an H2 file database and a scratch
# PostgreSQL database with a generated registry world (registrants, machines, custody events),
# measures trace latency (p50, p99) on both and transfers per second through the service layer on
# PostgreSQL, runs pgbench's TPC-B-like load against the same PostgreSQL server in the same run,
# and prints the figures with the ratio. See docs/registry.md ("Benchmark").
#
#   benchmarks/registry-bench.sh [--machines N] [--events N] [--registrants N] [--db pg|h2|both]
#                                [--threads 1,4] [--seconds 30] [--traces 500] [--rounds 1]
#                                [--keep] [--no-build]
# --keep reuses the databases of the previous run (no generation);
# --no-build reuses the classes of an earlier build;
# --rounds R (more than 1) interleaves the transfers and pgbench, R rounds of each per thread count,
# and reports the medians and each round's ratio.
#
# PostgreSQL: PRESSTRACE_BENCH_PG_HOST/PORT (localhost:5432), the roles PRESSTRACE_TEST_PG_USER /
# _PASSWORD (application) and PRESSTRACE_TEST_PG_OWNER_USER / _OWNER_PASSWORD (owner), as in
# docs/postgresql.md. The scratch databases presstrace_bench and presstrace_pgbench (or the names in
# PRESSTRACE_BENCH_DB and PRESSTRACE_BENCH_PGBENCH_DB, so that runs on a shared server do not meet)
# are created (dropped first unless --keep) as the postgres superuser: through `su postgres` when
# run as root, else with psql as PRESSTRACE_BENCH_PG_SUPERUSER (default postgres).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
machines=1000000
events=10000000
registrants=""
db=both
threads=1,4
seconds=30
traces=500
rounds=1
fresh=1
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --machines) machines="$2"; shift 2 ;;
    --events) events="$2"; shift 2 ;;
    --registrants) registrants="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --traces) traces="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --keep) fresh=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "registry-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "registry-bench: --rounds takes a whole number from 1" >&2; exit 2; }
for number in "$machines" "$events" "$seconds" "$traces"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "registry-bench: '$number' is not a whole number" >&2; exit 2; }
done
[[ "$threads" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "registry-bench: --threads takes e.g. 1,4" >&2; exit 2; }
case "$db" in pg|h2|both) ;; *) echo "registry-bench: --db is pg, h2 or both" >&2; exit 2 ;; esac

pgbin="${PRESSTRACE_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}"
host="${PRESSTRACE_BENCH_PG_HOST:-localhost}"
port="${PRESSTRACE_BENCH_PG_PORT:-5432}"
app_user="${PRESSTRACE_TEST_PG_USER:-presstrace_app}"
app_password="${PRESSTRACE_TEST_PG_PASSWORD:-}"
owner="${PRESSTRACE_TEST_PG_OWNER_USER:-presstrace}"
owner_password="${PRESSTRACE_TEST_PG_OWNER_PASSWORD:-}"
bench_db="${PRESSTRACE_BENCH_DB:-presstrace_bench}"
pgbench_db="${PRESSTRACE_BENCH_PGBENCH_DB:-presstrace_pgbench}"
for name in "$bench_db" "$pgbench_db"; do
  [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "registry-bench: '$name' is not a plain database name" >&2; exit 2; }
done
work="$root/target/registry-bench"
size="${machines}m-${events}e"
mkdir -p "$work"

superuser_sql() {
  if [[ $(id -u) -eq 0 ]]; then
    su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $port -c \"$1\"" >/dev/null
  else
    psql -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "${PRESSTRACE_BENCH_PG_SUPERUSER:-postgres}" -c "$1" >/dev/null
  fi
}

# Busy CPU milliseconds of the whole machine since boot (user, nice, system, irq, softirq of
# /proc/stat, in ticks of 10 ms), or nothing where /proc/stat is not Linux's.
host_busy_ms() {
  [[ -r /proc/stat ]] && awk '$1 == "cpu" { print ($2 + $3 + $4 + $7 + $8) * 10; exit }' /proc/stat
}

scratch_database() {
  local name="$1"
  if [[ $fresh -eq 1 ]]; then
    superuser_sql "DROP DATABASE IF EXISTS $name"
  fi
  if ! superuser_sql "CREATE DATABASE $name OWNER $owner" 2>/dev/null; then
    echo "registry-bench: keeping the existing database $name"
  fi
  superuser_sql "GRANT CONNECT ON DATABASE $name TO $app_user"
}

if [[ $build -eq 1 || ! -f "$work/classpath" ]]; then
  echo "registry-bench: building PressTrace and the benchmark classes ..."
  (cd "$root" && ./mvnw -B -q -o -Djacoco.skip=true -Dspotless.check.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/registry-bench/classpath \
    -Dmdep.includeScope=test >"$work/build.log" 2>&1) || {
    echo "registry-bench: the build failed (its output: $work/build.log; with a local Maven repository that" \
      "lacks a plugin, run the build once without -o)" >&2
    exit 1
  }
fi
rm -f "$work/h2.figures" "$work/pg.figures" "$work/pgbench.figures"
classpath="$root/target/test-classes:$root/target/classes:$(cat "$work/classpath")"

bench() {
  java -Xmx4g -cp "$classpath" org.presstrace.bench.RegistryBench \
    --machines="$machines" --events="$events" ${registrants:+--registrants="$registrants"} \
    --traces="$traces" --threads="$threads" "$@"
}

if [[ "$db" == h2 || "$db" == both ]]; then
  h2dir="$work/h2-$size"
  [[ $fresh -eq 1 ]] && rm -rf "$h2dir"
  bench --data="$h2dir" --transfer-seconds=0 --results="$work/h2.figures"
fi

if [[ "$db" == pg || "$db" == both ]]; then
  scratch_database "$bench_db"
  interleaved=()
  if [[ $seconds -gt 0 && $rounds -gt 1 ]]; then
    # pgbench's database first: the benchmark runs pgbench between its rounds of transfers.
    fresh_before=$fresh; fresh=1; scratch_database "$pgbench_db"; fresh=$fresh_before
    export PGPASSWORD="$owner_password"
    "$pgbin/pgbench" -q -i -s 10 -h "$host" -p "$port" -U "$owner" "$pgbench_db" >/dev/null 2>&1
    interleaved=(--rounds="$rounds" --pgbench="$pgbin/pgbench"
      --pgbench-args="-h $host -p $port -U $owner $pgbench_db")
  fi
  bench --data="$work/pg-keys" --transfer-seconds="$seconds" --results="$work/pg.figures" \
    --db-url="jdbc:postgresql://$host:$port/$bench_db" \
    --db-user="$app_user" --db-password="$app_password" \
    --db-owner-user="$owner" --db-owner-password="$owner_password" ${interleaved[@]+"${interleaved[@]}"}

  if [[ ${#interleaved[@]} -gt 0 ]]; then
    grep '^pgbench\.' "$work/pg.figures" >"$work/pgbench.figures" || true
    unset PGPASSWORD
    superuser_sql "DROP DATABASE IF EXISTS $pgbench_db"
  # pgbench's TPC-B-like run against the same server, right after the service-layer transfers.
  elif [[ $seconds -gt 0 ]]; then
    fresh_before=$fresh; fresh=1; scratch_database "$pgbench_db"; fresh=$fresh_before
    export PGPASSWORD="$owner_password"
    "$pgbin/pgbench" -q -i -s 10 -h "$host" -p "$port" -U "$owner" "$pgbench_db" >/dev/null 2>&1
    : >"$work/pgbench.figures"
    for clients in ${threads//,/ }; do
      busy_before=$(host_busy_ms)
      report=$("$pgbin/pgbench" -c "$clients" -j "$clients" -T "$seconds" -h "$host" -p "$port" \
        -U "$owner" "$pgbench_db" 2>/dev/null)
      busy_after=$(host_busy_ms)
      tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$report" | tail -1)
      echo "pgbench.tps.clients_$clients=$tps" >>"$work/pgbench.figures"
      done_count=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$report")
      if [[ -n "$busy_before" && -n "$busy_after" && "${done_count:-0}" -gt 0 ]]; then
        echo "pgbench.clients_$clients.host_cpu_ms=$(awk -v b="$((busy_after - busy_before))" \
          -v n="$done_count" 'BEGIN { printf "%.3f", b / n }')" >>"$work/pgbench.figures"
      fi
    done
    unset PGPASSWORD
    superuser_sql "DROP DATABASE IF EXISTS $pgbench_db"
  fi
fi

figure() { sed -n "s/^$2=//p" "$work/$1.figures" 2>/dev/null | head -1; }
echo
echo "registry-bench: $machines machines, $events custody events (target), $(date -u +%FT%TZ)"
printf '%-22s %12s %12s %12s %12s\n' "trace (ms)" "H2 p50" "H2 p99" "PG p50" "PG p99"
for kind in exact normalised pattern make_model; do
  printf '%-22s %12s %12s %12s %12s\n' "$kind" \
    "$(figure h2 "trace.$kind.p50_ms")" "$(figure h2 "trace.$kind.p99_ms")" \
    "$(figure pg "trace.$kind.p50_ms")" "$(figure pg "trace.$kind.p99_ms")"
done
if [[ "$db" != h2 && $seconds -gt 0 ]]; then
  echo
  printf '%-22s %16s %16s %10s\n' "threads/clients" "transfers/s" "pgbench tps" "ratio"
  for clients in ${threads//,/ }; do
    ours="$(figure pg "transfers_per_second.threads_$clients")"
    theirs="$(figure pgbench "pgbench.tps.clients_$clients")"
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
    printf '%-22s %16s %16s %10s\n' "$clients" "$ours" "$theirs" "$ratio"
  done
  if [[ -n "$(figure pg "interleaved.threads_${threads%%,*}.ratio_median")" ]]; then
    echo
    printf '%-22s %16s   %s\n' "interleaved" "median ratio" "each round's ratio"
    for clients in ${threads//,/ }; do
      printf '%-22s %16s   %s\n' "$clients" "$(figure pg "interleaved.threads_$clients.ratio_median")" \
        "$(sed -n "s/^interleaved\.threads_$clients\.round_[0-9]*\.ratio=//p" "$work/pg.figures" | paste -sd' ')"
    done
  fi
  # What one transaction costs the whole machine (database included), where /proc/stat tells:
  # pgbench's cost over a transfer's is the rate ratio the two would reach if both kept the
  # machine's CPUs busy; unlike the rates it counts no time stolen by other guests.
  if [[ -n "$(figure pg "transfer.threads_${threads%%,*}.host_cpu_ms")" ]]; then
    echo
    printf '%-22s %16s %16s %10s\n' "host CPU ms each" "transfer" "pgbench" "ratio"
    for clients in ${threads//,/ }; do
      ours="$(figure pg "transfer.threads_$clients.host_cpu_ms")"
      theirs="$(figure pgbench "pgbench.clients_$clients.host_cpu_ms")"
      ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a > 0 && b > 0) printf "%.3f", b / a; else print "-" }')
      printf '%-22s %16s %16s %10s\n' "$clients" "$ours" "$theirs" "$ratio"
    done
  fi
  if [[ -n "$(figure pg "integration.threads_${threads%%,*}.p99_ms")" ]]; then
    echo
    printf '%-22s %16s %16s %16s\n' "threads" "entries" "queue-to-log p50" "p99 (ms)"
    for clients in ${threads//,/ }; do
      printf '%-22s %16s %16s %16s\n' "$clients" "$(figure pg "integration.threads_$clients.entries")" \
        "$(figure pg "integration.threads_$clients.p50_ms")" "$(figure pg "integration.threads_$clients.p99_ms")"
    done
  fi
fi
echo "figures: $work/{h2,pg,pgbench}.figures"
