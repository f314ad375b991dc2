#!/usr/bin/env bash
# Deadline rush: a class starts a quiz, saves every answer, and hands in at the same moment; the app's own
# AttemptService and GradingWorker (benchmarks/QuizPlatform.LoadHarness) run against a throwaway PostgreSQL
# cluster on loopback, started here as user postgres and deleted afterwards. Figures go to docs/benchmarks.md.
#
#   benchmarks/deadline-rush.sh                      # a class of 100, then of 500, 50 questions each
#   CLASSES="500" QUESTIONS=20 benchmarks/deadline-rush.sh
#   DURABLE=0 benchmarks/deadline-rush.sh            # fsync and synchronous_commit off, as the tests run
#   QUIZ_LOAD_POSTGRES='Host=...;Database=...' benchmarks/deadline-rush.sh   # an existing server instead (one class)
#   HARNESS=/tmp/before/QuizPlatform.LoadHarness.dll benchmarks/deadline-rush.sh   # another build, for a before/after
#   benchmarks/deadline-rush.sh results              # then time the instructor's results pages and exports (issue 10)
#   benchmarks/deadline-rush.sh regrade              # then time a keyword edit's preview, apply and a whole-quiz regrade (issue 11)
#   CLASSES=500 benchmarks/deadline-rush.sh start-rush   # issue 13: the whole app on Kestrel, 500 students press Start within 10 s
set -euo pipefail
export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

root=$(cd "$(dirname "$0")/.." && pwd)
classes=${CLASSES:-100 500}
questions=${QUESTIONS:-50}
empty=${EMPTY:-0.1}

if [[ -z "${HARNESS:-}" ]]; then
  dotnet build -c Release "$root/benchmarks/QuizPlatform.LoadHarness" -nologo -v q >/dev/null
  HARNESS="$root/benchmarks/QuizPlatform.LoadHarness/bin/Release/net10.0/QuizPlatform.LoadHarness.dll"
fi
mode=${1:-deadline-rush}
[[ $mode == deadline-rush || $mode == results || $mode == regrade || $mode == start-rush ]] || { echo "usage: $0 [results|regrade|start-rush]" >&2; exit 2; }
harness=(dotnet "$HARNESS" "$mode")

if [[ -n "${QUIZ_LOAD_POSTGRES:-}" ]]; then
  exec "${harness[@]}" --students "${classes%% *}" --questions "$questions" --empty "$empty"
fi

pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x "$pgbin/initdb" ]] || { echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
port=${PGPORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
pgroot=$(mktemp -d /tmp/quiz-rush-pg.XXXXXX)
as_pg() { if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
if [[ $(id -u) == 0 ]]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  chown postgres: "$pgroot"
fi
stop() {
  if [[ -f "$pgroot/data/postmaster.pid" ]]; then as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$pgroot"
}
trap stop EXIT

# Durable by default (fsync and synchronous commit on, as a production server runs): each save's commit waits for
# the WAL flush. 300 connections: the harness's pool (Npgsql's default maximum is 100) plus headroom.
settings="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pgroot -c max_connections=300"
[[ ${DURABLE:-1} == 0 ]] && settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
as_pg "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgroot/initdb.log"
as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 60 -o "$settings" start >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE ROLE quiz LOGIN CREATEDB;"
export QUIZ_LOAD_POSTMASTER_PID=$(head -n 1 "$pgroot/data/postmaster.pid")
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (durable: ${DURABLE:-1}); $(nproc) cores"

status=0
for students in $classes; do
  echo
  QUIZ_LOAD_POSTGRES="Host=127.0.0.1;Port=$port;Username=quiz;Database=rush_$students" \
    "${harness[@]}" --students "$students" --questions "$questions" --empty "$empty" || status=1
done
exit $status
