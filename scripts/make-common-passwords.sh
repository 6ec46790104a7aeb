#!/usr/bin/env bash
# Regenerates src/org/common_passwords.txt, the list of common passwords sqm refuses, from two
# lists that Debian ships (no download from anywhere else):
#   - python3-zxcvbn: zxcvbn's "passwords" frequency list, the 30,000 most common passwords of a
#     public corpus of 10 million leaked passwords, most common first (MIT licence);
#   - john-data: John the Ripper's password.lst, 3,546 passwords most common on Unix systems and
#     in website leaks of 2006-2010 (public domain).
# Each entry is lower-cased (ASCII letters); entries shorter than 6 characters are left out: with
# the at most 6 digits or symbols the check strips they could never reach the 12 characters a
# password needs. Sorted bytewise and deduplicated, one a line; `#!` lines are comments.
#
#   apt-get install python3-zxcvbn john-data && scripts/make-common-passwords.sh
set -euo pipefail
cd "$(dirname "$0")/.."
zxcvbn=/usr/lib/python3/dist-packages/zxcvbn/frequency_lists.py
john=/usr/share/john/password.lst
for f in "$zxcvbn" "$john"; do
  [ -r "$f" ] || { echo "missing $f: apt-get install python3-zxcvbn john-data" >&2; exit 1; }
done
zx_version=$(dpkg-query -W -f='${Version}' python3-zxcvbn)
john_version=$(dpkg-query -W -f='${Version}' john-data)
/usr/bin/python3 - "$zxcvbn" "$john" "$zx_version" "$john_version" > src/org/common_passwords.txt <<'PY'
import importlib.util, sys
zxcvbn_path, john_path, zx_version, john_version = sys.argv[1:5]
spec = importlib.util.spec_from_file_location("frequency_lists", zxcvbn_path)
lists = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lists)
zx = lists.FREQUENCY_LISTS["passwords"]
with open(john_path, encoding="latin-1") as f:
    john = [line.rstrip("\n") for line in f if not line.startswith("#!comment")]
def lower(s):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)
entries = set()
for p in zx + john:
    p = lower(p.strip())
    if len(p) >= 6 and not p.startswith("#!") and all(0x20 < ord(c) < 0x7f for c in p):
        entries.add(p)
out = sorted(entries, key=lambda s: s.encode())
print(f"#! Common passwords sqm refuses ({len(out)} entries), made by scripts/make-common-passwords.sh from")
print(f"#! python3-zxcvbn {zx_version} ({len(zx)} passwords) and john-data {john_version} ({len(john)} passwords).")
print("\n".join(out))
PY
wc -l src/org/common_passwords.txt
