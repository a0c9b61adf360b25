#!/usr/bin/env bash
# PressTrace under load, end to end: builds the runnable jar and the Gatling harness, starts the
# demo world (H2 in a fresh data directory, or PostgreSQL), waits until it is loaded, runs the
# simulation (org.presstrace.reliability.MixedWorkload) over the HTTP API on loopback, prints the
# table of figures and stops the server. See docs/reliability.md.
#
#   reliability/load.sh [--db h2|postgresql] [--seconds N] [--users 1,8,32] [--read-users 1,16]
#                       [--auth basic|token|both] [--warmup N] [--port P] [--no-build]
#
# --seconds      how long each phase lasts (default 30)
# --users        concurrent users of the mixed workload, one phase each ("none" to skip)
# --read-users   concurrent users of the authenticated reads, one phase each ("none" to skip)
# --auth         HTTP Basic with the demo passwords, bearer tokens, or both one after the other;
#                tokens come from PRESSTRACE_LOAD_TOKEN: username=token pairs separated by commas
#                (dea.investigator, tristate.dealer, acme.registrant), or one bare token for
#                dea.investigator when only the reads run, or the word "issue": the script then
#                issues the three users API tokens (their own roles, two days) once the world is up
# --warmup       seconds of unreported mixed load first (default 5)
# --port         the HTTP port PressTrace listens on, on loopback (default 18480)
# --no-build     reuse target/presstrace.jar and the harness built by an earlier run
#
# PostgreSQL: PRESSTRACE_DB_URL, PRESSTRACE_DB_USER, PRESSTRACE_DB_PASSWORD and, for the schema
# owner, PRESSTRACE_DB_OWNER_USER and PRESSTRACE_DB_OWNER_PASSWORD, as in docs/postgresql.md. The
# demo world is loaded into that database once; its logins stay in target/load/pg-data, so use a
# database of its own for load runs.
#
# Figures: standard output and target/load/load-<time>.txt; Gatling's report in
# target/load/gatling/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db=h2
seconds=30
users=1,8,32
read_users=1,16
auth=basic
warmup=5
port=18480
build=1
while [[ $# -gt 0 ]]; do
  if [[ "$1" == --* && "$1" != --no-build && "$1" != --help && $# -lt 2 ]]; then
    echo "load: $1 needs a value (see --help)" >&2
    exit 2
  fi
  case "$1" in
    --db) db="${2:-}"; shift 2 ;;
    --seconds) seconds="${2:-}"; shift 2 ;;
    --users) users="${2:-}"; shift 2 ;;
    --read-users) read_users="${2:-}"; shift 2 ;;
    --auth) auth="${2:-}"; shift 2 ;;
    --warmup) warmup="${2:-}"; shift 2 ;;
    --port) port="${2:-}"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "load: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "load: --db is h2 or postgresql" >&2; exit 2 ;; esac
case "$auth" in basic|token|both) ;; *) echo "load: --auth is basic, token or both" >&2; exit 2 ;; esac
for pair in "seconds:$seconds" "warmup:$warmup" "port:$port"; do
  [[ "${pair#*:}" =~ ^[0-9]{1,5}$ ]] || { echo "load: --${pair%%:*} '${pair#*:}' is not a whole number" >&2; exit 2; }
done
(( seconds >= 1 && seconds <= 3600 )) || { echo "load: --seconds $seconds is not between 1 and 3600" >&2; exit 2; }
(( port >= 1024 && port <= 65535 )) || { echo "load: --port $port is not between 1024 and 65535" >&2; exit 2; }
for pair in "users:$users" "read-users:$read_users"; do
  [[ "${pair#*:}" =~ ^(none|[1-9][0-9]{0,2}(,[1-9][0-9]{0,2})*)$ ]] \
    || { echo "load: --${pair%%:*} takes numbers separated by commas (e.g. 1,8,32) or none" >&2; exit 2; }
done
if [[ "$users" == none && "$read_users" == none ]]; then
  echo "load: --users and --read-users are both none: nothing to run" >&2
  exit 2
fi
if [[ "$db" == postgresql && -z "${PRESSTRACE_DB_URL:-}" ]]; then
  echo "load: --db postgresql needs PRESSTRACE_DB_URL (and the users of docs/postgresql.md)" >&2
  exit 2
fi
if [[ "$auth" != basic && -z "${PRESSTRACE_LOAD_TOKEN:-}" ]]; then
  echo "load: --auth $auth needs PRESSTRACE_LOAD_TOKEN (bearer tokens issued by PressTrace)" >&2
  exit 2
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "load: port $port is in use; choose another with --port" >&2
  exit 2
fi

work="$root/target/load"
harness="$root/reliability"
mkdir -p "$work"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
figures="$work/load-$stamp.txt"

if [[ $build -eq 1 || ! -f "$root/target/presstrace.jar" ]]; then
  echo "load: building PressTrace ..."
  (cd "$root" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package >/dev/null)
