#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UBSan in build-fuzz/, and
# runs each one after the other on its seed corpus (fuzz/corpus/<target>); new inputs go to
# build-fuzz/corpus/<target>, crashes to build-fuzz/artifacts/.
#
#   scripts/fuzz.sh --smoke                 # every target for 30 s (what ./test may run)
#   scripts/fuzz.sh --time 3600 json        # one target for an hour
#   scripts/fuzz.sh --runs 10000000 http    # or for a number of executions
#   scripts/fuzz.sh --runs 10000000 --time 3600 http   # whichever comes first (issue 9's long run)
#   scripts/fuzz.sh --timeout 3 ...         # slowest input allowed, in seconds (default 1)
#
# An input that crashes, leaks, trips a sanitizer, or runs longer than 1 s fails the run; the
# script exits non-zero and names the artifact. Reproduce: build-fuzz/fuzz_<target> <artifact>
# (on a busy machine a time-out can be a starved process: run the artifact alone to see).
set -euo pipefail
cd "$(dirname "$0")/.."

time_s=600
time_set=""
runs=""
timeout_s=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) time_s=30 ;;
    --time) time_s="$2"; time_set=1; shift ;;
    --runs) runs="$2"; shift ;;
    --timeout) timeout_s="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -eq 0 ] && targets=(json query calendar http csv xlsx)

cxx="${SQM_FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}"
[ -n "$cxx" ] || { echo "fuzz.sh: clang++ not found (apt-get install clang-14)" >&2; exit 1; }
build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  cmake -S fuzz -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
fi
ninja -C "$build" "${targets[@]/#/fuzz_}" >/dev/null

mkdir -p "$build/artifacts"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  args=("-timeout=$timeout_s" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
        "-artifact_prefix=$build/artifacts/$t-")
  [ -f "fuzz/$t.dict" ] && args+=("-dict=fuzz/$t.dict")
  [ -n "$runs" ] && args+=("-runs=$runs")
  [ -z "$runs" ] || [ -n "$time_set" ] && args+=("-max_total_time=$time_s")
  echo "== fuzz_$t" >&2
  if ! "$build/fuzz_$t" "${args[@]}" "$build/corpus/$t" "fuzz/corpus/$t" 2>"$build/fuzz_$t.log"; then
    echo "fuzz_$t FAILED; see $build/fuzz_$t.log and $build/artifacts/" >&2
    tail -40 "$build/fuzz_$t.log" >&2
    status=1
    continue
  fi
  grep -E '^stat::(number_of_executed_units|slowest_unit_time_sec|peak_rss_mb)|cov: .*ft:' "$build/fuzz_$t.log" | tail -4 >&2
done
exit $status
