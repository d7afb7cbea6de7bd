# The pipeline on a STORE: link, review decisions, histories, estimate and
# report read and write only the store (and the report); decisions are
# stored, applied, revoked and audited.
source "$(dirname "$0")/lib.bash"
export UNCOUNTED_PASSPHRASE="correct horse battery staple"
store="$WORK/cases.store"
src="$(dirname "$0")/../../examples/sources"
expect_exit 0 "$UNCOUNTED" init "$store" --kdf-memory 8 --kdf-passes 1
for s in media_south ngo_reports; do
  expect_exit 0 "$UNCOUNTED" import "$store" --source "$s" --list "$s" "$src/$s.csv"
done

# Nothing to estimate before a link run.
expect_exit 1 "$UNCOUNTED" estimate "$store"
expect_stderr "no link run yet"

expect_exit 0 "$UNCOUNTED" link "$store" --data-dir "$DATA"
expect_stdout "saved as link run 1"
expect_exit 2 "$UNCOUNTED" link "$store" --out-clusters "$WORK/c.csv" --data-dir "$DATA"
expect_stderr "kept in the store"

expect_exit 0 "$UNCOUNTED" histories "$store" --period 5
expect_stdout "entity_id,media_south,ngo_reports,stratum"
expect_stdout "2005-2009"
expect_exit 0 "$UNCOUNTED" estimate "$store" --period 5 --method loglinear --format json
expect_stdout '"strata"'

# Decisions: recorded, contradicted, applied, revoked, audited.
a=media_south:media_south-000001
b=ngo_reports:ngo_reports-000001
c=ngo_reports:ngo_reports-000002
expect_exit 0 "$UNCOUNTED" review "$store" --same "$a" "$b" --reason "same photograph"
expect_stdout "recorded decision 1"
expect_exit 2 "$UNCOUNTED" review "$store" --different "$a" "$c"
expect_stderr "--reason"
expect_exit 0 "$UNCOUNTED" review "$store" --same "$a" "$c" --reason "same family register"
expect_exit 1 "$UNCOUNTED" review "$store" --different "$b" "$c" --reason "different birth places"
expect_stderr "'same person' decisions join them"
expect_exit 1 "$UNCOUNTED" review "$store" --same "$a" media_south:no-such-record --reason x
expect_stderr "has no record 'no-such-record'"
expect_exit 0 "$UNCOUNTED" link "$store" --data-dir "$DATA"
expect_stdout "clerical decisions applied: 2 same person, 0 different people"
expect_exit 0 "$UNCOUNTED" review "$store" --revoke 2 --reason "register was misread"
expect_exit 0 "$UNCOUNTED" review "$store"
expect_stdout "same photograph"
if grep -qF "same family register" "$WORK/out"; then echo "FAIL: a revoked decision is listed as active" >&2; failures=$((failures + 1)); fi
expect_exit 0 "$UNCOUNTED" review "$store" --all
expect_stdout "register was misread"
expect_exit 0 "$UNCOUNTED" link "$store" --data-dir "$DATA"
expect_stdout "clerical decisions applied: 1 same person"

# The report from the store; its making is audited.
expect_exit 0 "$UNCOUNTED" report "$store" --out "$WORK/report.html" --synthetic --no-sensitivity --data-dir "$DATA"
expect_stdout "link run 3"
[ -s "$WORK/report.html" ] || { echo "FAIL: no report" >&2; failures=$((failures + 1)); }
expect_exit 0 "$UNCOUNTED" audit "$store"
for action in decision revoke link report; do expect_stdout "$action"; done
# The audit log never holds a reviewer's reason or a record id.
if grep -qE "photograph|media_south-0000" "$WORK/out"; then echo "FAIL: the audit log holds record details" >&2; failures=$((failures + 1)); fi

# No output replaces the store, its journal or lock file, or any store, however
# it is named: refused (exit 1) before anything is done, the store unchanged.
store_digest() {
  for f in "$store" "$store.journal" "$store.lock"; do [ -e "$f" ] && sha256sum <"$f"; done
  true
}
was=$(store_digest)
for target in "$store" "$store.journal" "$store.lock" "$WORK/./cases.store"; do
  expect_exit 1 "$UNCOUNTED" report "$store" --out "$target" --no-sensitivity --data-dir "$DATA"
  expect_stderr "--out would overwrite the store"
  expect_stderr "choose another file"
done
ln -s cases.store "$WORK/link.html"
expect_exit 1 "$UNCOUNTED" report "$store" --out "$WORK/link.html" --no-sensitivity --data-dir "$DATA"
expect_stderr "--out would overwrite the store $store;"
rm "$WORK/link.html"
expect_exit 1 "$UNCOUNTED" export "$store" --out "$store" --force
expect_stderr "--out would overwrite the store $store;"
expect_exit 1 "$UNCOUNTED" export "$store" --out "$store.journal" --force
expect_stderr "--out would overwrite the store's journal"
expect_exit 1 "$UNCOUNTED" link --out-clusters "$store" "$src/media_south.csv" --data-dir "$DATA"
expect_stderr "--out-clusters would overwrite the encrypted store $store;"
[ "$(store_digest)" = "$was" ] || { echo "FAIL: a refused command changed the store" >&2; failures=$((failures + 1)); }
expect_exit 0 "$UNCOUNTED" audit "$store" --quiet

# Only the store, its lock and the report were written.
extra=$(cd "$WORK" && ls -A | grep -vxE 'cases\.store(\.journal|\.lock)?|report\.html|out|err' || true)
[ -z "$extra" ] || { echo "FAIL: other files were written: $extra" >&2; failures=$((failures + 1)); }
finish
