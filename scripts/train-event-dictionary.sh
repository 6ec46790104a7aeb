#!/usr/bin/env bash
# Trains the zstd dictionary that compresses event payloads (src/storage/event_dictionary/).
# Usage: scripts/train-event-dictionary.sh SQLITE_DB OUT_FILE
# SQLITE_DB is a demo database in the format before 0006_lean_events (payloads as JSON text):
#   build/sqm --db /tmp/demo.db seed-demo (at a commit before the lean event log)
# A released dictionary is never changed: events written with it must stay readable. A better one
# is a new file with the next number, and the codec's format byte says which one a row used.
set -euo pipefail
db="$1" out="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sqlite3 -json "$db" "SELECT seq, data FROM events ORDER BY seq" |
  python3 -c '
import json, sys, os
for row in json.load(sys.stdin):
    with open(os.path.join(sys.argv[1], "e%07d" % row["seq"]), "w") as f:
        f.write(row["data"])
' "$work"
zstd --train -r "$work" --maxdict=16384 -o "$out" -q
ls -l "$out"
