#!/usr/bin/env bash
# Whole-command timings of `uncounted link` (issue 3):
#   FEBRL 4a x 4b and RLdata10000 (compare with reclin2's 0.71 s and 4.47 s
#   in shared/data/linkage/REFERENCE.md), and 1,000,000 synthetic records
#   made by bench/make_person_records (target: < 60 s, < 4 GB on 2 cores).
# Usage: bench/link_benchmarks.sh BUILD_DIR [SHARED_DATA_DIR]
# BUILD_DIR: a Release build with -DUNCOUNTED_BUILD_BENCHMARKS=ON.
set -euo pipefail
BUILD=$1
DATA=${2:-$(dirname "$0")/../../shared/data}
CONFIGS=$(cd "$(dirname "$0")/configs" && pwd)
U="$BUILD/uncounted"
L="$DATA/linkage"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The machine's load changes wall times a lot on 2 shared cores: print it.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # run NAME TRUTH CONFIG FILES...
  local name=$1 truth=$2 config=$3
  shift 3
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 "$U link --config $CONFIGS/$config --out-clusters $WORK/c.csv $*"
  else
    for _ in 1 2 3; do
      /usr/bin/time -f "$name: %e s wall, %U s user, %M KB peak" \
        "$U" link --config "$CONFIGS/$config" --out-clusters "$WORK/c.csv" "$@" >/dev/null
    done
  fi
  "$U" evaluate --truth "$truth" --config "$CONFIGS/$config" --clusters "$WORK/c.csv" "$@" | sed -n 2p
}

run febrl4 ent_id febrl4.json "$L/febrl/febrl_dataset4a.csv" "$L/febrl/febrl_dataset4b.csv"
run rldata10000 ent_id RLdata10000.json "$L/rldata/RLdata10000.csv"
"$BUILD/bench/make_person_records" 1000000 "$WORK/people.csv" 1
/usr/bin/time -v "$U" link --config "$CONFIGS/synthetic_people.json" --out-clusters "$WORK/c.csv" \
  "$WORK/people.csv" 2>"$WORK/time.txt" | tail -1
grep -E "Elapsed|Maximum resident" "$WORK/time.txt"
"$U" evaluate --truth true_id --config "$CONFIGS/synthetic_people.json" --clusters "$WORK/c.csv" \
  "$WORK/people.csv" | sed -n 2p
