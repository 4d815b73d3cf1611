#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for tests (trust auth, data under /tmp, nothing persistent).
#
#   scripts/pg-throwaway.sh start [port]   # default 55432; prints the admin URL on stdout
#   scripts/pg-throwaway.sh stop  [port]   # stops it and deletes its data dir
#   scripts/pg-throwaway.sh url   [port]
#
#   export TEST_DATABASE_URL=$(scripts/pg-throwaway.sh start)
#
# As root the server runs as the `postgres` user; otherwise as the current user.
# Binaries: $PG_BIN, else the newest /usr/lib/postgresql/*/bin.
# The data dir and socket are outside the project on purpose (Tailwind/Turbopack scan the project
# and choke on a socket file).
set -euo pipefail

cmd="${1:-}"
port="${2:-55432}"
data="/tmp/kb-pg-${port}"
sockdir="/tmp/pgsock"
log="/tmp/kb-pg-${port}.log"
url="postgres://postgres@127.0.0.1:${port}/postgres"

log_err() { echo "pg-throwaway: $*" >&2; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$d" || ! -x "$d/initdb" ]]; then
    log_err "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql, or set PG_BIN)"
    exit 1
  fi
  echo "$d"
}

# Runs a command line as the server's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- bash -c "$1"
  else
    bash -c "$1"
  fi
}

running() {
  [[ -f "$data/postmaster.pid" ]] && as_owner "'$bin/pg_ctl' -D '$data' status" >/dev/null 2>&1
}

case "$cmd" in
  start)
    bin=$(find_bin)
    if running; then
      log_err "already running on 127.0.0.1:${port} (data $data)"
      echo "$url"
      exit 0
    fi
    rm -rf "$data" "$log"
    mkdir -p "$data" "$sockdir"
    if [[ $(id -u) -eq 0 ]]; then
      if ! id postgres >/dev/null 2>&1; then log_err "no 'postgres' user (install the postgresql package)"; exit 1; fi
      chown postgres: "$data"
      chown postgres: "$sockdir" 2>/dev/null || true
      touch "$log"; chown postgres: "$log"
    fi
    chmod 700 "$data"
    as_owner "'$bin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --no-locale" >"$data.initdb.log" 2>&1 || {
      cat "$data.initdb.log" >&2; exit 1; }
    rm -f "$data.initdb.log"
    # fsync off: a throwaway server, speed over durability.
    as_owner "'$bin/pg_ctl' -D '$data' -l '$log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p $port -k $sockdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null || {
      log_err "failed to start; log:"; cat "$log" >&2 || true; exit 1; }
    log_err "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:${port} (data $data, log $log)"
    echo "$url"
    ;;
  stop)
    bin=$(find_bin)
    if running; then
      as_owner "'$bin/pg_ctl' -D '$data' -m fast -w stop" >/dev/null || true
      log_err "stopped 127.0.0.1:${port}"
    else
      log_err "not running on port ${port}"
    fi
    rm -rf "$data" "$log"
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "usage: $0 start|stop|url [port]" >&2
    exit 2
    ;;
esac
