# A public export is k-anonymous (docs/STORE.md, "Redaction profiles"): six
# people alike keep their values, people alone lose them and, when nothing
# but source and event types is left and they are still under k, are left
# out (or kept with --keep-below-k); a crowd (head count of 100 or more) is
# kept as it is, a family is treated as a person; ids differ in every public
# export; the audit log says what was done.
source "$(dirname "$0")/lib.bash"

S=$WORK/k.store
export UNCOUNTED_PASSPHRASE="correct horse battery staple"
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
rows() { tail -n +2 "$1" | wc -l; }
# new_store STORE SOURCE LIST CSV: a store (fast key derivation) holding CSV.
new_store() {
  expect_exit 0 "$UNCOUNTED" init "$1" --kdf-memory 8 --kdf-passes 1
  expect_exit 0 "$UNCOUNTED" import "$1" --source "$2" --list "$3" "$4"
}

{
  echo "record_id,sex,origin_place,event_type,event_date,event_place,head_count"
  for d in 02 05 09 13 17 21; do echo "alike-$d,F,Musan,repatriation,2006-03-$d,Namyang,"; done
  echo "crowd,,,repatriation,2006-06,Sinuiju,500"
  echo "family,,Onsong,repatriation,2007-01-04,Tumen,3"
  echo "lone-1,M,Hoeryong,repatriation,2008-02-11,Sinuiju,"
  echo "lone-2,F,Kimchaek,repatriation,2009-07,Tumen,"
  echo "lone-3,M,Hyesan,repatriation,2010,Namyang,"
} >"$WORK/cases.csv"

new_store "$S" partner-list B "$WORK/cases.csv"

expect_exit 0 "$UNCOUNTED" export "$S" --redact --out "$WORK/public.csv"
expect_stdout "k-anonymity 5: 0 of the 7 records written had values blanked"
expect_stdout "4 records (6 people) are in groups of fewer than 5 people even with only their source, list, event types and head count left"
expect_stdout "left out of the file"
expect_stdout "1 records of 100 or more people (head count) written as they are"
# The six alike and the crowd remain, with their values (years only).
[ "$(rows "$WORK/public.csv")" = 7 ] || fail "the public export has $(rows "$WORK/public.csv") rows, not 7"
[ "$(grep -c ',F,Musan,repatriation,2006,Namyang,' "$WORK/public.csv")" = 6 ] ||
  fail "the six people alike lost values they share"
grep -q ',repatriation,2006-06,Sinuiju,.*500' "$WORK/public.csv" && fail "the crowd's month was kept"
grep -q ',repatriation,2006,Sinuiju,.*500' "$WORK/public.csv" || fail "the crowd's record was not kept as it is"
grep -qE 'Onsong|Hoeryong|Kimchaek|Hyesan|Tumen' "$WORK/public.csv" && fail "a value of a record alone is in the file"

expect_exit 0 "$UNCOUNTED" export "$S" --redact --keep-below-k --out "$WORK/kept.csv"
expect_stdout "k-anonymity 5: 4 of the 11 records written had values blanked"
expect_stdout "kept (--keep-below-k): the file is not k-anonymous"
[ "$(rows "$WORK/kept.csv")" = 11 ] || fail "--keep-below-k wrote $(rows "$WORK/kept.csv") rows, not 11"
grep -qE 'Onsong|Hoeryong|Kimchaek|Hyesan|Tumen' "$WORK/kept.csv" && fail "a kept record alone still has values"
grep -q ',repatriation,,,.*,3$' <(tr -d '\r' <"$WORK/kept.csv") || fail "the family lost its head count"

# Every public export draws its ids anew: two exports share none.
expect_exit 0 "$UNCOUNTED" export "$S" --redact --out "$WORK/again.csv"
common=$(comm -12 <(cut -d, -f1 "$WORK/public.csv" | tail -n +2 | sort) \
  <(cut -d, -f1 "$WORK/again.csv" | tail -n +2 | sort) | wc -l)
[ "$common" = 0 ] || fail "two public exports share $common ids"
# ... while a partner export's ids are stable.
expect_exit 0 "$UNCOUNTED" export "$S" --redact partner --out "$WORK/p1.csv"
expect_exit 0 "$UNCOUNTED" export "$S" --redact partner --out "$WORK/p2.csv"
cmp -s <(cut -d, -f1 "$WORK/p1.csv") <(cut -d, -f1 "$WORK/p2.csv") || fail "partner ids changed between exports"

