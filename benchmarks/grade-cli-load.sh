#!/usr/bin/env bash
# Load test for `quiz grade`: 100,000 deterministic JSON lines (~80-word responses to five seed questions, half
# with explicit keywords, half extracting them from the model answer) graded by the Release CLI, compared with the
# same lines graded in-process by the Grader alone. Shows whether the CLI is limited by the grader or by JSON/I/O.
#
#   benchmarks/grade-cli-load.sh                 # builds src/QuizPlatform.Cli and the benchmarks in Release
#   QUIZ=/path/to/quiz LINES=20000 benchmarks/grade-cli-load.sh
#   SHAPE=lean benchmarks/grade-cli-load.sh       # no modelAnswer on lines that carry keywords
#   ROUNDS=5 benchmarks/grade-cli-load.sh         # more alternated rounds on a busy machine (default 3)
#
# Figures are given per wall second and per CPU second (user+sys): on a shared machine the CPU figures are the
# steadier ones. Each round runs `quiz grade` with its default of one worker per processor, with one worker
# (reader, grader and writer threads, grading on one) and the in-process grader, one after the other; each figure
# is the round with the shortest wall time (best of ROUNDS), so that all three had the same chance of a quiet
# moment. "Limited by the grader" here means: the CLI's wall throughput is at least the grader's own single-core
# throughput on the same lines (in-process, no JSON output). Keyword grading alone (`--meaning off`): this measures
# the keyword path; the meaning pass has its own figures (docs/grading.md).
set -euo pipefail
export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

root=$(cd "$(dirname "$0")/.." && pwd)
lines=${LINES:-100000}
work=${WORK:-$(mktemp -d /tmp/grade-cli-load.XXXXXX)}
mkdir -p "$work"

if [[ -z "${QUIZ:-}" ]]; then
  dotnet build -c Release "$root/src/QuizPlatform.Cli" -nologo -v q >/dev/null
  QUIZ="$root/src/QuizPlatform.Cli/bin/Release/net10.0/quiz"
fi
dotnet build -c Release "$root/benchmarks/QuizPlatform.Benchmarks" -nologo -v q >/dev/null
bench=(dotnet "$root/benchmarks/QuizPlatform.Benchmarks/bin/Release/net10.0/QuizPlatform.Benchmarks.dll")

shape=${SHAPE:-full}
echo "generating $lines $shape lines in $work/input.jsonl"
"${bench[@]}" load-input "$lines" "$work/input.jsonl" "$shape"
head -n 1 "$work/input.jsonl" >"$work/one.jsonl"

# Seconds: wall user sys, for one command.
timed() { /usr/bin/time -f "%e %U %S" -o "$work/time" "$@"; cat "$work/time"; }

