#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests (STACK.md). initdb refuses root, so it runs as postgres.
#   scripts/pg-throwaway.sh start DIR   → prints the base URL postgresql://postgres@127.0.0.1:PORT
#   scripts/pg-throwaway.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
start)
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  rm -rf "$dir"
  install -d -m 700 "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
  as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  echo "$port" >"$dir/port"
  echo "postgresql://postgres@127.0.0.1:$port"
  ;;
stop)
  if [[ -d "$dir/data" ]]; then
    as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
