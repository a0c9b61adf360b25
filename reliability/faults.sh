#!/usr/bin/env bash
# The fault harness: real PressTrace processes under four faults, each ending PASS or FAIL with its
# figures. See docs/reliability.md ("Faults").
#
#   reliability/faults.sh [import|transfers|pg-restart|disk-full|all] [--rows N] [--no-build]
#
#   import      kill -9 during a bulk registry import on PostgreSQL: all or nothing, the same file
#               imports whole afterwards, ledger verify passes
#   transfers   kill -9 during a stream of transfers on PostgreSQL: every acknowledged transfer is
#               in the chain of custody and the ledger, ledger verify passes
#   pg-restart  PostgreSQL restarted under load: PressTrace recovers by itself within 30 s, nothing
#               acknowledged is lost, nothing is stored or logged twice
#   disk-full   the embedded H2 database on a full 40 MiB tmpfs: a clear error and no hang, writes
#               resume when space returns, nothing stored is lost or corrupt
#
# The PostgreSQL scenarios run a private PostgreSQL server (initdb under target/faults/pg, its own
# port, stopped at exit), so restarting it disturbs no other database on the machine. They need
# PostgreSQL's server binaries (apt-get install postgresql, as .ci/run does; the newest
# /usr/lib/postgresql/*/bin, or PRESSTRACE_FAULTS_PG_BIN). disk-full mounts a tmpfs, so it needs
# root. --rows sets the size of the import (default 5000); --no-build reuses the last build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario=all
rows=5000
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    import|transfers|pg-restart|disk-full|all) scenario="$1"; shift ;;
    --rows) rows="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "faults: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$rows" =~ ^[0-9]+$ && "$rows" -ge 1000 ]] || { echo "faults: --rows takes a number of at least 1000" >&2; exit 2; }
if [[ "$scenario" == all ]]; then
  scenarios=(import transfers pg-restart disk-full)
else
  scenarios=("$scenario")
fi

work="$root/target/faults"
mkdir -p "$work"
if [[ $build -eq 1 || ! -f "$work/classpath" ]]; then
  echo "faults: building PressTrace and the harness ..."
  (cd "$root" && ./mvnw -B -q -Djacoco.skip=true -Dspotless.check.skip=true test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/faults/classpath -Dmdep.includeScope=test >/dev/null)
fi
classpath="$root/target/test-classes:$root/target/classes:$(cat "$work/classpath")"
results="$work/results"
: >"$results"

# ---- a private PostgreSQL server --------------------------------------------------------------
pgbin="${PRESSTRACE_FAULTS_PG_BIN:-}"
if [[ -z "$pgbin" ]] && compgen -G "/usr/lib/postgresql/*/bin" >/dev/null; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
pgdir="$work/pg"
pgport="${PRESSTRACE_FAULTS_PG_PORT:-55432}"
pg_started=0
owner_password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
app_password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"

as_postgres() {
  # PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

superuser_sql() {
  PGOPTIONS="-c client_min_messages=warning" as_postgres "$pgbin/psql" -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$pgport" -U postgres -d postgres -c "$1" >/dev/null
}

start_postgres() {
  [[ $pg_started -eq 1 ]] && return 0
  if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
    echo "faults: PostgreSQL's server binaries not found; install them (apt-get install postgresql) or set PRESSTRACE_FAULTS_PG_BIN" >&2
    return 1
  fi
  rm -rf "$pgdir"
  mkdir -p "$pgdir"
  [[ $(id -u) -eq 0 ]] && chown postgres "$pgdir"
  as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$work/initdb.log"
  as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
    -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
  pg_started=1
  superuser_sql "CREATE ROLE presstrace LOGIN PASSWORD '$owner_password'"
  superuser_sql "CREATE ROLE presstrace_app LOGIN PASSWORD '$app_password'"
  echo "faults: private PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"
}

stop_postgres() {
  if [[ $pg_started -eq 1 ]]; then
    as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    pg_started=0
  fi
}

fresh_database() {
  superuser_sql "DROP DATABASE IF EXISTS $1"
  superuser_sql "CREATE DATABASE $1 OWNER presstrace"
  superuser_sql "REVOKE ALL ON DATABASE $1 FROM PUBLIC"
  superuser_sql "GRANT CONNECT ON DATABASE $1 TO presstrace_app"
}

# ---- a small file system for the embedded database ------------------------------------------
disk="$work/disk"
disk_mounted=0
mount_disk() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "faults: disk-full mounts a tmpfs and needs root" >&2
    return 1
  fi
  mkdir -p "$disk"
  mountpoint -q "$disk" && umount "$disk"
  mount -t tmpfs -o "size=${PRESSTRACE_FAULTS_DISK_MB:-40}m,mode=0700" tmpfs "$disk"
  disk_mounted=1
}

cleanup() {
  stop_postgres
  if [[ $disk_mounted -eq 1 ]]; then umount "$disk" 2>/dev/null || true; fi
}
trap cleanup EXIT

# ---- the scenarios ----------------------------------------------------------------------------
run() {
  local name="$1"; shift
  local dir="$work/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  local started=$SECONDS
  echo "faults: $name ..."
  set +e
  java -Xmx1g -cp "$classpath" org.presstrace.faults.FaultRun "$name" --work "$dir" \
    --results "$results" "$@" >"$dir/harness.log" 2>&1
  local status=$?
  set -e
  grep -E '^(PASS|FAIL) |^  (problem|answer)' "$dir/harness.log" || true
  if [[ $status -gt 1 ]] || ! grep -q "^\(PASS\|FAIL\) $name" "$dir/harness.log"; then
    tail -20 "$dir/harness.log"
    echo "FAIL $name harness_exit=$status" >>"$results"
  fi
  echo "faults: $name took $((SECONDS - started)) s (logs: $dir)"
}

pg_run() {
  local name="$1"; shift
  if ! start_postgres; then
    echo "FAIL $name reason=no_postgresql" >>"$results"
    return
  fi
  local database="faults_${name//-/_}"
  fresh_database "$database"
  run "$name" --db-url "jdbc:postgresql://127.0.0.1:$pgport/$database" \
    --db-user presstrace_app --db-password "$app_password" \
    --db-owner-user presstrace --db-owner-password "$owner_password" "$@"
}

began=$SECONDS
for name in "${scenarios[@]}"; do
  case "$name" in
    import) pg_run import --rows "$rows" ;;
    transfers) pg_run transfers ;;
    pg-restart)
      pg_run pg-restart --pg-restart \
        "$( [[ $(id -u) -eq 0 ]] && echo 'runuser -u postgres -- ')$pgbin/pg_ctl -D $pgdir/data -l $pgdir/server.log -m fast -w restart >/dev/null"
      ;;
    disk-full)
      if mount_disk; then
        run disk-full --data "$disk/data"
        umount "$disk" && disk_mounted=0
      else
        echo "FAIL disk-full reason=needs_root" >>"$results"
      fi
      ;;
  esac
done

echo
echo "faults: $(date -u +%FT%TZ), $((SECONDS - began)) s"
cat "$results"
! grep -q '^FAIL' "$results"
