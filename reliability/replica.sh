#!/usr/bin/env bash
# A PostgreSQL streaming replica of the local primary (localhost:5432) on loopback, for the read
# replica tests (docs/deployment.md, "Read replica"). See --help.
#
#   reliability/replica.sh start     copy the primary (pg_basebackup), start the copy as a streaming
#                                    replica on a free port; prints PRESSTRACE_TEST_PG_READ_URL
#   reliability/replica.sh stop      stop the replica (its files stay)
#   reliability/replica.sh resume    start it again after stop
#   reliability/replica.sh pause     pause WAL replay (the replica falls behind); unpause resumes it
#   reliability/replica.sh remove    stop it, delete its files and the replication role
#   reliability/replica.sh test      start, run the *ReplicaTests (Maven profile replica), remove
#
# The replica lives under PRESSTRACE_REPLICA_DIR (/tmp/presstrace-replica) and listens on
# 127.0.0.1:PRESSTRACE_REPLICA_PORT (the first free port from 5499 down). It connects to the
# primary as the role presstrace_replication (REPLICATION, a new random password each start),
# which Debian's default pg_hba.conf admits from 127.0.0.1 ("host replication all"). Runs as root
# (the PostgreSQL tools then run as the postgres user) or as postgres. Needs PostgreSQL's server
# binaries (the newest /usr/lib/postgresql/*/bin, or PRESSTRACE_REPLICA_PG_BIN). `test` needs
# PRESSTRACE_TEST_PG_URL, _USER, _PASSWORD, _OWNER_USER, _OWNER_PASSWORD as the PostgreSQL suite;
# the replica's URL names the same database as PRESSTRACE_TEST_PG_URL (presstrace without one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-}"
dir="${PRESSTRACE_REPLICA_DIR:-/tmp/presstrace-replica}"
primary_port="${PRESSTRACE_REPLICA_PRIMARY_PORT:-5432}"
role=presstrace_replication
pgbin="${PRESSTRACE_REPLICA_PG_BIN:-}"
if [[ -z "$pgbin" ]] && compgen -G "/usr/lib/postgresql/*/bin" >/dev/null; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

primary_sql() {
  PGOPTIONS="-c client_min_messages=warning" as_postgres "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 \
    -p "$primary_port" -d postgres "$@"
}

# The database the tests use, as named in PRESSTRACE_TEST_PG_URL: the replica holds all of them.
database() {
  local name="${PRESSTRACE_TEST_PG_URL:-jdbc:postgresql://localhost/presstrace}"
  name="${name##*/}"
  echo "${name%%\?*}"
}

port() {
  cat "$dir/port" 2>/dev/null || { echo "replica: none under $dir (run start)" >&2; exit 1; }
}

replica_sql() {
  as_postgres "$pgbin/psql" -q -X -At -v ON_ERROR_STOP=1 -h "$dir" -p "$(port)" -d postgres -c "$1"
}

free_port() {
  local candidate="${PRESSTRACE_REPLICA_PORT:-}"
  if [[ -n "$candidate" ]]; then echo "$candidate"; return; fi
  for candidate in $(seq 5499 -1 5450); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null && [[ ! -e "/var/run/postgresql/.s.PGSQL.$candidate" ]]; then
      echo "$candidate"
      return
    fi
  done
  echo "replica: no free port between 5450 and 5499" >&2
  exit 1
}

wait_in_recovery() {
  for _ in $(seq 1 60); do
    if [[ "$(replica_sql 'SELECT pg_is_in_recovery()' 2>/dev/null)" == t ]]; then
      return 0
    fi
    sleep 1
  done
  echo "replica: did not come up as a standby; see $dir/server.log" >&2
  tail -20 "$dir/server.log" >&2 || true
  exit 1
}

start() {
  if [[ -z "$pgbin" || ! -x "$pgbin/pg_basebackup" ]]; then
    echo "replica: PostgreSQL's server binaries not found (apt-get install postgresql)" >&2
    exit 1
  fi
  if [[ -f "$dir/port" ]]; then
    echo "replica: one exists under $dir; remove it first" >&2
    exit 1
  fi
  local password replica_port
  password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  replica_port="$(free_port)"
  primary_sql <<SQL
SELECT 'CREATE ROLE $role' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')
\\gexec
ALTER ROLE $role WITH LOGIN REPLICATION PASSWORD '$password';
SQL
  rm -rf "$dir"
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
  chmod 700 "$dir"
  echo "replica: copying the primary on port $primary_port (pg_basebackup) ..."
  PGPASSWORD="$password" as_postgres "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" \
    -U "$role" -D "$dir/data" -X stream --checkpoint=fast
  # Debian keeps the primary's configuration outside its data directory: the copy gets its own.
  as_postgres tee "$dir/data/postgresql.conf" >/dev/null <<CONF
hot_standby = on
# One syncfs instead of an fsync per file of the copy: much faster to start.
recovery_init_sync_method = syncfs
primary_conninfo = 'host=127.0.0.1 port=$primary_port user=$role password=$password application_name=presstrace_replica'
CONF
  as_postgres tee "$dir/data/pg_hba.conf" >/dev/null <<HBA
local all all trust
host all all 127.0.0.1/32 scram-sha-256
HBA
  as_postgres touch "$dir/data/pg_ident.conf"
  as_postgres chmod 600 "$dir/data/postgresql.conf"
  as_postgres touch "$dir/data/standby.signal"
  echo "$replica_port" | as_postgres tee "$dir/port" >/dev/null
  resume
  echo "replica: streaming from 127.0.0.1:$primary_port on 127.0.0.1:$replica_port ($dir)"
  echo "PRESSTRACE_TEST_PG_READ_URL=jdbc:postgresql://127.0.0.1:$replica_port/$(database)"
}

resume() {
  as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 600 \
    -o "-p $(port) -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  wait_in_recovery
}

stop() {
  as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

remove() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  primary_sql -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
}

run_tests() {
  for name in PRESSTRACE_TEST_PG_URL PRESSTRACE_TEST_PG_USER PRESSTRACE_TEST_PG_PASSWORD; do
    [[ -n "${!name:-}" ]] || { echo "replica: $name is not set" >&2; exit 2; }
  done
  trap remove EXIT
  start
  local url="jdbc:postgresql://127.0.0.1:$(port)/$(database)"
  (cd "$root" && PRESSTRACE_TEST_PG_READ_URL="$url" PRESSTRACE_TEST_REPLICA_SCRIPT="$0" \
    ./mvnw -B ${PRESSTRACE_REPLICA_MAVEN_OPTS:-} test -Preplica -Djacoco.skip=true)
}

case "$command" in
  start) start ;;
  stop) stop ;;
  resume) resume ;;
  pause) replica_sql 'SELECT pg_wal_replay_pause()' >/dev/null ;;
  unpause) replica_sql 'SELECT pg_wal_replay_resume()' >/dev/null ;;
  remove) remove ;;
  test) run_tests ;;
  -h|--help) sed -n '2,20p' "$0" ;;
  *) echo "replica: start, stop, resume, pause, unpause, remove or test (see --help)" >&2; exit 2 ;;
esac
