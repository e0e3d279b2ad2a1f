#!/usr/bin/env bash
# A throw-away PostgreSQL for development and tests, listening on 127.0.0.1 only.
#   scripts/postgres.sh start   # install (Debian apt) if needed, init, start, create db `lectern`
#   scripts/postgres.sh url     # print the connection URL
#   scripts/postgres.sh stop    # stop the server and delete its data directory
# Port: $PGPORT_LECTERN (default 54329). Data: ${TMPDIR:-/tmp}/lectern-pg-$PORT.
# Idempotent and quiet on success; errors go to stderr with the server log.
set -euo pipefail

PORT="${PGPORT_LECTERN:-54329}"
DATA_PARENT="${TMPDIR:-/tmp}/lectern-pg-$PORT"
DATA="$DATA_PARENT/data"
LOG="$DATA_PARENT/server.log"
DB=lectern

die() { echo "postgres.sh: $*" >&2; exit 1; }

# A directory holding every server tool we use (PATH entries may be lone symlinks).
find_bin_dir() {
  local dir tool ok
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
             "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent)")")"; do
    ok=1
    for tool in initdb pg_ctl pg_isready psql; do [[ -x "$dir/$tool" ]] || ok=0; done
    if [[ $ok -eq 1 ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

install_postgres() {
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL binaries not found and apt-get is unavailable; install PostgreSQL (initdb, pg_ctl) yourself"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "postgres.sh: installing PostgreSQL with apt-get (first run only)..." >&2
  $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
    || die "apt-get install postgresql failed"
}

BIN=""
resolve_bin() {
  BIN="$(find_bin_dir)" || { install_postgres; BIN="$(find_bin_dir)" || die "PostgreSQL installed but initdb/pg_ctl not found"; }
}

# initdb and postgres refuse to run as root: run them as the `postgres` user then.
ensure_postgres_user() {
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    ensure_postgres_user
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg() { as_owner "$BIN/pg_ctl" -D "$DATA" "$@"; }

is_running() { [[ -f "$DATA/PG_VERSION" ]] && pg status >/dev/null 2>&1; }

url() { echo "postgresql://postgres@127.0.0.1:$PORT/$DB"; }

start() {
  resolve_bin
  if ! [[ -f "$DATA/PG_VERSION" ]]; then
    rm -rf "$DATA_PARENT"
    mkdir -p "$DATA_PARENT"
    if [[ $(id -u) -eq 0 ]]; then ensure_postgres_user; chown postgres "$DATA_PARENT"; fi
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$DATA_PARENT/initdb.log" 2>&1 \
      || { cat "$DATA_PARENT/initdb.log" >&2; die "initdb failed"; }
  fi
  if ! is_running; then
    # Sockets in the data parent: /var/run/postgresql may not exist or be writable.
    pg -l "$LOG" -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_PARENT -c fsync=off" start >/dev/null 2>&1 \
      || { tail -n 30 "$LOG" >&2 2>/dev/null; die "could not start PostgreSQL on 127.0.0.1:$PORT"; }
  fi
  local i
  for i in $(seq 1 60); do
    as_owner "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
    [[ $i -eq 60 ]] && die "PostgreSQL on 127.0.0.1:$PORT did not become ready"
    sleep 0.5
  done
  local psql=(as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [[ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    "${psql[@]}" -c "CREATE DATABASE $DB" >/dev/null || die "could not create database $DB"
  fi
}

stop() {
  if [[ -f "$DATA/PG_VERSION" ]]; then
    resolve_bin
    is_running && { pg -m fast -w stop >/dev/null 2>&1 || die "could not stop PostgreSQL in $DATA"; }
  fi
  rm -rf "$DATA_PARENT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url   (port: \$PGPORT_LECTERN, default 54329)" >&2; exit 2 ;;
esac
