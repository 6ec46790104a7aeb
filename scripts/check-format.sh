#!/usr/bin/env bash
# clang-format check of every C++ file in the repository (about a second).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format missing" >&2; exit 1; }
mapfile -t files < <(git ls-files -co --exclude-standard -- 'src/*.h' 'src/*.cpp' 'bench/*.h' 'bench/*.cpp')
[ ${#files[@]} -eq 0 ] && exit 0
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/sqm-format.log; then
  echo "clang-format: these files need formatting (run: clang-format -i <file>):" >&2
  grep -o '^[^:]*\.\(cpp\|h\)' /tmp/sqm-format.log | sort -u >&2
  exit 1
fi
