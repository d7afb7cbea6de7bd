# Helpers for scenario tests. Each scenario script is run by ctest as
#   bash SCRIPT.sh PATH/TO/uncounted PATH/TO/shared/data
# and sources this file. A failed expectation prints what was expected and
# exits non-zero.
set -euo pipefail
UNCOUNTED=$1
DATA=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

# expect_exit STATUS COMMAND...: runs COMMAND, stdout to $WORK/out, stderr to $WORK/err.
expect_exit() {
  local want=$1
  shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: '$*' exited $got, expected $want" >&2
    sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
    failures=$((failures + 1))
  fi
}

# expect_stderr TEXT: the last command's stderr contains TEXT.
expect_stderr() {
  if ! grep -qF -- "$1" "$WORK/err"; then
    echo "FAIL: stderr lacks '$1'" >&2
    sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
    failures=$((failures + 1))
  fi
}

# expect_stdout TEXT: the last command's stdout contains TEXT.
expect_stdout() {
  if ! grep -qF -- "$1" "$WORK/out"; then
    echo "FAIL: stdout lacks '$1'" >&2
    sed 's/^/  stdout: /' "$WORK/out" | head -40 >&2
    failures=$((failures + 1))
  fi
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures expectation(s) failed" >&2
    exit 1
  fi
  echo "ok"
}
