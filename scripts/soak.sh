#!/usr/bin/env bash
# Soak: does the server's memory stay flat, and do its file descriptors stay put, under a long
# mixed load? Not a test (./test does not run it); a bench to run by hand on a quiet machine:
#
#   scripts/soak.sh [--minutes N] [--rate REQ_PER_S] [--users N] [--out FILE.csv]
#
# Starts `sqm serve` (a copy of build/sqm, or $SQM_BIN, so a rebuild does not swap it mid-run) on a
# temporary SQLite database seeded with the demo, and drives for N minutes (default 30) a paced
# load of 20 requests/s (default): 6 signed-in users (agents registering, responding, resolving,
# calling back and closing tickets, commenting, listing and reading tickets and customers;
# managers and an administrator reading dashboards, complaint summaries, the audit log, staff),
# a sign-in and sign-out every 5 s, every 30 s an import (CSV and XLSX in turn, followed to its end)
# and a CSV and an XLSX export, and two slow clients (headers, and a JSON body, a byte a second;
# the server is meant to cut both with 408). Every 10 s it writes the server's VmRSS, VmHWM, open
# file descriptors, threads, database + WAL size, the load average and the interval's requests,
# errors, p50 and p99 to a CSV; at the end it prints requests done, errors by status, RSS at the
# start / after the warm-up / at the end, fds at the start and end, and whether memory is flat:
# the median VmRSS of the run's last third within 5 % of the median of its middle third (the first
# third is the warm-up). Each sample also records the allocator's live and freed-but-kept bytes
# (from /metrics). Exit 0 when flat and no request failed.
#
# The machine may be shared: run it under `nice` (e.g. `nice -n 10 scripts/soak.sh`) and read the
# load average it prints beside the figures. Needs Node 18+ and nothing else.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="${SQM_BIN:-${SQM_BUILD:-$repo/build}/sqm}"
[[ -x "$bin" ]] || { echo "soak: no sqm binary at $bin (ninja -C build sqm)" >&2; exit 2; }
export SQM_SOAK_CSV_DIR="${TMPDIR:-/tmp}"  # the samples outlive the run
work="$(mktemp -d "${TMPDIR:-/tmp}/sqm-soak-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$bin" "$work/sqm"
# The seeded demo is cached per binary (seeding takes minutes); set SQM_SOAK_SEED_KEY to reuse
# the cache of another build whose schema and demo are the same.
SQM_SOAK_SEED_KEY="${SQM_SOAK_SEED_KEY:-$(stat -c %s-%Y "$bin")}"
export SQM_SOAK_SEED_KEY
unset SQM_TEST_DB SQM_TEST_PG_URL
SQM_BIN="$work/sqm" TMPDIR="$work" node "$repo/scripts/soak.mjs" "$@"
