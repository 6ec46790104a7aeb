#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: a temporary folder, a Unix socket, no TCP, no
# systemd. initdb refuses to run as root, so the server runs as the `postgres` user.
#   scripts/pg.sh start DIR   initdb in DIR (made if missing) and start; prints the superuser URL
#   scripts/pg.sh stop DIR    stop the server and remove DIR
# Durability is off unless SQM_PG_OPTIONS says otherwise (benchmarks pass "-c fsync=on"): tests
# kill sqm servers, never this cluster, and a CREATE DATABASE per test is then fast.
# The cluster trusts local connections, except for the role `sqm_pw`, which must give its
# password (scram-sha-256): tests use it to see a wrong password refused.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
cmd="${1:?start|stop}" dir="${2:?folder}"
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    { echo "local all sqm_pw scram-sha-256"; cat "$dir/data/pg_hba.conf"; } > "$dir/pg_hba.conf.new"
    as_postgres cp "$dir/pg_hba.conf.new" "$dir/data/pg_hba.conf"
    rm -f "$dir/pg_hba.conf.new"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c max_connections=300 -c shared_buffers=128MB ${SQM_PG_OPTIONS--c fsync=off -c synchronous_commit=off -c full_page_writes=off}" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@/postgres?host=$dir"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
