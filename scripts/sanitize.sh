#!/usr/bin/env bash
# Builds sqm and its unit tests with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/, runs CTest, then the API suite against that sqm binary. Any sanitizer report fails
# the run: UB aborts (-fno-sanitize-recover), ASan aborts on the first error, and LeakSanitizer
# makes a process with leaks exit non-zero.
#
#   scripts/sanitize.sh              # configure (once), build, unit tests, API tests
#   scripts/sanitize.sh --unit       # unit tests only
#   SQM_ASAN_BUILD=/tmp/asan scripts/sanitize.sh
#
# Prints how long each step took. See docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${SQM_ASAN_BUILD:-build-asan}"
api=1
[ "${1:-}" = "--unit" ] && api=0

flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp}"

step() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
t0=$(date +%s)
if [ ! -f "$build/build.ninja" ]; then
  step "configure $build"
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
step "build"
# sqm, the unit tests and the fuzz targets' corpus replays (not the benchmarks).
mapfile -t tests < <(ninja -C "$build" -t targets all | sed -n 's/^\(sqm_[a-z_]*_test\|fuzz_replay_[a-z]*\): phony$/\1/p')
ninja -C "$build" sqm "${tests[@]}"
t1=$(date +%s)
step "unit tests (CTest)"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 900
t2=$(date +%s)
t3=$t2
if [ "$api" = 1 ]; then
  step "API tests against $build/sqm"
  SQM_BIN="$PWD/$build/sqm" node --test --test-concurrency=1 tests/api/
  t3=$(date +%s)
fi
step "sanitizers: build $((t1 - t0)) s, unit tests $((t2 - t1)) s, API tests $((t3 - t2)) s, total $((t3 - t0)) s"