expect_exit 0 "$UNCOUNTED" audit "$S"
expect_stdout "k=5 blanked="
expect_stdout "below_k=4(left out) below_k_people=6 crowds=1"
expect_stdout "below_k=4(kept)"

# The JSON names only the sources that still have a record in the file.
printf 'record_id,sex,origin_place,event_type,event_date\nx1,M,Hyesan,arrest_china,2011\n' >"$WORK/one.csv"
expect_exit 0 "$UNCOUNTED" import "$S" --source tiny-source --list C "$WORK/one.csv"
expect_exit 0 "$UNCOUNTED" export "$S" --redact --out "$WORK/public.json"
grep -q 'tiny-source' "$WORK/public.json" && fail "the JSON names a source none of whose records is in it"
grep -q 'partner-list' "$WORK/public.json" || fail "the JSON lost the source that has records"
expect_exit 0 "$UNCOUNTED" export "$S" --redact --keep-below-k --out "$WORK/kept.json"
grep -q 'tiny-source' "$WORK/kept.json" || fail "--keep-below-k left out a source with a record kept"
# Nothing k-anonymous to write: a warning, and an empty file.
new_store "$WORK/lone.store" tiny-source C "$WORK/one.csv"
expect_exit 0 "$UNCOUNTED" export "$WORK/lone.store" --redact --out "$WORK/none.csv"
expect_stderr "no record could be written k-anonymously"

# With a link run, groups are counted in people: six records alike of four
# people (three records of one woman) are under 5.
{
  echo "record_id,full_name,birth_year,sex,origin_place,event_type,event_date,event_place"
  echo "a,Pak Sun-hui,1971,F,Musan,repatriation,2006-03-02,Namyang"
  echo "b,Ri Chol-min,1980,F,Musan,repatriation,2006-03-05,Namyang"
  echo "c,Jang Myong-ok,1965,F,Musan,repatriation,2006-03-09,Namyang"
  for id in d e f; do echo "$id,Kim Yong-hui,1975,F,Musan,repatriation,2006-03-13,Namyang"; done
} >"$WORK/dup.csv"
new_store "$WORK/dup.store" interviews A "$WORK/dup.csv"
expect_exit 0 "$UNCOUNTED" export "$WORK/dup.store" --redact --out "$WORK/dup-records.csv"
expect_stdout "groups counted in records (no link run"
[ "$(rows "$WORK/dup-records.csv")" = 6 ] || fail "six records alike were not all written without a link run"
expect_exit 0 "$UNCOUNTED" link "$WORK/dup.store"
expect_exit 0 "$UNCOUNTED" export "$WORK/dup.store" --redact --keep-below-k --out "$WORK/dup-people.csv"
expect_stdout "groups counted in people as link run 1 linked them"
expect_stdout "6 records (4 people) are in groups of fewer than 5 people"
grep -q 'Musan' "$WORK/dup-people.csv" && fail "six records of four people kept their origin"

# k = 1 turns it off, with a warning; k is only for the public profile.
expect_exit 0 "$UNCOUNTED" export "$S" --redact --k-anonymity 1 --out "$WORK/k1.csv"
expect_stderr "do not publish this file"
grep -q 'Onsong' "$WORK/k1.csv" || fail "--k-anonymity 1 still blanked values"
expect_exit 2 "$UNCOUNTED" export "$S" --redact partner --keep-below-k --out "$WORK/x.csv"
expect_stderr "are for the public profile"
expect_exit 2 "$UNCOUNTED" export "$S" --redact --k-anonymity 0 --out "$WORK/x.csv"

# Source and list names are one line of UTF-8 text (a broken byte could not
# be written as JSON by a later export; a line break would break CSV rows).
expect_exit 1 "$UNCOUNTED" import "$S" --source $'bad\xff' --list B "$WORK/cases.csv"
expect_stderr "--source is not valid UTF-8 text"
for name in $'two\nlines' $'tab\there' $'x\u0085y' $'x\u2028y' $'x\u202eevil' ' ' ''; do
  expect_exit 1 "$UNCOUNTED" import "$S" --source ok --list "$name" "$WORK/cases.csv"
done
expect_stderr "--list must not be empty or only spaces"
expect_exit 1 "$UNCOUNTED" import "$S" --source $'x\u202eevil' --list B "$WORK/cases.csv"
expect_stderr "--source must be one line of visible text"
# Names in any script are fine.
expect_exit 0 "$UNCOUNTED" import "$S" --source '탈북자 증언-2023 金' --list '목록 A' "$WORK/one.csv"
finish
