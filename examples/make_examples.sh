#!/usr/bin/env bash
# Makes examples/sources/: the SYNTHETIC lists the examples and the demo use,
# with `uncounted simulate` and a fixed seed, so anyone can make them again
# and get the same bytes.
#
#   examples/make_examples.sh [PATH/TO/uncounted]
#
# Without an argument it uses `uncounted` on the PATH. The shared Korean
# tables come from $UNCOUNTED_DATA or the build's default (see
# `uncounted simulate --help`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
uncounted=${1:-uncounted}
"$uncounted" simulate --people 2800 --sources 4 --seed 20240917 \
  --first-year 2000 --last-year 2019 --scenario presets --out "$here/sources"
