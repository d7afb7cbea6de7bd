# link -> histories -> estimate on canonical columns (no config): Korean
# names in several scripts and romanisations, three lists, a stratum from
# event_date periods; the histories must be readable by `estimate`.
source "$(dirname "$0")/lib.bash"

cat >"$WORK/a.csv" <<'CSV'
record_id,list,full_name,sex,birth_year,event_date
a1,A,김영철,M,1975,2006-10
a2,A,박순희,F,1980,2011
a3,A,리명수,M,1968,2004-03
a4,A,최은희,F,1990,2015-07
a5,A,정광호,M,1971,2013
CSV
cat >"$WORK/b.csv" <<'CSV'
record_id,list,full_name,sex,birth_year,event_date
b1,B,Kim Yong Chol,M,1975,2006
b2,B,Pak Sun Hui,F,1980,2011-05
b3,B,Ri Myong Su,M,1968,2004
b6,B,Han Song Il,M,1985,2017
CSV
cat >"$WORK/c.csv" <<'CSV'
record_id,list,full_name,sex,birth_year,event_date
c1,C,"KIM, Young-chul",M,1975,2007-01
c2,C,Park Soon-hee,F,1980,2010-12
c4,C,Choe Un Hui,F,1990,2015
c7,C,Yun Mi Ok,F,1979,2009
CSV
expect_exit 0 "$UNCOUNTED" link --out-clusters "$WORK/clusters.csv" --out-pairs "$WORK/pairs.csv" --explain \
  "$WORK/a.csv" "$WORK/b.csv" "$WORK/c.csv"
expect_stdout "name keys"
head -1 "$WORK/clusters.csv" | grep -qx "record_id,source,list,cluster_id" || { echo "FAIL: clusters header" >&2; failures=$((failures + 1)); }
head -1 "$WORK/pairs.csv" | grep -q "^left_id,right_id,match_weight,match_probability,prior_weight,name_level,name_weight" ||
  { echo "FAIL: pairs header" >&2; failures=$((failures + 1)); }
# The same person across scripts and romanisations is one entity.
same() { [ "$(awk -F, -v a="$1" '$1 == a { print $4 }' "$WORK/clusters.csv")" = \
           "$(awk -F, -v b="$2" '$1 == b { print $4 }' "$WORK/clusters.csv")" ]; }
for p in "a1 b1" "a1 c1" "a2 b2" "a2 c2" "a3 b3" "a4 c4"; do
  # shellcheck disable=SC2086
  same $p || { echo "FAIL: $p not linked" >&2; failures=$((failures + 1)); }
done
same a5 b6 && { echo "FAIL: a5 and b6 linked" >&2; failures=$((failures + 1)); }

expect_exit 0 "$UNCOUNTED" histories "$WORK/clusters.csv" --stratum event_date --period 5 \
  --records "$WORK/a.csv" "$WORK/b.csv" "$WORK/c.csv"
cp "$WORK/out" "$WORK/histories.csv"
expect_stdout "entity_id,A,B,C,stratum"
expect_stdout ",1,1,1,2005-2009"
expect_exit 0 "$UNCOUNTED" histories "$WORK/clusters.csv"
cp "$WORK/out" "$WORK/plain.csv"
expect_stdout "entity_id,A,B,C"
expect_exit 0 "$UNCOUNTED" estimate --method chao "$WORK/plain.csv"
expect_exit 0 "$UNCOUNTED" estimate --method chao --stratum stratum "$WORK/histories.csv"

# Asked for something that cannot be done: said, not silently ignored.
expect_exit 1 "$UNCOUNTED" histories "$WORK/clusters.csv" --stratum sex --period 5 \
  --records "$WORK/a.csv" "$WORK/b.csv" "$WORK/c.csv"
expect_stderr "--period: no value of the column 'sex' is a date"
expect_exit 1 "$UNCOUNTED" histories "$WORK/clusters.csv" --period 5
expect_stderr "none was given"
expect_exit 1 "$UNCOUNTED" histories "$WORK/clusters.csv" --records "$WORK/a.csv"
expect_stderr "none was given"
# A list whose name `estimate` reads as something else, and a record listed twice.
sed 's/,A,/,id,/' "$WORK/clusters.csv" >"$WORK/id_list.csv"
expect_exit 1 "$UNCOUNTED" histories "$WORK/id_list.csv"
expect_stderr "a list is named 'id'"
{ cat "$WORK/clusters.csv"; sed -n 2p "$WORK/clusters.csv"; } >"$WORK/twice.csv"
expect_exit 1 "$UNCOUNTED" histories "$WORK/twice.csv"
expect_stderr "is already on line 2"
finish
