# The encrypted case store through the command line (issue 4): no plaintext
# in any store file; wrong passphrase, tampering and truncation refused with
# exit 1 and every file unchanged; all-or-nothing validated import with line
# and column; re-import changes nothing; redacted export; audit; rekey; lock.
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/store_gen.bash"

S=$WORK/cases.store
export UNCOUNTED_PASSPHRASE="correct horse battery staple"
hashes() { (cd "$WORK" && sha256sum cases.store* 2>/dev/null | sort); }
same_files() { # same_files BEFORE WHAT: every store file byte-for-byte unchanged
  if [ "$(hashes)" != "$1" ]; then
    echo "FAIL: $2 changed the store's files" >&2
    failures=$((failures + 1))
  fi
}
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

make_records "$WORK/people.csv" 1 300
make_patterns "$WORK/patterns"

# --help on every command, usage errors exit 2.
for cmd in init import export rekey audit records; do
  expect_exit 0 "$UNCOUNTED" "$cmd" --help
done
expect_exit 2 "$UNCOUNTED" import "$S" "$WORK/people.csv" --list A
expect_exit 2 "$UNCOUNTED" export "$S"

expect_exit 0 "$UNCOUNTED" init "$S" --kdf-memory 8 --kdf-passes 1
expect_stdout "created"
expect_exit 1 "$UNCOUNTED" init "$S" --kdf-memory 8 --kdf-passes 1
expect_stderr "already exists"

expect_exit 0 "$UNCOUNTED" import "$S" --source interviews-2023 --list A "$WORK/people.csv"
expect_stdout "300 records: 300 added, 0 superseded, 0 unchanged"
[ -f "$S.journal" ] || fail "the import was not journaled"
found=$(scan_files "$WORK/patterns" "$S" "$S.journal" "$S.lock" "$S".tmp-*)
[ -z "$found" ] || fail "plaintext names or places in: $found"
# The importer really holds those names (the scan is not vacuous).
expect_exit 0 "$UNCOUNTED" records "$S" --name "$(sed -n 2p "$WORK/people.csv" | cut -d, -f3)"
expect_stdout "$(sed -n 2p "$WORK/people.csv" | cut -d, -f2)"
cp "$WORK/out" "$WORK/by_argument"
# The same search with the name on standard input (kept out of ps and history).
sed -n 2p "$WORK/people.csv" | cut -d, -f3 >"$WORK/name"
expect_exit 0 "$UNCOUNTED" records "$S" --name - <"$WORK/name"
cmp -s "$WORK/out" "$WORK/by_argument" || fail "records --name - found other records than --name NAME"
expect_exit 2 "$UNCOUNTED" records "$S" --name - </dev/null
expect_stderr "empty"

# Re-importing the same file changes nothing, not a byte.
before=$(hashes)
expect_exit 0 "$UNCOUNTED" import "$S" --source interviews-2023 --list A "$WORK/people.csv"
expect_stdout "0 added, 0 superseded, 300 unchanged"
same_files "$before" "re-importing the same file"

# A bad date rejects the whole file, with line and column; nothing stored.
make_records "$WORK/bad.csv" 1000 40
sed -i '27s/,20[0-9][0-9]-[0-9][0-9]-[0-9][0-9],/,2023-13-45,/' "$WORK/bad.csv"
expect_exit 1 "$UNCOUNTED" import "$S" --source partner --list B "$WORK/bad.csv"
expect_stderr "bad.csv:27:8: event_date: the month is not between 1 and 12"
expect_stderr "nothing was imported"
same_files "$before" "a rejected import"
printf '[\n {"record_id": "x1", "event_type": "arrest_china",\n  "event_date": "2023-02-30"}\n]\n' >"$WORK/bad.json"
expect_exit 1 "$UNCOUNTED" import "$S" --source partner --list B "$WORK/bad.json"
expect_stderr "bad.json:3:3: event_date: the day does not exist in its month"
same_files "$before" "a rejected JSON import"

# --dry-run counts and writes nothing.
make_records "$WORK/more.csv" 290 20
expect_exit 0 "$UNCOUNTED" import "$S" --source interviews-2023 --list A --dry-run "$WORK/more.csv"
expect_stdout "dry run (nothing written)"
expect_stdout "20 records: 9 added, 0 superseded, 11 unchanged"
same_files "$before" "--dry-run"

# A changed row supersedes the old version, which is kept.
sed -i '2s/,19[0-9][0-9],/,1949,/' "$WORK/people.csv"
expect_exit 0 "$UNCOUNTED" import "$S" --source interviews-2023 --list A "$WORK/people.csv"
expect_stdout "0 added, 1 superseded, 299 unchanged"
expect_exit 0 "$UNCOUNTED" records "$S" --all-versions --source interviews-2023 --format table
[ "$(grep -c $'\t1\t2\t' "$WORK/out")" = 1 ] || fail "record 1 has no version 2"
expect_stdout "(superseded)"

