# `uncounted demo` runs on the shipped example and writes its results.
source "$(dirname "$0")/lib.bash"
expect_exit 0 "$UNCOUNTED" demo --out "$WORK/demo" --examples "$(dirname "$0")/../../examples"
expect_stdout "SYNTHETIC"
expect_stdout "Stratum 2020-2024"
expect_stdout "recommended:"
[ -s "$WORK/demo/estimate.json" ] || { echo "FAIL: no estimate.json" >&2; failures=$((failures + 1)); }
[ -s "$WORK/demo/estimate.csv" ] || { echo "FAIL: no estimate.csv" >&2; failures=$((failures + 1)); }
finish
