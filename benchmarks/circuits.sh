#!/usr/bin/env bash
# Memory per Blazor circuit: the app published in Release and run in Production on a throwaway PostgreSQL cluster
# (loopback, started here as user postgres, deleted afterwards) with the demo students; the load harness's circuit
# probe opens K interactive-server connections from Debian's Chromium and reads the app's managed heap after full GCs
# over EventPipe. Figures go to docs/benchmarks.md ("Memory per circuit") and docs/scaling.md.
#
#   benchmarks/circuits.sh                 # 25, 50 and 100 circuits
#   CIRCUITS=50,100,200 PER_CONTEXT=20 benchmarks/circuits.sh
set -euo pipefail
export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/quiz-circuits.XXXXXX)
# Published, not run from the build output: outside Development only published output serves blazor.web.js.
dotnet publish -c Release "$root/src/QuizPlatform.Web" -o "$work/app" -nologo -v q >/dev/null
dotnet build -c Release "$root/benchmarks/QuizPlatform.LoadHarness" -nologo -v q >/dev/null
harness="$root/benchmarks/QuizPlatform.LoadHarness/bin/Release/net10.0/QuizPlatform.LoadHarness.dll"

source "$root/benchmarks/throwaway-postgres.sh"
app_port=$(free_port)
app_pid=
stop() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  throwaway_postgres_stop
  rm -rf "$work"
}
trap stop EXIT
throwaway_postgres "$work/pg"

# Production, migrated and seeded at start-up with the demo class (student1..5@demo.local and an open quiz);
# no graders running: nothing is handed in, and the sentence model would only add a constant to both readings.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$app_port" App__PublicBaseUrl="http://127.0.0.1:$app_port/" Accounts__SecureCookies=false \
  Database__Provider=Postgres ConnectionStrings__Quiz="Host=127.0.0.1;Port=$pg_port;Username=quiz;Database=circuits" Database__MigrateOnStartup=true \
  Seeding__Directory="$root/seeds" Seeding__Demo=true Grading__Meaning=false Attempts__BackgroundWorkers=false \
  Logging__LogLevel__Default=Warning exec dotnet QuizPlatform.Web.dll >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$app_port/health" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "App $app_pid on 127.0.0.1:$app_port (Production, server GC), PostgreSQL on 127.0.0.1:$pg_port; $(nproc) cores"
dotnet "$harness" circuits --url "http://127.0.0.1:$app_port/" --pid "$app_pid" \
  --circuits "${CIRCUITS:-25,50,100}" --per-context "${PER_CONTEXT:-10}"
