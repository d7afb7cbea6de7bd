#!/usr/bin/env bash
# Browser test of the HTML report: runs `uncounted demo`, and `link` ->
# `histories` -> `estimate` -> `report` on synthetic records that carry
# names (fixtures/), then opens the reports in Debian's
# chromium through playwright-core (report.test.mjs): charts present and
# non-empty, no console errors, no network, no input name in the page.
#
#   tests/browser/run.sh PATH/TO/uncounted [--screenshot PNG]
#
# Needs /usr/bin/chromium (Debian package `chromium`; CHROMIUM= to use
# another), node, and `npm ci` run in tests/browser (never downloads a
# browser; `scripts/install-dependencies --browser` does both). Exits 77
# (ctest: skipped) when one of them (or python3, for the fixtures) is
# missing, or 1 (failed) when UNCOUNTED_REQUIRE_BROWSER=1, as in CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
uncounted=$1
shift
screenshot=()
if [ "${1:-}" = "--screenshot" ]; then screenshot=(--screenshot "$(realpath -m "$2")"); shift 2; fi
chromium=${CHROMIUM:-/usr/bin/chromium}
missing=()
[ -x "$chromium" ] || missing+=("$chromium")
command -v node >/dev/null || missing+=(node)
command -v python3 >/dev/null || missing+=(python3)
[ -d "$here/node_modules/playwright-core" ] || missing+=("playwright-core ('npm ci' in $here)")
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${UNCOUNTED_REQUIRE_BROWSER:-}" = 1 ]; then
    printf 'FAIL: UNCOUNTED_REQUIRE_BROWSER=1 but the browser test lacks: %s\n' "${missing[*]}" >&2
    echo "(scripts/install-dependencies --browser installs them)" >&2
    exit 1
  fi
  printf 'skipped: the browser test lacks: %s (scripts/install-dependencies --browser installs them)\n' "${missing[*]}"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$uncounted" demo --out "$work/demo" --examples "$here/../../examples" >/dev/null
mkdir -p "$work/linked"
cp "$here"/fixtures/{interviews,partner,media}.csv "$work/linked/"
records=("$work/linked/interviews.csv" "$work/linked/partner.csv" "$work/linked/media.csv")
"$uncounted" link --out-clusters "$work/linked/clusters.csv" --out-pairs "$work/linked/pairs.csv" "${records[@]}" >/dev/null
"$uncounted" histories "$work/linked/clusters.csv" --stratum event_date --period 5 --records "${records[@]}" \
  >"$work/linked/histories.csv"
"$uncounted" report --from "$work/linked" --out "$work/public.html" >/dev/null
"$uncounted" report --from "$work/linked" --out "$work/internal.html" --internal >/dev/null

# A larger synthetic population through link -> histories -> estimate -> report.
python3 "$here/fixtures/make_population.py" "$work/population" >/dev/null
mv "$work/population/secrets.txt" "$work/population-secrets.txt"
pop=("$work/population/interviews.csv" "$work/population/partner.csv" "$work/population/media.csv")
"$uncounted" link --out-clusters "$work/population/clusters.csv" --out-pairs "$work/population/pairs.csv" "${pop[@]}" \
  >/dev/null
"$uncounted" histories "$work/population/clusters.csv" --stratum event_date --period 5 --records "${pop[@]}" \
  >"$work/population/histories.csv"
"$uncounted" estimate --stratum stratum --format json "$work/population/histories.csv" >"$work/population/estimate.json"
"$uncounted" report --from "$work/population" --out "$work/population.html" --synthetic >/dev/null

cat "$here/fixtures/secrets.txt" "$work/population-secrets.txt" >"$work/secrets.txt"
# The demo's inputs: every full name and Hangul name of the example's lists.
python3 - "$here"/../../examples/sources/*.csv >>"$work/secrets.txt" <<'PY'
import csv, sys
names = set()
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for column in ("full_name", "name_hangul", "name_hanzi"):
                value = (row.get(column) or "").strip()
                if len(value) >= 3:
                    names.add(value)
print("\n".join(sorted(names)))
PY
cd "$here"
CHROMIUM=$chromium node report.test.mjs "$work/secrets.txt" "${screenshot[@]}" \
  "$work/demo/report.html" "$work/population.html" "$work/public.html" "$work/internal.html"