rounds=${ROUNDS:-3}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
best() { # name wall user sys: keep the run with the shortest wall time
  local key=$1
  if [[ -z "${best_wall[$key]:-}" ]] || awk -v a="$2" -v b="${best_wall[$key]}" 'BEGIN { exit !(a < b) }'; then
    best_wall[$key]=$2; best_user[$key]=$3; best_sys[$key]=$4
  fi
}
declare -A best_wall best_user best_sys in_process
for ((round = 1; round <= rounds; round++)); do
  best start $(timed "$QUIZ" grade --meaning off --input "$work/one.jsonl" --output "$work/one.out.jsonl")
  best cli $(timed "$QUIZ" grade --meaning off --input "$work/input.jsonl" --output "$work/output.jsonl")
  best one $(timed "$QUIZ" grade --meaning off --workers 1 --input "$work/input.jsonl" --output "$work/output.1.jsonl")
  declare -A this=()
  while read -r pair; do this[${pair%%=*}]=${pair#*=}; done < <("${bench[@]}" load-grade "$work/input.jsonl" | tr ' ' '\n')
  if [[ -z "${in_process[grade_seconds]:-}" ]] || awk -v a="${this[grade_seconds]}" -v b="${in_process[grade_seconds]}" 'BEGIN { exit !(a < b) }'; then
    for k in "${!this[@]}"; do in_process[$k]=${this[$k]}; done
  fi
  echo "round $round: quiz grade ${best_wall[cli]} s best so far, in-process Grader.Grade ${in_process[grade_seconds]} s best so far (load $(cut -d' ' -f1 /proc/loadavg))"
done
read -r start_wall start_user start_sys <<<"${best_wall[start]} ${best_user[start]} ${best_sys[start]}"
read -r cli_wall cli_user cli_sys <<<"${best_wall[cli]} ${best_user[cli]} ${best_sys[cli]}"
read -r one_wall one_user one_sys <<<"${best_wall[one]} ${best_user[one]} ${best_sys[one]}"
# A grade depends only on its own line, so parallel workers must write exactly what one worker writes.
differing=$(cmp -s "$work/output.jsonl" "$work/output.1.jsonl" && echo 0 || diff "$work/output.jsonl" "$work/output.1.jsonl" | grep -c '^<' || true)

if [[ ! -f "$work/output.jsonl" ]]; then
  echo "$QUIZ wrote no $work/output.jsonl: does this build have 'quiz grade --input --output' (branch cli)?" >&2
  exit 1
fi
out_lines=$(wc -l <"$work/output.jsonl")
errors=$(grep -c '"error"' "$work/output.jsonl" || true)
if [[ "$out_lines" -ne "$lines" || "$errors" -ne 0 ]]; then
  echo "quiz grade wrote $out_lines lines for $lines, $errors of them errors" >&2
  exit 1
fi

awk -v n="$lines" -v bytes="$(stat -c %s "$work/input.jsonl")" \
    -v sw="$start_wall" -v su="$start_user" -v ss="$start_sys" \
    -v cw="$cli_wall" -v cu="$cli_user" -v cs="$cli_sys" \
    -v ow="$one_wall" -v ou="$one_user" -v os="$one_sys" -v differing="$differing" -v cores="$(nproc)" \
    -v iw="${in_process[wall_seconds]}" -v ic="${in_process[cpu_seconds]}" \
    -v kw="${in_process[keys_seconds]}" -v kc="${in_process[keys_cpu_seconds]}" \
    -v pw="${in_process[parse_seconds]}" -v pc="${in_process[parse_cpu_seconds]}" \
    -v gw="${in_process[grade_seconds]}" -v gc="${in_process[grade_cpu_seconds]}" \
    -v alloc="${in_process[grade_bytes_per_line]}" -v rounds="$rounds" -v load_before="$load_before" \
    -v load_after="$(cut -d' ' -f1-3 /proc/loadavg)" '
function rate(s) { return s > 0 ? sprintf("%9.0f", n / s) : "        -" }
BEGIN {
  cli_cpu = cu + cs - su - ss; cli_w = cw - sw
  printf "input: %d lines, %.0f MB; best of %d rounds; load average %s before, %s after\n\n", n, bytes / 1e6, rounds, load_before, load_after
  printf "%-44s %9s %9s %11s %11s\n", "", "wall s", "CPU s", "lines/s", "lines/CPU-s"
  one_cpu = ou + os - su - ss; one_w = ow - sw
  printf "%-44s %9.2f %9.2f %11s %11s\n", "quiz grade, whole run", cw, cu + cs, rate(cw), rate(cu + cs)
  printf "%-44s %9.2f %9.2f %11s %11s\n", "quiz grade, minus start-up (1-line run)", cli_w, cli_cpu, rate(cli_w), rate(cli_cpu)
  printf "%-44s %9.2f %9.2f %11s %11s\n", "quiz grade --workers 1, minus start-up", one_w, one_cpu, rate(one_w), rate(one_cpu)
  printf "%-44s %9.2f %9.2f %11s %11s\n", "in-process, streaming: parse+key+grade", iw, ic, rate(iw), rate(ic)
  printf "%-44s %9.2f %9.2f %11s %11s\n", "  of which: read + parse the JSON line", pw, pc, rate(pw), rate(pc)
  printf "%-44s %9.2f %9.2f %11s %11s\n", "  of which: find/compile the key", kw, kc, rate(kw), rate(kc)
  printf "%-44s %9.2f %9.2f %11s %11s\n", "  of which: Grader.Grade", gw, gc, rate(gw), rate(gc)
  printf "\ngrader allocations: %d bytes per line\n", alloc
  # The in-process parse (JsonSerializer, every value decoded) differs from the CLI parse, so only grading compares.
  printf "Grader.Grade in process is %.0f%% of the CLI CPU time (%d workers), %.0f%% (one worker)\n", \
    100 * gc / cli_cpu, cores, 100 * gc / one_cpu
  printf "%d of %d output lines differ between %d workers and one\n", differing, n, cores
  printf "quiz grade (%d workers) at %.0f%% of the single-core grader throughput (one worker: %.0f%%)\n", \
    cores, 100 * gw / cli_w, 100 * gw / one_w
  if (cli_w <= gw) print "verdict: quiz grade is limited by the grader (at least the single-core grader throughput)"
  else print "verdict: quiz grade is below the single-core grader throughput: limited by JSON/I/O, not by the grader"
}'
echo "(files kept in $work)"
