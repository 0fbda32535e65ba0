#!/usr/bin/env bash
# Data benchmarks of issue 3, on SQLite and on a throw-away PostgreSQL, in one run:
#   - `tdkt seed synthetic` generation time (BENCH_PEOPLE people, default 200000; the national
#     target is 2500000: BENCH_PEOPLE=2500000 make bench), 10 years of ratings;
#   - name search through GET /api/v1/people?q=… (a signed-in administrator, 200 queries of common
#     Vietnamese names typed without accents): p50 and p95 latency;
# Prints a Markdown table; `make bench` appends it to docs/performance.md under "Data benchmarks".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
bin=${TDKT_BIN:-$root/build/tdkt}
people=${BENCH_PEOPLE:-200000}
queries=${BENCH_QUERIES:-200}
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
for backend in sqlite postgresql; do
  if [[ $backend == sqlite ]]; then db="sqlite:$dir/bench.db"; else
    runuser -u postgres -- psql "$pg_base/postgres" -q -c "CREATE DATABASE bench" >/dev/null
    db="$pg_base/bench"
  fi
  "$bin" seed demo --db "$db" --people 0 >/dev/null
  start=$(date +%s%N)
  "$bin" seed synthetic --db "$db" --people "$people" --years 10 >/dev/null 2>&1
  gen_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  "$bin" serve --db "$db" --listen 127.0.0.1:0 --no-access-log >"$dir/serve.out" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q 'listening on' "$dir/serve.out" && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/serve.out" | head -1)
  stats=$(node - "$url" "$queries" <<'JS'
const [url, n] = [process.argv[2], Number(process.argv[3])];
let seed = 7;
const rand = (a) => a[(seed = (seed * 1103515245 + 12345) % 2147483648) % a.length];
const sur = ['nguyen', 'tran', 'le', 'pham', 'hoang', 'vu', 'dang', 'bui', 'do', 'ngo', 'duong', 'dao', 'dinh'];
const mid = ['van', 'thi', 'duc', 'minh', 'thu', 'ngoc', 'thanh', 'quang', 'huu'];
const giv = ['an', 'binh', 'dao', 'hoa', 'lan', 'tuan', 'hung', 'mai', 'linh', 'son', 'yen', 'nam', 'trang'];
const login = await fetch(url + '/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ login: 'admin', password: 'Demo@2026tdkt' }) });
const { token } = await login.json();
const times = [];
for (let i = 0; i < n; i++) {
  const forms = [`${rand(sur)} ${rand(mid)} ${rand(giv)}`, `${rand(mid)} ${rand(giv)}`, `${rand(sur)} ${rand(giv)}`];
  const q = forms[i % 3];
  const t = performance.now();
  const r = await fetch(`${url}/api/v1/people?q=${encodeURIComponent(q)}&page_size=20`, { headers: { Authorization: `Bearer ${token}` } });
  await r.json();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(times[Math.floor(n / 2)].toFixed(1), times[Math.ceil(n * 0.95) - 1].toFixed(1));
JS
)
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  read -r p50 p95 <<<"$stats"
  results+=("| $backend | $people | $((gen_ms / 1000)).$(((gen_ms % 1000) / 100)) s | $p50 ms | $p95 ms |")
done
echo ""
echo "| backend | people (10 years of ratings) | generation | name search p50 | name search p95 |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