fi
if [[ $build -eq 1 || ! -f "$harness/target/classpath" ]]; then
  echo "load: building the load harness ..."
  (cd "$harness" && ../mvnw -B -q package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath >/dev/null)
fi

server_pid=""
data=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  # The H2 world is made afresh for every run; PostgreSQL's logins are kept beside its database.
  if [[ "$db" == h2 && -n "$data" ]]; then
    rm -rf "$data"
  fi
}
trap stop_server EXIT

server_log="$work/server-$stamp.log"
if [[ "$db" == h2 ]]; then
  data="$(mktemp -d "$work/h2-data.XXXXXX")"
  java ${PRESSTRACE_JAVA_OPTS:-} -jar "$root/target/presstrace.jar" demo --data "$data" \
    --port "$port" >"$server_log" 2>&1 &
else
  data="$work/pg-data"
  mkdir -p "$data"
  chmod 700 "$data"
  PRESSTRACE_DEMO_ENABLED=true java ${PRESSTRACE_JAVA_OPTS:-} -jar "$root/target/presstrace.jar" \
    serve --data "$data" --port "$port" >"$server_log" 2>&1 &
fi
server_pid=$!

echo "load: PressTrace on $db at http://127.0.0.1:$port/ (log $server_log); waiting for the demo world ..."
started=$SECONDS
until grep -q "Demo logins:" "$server_log" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "load: PressTrace stopped before the demo world was loaded; last lines of its log:" >&2
    tail -20 "$server_log" >&2
    exit 1
  fi
  if (( SECONDS - started > 1200 )); then
    echo "load: the demo world was not loaded within 20 minutes" >&2
    exit 1
  fi
  sleep 2
done
health="$(curl -fsS "http://127.0.0.1:$port/actuator/health" || true)"
[[ "$health" == *'"UP"'* ]] || { echo "load: health answered '$health'" >&2; exit 1; }
echo "load: demo world loaded in $((SECONDS - started)) s; running the simulation ..."

if [[ "${PRESSTRACE_LOAD_TOKEN:-}" == issue ]]; then
  issued=()
  expires="$(date -u -d '+2 days' +%Y-%m-%dT%H:%M:%SZ)"
  for pair in dea.investigator:investigator tristate.dealer:registrant acme.registrant:registrant; do
    user="${pair%%:*}"
    role="${pair##*:}"
    password="$(grep "^$user=" "$data/demo-logins.properties" | cut -d= -f2-)"
    secret="$(curl -fsS -u "$user:$password" -H 'Content-Type: application/json' \
      -d "{\"name\":\"load run\",\"roles\":[\"$role\"],\"expiresAt\":\"$expires\"}" \
      "http://127.0.0.1:$port/api/v1/tokens" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')"
    [[ -n "$secret" ]] || { echo "load: no API token could be issued to $user" >&2; exit 1; }
    issued+=("$user=$secret")
  done
  PRESSTRACE_LOAD_TOKEN="$(IFS=,; echo "${issued[*]}")"
  export PRESSTRACE_LOAD_TOKEN
fi

gatling_log="$work/gatling-$stamp.log"
mkdir -p "$work/gatling"
if ! java -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$harness/target/classes:$(cat "$harness/target/classpath")" \
  -Dpresstrace.load.baseUrl="http://127.0.0.1:$port" \
  -Dpresstrace.load.users="$users" \
  -Dpresstrace.load.readUsers="$read_users" \
  -Dpresstrace.load.seconds="$seconds" \
  -Dpresstrace.load.warmupSeconds="$warmup" \
  -Dpresstrace.load.auth="$auth" \
  -Dpresstrace.load.logins="$data/demo-logins.properties" \
  io.gatling.app.Gatling -s org.presstrace.reliability.MixedWorkload -rf "$work/gatling" \
  >"$gatling_log" 2>&1; then
  echo "load: the simulation failed; the end of its log ($gatling_log):" >&2
  grep -v "^\s*$" "$gatling_log" | grep -E "Exception|Caused by|ERROR|load:" | head -5 >&2
  exit 1
fi

{
  echo "PressTrace load, $stamp: $db, $seconds s per phase, auth $auth,"
  echo "mixed users $users, read users $read_users, warm-up $warmup s"
  echo "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
    "$(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  java -cp "$harness/target/classes:$(cat "$harness/target/classpath")" \
    org.presstrace.reliability.LoadTable "$work/gatling" "$seconds"
  errors="$(awk '/^---- Errors ----/ { on = 1 } on && /^====/ { exit } on' "$gatling_log" | tail -n +2)"
  if [[ -n "$errors" ]]; then
    echo
    echo "errors by message:"
    echo "$errors"
  fi
} | tee "$figures"
echo "figures: $figures; Gatling report: $(ls -td "$work"/gatling/*/ | head -1)index.html"
