#!/usr/bin/env bash
# clang-format check on the C++ files changed by the last commit and the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format missing" >&2; exit 1; }
base="$(git rev-parse --verify -q HEAD~1 || git hash-object -t tree /dev/null)"
mapfile -t files < <( { git diff --name-only --diff-filter=ACMR "$base" -- 'src/*.h' 'src/*.cpp' 'bench/*.cpp' 'bench/*.h';
                        git ls-files --others --exclude-standard -- 'src/*.h' 'src/*.cpp' 'bench/*.cpp'; } | sort -u)
[ ${#files[@]} -eq 0 ] && exit 0
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/sqm-format.log; then
  echo "clang-format: these files need formatting (run: clang-format -i <file>):" >&2
  grep -o '^[^:]*' /tmp/sqm-format.log | sort -u >&2
  exit 1
fi
