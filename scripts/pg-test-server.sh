#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, CI and load runs, from the machine's own PostgreSQL binaries (Debian's
# `postgresql` package, installed with apt-get when missing). Nothing is shared with a system cluster: the data
# directory lives in a fresh temp directory, the server listens on a free loopback port only, and `stop` removes it all.
#
#   scripts/pg-test-server.sh start    # prints `export SHINGI_DB_URL=...` lines and writes them to the env file
#   scripts/pg-test-server.sh status
#   scripts/pg-test-server.sh stop
#
#   eval "$(scripts/pg-test-server.sh start)"   or   scripts/pg-test-server.sh start >/dev/null; . .pg-test-server.env
#
# The env file is $PG_TEST_ENV_FILE (default: .pg-test-server.env at the repository root). It holds SHINGI_DB_URL,
# SHINGI_DB_USER and SHINGI_DB_PASSWORD for the application (profile `postgres`), SHINGI_DB_OWNER_USER and
# SHINGI_DB_OWNER_PASSWORD for Flyway, and SHINGI_PG_* for this script. The two roles are separate, as in production
# (docs/operations.md, "Two roles"): the owner owns the database and every schema and table Flyway creates; the
# application's role owns nothing and is granted only SELECT and INSERT on the event log.
# Durability stays as in production: fsync and synchronous_commit are on.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ENV_FILE="${PG_TEST_ENV_FILE:-$ROOT/.pg-test-server.env}"
DB_NAME="${PG_TEST_DB:-shingi}"
DB_USER="${PG_TEST_USER:-shingi}"
OWNER_USER="${PG_TEST_OWNER_USER:-shingi_owner}"

log() { echo "pg-test-server: $*" >&2; }

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    return 1
  fi
  echo "$dir"
}

ensure_installed() {
  if pg_bin >/dev/null; then
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    log "PostgreSQL binaries not found under /usr/lib/postgresql and not root: install the 'postgresql' package."
    exit 1
  fi
  log "installing PostgreSQL (apt-get install postgresql)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  pg_bin >/dev/null || { log "no initdb after installing postgresql"; exit 1; }
}

# Runs a command as the cluster's owner: the postgres user when we are root (initdb and postgres refuse root).
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  if [[ -f "$ENV_FILE" ]]; then
    log "already started ($ENV_FILE exists); stop it first"
    exit 1
  fi
  ensure_installed
  local bin dir major
  bin="$(pg_bin)"
  major="$("$bin/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/')"
  if (( major < 15 )); then
    log "PostgreSQL $major found; 15 or later is needed"
    exit 1
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/shingi-pg.XXXXXX")"
  chmod 700 "$dir"
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres: "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }

  local port="" tries
  for tries in $(seq 1 20); do
    local candidate=$(( 20000 + RANDOM % 40000 ))
    port_free "$candidate" || continue
    cat >"$dir/data/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $candidate
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
max_wal_size = 2GB
checkpoint_timeout = 15min
log_min_messages = warning
log_min_error_statement = panic
CONF
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
      port="$candidate"
      break
    fi
    log "port $candidate did not work, trying another"
  done
  if [[ -z "$port" ]]; then
    log "could not start PostgreSQL; see $dir/server.log"
    tail -20 "$dir/server.log" >&2 || true
    exit 1
  fi

  local password owner_password
  password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  owner_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres >/dev/null <<SQL
CREATE ROLE "$OWNER_USER" LOGIN PASSWORD '$owner_password';
CREATE ROLE "$DB_USER" LOGIN PASSWORD '$password';
CREATE DATABASE "$DB_NAME" OWNER "$OWNER_USER";
-- the owner hands every table but the log and Flyway's history to the application (ApplicationRoleGrants)
GRANT "$DB_USER" TO "$OWNER_USER";
SQL
  # nothing for the application's role in the public schema either (PostgreSQL 15's default, said out loud)
  as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d "$DB_NAME" >/dev/null <<SQL
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE, TEMPORARY ON DATABASE "$DB_NAME" FROM PUBLIC;
GRANT CONNECT ON DATABASE "$DB_NAME" TO "$DB_USER";
SQL

  cat >"$ENV_FILE" <<ENV
export SHINGI_DB_URL='jdbc:postgresql://127.0.0.1:$port/$DB_NAME'
export SHINGI_DB_USER='$DB_USER'
export SHINGI_DB_PASSWORD='$password'
export SHINGI_DB_OWNER_USER='$OWNER_USER'
export SHINGI_DB_OWNER_PASSWORD='$owner_password'
export SHINGI_PG_DIR='$dir'
export SHINGI_PG_PORT='$port'
export SHINGI_PG_BIN='$bin'
ENV
  log "PostgreSQL $major on 127.0.0.1:$port, database '$DB_NAME' owned by '$OWNER_USER', application role '$DB_USER' (data in $dir/data); env in $ENV_FILE"
  cat "$ENV_FILE"
}

stop() {
  if [[ ! -f "$ENV_FILE" ]]; then
    log "not started (no $ENV_FILE)"
    return 0
  fi
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  if [[ -d "$SHINGI_PG_DIR/data" ]]; then
    as_owner "$SHINGI_PG_BIN/pg_ctl" -D "$SHINGI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 \
      || as_owner "$SHINGI_PG_BIN/pg_ctl" -D "$SHINGI_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$SHINGI_PG_DIR" in
    */shingi-pg.*) rm -rf "$SHINGI_PG_DIR" ;;
  esac
  rm -f "$ENV_FILE"
  log "stopped and removed"
}

status() {
  if [[ ! -f "$ENV_FILE" ]]; then
    echo "not started"
    return 1
  fi
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  as_owner "$SHINGI_PG_BIN/pg_ctl" -D "$SHINGI_PG_DIR/data" status
  echo "$SHINGI_DB_URL"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
