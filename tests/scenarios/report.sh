# demo -> report, and link -> report on records that carry names: the
# report is one self-contained HTML file with SVG charts, and a public (or
# internal) report holds no name, birth date or record id from the inputs.
source "$(dirname "$0")/lib.bash"

fail_with() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. demo writes report.html; report STORE on the demo's store makes it again.
expect_exit 0 "$UNCOUNTED" demo --out "$WORK/demo" --examples "$(dirname "$0")/../../examples" --data-dir "$DATA"
expect_stdout "report.html"
[ -s "$WORK/demo/report.html" ] || fail_with "demo wrote no report.html"
grep -q '<svg' "$WORK/demo/report.html" || fail_with "demo report has no <svg"
grep -q 'Synthetic data' "$WORK/demo/report.html" || fail_with "demo report not labelled synthetic"
UNCOUNTED_PASSPHRASE="uncounted demo, synthetic data only" \
  expect_exit 0 "$UNCOUNTED" report "$WORK/demo/cases.store" --out "$WORK/again.html" --synthetic --data-dir "$DATA"
for section in 'id="totals"' 'id="overlap"' 'id="timeline"' 'id="sentences"' 'id="linkage"' 'id="sensitivity"' \
               'Sensitivity to linkage' 'Synthetic data'; do
  grep -qF -- "$section" "$WORK/again.html" || fail_with "report STORE lacks $section"
done
# The same store and run give the same totals table as the demo's report.
extract_totals() { sed -n '/id="totals"/,/id="overlap"/p' "$1" | grep -v 'sha256\|SHA-256'; }
[ "$(extract_totals "$WORK/demo/report.html")" = "$(extract_totals "$WORK/again.html")" ] ||
  fail_with "report STORE's totals differ from the demo's"

# 2. Records with names, linked; the report reads records, clusters and pairs.
mkdir -p "$WORK/linked"
cat >"$WORK/linked/interviews.csv" <<'CSV'
record_id,list,full_name,sex,birth_date,event_type,event_date,sentence_months
rec-kimyc-7731,A,김영철,M,1975-03-12,repatriation,2006-10,
rec-paksh-0912,A,박순희,F,1980-07-01,sentence,2011,36
rec-rims-4410,A,리명수,M,1968-11-30,repatriation,2004-03,
rec-choeeh-2288,A,최은희,F,1990-02-14,sentence,2015-07,4
rec-jungkh-5521,A,정광호,M,1971-09-09,repatriation,2013,
CSV
cat >"$WORK/linked/partner.csv" <<'CSV'
record_id,list,full_name,sex,birth_date,event_type,event_date,sentence_months
prt-kimyc-1,B,Kim Yong Chol,M,1975-03-12,repatriation,2006,
prt-paksh-2,B,Pak Sun Hui,F,1980-07-01,sentence,2011-05,36
prt-rims-3,B,Ri Myong Su,M,1968-11-30,repatriation,2004,
prt-hansi-6,B,Han Song Il,M,1985-05-05,repatriation,2017,
CSV
cat >"$WORK/linked/media.csv" <<'CSV'
record_id,list,full_name,sex,birth_date,event_type,event_date,sentence_months
med-kimyc-a,C,"KIM, Young-chul",M,1975-03-12,repatriation,2007-01,
med-paksh-b,C,Park Soon-hee,F,1980-07-01,sentence,2010-12,24
med-choeeh-c,C,Choe Un Hui,F,1990-02-14,sentence,2015,4
med-yunmo-d,C,Yun Mi Ok,F,1979-08-08,repatriation,2009,
CSV
expect_exit 0 "$UNCOUNTED" link --out-clusters "$WORK/linked/clusters.csv" --out-pairs "$WORK/linked/pairs.csv" \
  "$WORK/linked/interviews.csv" "$WORK/linked/partner.csv" "$WORK/linked/media.csv"
expect_exit 0 "$UNCOUNTED" histories "$WORK/linked/clusters.csv" --stratum event_date --period 5 \
  --records "$WORK/linked/interviews.csv" "$WORK/linked/partner.csv" "$WORK/linked/media.csv"
cp "$WORK/out" "$WORK/linked/histories.csv"
expect_exit 0 "$UNCOUNTED" report --from "$WORK/linked" --out "$WORK/public.html"
expect_stdout "a public report"
expect_stdout "clusters.csv"
expect_exit 0 "$UNCOUNTED" report --from "$WORK/linked" --out "$WORK/internal.html" --internal
expect_stdout "INTERNAL"

names=(김영철 박순희 리명수 최은희 정광호 "Kim Yong Chol" "Pak Sun Hui" "Ri Myong Su" "Han Song Il" "Young-chul"
       "Park Soon-hee" "Choe Un Hui" "Yun Mi Ok" 1975-03-12 1980-07-01 1968-11-30 1990-02-14 rec-kimyc prt-paksh
       med-yunmo kimyc paksh)
for html in "$WORK/public.html" "$WORK/internal.html"; do
  for name in "${names[@]}"; do
    grep -qF -- "$name" "$html" && fail_with "$(basename "$html") contains '$name'"
  done
  grep -q '<svg' "$html" || fail_with "$(basename "$html") has no <svg"
  grep -q '<script' "$html" && fail_with "$(basename "$html") has a <script"
  for section in 'id="overlap"' 'Events over time: repatriation' 'Match weights of the compared pairs' \
                 'Records per entity' 'Sentences by period'; do
    grep -qF -- "$section" "$html" || fail_with "$(basename "$html") lacks $section"
  done
done
# Every count here is small: the public report shows "<5", the internal one the counts.
grep -qF '&lt;5' "$WORK/public.html" || fail_with "public report suppresses nothing"
grep -qF 'records were linked' "$WORK/public.html" && fail_with "public report gives the record count"
grep -qF '13 records were linked' "$WORK/internal.html" || fail_with "internal report lacks the record count"

# 3. Bad input: nothing usable, a missing folder, a missing store, STORE and --from together.
mkdir -p "$WORK/empty"
expect_exit 1 "$UNCOUNTED" report --from "$WORK/empty" --out "$WORK/x.html"
expect_stderr "holds none of the report's inputs"
expect_exit 1 "$UNCOUNTED" report --from "$WORK/nowhere" --out "$WORK/x.html"
expect_stderr "not a folder"
UNCOUNTED_PASSPHRASE=secret expect_exit 1 "$UNCOUNTED" report "$WORK/store.uncounted" --out "$WORK/x.html"
expect_exit 2 "$UNCOUNTED" report "$WORK/demo/cases.store" --from "$WORK/linked" --out "$WORK/x.html"
expect_exit 2 "$UNCOUNTED" report --from "$WORK/demo"
# The report never replaces one of its inputs, nor the demo its examples.
head -1 "$WORK/linked/clusters.csv" >"$WORK/clusters.head"
expect_exit 1 "$UNCOUNTED" report --from "$WORK/linked" --out "$WORK/linked/clusters.csv"
expect_stderr "--out would overwrite the input $WORK/linked/clusters.csv; choose another file"
head -1 "$WORK/linked/clusters.csv" | cmp -s - "$WORK/clusters.head" || fail_with "report overwrote clusters.csv"
expect_exit 1 "$UNCOUNTED" demo --out "$WORK/linked" --examples "$WORK/linked" --data-dir "$DATA"
expect_stderr "--out would overwrite the examples folder"
[ -e "$WORK/x.html" ] && fail_with "a failed report left a file"
finish
