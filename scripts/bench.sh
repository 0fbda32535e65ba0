#!/usr/bin/env bash
# HTTP benchmark: tdkt against Debian's nginx serving a static file, on this machine, in one run.
#   scripts/bench.sh                       (what `make bench` runs)
#   BENCH_SECONDS=5 BENCH_RUNS=1 scripts/bench.sh
#   TDKT_BIN=/path/to/tdkt scripts/bench.sh
# Servers (tdkt and nginx) are pinned to CPU 0 with taskset, wrk to CPU 1. Each target is measured
# BENCH_RUNS times (the runs interleave the targets) and the median req/s and median p99 are kept.
# Writes docs/performance.md (the part above "<!-- end of generated results -->"; anything below
# the marker is kept) and prints the table.
set -euo pipefail

# A relative TDKT_BIN is relative to the caller's directory.
if [[ -n ${TDKT_BIN:-} && $TDKT_BIN != /* ]]; then TDKT_BIN=$PWD/$TDKT_BIN; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

seconds=${BENCH_SECONDS:-10}
runs=${BENCH_RUNS:-3}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_SECONDS must be a positive integer" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a positive integer" >&2; exit 2; }
connections=64
server_cpu=0
client_cpu=1
nginx_bin=/usr/sbin/nginx
out_md=$root/docs/performance.md
marker='<!-- end of generated results -->'

for tool in wrk taskset curl "$nginx_bin"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool; run scripts/install-deps.sh as root" >&2; exit 1; }
done
if (($(nproc) < 2)); then
  echo "warning: fewer than 2 CPUs; server and wrk will share a core" >&2
  client_cpu=0
fi

# JSON field extraction: python3, else node.
json_field() { # json_field FIELD < json
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
  else
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"
  fi
}

# --- binary --------------------------------------------------------------------------------------
if [[ -n ${TDKT_BIN:-} ]]; then
  bin=$TDKT_BIN
  [[ -x $bin ]] || { echo "TDKT_BIN=$bin is not an executable" >&2; exit 1; }
else
  bin=$root/build/tdkt
  if [[ ! -x $bin ]]; then
    echo "build/tdkt missing: building (RelWithDebInfo)"
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build build -j2
  fi
fi

# --- temp dir and cleanup ------------------------------------------------------------------------
dir=$(mktemp -d -t tdkt-bench.XXXXXX)
tdkt_pid=
nginx_pid=
wrk_pid=
cleanup() {
  local pid
  for pid in $wrk_pid $tdkt_pid $nginx_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $wrk_pid $tdkt_pid $nginx_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  tdkt_pid='' nginx_pid='' wrk_pid=''
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_http() { # wait_http URL PID LOGFILE
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "server exited; log:" >&2; cat "$3" >&2; return 1; }
    sleep 0.1
  done
  echo "no answer from $1 after 10 s; log:" >&2
  cat "$3" >&2
  return 1
}

# --- tdkt ----------------------------------------------------------------------------------------
version=$("$bin" --version)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ $commit != unknown && -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]] && commit+=" (working tree modified)"

"$bin" seed demo --db "sqlite:$dir/bench.db" >"$dir/seed.log" 2>&1 || { cat "$dir/seed.log" >&2; exit 1; }

taskset -c "$server_cpu" "$bin" serve --db "sqlite:$dir/bench.db" --listen 127.0.0.1:0 --no-access-log \
  >"$dir/tdkt.out" 2>"$dir/tdkt.err" &
tdkt_pid=$!
tdkt_port=
for _ in $(seq 100); do
  tdkt_port=$(sed -n 's#.*listening on http://[^ ]*:\([0-9][0-9]*\).*#\1#p' "$dir/tdkt.out" | head -n 1)
  [[ -n $tdkt_port ]] && break
  kill -0 "$tdkt_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n $tdkt_port ]] || { echo "tdkt did not start:" >&2; cat "$dir/tdkt.out" "$dir/tdkt.err" >&2; exit 1; }
tdkt=http://127.0.0.1:$tdkt_port
wait_http "$tdkt/healthz" "$tdkt_pid" "$dir/tdkt.err"

token=$(curl -fsS -X POST -H 'Content-Type: application/json' \
  -d '{"login":"admin","password":"Demo@2026tdkt"}' "$tdkt/api/v1/auth/login" | json_field token)
[[ -n $token ]] || { echo "sign-in failed" >&2; exit 1; }
auth="Authorization: Bearer $token"
for path in /api/v1/units/1 /api/v1/me; do
  curl -fsS -o /dev/null -H "$auth" "$tdkt$path" || { echo "GET $path with the token failed" >&2; exit 1; }
done

# --- nginx: a static file the size of the /healthz answer ----------------------------------------
mkdir -p "$dir/www" "$dir/nginx-tmp"
curl -fsS "$tdkt/healthz" >"$dir/www/healthz.json"
static_bytes=$(stat -c %s "$dir/www/healthz.json")
# nginx workers run as "nobody" when started by root: let them read the files.
chmod 755 "$dir" "$dir/www"
chmod 644 "$dir/www/healthz.json"
nginx_port=$(free_port)
cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx-tmp/body;
  proxy_temp_path $dir/nginx-tmp/proxy;
  fastcgi_temp_path $dir/nginx-tmp/fastcgi;
  uwsgi_temp_path $dir/nginx-tmp/uwsgi;
  scgi_temp_path $dir/nginx-tmp/scgi;
  default_type application/json;
  keepalive_requests 10000;
  keepalive_timeout 30s;
  server {
    listen 127.0.0.1:$nginx_port;
    root $dir/www;
    location = /healthz.json { }
  }
}
EOF
taskset -c "$server_cpu" "$nginx_bin" -p "$dir" -e "$dir/nginx-error.log" -c "$dir/nginx.conf" \
  >"$dir/nginx.out" 2>&1 &
nginx_pid=$!
nginx=http://127.0.0.1:$nginx_port
wait_http "$nginx/healthz.json" "$nginx_pid" "$dir/nginx-error.log"

# --- wrk -----------------------------------------------------------------------------------------
names=("nginx static file ($static_bytes bytes)" "tdkt GET /healthz" "tdkt GET /api/v1/units/1 (Bearer)" "tdkt GET /api/v1/me (Bearer)")
urls=("$nginx/healthz.json" "$tdkt/healthz" "$tdkt/api/v1/units/1" "$tdkt/api/v1/me")
headers=("" "" "$auth" "$auth")

run_wrk() { # run_wrk INDEX DURATION OUTFILE
  local args=(-t1 "-c$connections" "-d${2}s" --latency)
  [[ -n ${headers[$1]} ]] && args+=(-H "${headers[$1]}")
  taskset -c "$client_cpu" wrk "${args[@]}" "${urls[$1]}" >"$3" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || { wrk_pid=; echo "wrk failed:" >&2; cat "$3" >&2; exit 1; }
  wrk_pid=
}

to_ms() { # wrk latency such as 812.00us, 5.12ms, 1.02s, 2.00m → milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "tdkt $version at $tdkt, nginx at $nginx; ${runs} run(s) of ${seconds} s per target"
for i in "${!urls[@]}"; do run_wrk "$i" 1 "$dir/warmup.txt"; done # 1 s warm-up each

declare -A rps p99 errors
for ((r = 1; r <= runs; r++)); do
  for i in "${!urls[@]}"; do
    f=$dir/wrk-$i-$r.txt
    run_wrk "$i" "$seconds" "$f"
    cp "$f" "$dir/last-$i.txt"
    req=$(awk '/^Requests\/sec:/ {print $2}' "$f")
    lat=$(awk '$1 == "99%" {print $2}' "$f")
    [[ -n $req && -n $lat ]] || { echo "cannot parse wrk output:" >&2; cat "$f" >&2; exit 1; }
    lat=$(to_ms "$lat")
    rps[$i]+="$req "
    p99[$i]+="$lat "
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$f")
    sockerr=$(sed -n 's/.*Socket errors: *//p' "$f")
    [[ -n $non2xx ]] && errors[$i]+="run $r: $non2xx non-2xx/3xx responses; "
    [[ -n $sockerr ]] && errors[$i]+="run $r: socket errors $sockerr; "
    printf '  run %d/%d  %-40s %12s req/s  p99 %9s ms%s\n' "$r" "$runs" "${names[$i]}" "$req" "$lat" \
      "${non2xx:+  NON-2xx: $non2xx}${sockerr:+  socket errors: $sockerr}"
  done
done

rss_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$tdkt_pid/status" 2>/dev/null || echo "")
threads=$(awk '/^Threads:/ {print $2}' "/proc/$tdkt_pid/status" 2>/dev/null || echo "")

# --- results -------------------------------------------------------------------------------------
med_rps=() med_p99=()
for i in "${!urls[@]}"; do
  # shellcheck disable=SC2086
  med_rps[i]=$(median ${rps[$i]})
  # shellcheck disable=SC2086
  med_p99[i]=$(median ${p99[$i]})
done

table=$(
  echo "| target | req/s | p99 | ratio to nginx |"
  echo "|---|---:|---:|---:|"
  for i in "${!urls[@]}"; do
    awk -v name="${names[$i]}" -v r="${med_rps[$i]}" -v p="${med_p99[$i]}" -v n="${med_rps[0]}" 'BEGIN {
      rs = sprintf("%.0f", r); while (rs ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", rs)
      printf "| %s | %s | %.2f ms | %.2f |\n", name, rs, p, r / n }'
  done
)
goal_met=$(awk -v r="${med_rps[2]}" -v n="${med_rps[0]}" -v p="${med_p99[2]}" 'BEGIN { print (3 * r >= n && p < 20) ? "yes" : "no" }')
goal_line=$(awk -v r="${med_rps[2]}" -v n="${med_rps[0]}" -v p="${med_p99[2]}" -v m="$goal_met" 'BEGIN {
  printf "Goal: database endpoint ≥ 1/3 of nginx'"'"'s rate with p99 under 20 ms. Measured for GET /api/v1/units/1: %.2f of nginx'"'"'s rate (%s 0.33), p99 %.2f ms (%s 20 ms). **Met: %s.**",
    r / n, (3 * r >= n) ? "≥" : "<", p, (p < 20) ? "<" : "≥", m }')
error_line="No non-2xx/3xx responses and no socket errors in any run."
for i in "${!urls[@]}"; do
  if [[ -n ${errors[$i]:-} ]]; then
    [[ $error_line == No* ]] && error_line="**Errors under load** (bugs to look at):"
    error_line+=" ${names[$i]}: ${errors[$i]%; }."
  fi
done

cpu_model=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
[[ -n $cpu_model ]] || cpu_model=$(lscpu 2>/dev/null | awk -F': *' '/^Model name/ {print $2; exit}')
[[ -n $cpu_model ]] || cpu_model=unknown
wrk_cmd="taskset -c $client_cpu wrk -t1 -c$connections -d${seconds}s --latency [-H 'Authorization: Bearer TOKEN'] URL"
nginx_version=$("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //')

generated=$(
  cat <<EOF
# Performance

Generated by \`scripts/bench.sh\` (\`make bench\`); do not edit above the marker line, the next run
rewrites that part.

- Machine: $(nproc) CPUs, $cpu_model
- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- tdkt $version (commit $commit), SQLite database freshly seeded with \`tdkt seed demo\`,
  \`tdkt serve --no-access-log\` with its default thread pool and database pool
- Reference: Debian $nginx_version, \`worker_processes 1\`, \`access_log off\`, \`keepalive_requests 10000\`
  (tdkt sets no per-connection request limit), serving a $static_bytes-byte JSON file (same size as the
  \`/healthz\` answer)
- tdkt and nginx pinned to core $server_cpu (\`taskset -c $server_cpu\`), wrk pinned to core $client_cpu
- Command: \`$wrk_cmd\`, after a 1 s warm-up per target
- Figures: median of $runs run(s) per target (req/s and p99 each their own median); the runs interleave the targets
- tdkt peak resident memory after the runs: $(awk -v k="${rss_kb:-0}" 'BEGIN { printf "%.0f MB", k / 1024 }') (${threads:-?} threads)

$table

$goal_line

$error_line
EOF
)

rest=
if [[ -f $out_md ]] && grep -qF -- "$marker" "$out_md"; then
  rest=$(awk -v m="$marker" 'found {print} !found && index($0, m) {found = 1}' "$out_md")
fi
{
  printf '%s\n\n%s\n' "$generated" "$marker"
  [[ -n $rest ]] && printf '%s\n' "$rest"
} >"$out_md.tmp"
mv "$out_md.tmp" "$out_md"

echo
echo "$table"
echo
echo "$goal_line"
echo "$error_line"
echo "Wrote ${out_md#"$root"/}"
