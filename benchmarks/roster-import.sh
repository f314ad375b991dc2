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

source "$root/benchmarks/throwaway-postgres.sh"
pgroot=$(mktemp -d /tmp/quiz-roster.XXXXXX)
trap 'throwaway_postgres_stop; rm -rf "$pgroot"' EXIT
throwaway_postgres "$pgroot/pg"

config=(--Database:Provider=Postgres "--ConnectionStrings:Quiz=Host=127.0.0.1;Port=$pg_port;Username=quiz;Database=roster")
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
