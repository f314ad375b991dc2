#!/usr/bin/env bash
# The one test command (README "Test"): installs what the tests need on a fresh Debian/Ubuntu machine when run as
# root (otherwise says what to install), then builds and runs every test project and the browser scripts' tests
# (tests/js, node --test). Ends with `tests: N passed, N failed`, the sum of both.
set -euo pipefail
cd "$(dirname "$0")"

missing_packages=()
missing_why=()
need() { missing_packages+=("$1"); missing_why+=("$2"); }

# PostgreSQL: data tests start a throwaway cluster (initdb/pg_ctl), unless QUIZ_TEST_POSTGRES names a server.
if [ -z "${QUIZ_TEST_POSTGRES:-}" ] && ! command -v initdb >/dev/null 2>&1 \
    && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  need postgresql "PostgreSQL server binaries (initdb, pg_ctl) for the data tests"
fi
# Compose client: a test validates docker-compose.yml with `docker compose config` (no Docker engine needed).
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  need docker-compose "a Docker Compose client to validate docker-compose.yml"
fi
# Browser tests: Playwright drives Debian's Chromium (never a downloaded browser build).
if [ ! -x /usr/bin/chromium ]; then
  need chromium "Chromium (/usr/bin/chromium) for the browser tests"
fi

# The browser scripts' tests (tests/js) run on Node's built-in test runner: no npm packages.
if ! command -v node >/dev/null 2>&1; then
  need nodejs "Node.js (node) for the browser scripts' tests in tests/js"
fi

if [ ${#missing_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
  else
    echo "test.sh: missing test prerequisites:" >&2
    for i in "${!missing_packages[@]}"; do echo "  - ${missing_why[$i]}" >&2; done
    echo "Install them (Debian/Ubuntu): sudo apt-get install -y --no-install-recommends ${missing_packages[*]}" >&2
    echo "or run ./test.sh as root, which installs them." >&2
    exit 1
  fi
fi

log="$(mktemp)"
second_log="$(mktemp)"
js_log="$(mktemp)"
trap 'rm -f "$log" "$second_log" "$js_log"' EXIT
status=0

# Build once, then test in two lanes side by side, one per core: the web tests, the longest, in one; the browser
# tests and then the small projects in the other. (`dotnet test` on the solution ran one project's tests after
# another, the browser tests after the web tests they reference.) Each output line says which project it comes from;
# each lane keeps its own log for the count below.
run_lane() { # LOG PROJECT...
  local lane_log=$1 lane_status=0 project
  shift
  for project in "$@"; do
    dotnet test "$project" -c Release --no-build 2>&1 | tee -a "$lane_log" | sed -u "s|^|[${project#tests/}] |" \
      || lane_status=1
  done
  return "$lane_status"
}
if dotnet build QuizPlatform.sln -c Release 2>&1 | tee "$log"; then
  second_lane=(tests/QuizPlatform.E2E.Tests)
  for project in tests/*.Tests; do
    [[ $project == tests/QuizPlatform.E2E.Tests || $project == tests/QuizPlatform.Web.Tests ]] || second_lane+=("$project")
  done
  run_lane "$second_log" "${second_lane[@]}" &
  second=$!
  run_lane "$log" tests/QuizPlatform.Web.Tests || status=1
  wait "$second" || status=1
else
  status=1
fi

# VSTest closes each test project with a line like:
#   Passed!  - Failed:     0, Passed:     6, Skipped:     0, Total:     6, Duration: 12 ms - X.Tests.dll (net10.0)
read -r passed failed < <(sed -nE \
  's/^(Passed|Failed)! +- +Failed: +([0-9]+), +Passed: +([0-9]+),.*/\3 \2/p' "$log" "$second_log" \
  | awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')

# Node's TAP reporter, asked for by name (the default one differs between Node versions and terminals), closes with
# `# pass N`, `# fail N` and `# cancelled N` at the start of a line; a cancelled test (a timeout, a file that did not
# load) counts as failed. A run that fails without counting anything counts as one failure.
js_status=0
node --test --test-reporter=tap tests/js/*.test.mjs 2>&1 | tee "$js_log" || js_status=$?
read -r js_passed js_failed < <(awk '
  /^# pass [0-9]+$/ { pass = $3 } /^# fail [0-9]+$/ { fail = $3 } /^# cancelled [0-9]+$/ { cancelled = $3 }
  END { print pass + 0, fail + cancelled }' "$js_log")
if [ "$js_status" -ne 0 ] || [ "$js_failed" -gt 0 ] || [ "$((js_passed + js_failed))" -eq 0 ]; then
  echo "test.sh: the browser scripts' tests (tests/js) failed or did not run" >&2
  [ "$js_failed" -gt 0 ] || js_failed=1
  status=1
fi
passed=$((passed + js_passed))
failed=$((failed + js_failed))

if [ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$((passed + failed))" -eq 0 ]; then
  echo "test.sh: no tests ran" >&2
  status=1
elif [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then
  status=1
fi
# The count closes the run; the failed tests' names go just above it, so the end of a long log says what broke.
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  awk '/^ +Failed [^ ].* \[[^]]*\]$/ { sub(/^ +Failed /, "  - "); print; want = 0; next }
       /^ +Error Message:$/ { want = 1; next }
       want { sub(/^ +/, "      "); print substr($0, 1, 300); want = 0 }' "$log" "$second_log"
  grep -hE '^not ok ' "$js_log" | sed -E 's/^not ok [0-9]+ - /  - tests\/js: /' || true
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
