# `uncounted estimate` refuses bad capture histories with exit status 1 and a
# message naming the file, line and column.
source "$(dirname "$0")/lib.bash"

put() { printf '%b' "$2" >"$WORK/$1"; }

put values.csv 'A,B,C,count\n1,0,0,5\n0,2,0,3\n0,0,1,4\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/values.csv"
expect_stderr "values.csv:3:2: a list column must be 0 or 1"

put negative.csv 'A,B,count\n1,0,5\n0,1,-3\n1,1,1\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/negative.csv"
expect_stderr "negative.csv:3:3: field 'count' is negative"

put fraction.csv 'A,B,count\n1,0,5\n0,1,2.5\n1,1,1\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/fraction.csv"
expect_stderr "fraction.csv:3:3: field 'count' is not a whole number"

put onelist.csv 'A,count\n1,5\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/onelist.csv"
expect_stderr "at least 2 list columns"

put emptylist.csv 'A,B,C,count\n1,0,0,5\n0,1,0,3\n1,1,0,2\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/emptylist.csv"
expect_stderr "emptylist.csv:1:3: list 'C' has no records"

put allzero.csv 'A,B,count\n1,0,5\n0,0,7\n0,1,3\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/allzero.csv"
expect_stderr "allzero.csv:3: the row is seen by no list"

put duplicate.csv 'A,B,count\n1,0,5\n0,1,3\n1,0,2\n'
expect_exit 1 "$UNCOUNTED" estimate "$WORK/duplicate.csv"
expect_stderr "duplicate.csv:4: duplicate capture pattern (already on line 2)"

expect_exit 1 "$UNCOUNTED" estimate "$WORK/missing.csv"
expect_stderr "missing.csv: cannot open the file"

# Usage errors exit 2.
expect_exit 2 "$UNCOUNTED" estimate
expect_exit 2 "$UNCOUNTED" estimate --method nosuch "$DATA/mse/HIV.csv"
expect_exit 2 "$UNCOUNTED" nosuchcommand
expect_exit 2 "$UNCOUNTED" estimate --level nan "$DATA/mse/HIV.csv"
expect_stderr "the level must be a number from 0.5 to 0.999"
expect_exit 2 "$UNCOUNTED" estimate --seed -1 "$DATA/mse/HIV.csv"
expect_stderr "the seed must be a whole number"

# A folder is named as one; input from a pipe is read once (the store check
# does not consume it), and a FIFO does not hang.
expect_exit 1 "$UNCOUNTED" estimate "$WORK"
expect_stderr "is a folder, not a file"
expect_exit 0 "$UNCOUNTED" estimate --method chao /dev/stdin <"$DATA/mse/HIV.csv"
expect_stdout "1,896"
mkfifo "$WORK/fifo"
# (the writer opens the FIFO under timeout too: if estimate never read it,
# the open itself would wait forever)
timeout 60 sh -c 'cat "$1" >"$2"' sh "$DATA/mse/HIV.csv" "$WORK/fifo" &
expect_exit 0 timeout 60 "$UNCOUNTED" estimate --method chao "$WORK/fifo"
expect_stdout "1,896"
wait || true

finish
