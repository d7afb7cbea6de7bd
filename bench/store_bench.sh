#!/usr/bin/env bash
# Store benchmark (issue 4): import of N records (default 1,000,000) through
# the CLI into a new store with the default Argon2id settings, then opening
# the resulting store (records --count), saving it (rekey: open + re-seal),
# and a redacted export; times, file size and peak memory from
# /usr/bin/time -v. Usage:
#   bench/store_bench.sh UNCOUNTED_BINARY [N] [SHARED_DATA_DIR]
# Work files go to ${UNCOUNTED_BENCH_DIR:-/tmp/uncounted-store-bench}.
set -euo pipefail
bin=$(realpath "$1")
n=${2:-1000000}
DATA=${3:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
dir=${UNCOUNTED_BENCH_DIR:-/tmp/uncounted-store-bench}
source "$(dirname "$0")/../tests/scenarios/store_gen.bash"
rm -rf "$dir" && mkdir -p "$dir"
export UNCOUNTED_PASSPHRASE="bench passphrase"
export UNCOUNTED_NEW_PASSPHRASE="bench passphrase 2"

measure() { # measure LABEL COMMAND...: prints wall time and peak RSS
  local label=$1
  shift
  /usr/bin/time -v "$@" >"$dir/out" 2>"$dir/time" || { cat "$dir/out" "$dir/time"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$dir/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/time")
  printf '%-34s wall %10s   peak RSS %6s MiB\n' "$label" "$wall" "$rss"
}

make_records "$dir/records.csv" 1 "$n"
rows=$(($(wc -l <"$dir/records.csv") - 1))
echo "input: $n records, $rows rows, $(du -m "$dir/records.csv" | cut -f1) MiB of CSV"
measure "init (Argon2id 3 passes, 256 MiB)" "$bin" init "$dir/s.store"
measure "import $n records" "$bin" import "$dir/s.store" --source bench --list A "$dir/records.csv"
cat "$dir/out"
echo "store file: $(stat -c %s "$dir/s.store") bytes ($(du -m "$dir/s.store" | cut -f1) MiB)"
measure "open (records --count)" "$bin" records "$dir/s.store" --count
measure "re-import, nothing changes" "$bin" import "$dir/s.store" --source bench --list A "$dir/records.csv"
measure "save (rekey: open + re-seal)" "$bin" rekey "$dir/s.store"
export UNCOUNTED_PASSPHRASE=$UNCOUNTED_NEW_PASSPHRASE
measure "export --redact (public CSV)" "$bin" export "$dir/s.store" --redact --out "$dir/public.csv"
ls -la "$dir"
