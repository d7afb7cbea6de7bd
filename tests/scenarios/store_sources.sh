# Source metadata and the import progress bar through the command line
# (issue 4, DESIGN.md sections 3 and 4): type, language, date and reliability
# are validated (usage errors exit 2), stored, listed by `records --sources`,
# changed by a later import (audited) and kept when left out, exported in
# JSON; the progress
# bar appears only on a terminal and never shows record contents.
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/store_gen.bash"

S=$WORK/cases.store
export UNCOUNTED_PASSPHRASE="correct horse battery staple"
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

make_records "$WORK/people.csv" 1 3000
make_patterns "$WORK/patterns"
expect_exit 0 "$UNCOUNTED" init "$S" --kdf-memory 8 --kdf-passes 1

# Bad values are usage errors, and change nothing.
expect_exit 2 "$UNCOUNTED" import "$S" --source iv --list A --source-type blog "$WORK/people.csv"
expect_exit 2 "$UNCOUNTED" import "$S" --source iv --list A --language korean "$WORK/people.csv"
expect_stderr "BCP 47"
expect_exit 2 "$UNCOUNTED" import "$S" --source iv --list A --source-date 2023-13 "$WORK/people.csv"
expect_stderr "--source-date: the month is not between 1 and 12"
expect_exit 2 "$UNCOUNTED" import "$S" --source iv --list A --reliability 0 "$WORK/people.csv"
expect_exit 2 "$UNCOUNTED" import "$S" --source iv --list A --reliability 6 "$WORK/people.csv"
expect_exit 0 "$UNCOUNTED" records "$S" --sources --format csv
[ "$(wc -l <"$WORK/out")" = 1 ] || fail "a refused import created a source"

# Stored and listed. stderr is not a terminal here: no progress bar at all.
expect_exit 0 "$UNCOUNTED" import "$S" --source iv --list A --source-type interview --language ko \
  --source-date "spring 2023" --reliability 2 "$WORK/people.csv"
if LC_ALL=C grep -q $'\r' "$WORK/err"; then fail "a progress bar was drawn on a non-terminal stderr"; fi
[ ! -s "$WORK/err" ] || fail "import wrote to stderr: $(head -c 200 "$WORK/err")"
expect_exit 0 "$UNCOUNTED" records "$S" --sources --format csv
expect_stdout "iv,A,interview,ko,spring 2023,2,3000,"
expect_exit 0 "$UNCOUNTED" records "$S" --sources --format json
expect_stdout '"reliability": 2'
expect_exit 2 "$UNCOUNTED" records "$S" --sources --name Kim

# Another import with other values changes them (audited); left out, kept.
expect_exit 0 "$UNCOUNTED" import "$S" --source iv --list A --reliability 3 --dry-run "$WORK/people.csv"
expect_stderr "would change reliability 2 -> 3"
expect_exit 0 "$UNCOUNTED" import "$S" --source iv --list A --reliability 3 "$WORK/people.csv"
expect_stdout "3000 unchanged"
expect_stderr "changed reliability 2 -> 3"
expect_exit 0 "$UNCOUNTED" records "$S" --sources
expect_stdout "$(printf 'iv\tA\tinterview\tko\tspring 2023\t3\t3000\t')"
expect_exit 0 "$UNCOUNTED" audit "$S"
expect_stdout "reliability 2 -> 3"
expect_stdout "hash chain verified"

# A JSON export, redacted or not, carries the sources (no personal data in
# them), and imports again; CSV exports have no place for them.
expect_exit 0 "$UNCOUNTED" export "$S" --redact --out "$WORK/public.json"
grep -qF '"source":"iv","list":"A","source_type":"interview","language":"ko","source_date":"spring 2023","reliability":3' \
  "$WORK/public.json" || fail "the JSON export lacks the source metadata: $(head -c 300 "$WORK/public.json")"
expect_exit 0 "$UNCOUNTED" import "$S" --source iv --list A --dry-run "$WORK/public.json"
expect_stdout "3000 records: 3000 added"

# On a terminal (a pseudo-terminal from script(1)), the bar is drawn on
# stderr, and shows stage names only: no name or place of the records.
if command -v script >/dev/null; then
  make_records "$WORK/more.csv" 5000 3000
  SHELL=/bin/bash script -qec "'$UNCOUNTED' import '$S' --source news --list B --source-type news \
    '$WORK/more.csv' >/dev/null" "$WORK/tty.log" >/dev/null </dev/null || fail "import on a terminal failed"
  LC_ALL=C grep -q $'\r' "$WORK/tty.log" || fail "no progress bar on a terminal"
  grep -qE "checking|writing" "$WORK/tty.log" || fail "the progress bar lacks its stages"
  found=$(scan_files "$WORK/patterns" "$WORK/tty.log")
  [ -z "$found" ] || fail "the progress bar showed record contents"
fi
finish
