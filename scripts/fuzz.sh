#!/usr/bin/env bash
# Builds the libFuzzer targets (src/*/*_fuzz.cpp) with clang and runs each for
# SECONDS seconds (default 60). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# The build goes to build-fuzz/ (override with UNCOUNTED_FUZZ_BUILD); corpora
# grow in build-fuzz/corpus/<target>, seeded from fuzz/seeds/<target> when
# present. Crashes are saved as build-fuzz/crash-* and make the script fail.
set -euo pipefail
seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
build=${UNCOUNTED_FUZZ_BUILD:-$root/build-fuzz}
jobs=${UNCOUNTED_FUZZ_JOBS:-2}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DUNCOUNTED_FUZZ=ON -DUNCOUNTED_BUILD_TESTS=OFF >/dev/null
mapfile -t targets < <(cd "$root/src" && ls */*_fuzz.cpp | sed -E 's#.*/(.*)_fuzz\.cpp#fuzz_\1#')
[ $# -gt 0 ] && targets=("$@")
ninja -C "$build" -j "$jobs" "${targets[@]}"

status=0
for target in "${targets[@]}"; do
  name=${target#fuzz_}
  corpus=$build/corpus/$name
  mkdir -p "$corpus"
  seeds=()
  [ -d "$root/fuzz/seeds/$name" ] && seeds=("$root/fuzz/seeds/$name")
  echo "== $target for ${seconds}s"
  log=$build/$target.log
  if ! (cd "$build" && "./$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
          -print_final_stats=1 "$corpus" "${seeds[@]}" >"$log" 2>&1); then
    # What failed and where in our code (the frames of uncounted and of the
    # target), then the input as libFuzzer printed it (Base64 line).
    grep -E 'ERROR:|SUMMARY:|what\(\)|terminate called|#[0-9]+ .* in (uncounted::|LLVMFuzzerTestOneInput)|^Base64:' "$log" | head -n 40 || true
    echo "!! $target found a problem: see $build/crash-* (or leak-*, timeout-*); full log $log"
    status=1
  else
    tail -n 6 "$log"
  fi
done
exit $status
