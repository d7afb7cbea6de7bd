# `uncounted estimate` through the command line on real tables: the JSON
# contract of DESIGN.md section 4, strata, formats and reference numbers.
source "$(dirname "$0")/lib.bash"

# JSON shape: observed, lists, estimates with the documented keys, warnings,
# exactly one recommended estimate with a reason.
expect_exit 0 "$UNCOUNTED" estimate --format json --samples 200 --burnin 1000 --thin 10 "$DATA/mse/HIV.csv"
expect_stdout '"observed": 1896'
expect_stdout '"lists": ['
for key in '"method": "loglinear"' '"method": "lcmcr"' '"method": "chao"' '"N": ' '"lower": ' '"upper": ' \
           '"level": 0.95' '"warnings": [' '"recommended": true' '"reason": ' '"provenance": {' '"seed": 1'; do
  expect_stdout "$key"
done
[ "$(grep -c '"recommended": true' "$WORK/out")" = 1 ] || { echo "FAIL: not exactly one recommended" >&2; failures=$((failures + 1)); }

# Rcapture closedpMS.t best BIC on HIV: independence, 11,125 (9,532 - 13,114).
expect_exit 0 "$UNCOUNTED" estimate --method loglinear --format csv "$DATA/mse/HIV.csv"
expect_stdout ',loglinear,[c1][c2][c3][c4],bic,11124.6,9531.7'

# SparseMSE's stepwise rule on Western adds A:E: 2,483.
expect_exit 0 "$UNCOUNTED" estimate --method loglinear --criterion stepwise --format csv "$DATA/mse/Western.csv"
expect_stdout ',loglinear,[AE][B][C][D],stepwise,2483.38'

# Artificial_3: the model whose MLE does not exist is refused, with the
# reason; as nothing else was asked for, there is no estimate: exit 1.
expect_exit 1 "$UNCOUNTED" estimate --method loglinear --model '[12,3]' "$DATA/mse/Artificial_3.csv"
expect_stdout "model [AB][C] is not reported: the MLE does not exist"
expect_stderr "no estimate of the total could be made with --method loglinear --model [12,3]"
expect_stderr "the MLE does not exist"
# A method that cannot run on two lists: exit 1 with the reason.
printf 'A,B,count\n1,0,10\n0,1,12\n1,1,5\n' >"$WORK/two.csv"
expect_exit 1 "$UNCOUNTED" estimate --method lcmcr "$WORK/two.csv"
expect_stderr "the latent-class model needs at least 3 lists"

# Strata: the shipped synthetic example, by period.
expect_exit 0 "$UNCOUNTED" estimate --stratum period --method loglinear --format csv \
  "$(dirname "$0")/../../examples/histories_by_period.csv"
for period in 2000-2004 2005-2011 2012-2019 2020-2024; do expect_stdout "$period,loglinear,"; done

# The same seed gives the same numbers.
"$UNCOUNTED" estimate --method lcmcr --seed 7 --samples 200 --burnin 500 --thin 5 --format csv "$DATA/mse/MY5.csv" >"$WORK/a"
"$UNCOUNTED" estimate --method lcmcr --seed 7 --samples 200 --burnin 500 --thin 5 --format csv "$DATA/mse/MY5.csv" >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" || { echo "FAIL: same seed, different output" >&2; failures=$((failures + 1)); }

# Help on the command, and --version.
expect_exit 0 "$UNCOUNTED" estimate --help
expect_stdout "--criterion"
expect_exit 0 "$UNCOUNTED" --version
expect_stdout "uncounted 0.1.0"

finish
