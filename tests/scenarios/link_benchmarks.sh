# `uncounted link` + `uncounted evaluate` on the labelled benchmarks of
# shared/data/linkage, with the configs in bench/configs (no identifier
# field, no truth used by link). Pairwise F1 must reach the targets of issue
# 3. Under sanitizers (UNCOUNTED_SANITIZED=1) the heavy sets are skipped.
source "$(dirname "$0")/lib.bash"
CONFIGS="$(cd "$(dirname "$0")/../../bench/configs" && pwd)"
L="$DATA/linkage"

# check_f1 NAME MIN TRUTH CONFIG FILES...: link, evaluate, compare pairwise F1.
check_f1() {
  local name=$1 min=$2 truth=$3 config=$4
  shift 4
  expect_exit 0 "$UNCOUNTED" link --config "$CONFIGS/$config" --out-clusters "$WORK/$name.clusters.csv" "$@"
  expect_stdout "model-estimated pairwise precision"
  expect_exit 0 "$UNCOUNTED" evaluate --truth "$truth" --config "$CONFIGS/$config" \
    --clusters "$WORK/$name.clusters.csv" "$@"
  local f1
  f1=$(awk '$1 == "pairwise" { print $4 }' "$WORK/out")
  echo "$name: pairwise F1 $f1 (target >= $min)"
  if ! awk -v f="$f1" -v m="$min" 'BEGIN { exit !(f >= m) }'; then
    echo "FAIL: $name pairwise F1 $f1 < $min" >&2
    failures=$((failures + 1))
  fi
}

check_f1 febrl4 0.998 ent_id febrl4.json "$L/febrl/febrl_dataset4a.csv" "$L/febrl/febrl_dataset4b.csv"
check_f1 febrl1 0.99 ent_id febrl1.json "$L/febrl/febrl_dataset1.csv"
check_f1 febrl3 0.995 ent_id febrl3.json "$L/febrl/febrl_dataset3.csv"
check_f1 rldata500 0.98 ent_id RLdata500.json "$L/rldata/RLdata500.csv"
check_f1 rldata10000 0.95 ent_id RLdata10000.json "$L/rldata/RLdata10000.csv"
check_f1 fake_1000 0.87 cluster fake_1000.json "$L/splink/fake_1000.csv"
if [ -z "${UNCOUNTED_SANITIZED:-}" ]; then
  check_f1 febrl2 0.99 ent_id febrl2.json "$L/febrl/febrl_dataset2.csv"
  check_f1 historical_50k 0.83 cluster historical_50k.json "$L/splink/splink_historical_figures_with_errors_50k.csv"
fi

# --explain prints the waterfalls of the pairs nearest the threshold.
expect_exit 0 "$UNCOUNTED" link --explain --config "$CONFIGS/RLdata500.json" --out-clusters "$WORK/explain.csv" \
  --out-pairs "$WORK/explain_pairs.csv" "$L/rldata/RLdata500.csv"
expect_stdout "pairs nearest the threshold"
expect_stdout "= match weight"
expect_stdout "first_name: exact"

# --count-pairs counts per rule and compares nothing.
expect_exit 0 "$UNCOUNTED" link --count-pairs --config "$CONFIGS/febrl4.json" \
  "$L/febrl/febrl_dataset4a.csv" "$L/febrl/febrl_dataset4b.csv"
expect_stdout "postcode"
expect_stdout "111397 cumulative"
finish