# Wrong passphrase: exit 1, clear message, every file unchanged.
before=$(hashes)
for cmd in "records $S" "audit $S" "export $S --out $WORK/x.csv" "rekey $S" \
           "import $S --source interviews-2023 --list A $WORK/more.csv"; do
  UNCOUNTED_PASSPHRASE=wrong UNCOUNTED_NEW_PASSPHRASE=other expect_exit 1 "$UNCOUNTED" $cmd
  expect_stderr "wrong passphrase"
  same_files "$before" "'$cmd' with a wrong passphrase"
done
[ ! -e "$WORK/x.csv" ] || fail "an export was written with a wrong passphrase"

# Tampered and truncated store and journal: refused, exit 1, unchanged.
cp "$S" "$WORK/original"
cp "$S.journal" "$WORK/original.journal"
size=$(stat -c %s "$S")
for offset in 10 50 100 $((size / 2)) $((size - 1)); do
  cp "$WORK/original" "$S"
  printf '\x5a' | dd of="$S" bs=1 seek="$offset" conv=notrunc status=none
  cmp -s "$S" "$WORK/original" && printf '\x5b' | dd of="$S" bs=1 seek="$offset" conv=notrunc status=none
  tampered=$(hashes)
  expect_exit 1 "$UNCOUNTED" import "$S" --source interviews-2023 --list A "$WORK/more.csv"
  same_files "$tampered" "opening a store altered at byte $offset"
done
expect_stderr "damaged or was altered"
for keep in 0 20 104 $((size / 2)) $((size - 1)); do
  head -c "$keep" "$WORK/original" >"$S"
  cut_files=$(hashes)
  expect_exit 1 "$UNCOUNTED" records "$S"
  [ "$keep" -ge 104 ] && expect_stderr "truncated"
  same_files "$cut_files" "opening a store truncated to $keep bytes"
done
cp "$WORK/original" "$S"
jsize=$(stat -c %s "$S.journal")
printf '\x00' | dd of="$S.journal" bs=1 seek=$((jsize - 3)) conv=notrunc status=none
printf '\x01' | dd of="$S.journal" bs=1 seek=$((jsize - 2)) conv=notrunc status=none
tampered=$(hashes)
expect_exit 1 "$UNCOUNTED" import "$S" --source interviews-2023 --list A "$WORK/more.csv"
expect_stderr "journal entry"
same_files "$tampered" "opening a store with an altered journal"
cp "$WORK/original.journal" "$S.journal"
expect_exit 0 "$UNCOUNTED" audit "$S"
expect_stdout "audit log intact"

# One writer at a time.
if command -v flock >/dev/null; then
  flock -x "$S.lock" sleep 2 &
  holder=$!
  sleep 0.5
  expect_exit 1 "$UNCOUNTED" import "$S" --source interviews-2023 --list A "$WORK/more.csv"
  expect_stderr "in use by another uncounted process"
  wait "$holder" 2>/dev/null || true
fi

# Redacted export: no names, no Hangul names, no birth years or ages, no
# dates finer than a year, and k-anonymous (k = 5): as a reader of the file
# sees it, every record shares all its values but its id with at least 4
# others (records that cannot are left out; records of 100 or more people,
# by their head count, the last column, are not about one person and are
# left out of the check).
expect_exit 0 "$UNCOUNTED" export "$S" --redact --out "$WORK/public.csv"
expect_stdout "redaction: public"
expect_stdout "k-anonymity 5: "
small=$(awk -F'\r' 'NR > 1 { m = split($1, f, ","); if (f[m] + 0 >= 100) next
          id = $1; sub(/,.*/, "", id); rest = $1; sub(/^[^,]*,/, "", rest)
          if (!(id in key)) order[++n] = id; key[id] = key[id] "|" rest }
        END { for (i = 1; i <= n; i++) size[key[order[i]]]++
              for (i = 1; i <= n; i++) if (size[key[order[i]]] < 5) small++; print small + 0 }' "$WORK/public.csv")
[ "$small" = 0 ] || fail "the public export has $small records in groups under 5"
[ "$(tail -n +2 "$WORK/public.csv" | wc -l)" -gt 0 ] || fail "the public export is empty"
grep -qE '[0-9]{4}-[0-9]{2}' "$WORK/public.csv" && fail "the public export holds dates finer than a year"
# Sorted by pseudonym within each source, not in the store's order (which
# would tell each record's rank among its source's ids).
tail -n +2 "$WORK/public.csv" | awk -F, '{ print $2 " " $1 }' | LC_ALL=C sort -c ||
  fail "the public export is not sorted by pseudonym within each source"
