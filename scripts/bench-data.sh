#!/usr/bin/env bash
# Data benchmarks of issue 3, on SQLite and on a throw-away PostgreSQL, in one run:
#   - `tdkt seed synthetic` generation time (BENCH_PEOPLE people, default 200000; the national
#     target is 2500000: BENCH_PEOPLE=2500000 make bench), 10 years of ratings;
#   - name search through GET /api/v1/people?q=… (scripts/bench-search.mjs: the administrator, given
#     the synthetic provinces too, 200 queries of common names typed without accents): p50, p95, max;
#   - importing a people workbook of BENCH_IMPORT rows (default 100000), written by `tdkt export`
#     from the generated people, into a database holding the same units but nobody yet;
#   - eligibility end to end: `tdkt check --everyone` judges every person for the nine individual
#     awards the engine can judge (histories read in batches, verdicts only). BENCH_BACKENDS limits the
#     run to "sqlite" or "postgresql".
# Prints a Markdown table; `make bench` appends it to docs/performance.md under "Data benchmarks".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
bin=${TDKT_BIN:-$root/build/tdkt}
people=${BENCH_PEOPLE:-200000}
queries=${BENCH_QUERIES:-200}
import_rows=${BENCH_IMPORT:-100000}
dir=$(mktemp -d -t tdkt-bench-data.XXXXXX)
pgdir=$(mktemp -d /tmp/tdkt-bench-pg-XXXXXX)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  scripts/pg-throwaway.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$dir" "$pgdir"
}
trap cleanup EXIT

pg_base=$(scripts/pg-throwaway.sh start "$pgdir")
results=()
for backend in ${BENCH_BACKENDS:-sqlite postgresql}; do
  if [[ $backend == sqlite ]]; then db="sqlite:$dir/bench.db"; else
    runuser -u postgres -- psql "$pg_base/postgres" -q -c "CREATE DATABASE bench" >/dev/null
    db="$pg_base/bench"
  fi
  "$bin" seed demo --db "$db" --people 0 >/dev/null
  start=$(date +%s%N)
  "$bin" seed synthetic --db "$db" --people "$people" --years 10 >/dev/null 2>&1
  gen_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # The administrator's scope is Hưng Yên; the synthetic provinces are roots of their own.
  grants=()
  for i in $(seq -w 1 34); do grants+=(--role "administrator@SYN.$i"); done
  "$bin" user grant --db "$db" --login admin "${grants[@]}" >/dev/null
  "$bin" serve --db "$db" --listen 127.0.0.1:0 --no-access-log >"$dir/serve.out" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q 'listening on' "$dir/serve.out" && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/serve.out" | head -1)
  stats=$(node scripts/bench-search.mjs "$url" "$queries")
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  read -r p50 p95 pmax <<<"$stats"
  # Eligibility end to end: every person, the nine individual awards, histories read in batches.
  everyone=$("$bin" check --db "$db" --everyone --year 2025 --decision-date 2026-01-15 | tail -1)
  elig=$(sed -E 's/^load ([0-9.]+) s, evaluate ([0-9.]+) s \(([0-9]+) evaluations\/s\), total ([0-9.]+) s$/\4 s (load \1 s, evaluate \2 s)/' <<<"$everyone")
  # Import: the first BENCH_IMPORT generated people as a workbook, into a database with the units only.
  [[ -f $dir/people.xlsx ]] || "$bin" export --db "$db" --limit "$import_rows" "$dir/people.xlsx" >/dev/null
  if [[ $backend == sqlite ]]; then target="sqlite:$dir/import.db"; else
    runuser -u postgres -- psql "$pg_base/postgres" -q -c "CREATE DATABASE import" >/dev/null
    target="$pg_base/import"
  fi
  "$bin" seed demo --db "$target" --people 0 >/dev/null
  "$bin" seed synthetic --db "$target" --people 0 --years 1 >/dev/null 2>&1
  start=$(date +%s%N)
  "$bin" import --db "$target" --kind people "$dir/people.xlsx" >/dev/null 2>&1
  import_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rows=$(( people < import_rows ? people : import_rows ))
  results+=("| $backend | $people | $((gen_ms / 1000)).$(((gen_ms % 1000) / 100)) s | $p50 ms | $p95 ms | $pmax ms | $rows rows: $((import_ms / 1000)).$(((import_ms % 1000) / 100)) s | $elig |")
done
echo ""
echo "| backend | people (10 years of ratings) | generation | name search p50 | p95 | max | people xlsx import | eligibility, everyone × 9 awards |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
