# kill -9 at random points during imports, in a loop (issue 4): after every
# kill the store opens, holds either none or all of the interrupted import,
# and everything committed before; no store file (store, journal, lock, or a
# temporary file left by a killed save) holds a name or place. Imports
# alternate between large ones (saved whole, atomically) and small ones
# (journaled). Bounded to about 45 seconds.
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/store_gen.bash"

S=$WORK/cases.store
export UNCOUNTED_PASSPHRASE="crash test passphrase"
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
budget=${UNCOUNTED_CRASH_SECONDS:-45}

make_patterns "$WORK/patterns"
make_records "$WORK/large.csv" 1 20800   # 26000 rows: above the journal threshold
make_records "$WORK/small.csv" 1 400     # 500 rows: journaled
declare -A size=([large]=20800 [small]=400)
declare -A committed=()                  # source -> records

expect_exit 0 "$UNCOUNTED" init "$S" --kdf-memory 8 --kdf-passes 1
# One undisturbed run of each kind times the window for kills.
declare -A took=()
for kind in large small; do
  start=$(date +%s%N)
  expect_exit 0 "$UNCOUNTED" import "$S" --source "base-$kind" --list A "$WORK/$kind.csv"
  took[$kind]=$((($(date +%s%N) - start) / 1000000))
  committed[base-$kind]=${size[$kind]}
done
echo "undisturbed import: large ${took[large]} ms, small ${took[small]} ms"

check_store() { # check_store LABEL: counts match `committed`; returns the count of the interrupted source
  local label=$1 src=$2
  if ! "$UNCOUNTED" records "$S" --count >"$WORK/counts" 2>"$WORK/err"; then
    fail "$label: the store does not open: $(cat "$WORK/err")"
    return
  fi
  local name n
  for name in "${!committed[@]}"; do
    n=$(awk -F'\t' -v s="$name" '$1 == s { print $3 }' "$WORK/counts")
    [ "${n:-0}" = "${committed[$name]}" ] || fail "$label: source $name has ${n:-0} records, committed ${committed[$name]}"
  done
  n=$(awk -F'\t' -v s="$src" '$1 == s { print $3 }' "$WORK/counts")
  echo "${n:-0}"
}

iterations=0 kills=0 partial_free=0 temps=0
deadline=$(($(date +%s) + budget))
while [ "$(date +%s)" -lt "$deadline" ] && [ $iterations -lt 80 ]; do
  iterations=$((iterations + 1))
  kind=$([ $((RANDOM % 2)) = 0 ] && echo large || echo small)
  src="run-$iterations-$kind"
  # Kill somewhere in [0, 1.2 x the undisturbed time]; for large imports,
  # mostly in the later part, where the store is being saved.
  lo=$([ "$kind" = large ] && [ $((RANDOM % 3)) != 0 ] && echo 0.6 || echo 0)
  delay=$(awk -v t="${took[$kind]}" -v r=$RANDOM -v lo="$lo" 'BEGIN { printf "%.3f", t * (lo + (1.2 - lo) * r / 32767) / 1000 }')
  "$UNCOUNTED" import "$S" --source "$src" --list B "$WORK/$kind.csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
  rc=0
  wait "$pid" 2>/dev/null || rc=$?
  # What the killed process left on disk, before anything tidies it.
  for f in "$S".tmp-*; do [ -f "$f" ] && temps=$((temps + 1)); done
  found=$(scan_files "$WORK/patterns" "$S" "$S.journal" "$S.lock" "$S".tmp-*)
  [ -z "$found" ] && partial_free=$((partial_free + 1)) || fail "iteration $iterations: plaintext in $found"
  got=$(check_store "iteration $iterations ($kind, killed after ${delay}s, exit $rc)" "$src")
  got=${got##*$'\n'}
  if [ "$rc" = 0 ] && [ "$got" != "${size[$kind]}" ]; then
    fail "iteration $iterations: the import reported success but the store has $got of ${size[$kind]} records"
  fi
  case "$got" in
    0) ;;
    "${size[$kind]}") committed[$src]=${size[$kind]} ;;
    *) fail "iteration $iterations: the interrupted import is partly stored ($got of ${size[$kind]} records)" ;;
  esac
done
# The store still takes writes and its audit log is intact.
expect_exit 0 "$UNCOUNTED" import "$S" --source after --list C "$WORK/small.csv"
expect_exit 0 "$UNCOUNTED" audit "$S" --quiet
expect_stdout "audit log intact"
echo "iterations $iterations, killed $kills mid-import, committed ${#committed[@]} sources," \
     "temporary files scanned $temps, file scans clean $partial_free"
[ $iterations -ge 5 ] || fail "only $iterations iterations ran"
finish
