# `uncounted simulate` (issue 5, DESIGN.md section 4): the same seed gives
# byte-identical folders, another seed other lists; the per-source files
# import into a fresh store (records with the detention after return are two
# rows of one record); the manifest says SYNTHETIC and gives the true totals
# per five-year period; bad options are usage errors (exit 2) that say what
# is wrong, and a folder holding other files is refused (exit 1).
source "$(dirname "$0")/lib.bash"
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

sim() { "$UNCOUNTED" simulate --data-dir "$DATA" --people 600 --first-year 2000 --last-year 2019 "$@"; }

expect_exit 0 sim --seed 11 --out "$WORK/a"
expect_stdout "SYNTHETIC population: 600 people repatriated 2000-2019 (seed 11, scenario presets)"
expect_stdout "nkdb_interviews.csv"
expect_exit 0 sim --seed 11 --out "$WORK/b"
diff -r "$WORK/a" "$WORK/b" >/dev/null || fail "the same seed gave different files: $(diff -rq "$WORK/a" "$WORK/b" | head -3)"
expect_exit 0 sim --seed 12 --out "$WORK/c"
cmp -s "$WORK/a/nkdb_interviews.csv" "$WORK/c/nkdb_interviews.csv" && fail "another seed gave the same list"

# What the folder holds.
for f in nkdb_interviews.csv ngo_reports.csv media_south.csv un_submissions.csv \
         truth/records_with_truth.csv truth/people.csv MANIFEST.txt; do
  [ -s "$WORK/a/$f" ] || fail "$f is missing or empty"
done
[ ! -e "$WORK/a/academic_mr.csv" ] || fail "a fifth list was written for --sources 4"
head -1 "$WORK/a/MANIFEST.txt" | grep -q "^SYNTHETIC DATA" || fail "the manifest does not begin with SYNTHETIC DATA"
grep -qF -- "--people 600 --sources 4 --seed 11 --first-year 2000 --last-year 2019 --scenario presets" \
  "$WORK/a/MANIFEST.txt" || fail "the manifest lacks the options"
grep -q "true total: 600 people" "$WORK/a/MANIFEST.txt" || fail "the manifest lacks the true total"
for p in 2000-2004 2005-2009 2010-2014 2015-2019; do
  grep -q "^  $p " "$WORK/a/MANIFEST.txt" || fail "the manifest lacks the period $p"
done
# The per-period totals add up to the people, and agree with truth/people.csv.
sum=$(awk '/^  [0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9] / { s += $2 } END { print s }' "$WORK/a/MANIFEST.txt")
[ "$sum" = 600 ] || fail "the period totals add up to $sum, not 600"
n0004=$(awk -F, 'NR > 1 && $NF == "2000-2004"' "$WORK/a/truth/people.csv" | wc -l)
grep -qE "^  2000-2004 +$n0004 " "$WORK/a/MANIFEST.txt" || fail "2000-2004: the manifest disagrees with people.csv ($n0004)"
# No truth in the lists; the truth file has it.
if grep -q person_id "$WORK/a/nkdb_interviews.csv"; then fail "a list has the truth column"; fi
head -1 "$WORK/a/truth/records_with_truth.csv" | grep -q ",person_id$" || fail "records_with_truth.csv lacks person_id"
# Some interview records report the detention after return: a second row, same record_id.
grep -q ",detention_dprk," "$WORK/a/nkdb_interviews.csv" || fail "no interview record reports the detention"
dups=$(cut -d, -f1 "$WORK/a/nkdb_interviews.csv" | sort | uniq -d | wc -l)
[ "$dups" -gt 0 ] || fail "no record has two rows"

# The lists import into a fresh store, each under its source and list.
export UNCOUNTED_PASSPHRASE="synthetic data only"
S=$WORK/cases.store
expect_exit 0 "$UNCOUNTED" init "$S" --kdf-memory 8 --kdf-passes 1
total=0
for f in nkdb_interviews ngo_reports media_south un_submissions; do
  records=$(tail -n +2 "$WORK/a/$f.csv" | cut -d, -f1 | sort -u | wc -l)
  expect_exit 0 "$UNCOUNTED" import "$S" --source "$f" --list "$f" "$WORK/a/$f.csv"
  expect_stdout "$records added"
  grep -qE "^  $f\.csv +$f +$f +$records " "$WORK/a/MANIFEST.txt" || fail "$f: the manifest does not say $records records"
  total=$((total + records))
done
expect_exit 0 "$UNCOUNTED" records "$S" --sources --format csv
[ "$(tail -n +2 "$WORK/out" | awk -F, '{ s += $7 } END { print s }')" = "$total" ] ||
  fail "the store does not hold the $total records: $(cat "$WORK/out")"

# Scenarios.
for s in independent heterogeneous dependent; do
  expect_exit 0 sim --seed 11 --scenario "$s" --out "$WORK/s-$s"
  grep -q "^scenario: $s " "$WORK/s-$s/MANIFEST.txt" || fail "the manifest does not name the scenario $s"
done
cmp -s "$WORK/s-independent/un_submissions.csv" "$WORK/s-dependent/un_submissions.csv" &&
  fail "the independent and dependent scenarios gave the same list"

# An earlier simulation's folder is replaced; any other folder is refused.
expect_exit 0 sim --seed 11 --sources 2 --out "$WORK/c"
[ ! -e "$WORK/c/un_submissions.csv" ] || fail "a list of the earlier simulation was left behind"
mkdir "$WORK/mine" && echo keep >"$WORK/mine/notes.txt"
expect_exit 1 sim --seed 11 --out "$WORK/mine"
expect_stderr "holds other files"
[ -e "$WORK/mine/notes.txt" ] || fail "a refused run removed a file"
expect_exit 1 sim --seed 11 --out "$DATA/"
expect_stderr "--out would overwrite the reference data folder"

# Usage errors.
expect_exit 2 "$UNCOUNTED" simulate --people 10
expect_stderr "--out"
expect_exit 2 sim --sources 7 --out "$WORK/x"
expect_stderr "--sources"
expect_exit 2 sim --people 0 --out "$WORK/x"
expect_stderr "--people"
expect_exit 2 sim --scenario sometimes --out "$WORK/x"
expect_stderr "--scenario must be presets, independent, heterogeneous or dependent"
expect_exit 2 "$UNCOUNTED" simulate --data-dir "$DATA" --first-year 2010 --last-year 2005 --out "$WORK/x"
expect_stderr "--first-year (2010) is after --last-year (2005)"
expect_exit 2 "$UNCOUNTED" simulate --data-dir "$DATA" --last-year 2999 --out "$WORK/x"
expect_stderr "--last-year must be between 1950 and"
[ ! -e "$WORK/x" ] || fail "a usage error created the out folder"
expect_exit 1 "$UNCOUNTED" simulate --data-dir "$WORK/nowhere" --out "$WORK/y"
expect_stderr "surnames.csv"
expect_exit 0 "$UNCOUNTED" simulate --help
expect_stdout "SYNTHETIC"

finish
