#!/usr/bin/env bash
# `quiz roster import` of N new students (real Identity password hashes) into a throwaway PostgreSQL cluster on
# loopback, started here as user postgres and deleted afterwards; prints the wall time, the rate and the load average.
#
#   benchmarks/roster-import.sh            # 2,000 students, passwords given in the file
#   STUDENTS=500 benchmarks/roster-import.sh
#   CORES=0 benchmarks/roster-import.sh    # pinned to one core (taskset), for the ratio with both
set -euo pipefail
export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

root=$(cd "$(dirname "$0")/.." && pwd)
students=${STUDENTS:-2000}
dotnet build -c Release "$root/src/QuizPlatform.Cli" -nologo -v q >/dev/null
quiz="$root/src/QuizPlatform.Cli/bin/Release/net10.0/quiz"
pin=()
[[ -n "${CORES:-}" ]] && pin=(taskset -c "$CORES")

pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x "$pgbin/initdb" ]] || { echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
port=${PGPORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
pgroot=$(mktemp -d /tmp/quiz-roster-pg.XXXXXX)
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
as_pg "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgroot/initdb.log"
as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pgroot" start >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE ROLE quiz LOGIN CREATEDB;"

config=(--Database:Provider=Postgres "--ConnectionStrings:Quiz=Host=127.0.0.1;Port=$port;Username=quiz;Database=roster")
"$quiz" migrate "${config[@]}" >/dev/null
"$quiz" seed --demo "${config[@]}" >/dev/null # instructor@demo.local teaches the new class
roster="$pgroot/roster.csv"
{ echo "email,name,password"; for i in $(seq 1 "$students"); do echo "student$i@school.example,Student $i,Exam-Seat-$i-Blue-Lamp"; done; } >"$roster"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores${CORES:+, pinned to core(s) $CORES}"
/usr/bin/time -f "%e %U %S %M" -o "$pgroot/time" "${pin[@]}" "$quiz" roster import "$roster" --class "Load $students" \
  --instructor instructor@demo.local "${config[@]}"
read -r wall user sys rss <"$pgroot/time"
python3 -c "n=$students; w=$wall; c=$user+$sys; print(f'{n} students in {w:.1f} s: {n/w:.1f} per second; CPU {c:.1f} s ({1000*c/n:.0f} ms per student, {c/w:.2f} cores busy on average); peak RSS {$rss/1024:.0f} MB')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
