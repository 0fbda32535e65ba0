#!/usr/bin/env bash
# Runs every test: the C++ suites through ctest (unit tests, the storage suite on SQLite and on a
# throw-away PostgreSQL, layering, formatting), then the HTTP and browser suites with node's test
# runner against the real binary. Ends with one line CI can read: "N passed, N failed".
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pgdir=$(mktemp -d /tmp/tdkt-pg-XXXXXX)
trap 'scripts/pg-throwaway.sh stop "$pgdir"' EXIT
if ! TDKT_TEST_PG_URL=$(scripts/pg-throwaway.sh start "$pgdir"); then
  echo "Could not start the throw-away PostgreSQL cluster" >&2
  exit 1
fi
export TDKT_TEST_PG_URL TDKT_BIN="$root/$build/tdkt"
logs=$(mktemp -d /tmp/tdkt-test-logs-XXXXXX)

echo "== C++ tests (ctest) =="
(cd "$build" && ctest --output-on-failure -j 2) 2>&1 | tee "$logs/ctest.log"
ctest_total=$(grep -oE 'tests failed out of [0-9]+' "$logs/ctest.log" | grep -oE '[0-9]+$' || echo 0)
ctest_failed=$(grep -oE '[0-9]+ tests failed out of' "$logs/ctest.log" | grep -oE '^[0-9]+' || echo 1)
[[ -z "$ctest_total" ]] && ctest_total=0

echo "== HTTP and browser tests (node --test) =="
node --test --test-concurrency=1 --test-reporter=spec tests/http/ tests/browser/ 2>&1 | tee "$logs/node.log"
node_pass=$(grep -E '^ℹ pass [0-9]+' "$logs/node.log" | grep -oE '[0-9]+' || echo 0)
node_fail=$(grep -E '^ℹ fail [0-9]+' "$logs/node.log" | grep -oE '[0-9]+' || echo 1)

passed=$(( ctest_total - ctest_failed + node_pass ))
failed=$(( ctest_failed + node_fail ))
echo ""
echo "ctest: $((ctest_total - ctest_failed)) passed, $ctest_failed failed; node: $node_pass passed, $node_fail failed"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 && $ctest_total -gt 0 && $node_pass -gt 0 ]]