head -1 "$WORK/public.csv" | grep -qE '(^|,)age(,|\r|$)' && fail "the public export has an age column"
awk -F, 'FNR > 1 && $3 != "" { print $3 } FNR > 1 && $2 != "" { print $2 }' "$WORK/people.csv" |
  awk 'length($0) >= 5' | sort -u >"$WORK/names"
LC_ALL=C grep -qF -f "$WORK/names" "$WORK/public.csv" && fail "the public export holds names"
head -1 "$WORK/public.csv" | grep -qE 'name|birth' && fail "the public export has name or birth columns"
grep -q '^p[0-9a-f]\{32\},' "$WORK/public.csv" || fail "the public export lacks pseudonymous ids"
expect_exit 2 "$UNCOUNTED" export "$S" --redact partner --k-anonymity 3 --out "$WORK/partner.json"
expect_stderr "are for the public profile"
expect_exit 0 "$UNCOUNTED" export "$S" --redact partner --out "$WORK/partner.json"
LC_ALL=C grep -qF -f "$WORK/names" "$WORK/partner.json" && fail "the partner export holds names"
expect_exit 1 "$UNCOUNTED" export "$S" --out "$WORK/public.csv"
expect_stderr "exists"
expect_exit 0 "$UNCOUNTED" export "$S" --out "$WORK/all.json"
expect_stderr "not redacted"
LC_ALL=C grep -qF -f "$WORK/names" "$WORK/all.json" || fail "the unredacted export lacks the names"
[ "$(stat -c %a "$WORK/all.json")" = 600 ] || fail "the unredacted export is readable by others"
[ "$(stat -c %a "$WORK/public.csv")" = 600 ] || fail "the export is readable by others"
expect_exit 0 "$UNCOUNTED" audit "$S"
expect_stdout "export profile=public"
expect_stdout "k=5 blanked="
expect_stdout "audit log intact"
# A leftover OUT.part that is a link (here to a notes file) is replaced, not
# written through; the audit log's SHA-256 is that of the file written.
printf 'my notes\n' >"$WORK/notes.txt"
ln -s "$WORK/notes.txt" "$WORK/linked.csv.part"
expect_exit 0 "$UNCOUNTED" export "$S" --redact --out "$WORK/linked.csv"
[ "$(cat "$WORK/notes.txt")" = "my notes" ] || fail "the export wrote through a link at its .part"
[ ! -e "$WORK/linked.csv.part" ] && [ ! -L "$WORK/linked.csv.part" ] || fail "the export left its .part"
expect_exit 0 "$UNCOUNTED" audit "$S"
expect_stdout "$(sha256sum "$WORK/linked.csv" | cut -d' ' -f1)"

# Filters.
expect_exit 0 "$UNCOUNTED" records "$S" --event-type repatriation --from 2005 --to 2005-12
[ "$(wc -l <"$WORK/out")" -gt 1 ] || fail "records --event-type --from --to found nothing"
expect_exit 2 "$UNCOUNTED" records "$S" --from 2005-13

# Passphrase from a file; rekey.
printf 'correct horse battery staple\n' >"$WORK/pass"
UNCOUNTED_PASSPHRASE= expect_exit 0 "$UNCOUNTED" records "$S" --passphrase-file "$WORK/pass" --source nobody
printf 'a new passphrase\n' >"$WORK/newpass"
expect_exit 0 "$UNCOUNTED" rekey "$S" --new-passphrase-file "$WORK/newpass" --kdf-memory 8 --kdf-passes 1
expect_exit 1 "$UNCOUNTED" records "$S"
expect_stderr "wrong passphrase"
UNCOUNTED_PASSPHRASE="a new passphrase" expect_exit 0 "$UNCOUNTED" audit "$S"
expect_stdout "rekey"
[ ! -e "$S.journal" ] || fail "rekey left the journal"
found=$(scan_files "$WORK/patterns" "$S" "$S.journal" "$S.lock" "$S".tmp-*)
[ -z "$found" ] || fail "plaintext names or places in: $found"
for f in "$S" "$S.lock"; do
  [ "$(stat -c %a "$f")" = 600 ] || fail "$f is not mode 600"
done

# A file that is not a store is refused and left alone: no lock file beside it.
printf 'record_id,full_name\nr1,x\n' >"$WORK/plain.csv"
expect_exit 1 "$UNCOUNTED" records "$WORK/plain.csv"
expect_stderr "not an uncounted store"
[ ! -e "$WORK/plain.csv.lock" ] || fail "opening a non-store left a lock file beside it"
expect_exit 1 "$UNCOUNTED" init ""
expect_stderr "needs a file name"
finish
