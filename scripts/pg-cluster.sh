#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: fsync off, on 127.0.0.1 only. Over TCP it asks
# for a password (scram-sha-256), as a team's server does, so the tests can check wrong ones and
# that none is ever printed; over its Unix socket (for this script) it trusts.
#
#   scripts/pg-cluster.sh start DIR [PORT]   starts it in DIR (new or empty), prints its URL
#   scripts/pg-cluster.sh stop DIR           stops it and removes DIR
#
# Without PORT, the first free port from 54329 up. Run as root, the server runs as the user
# `postgres` (initdb refuses root); as anyone else, as that user.
set -euo pipefail

usage() { echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
base=$2
# The server runs in its data directory: every path it is given must be absolute.
if [ "$action" = start ]; then mkdir -p "$base"; fi
if [ -d "$base" ]; then base=$(cd "$base" && pwd); fi

# Debian keeps the server's binaries out of PATH; elsewhere initdb is on it.
pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$found" ] && command -v initdb >/dev/null 2>&1; then found=$(dirname "$(command -v initdb)"); fi
  [ -n "$found" ] || { echo "PostgreSQL's server binaries are not installed (apt-get install -y postgresql)." >&2; exit 1; }
  echo "$found"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
  start)
    bin=$(pg_bin)
    port=${3:-}
    if [ -z "$port" ]; then
      port=54329
      while ! port_free "$port"; do port=$((port + 1)); done
    fi
    mkdir -p "$base/sock"
    password=refund-claim-test
    echo "$password" >"$base/pwfile"
    [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$base"
    as_owner "'$bin/initdb' -D '$base/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile='$base/pwfile' -E UTF8 --no-locale --no-sync" >"$base/initdb.log" 2>&1 \
      || { cat "$base/initdb.log" >&2; exit 1; }
    as_owner "'$bin/pg_ctl' -D '$base/data' -l '$base/server.log' -w -o \"-k '$base/sock' -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null \
      || { cat "$base/server.log" >&2; exit 1; }
    echo "$port" >"$base/port"
    "$bin/psql" -q -h "$base/sock" -p "$port" -U postgres -d postgres -c 'CREATE DATABASE refund_claim_test' >/dev/null
    echo "postgresql://postgres:$password@127.0.0.1:$port/refund_claim_test"
    ;;
  stop)
    [ -d "$base" ] || exit 0
    if [ -f "$base/data/postmaster.pid" ]; then
      bin=$(pg_bin)
      as_owner "'$bin/pg_ctl' -D '$base/data' -m immediate -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$base"
    ;;
  *) usage ;;
esac
