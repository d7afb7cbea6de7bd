# `uncounted link` on bad input: each error names file, line and column and
# exits 1; usage errors exit 2.
source "$(dirname "$0")/lib.bash"

cat >"$WORK/config.json" <<'JSON'
{"record_id": "id",
 "fields": [{"name": "name", "comparator": "jaro_winkler", "column": "name"},
            {"name": "by", "comparator": "year", "column": "born"}],
 "blocking": [["birth"]]}
JSON
printf 'id,name,born\n1,Anna,1970\n2,Ana,1970\n' >"$WORK/good.csv"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_stderr "config.json:4:"
expect_stderr "column 'birth' is not in"

sed -i 's/\[\["birth"\]\]/[["born"]]/' "$WORK/config.json"
expect_exit 0 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/good.csv"

printf 'name,born\nAnna,1970\n' >"$WORK/noid.csv"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/noid.csv"
expect_stderr "noid.csv:1: no id column 'id'"

printf 'id,name,born\n1,Anna,1970\n2,Carl,1972\n1,Bob,1971\n' >"$WORK/dup.csv"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/dup.csv"
expect_stderr "dup.csv:4:1: record id repeated within source, not on the next row (first on line 2)"

# Consecutive rows with one id that disagree outside the event columns are two records with one id.
printf 'id,name,born\n1,Anna,1970\n1,Bob,1970\n' >"$WORK/dup2.csv"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/dup2.csv"
expect_stderr "dup2.csv:3:2: record id repeated within source with a different name"

# One row per event, as import reads them: consecutive rows with one id are one record.
printf 'id,name,born\n1,Anna,\n1,,1970\n2,Bob,1971\n' >"$WORK/events.csv"
expect_exit 0 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/events.csv"
[ "$(wc -l <"$WORK/c.csv")" -eq 3 ] || { echo "FAIL: two records expected in c.csv" >&2; failures=$((failures + 1)); }

printf 'id,name,born\n1,Anna,1970\n2,B\xffb,1971\n' >"$WORK/utf.csv"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c.csv" "$WORK/utf.csv"
expect_stderr "utf.csv:3:2: the text is not valid UTF-8"

sed 's/"record_id": "id"/"record_id": "id", "treshold": 0.5/' "$WORK/config.json" >"$WORK/typo.json"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/typo.json" --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_stderr "typo.json:1:"
expect_stderr "unknown key 'treshold'"

# An output never replaces an input or the other output: refused, nothing written.
cp "$WORK/good.csv" "$WORK/good.copy"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/good.csv" "$WORK/good.csv"
expect_stderr "--out-clusters would overwrite the record file $WORK/good.csv; choose another file"
cmp -s "$WORK/good.csv" "$WORK/good.copy" || { echo "FAIL: link overwrote its input" >&2; failures=$((failures + 1)); }
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c2.csv" --out-pairs "$WORK/./c2.csv" \
  "$WORK/good.csv"
expect_stderr "--out-pairs would overwrite the file --out-clusters writes"
[ -e "$WORK/c2.csv" ] && { echo "FAIL: a refused link wrote c2.csv" >&2; failures=$((failures + 1)); }
expect_exit 1 "$UNCOUNTED" link --config "$WORK/config.json" --out-clusters "$WORK/c2.csv" --out-pairs "$WORK/config.json" \
  "$WORK/good.csv"
expect_stderr "--out-pairs would overwrite the link config"

# Levels a comparator cannot use are errors at the level itself.
cat >"$WORK/levels.json" <<'JSON'
{"record_id": "id",
 "fields": [{"name": "name", "comparator": "jaro_winkler", "column": "name"},
            {"name": "by", "comparator": "year", "column": "born", "levels": [3, 1]}],
 "blocking": [["born"]]}
JSON
expect_exit 1 "$UNCOUNTED" link --config "$WORK/levels.json" --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_stderr "levels.json:3:82: field 'by': year levels must be whole numbers of years from 1 to 1000"
expect_stderr "got 1 after 3"
sed 's/\[3, 1\]/[]/' "$WORK/levels.json" >"$WORK/empty.json"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/empty.json" --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_stderr "'levels' is empty; leave it out for the defaults"
sed 's/"blocking"/"threshold": 0, "blocking"/' "$WORK/config.json" >"$WORK/t0.json"
expect_exit 1 "$UNCOUNTED" link --config "$WORK/t0.json" --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_stderr "'threshold' must be a match probability strictly between 0 and 1"

expect_exit 2 "$UNCOUNTED" link --threshold 2 --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_exit 2 "$UNCOUNTED" link --threshold nan --out-clusters "$WORK/c.csv" "$WORK/good.csv"
expect_stderr "not a match probability strictly between 0 and 1"
expect_exit 2 "$UNCOUNTED" link --threshold inf --out-clusters "$WORK/c.csv" "$WORK/good.csv"

# --count-pairs counts a pair once per rule, though the records share
# several of its keys (30 records alike: 435 pairs, each in 3 name-key blocks).
{
  echo "record_id,full_name,birth_year,origin_place"
  for i in $(seq 30); do echo "$i,Kim Young-hee,1970,Hyesan"; done
} >"$WORK/alike.csv"
expect_exit 0 "$UNCOUNTED" link --count-pairs --data-dir "$DATA" "$WORK/alike.csv"
expect_stdout "name keys                                           435 pairs            435 new            435 cumulative"
expect_stdout "family name & birth year ±1                         435 pairs              0 new            435 cumulative"
expect_exit 2 "$UNCOUNTED" link --out-clusters "$WORK/c.csv"
finish
