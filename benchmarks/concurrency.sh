#!/usr/bin/env bash
# A whole school at the deadline (issue 13), over real HTTP: builds, starts a throwaway PostgreSQL (durable, as
# production runs it) and the app (Release, Production, PostgreSQL, seeded, no demo), makes the students' accounts
# (real Identity password hashes) and a quiz of the seed assignment open now, runs the scenario with
# benchmarks/QuizPlatform.LoadHarness (`concurrency` mode, Http/), prints its report as Markdown for
# docs/benchmarks.md ("Concurrency"), and deletes everything it started.
#
#   benchmarks/concurrency.sh steady N [SECONDS]     # N students saving every 5 s for SECONDS (120) with everyone in
#   benchmarks/concurrency.sh start N WINDOW         # N students start within WINDOW seconds once all are signed in
#   benchmarks/concurrency.sh signin N WINDOW        # N students sign in within WINDOW seconds and open the quiz
#   benchmarks/concurrency.sh burst N WINDOW         # N students answer 50 questions, then all hand in within WINDOW s
#   benchmarks/concurrency.sh all [PERCENT]          # the issue's targets in sequence: steady 2000, start 500 10,
#                                                    #   signin 2000 120, burst 2000 10 (PERCENT of the students)
#   benchmarks/concurrency.sh fault KIND [N [SECONDS]]  # KIND: kill-app, restart-postgres, network-drop, kill-grading,
#                                                    #   or all; N students (1000) saving for SECONDS (120) meanwhile
# Settings: MAX_CONNECTIONS (PostgreSQL's max_connections, 200), MEANING=1 (the meaning pass on; off by default: the
# targets are keyword grading), SKIP_BUILD=1, KEEP=1 (leave the cluster and the app's log in the printed directory).
set -euo pipefail
export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
root=$(cd "$(dirname "$0")/.." && pwd)
web_dll="$root/src/QuizPlatform.Web/bin/Release/net10.0/QuizPlatform.Web.dll"
harness_dll="$root/benchmarks/QuizPlatform.LoadHarness/bin/Release/net10.0/QuizPlatform.LoadHarness.dll"
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
as_pg() { if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The app as production runs it, on the run's cluster; its pid in $run/app.pid (the harness reads its memory there).
start_app() {
  # From the project directory (content root: appsettings.json, wwwroot); `&` on the command alone, so $! is the app.
  (cd "$root/src/QuizPlatform.Web" || exit 1; ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" \
    Database__Provider=Postgres ConnectionStrings__Quiz="Host=127.0.0.1;Port=$PG_PORT;Username=quiz;Database=quiz" \
    Database__MigrateOnStartup=true Seeding__Enabled=true Seeding__Demo=false Seeding__Directory="$root/seeds" \
    Grading__Meaning="$([[ ${MEANING:-0} == 1 ]] && echo true || echo false)" \
    App__PublicBaseUrl="http://127.0.0.1:$APP_PORT/" Accounts__SecureCookies=false \
    Bootstrap__AdminPassword="harness admin passphrase $RANDOM$RANDOM" Logging__LogLevel__Default=Warning \
    dotnet "$web_dll" >>"$RUN/app.log" 2>&1 & echo $! >"$RUN/app.pid")
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/health" && return 0
    kill -0 "$(cat "$RUN/app.pid")" 2>/dev/null || { echo "the app exited; its log:" >&2; tail -20 "$RUN/app.log" >&2; return 1; }
    sleep 0.5
  done
  echo "the app did not answer /health within 2 minutes" >&2; return 1
}
stop_app() {
  local pid; pid=$(cat "$RUN/app.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null && while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$RUN/app.pid"
}

# Faults, run by the harness mid-load through --fault-command ("$0 _fault KIND"); each returns once the part is back.
if [[ ${1:-} == _fault ]]; then
  case $2 in
    kill-app|kill-grading)
      pid=$(cat "$RUN/app.pid"); kill -9 "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
      started=$(date +%s%N); start_app
      echo "app killed (kill -9) and restarted; healthy again $(( ($(date +%s%N) - started) / 1000000 )) ms after the kill" ;;
    restart-postgres)
      as_pg "$pgbin/pg_ctl" -D "$RUN/data" -m fast -w restart >/dev/null; echo "PostgreSQL restarted (pg_ctl restart -m fast); the app was left running" ;;
  esac
  exit 0
