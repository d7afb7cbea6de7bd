# `uncounted demo` runs the whole pipeline on the shipped example: a store,
# imports, linkage, histories by period, estimates and a public report.
source "$(dirname "$0")/lib.bash"
examples="$(dirname "$0")/../../examples"
expect_exit 0 "$UNCOUNTED" demo --out "$WORK/demo" --examples "$examples" --data-dir "$DATA"
expect_stdout "SYNTHETIC"
for stage in "creating the encrypted store" "importing nkdb_interviews.csv" "linking the records" "estimating by five-year period"; do
  expect_stdout "$stage"
done
expect_stdout "2005-2009"
expect_stdout "truth in interval?"
expect_stdout "report: $WORK/demo/report.html"
[ -s "$WORK/demo/report.html" ] || { echo "FAIL: no report.html" >&2; failures=$((failures + 1)); }
[ -s "$WORK/demo/cases.store" ] || { echo "FAIL: no store" >&2; failures=$((failures + 1)); }
# Nothing but the store, its lock and the report: no plaintext records written.
extra=$(cd "$WORK/demo" && ls -A | grep -vxE 'cases\.store|cases\.store\.journal|cases\.store\.lock|report\.html|\.uncounted-demo' || true)
[ -z "$extra" ] || { echo "FAIL: the demo wrote other files: $extra" >&2; failures=$((failures + 1)); }
# The public report names nobody: no name of the example's records is in it.
if [ -s "$WORK/demo/report.html" ]; then
  tail -n +2 "$examples/sources/media_south.csv" | cut -d, -f4 | grep -v '^$' | sort -u >"$WORK/names"
  if grep -qF -f "$WORK/names" "$WORK/demo/report.html"; then
    echo "FAIL: the public report holds a name from the records" >&2
    failures=$((failures + 1))
  fi
fi
# Run again into the same folder: the demo replaces its own files (not
# under the sanitizers, where a second whole demo costs minutes).
if [ -z "${UNCOUNTED_SANITIZED:-}" ]; then
  expect_exit 0 "$UNCOUNTED" demo --out "$WORK/demo" --examples "$examples" --data-dir "$DATA"
fi
# A folder holding something else is refused.
mkdir -p "$WORK/other" && touch "$WORK/other/notes.txt"
expect_exit 1 "$UNCOUNTED" demo --out "$WORK/other" --examples "$examples" --data-dir "$DATA"
expect_stderr "holds other files"
# The store the demo made audits what was done, including the report.
UNCOUNTED_PASSPHRASE="uncounted demo, synthetic data only" expect_exit 0 "$UNCOUNTED" audit "$WORK/demo/cases.store"
expect_stdout "link"
expect_stdout "public report from link run 1"
finish