fi

usage() { sed -n '8,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
case ${1:-} in
  steady) [[ $# -ge 2 ]] || usage; runs=("steady $2 --duration ${3:-120}") ;;
  start|signin|burst) [[ $# -eq 3 ]] || usage; runs=("$1 $2 --window $3") ;;
  all)
    pct=${2:-100} # a smaller school for a busy machine: the same scenarios at PERCENT of the students
    n() { echo $(( $1 * pct / 100 )); }
    runs=("steady $(n 2000) --duration 120" "start $(n 500) --window 10" "signin $(n 2000) --window 120" "burst $(n 2000) --window 10") ;;
  fault)
    [[ $# -ge 2 ]] || usage
    kinds=$2; [[ $kinds == all ]] && kinds="kill-app restart-postgres network-drop kill-grading"
    runs=(); for kind in $kinds; do
      [[ $kind =~ ^(kill-app|restart-postgres|network-drop|kill-grading)$ ]] || usage
      runs+=("$kind ${3:-1000} --duration ${4:-120}")
    done ;;
  *) usage ;;
esac

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  dotnet build -c Release "$root/src/QuizPlatform.Web" -nologo -v q >/dev/null
  dotnet build -c Release "$root/benchmarks/QuizPlatform.LoadHarness" -nologo -v q >/dev/null
fi
[[ -x "$pgbin/initdb" ]] || { echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; exit 1; }

RUN=$(mktemp -d /tmp/quiz-concurrency.XXXXXX); PG_PORT=$(free_port); APP_PORT=$(free_port)
export RUN PG_PORT APP_PORT
if [[ $(id -u) == 0 ]]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  chown postgres: "$RUN"; chmod 777 "$RUN"
fi
cleanup() {
  stop_app || true
  if [[ -f "$RUN/data/postmaster.pid" ]]; then as_pg "$pgbin/pg_ctl" -D "$RUN/data" -m fast -w stop >/dev/null || true; fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept: $RUN" >&2; else rm -rf "$RUN"; fi
}
trap cleanup EXIT

# Durable, as production runs: fsync and synchronous commit on, so every acknowledged save waited for its WAL flush.
max_connections=${MAX_CONNECTIONS:-200}
as_pg "$pgbin/initdb" -D "$RUN/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN/initdb.log"
as_pg "$pgbin/pg_ctl" -D "$RUN/data" -l "$RUN/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$RUN -c max_connections=$max_connections" start >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE ROLE quiz LOGIN CREATEDB;" \
  -qc "CREATE DATABASE quiz OWNER quiz;" # else the app's first start reads its key ring before migrating creates it

echo "### Concurrency runs: $(git -C "$root" rev-parse --short HEAD) on $(nproc) cores, PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') (durable, max_connections $max_connections), app in Production on 127.0.0.1, harness on the same machine"
echo
status=0
for run in "${runs[@]}"; do
  read -r scenario students rest <<<"$run"
  start_app # afresh for each scenario, so its memory peak is its own
  # A first start logs the key ring's read before migrations made its table: errors count from here on.
  log_from=$(($(wc -l <"$RUN/app.log") + 1))
  # shellcheck disable=SC2086
  QUIZ_LOAD_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=quiz;Database=quiz" dotnet "$harness_dll" concurrency "$scenario" \
    --base-url "http://127.0.0.1:$APP_PORT/" --students "$students" --app-pid-file "$RUN/app.pid" \
    --fault-command "'$root/benchmarks/concurrency.sh' _fault $scenario" $rest || status=1
  errors=$(tail -n +"$log_from" "$RUN/app.log" | grep -cE '^(fail|crit):' || true)
  if [[ $errors -gt 0 ]]; then
    echo "- the app logged $errors errors; exceptions named:" \
      "$(tail -n +"$log_from" "$RUN/app.log" | grep -oE '[A-Za-z.]+(Exception|Error)\b' | sort | uniq -c | sort -rn | head -5 \
        | awk '{printf "%s%s × %s", (NR > 1 ? "; " : ""), $2, $1}')"
    echo
  fi
  stop_app; mv "$RUN/app.log" "$RUN/app-$scenario.log"
done
exit $status
