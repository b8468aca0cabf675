#!/bin/sh
# run.sh: the import benchmark (not a test).  Generates a 1,000,000-row
# enterprise register, imports it with innotrack into a fresh database and,
# in the same run, times the sqlite3 shell's .import of the same file into
# a plain table.  Three runs each; prints the medians, their ratio and
# innotrack's peak memory.  Also times a re-import of the same file (every
# row compared, nothing changed).
# Usage: tests/bench/run.sh [ROWS]   (from the build folder; make bench)
set -e
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
top_builddir=${top_builddir:-.}
ROWS=${1:-1000000}
BIN=$top_builddir/innotrack
W=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
${CC:-cc} -O2 -o "$W/peakmem" "$top_srcdir/tests/bench/peakmem.c"
echo "generating $ROWS rows..."
awk -v n="$ROWS" -f "$top_srcdir/tests/bench/gen_enterprises.awk" > "$W/big.csv"
echo "file: $(wc -c < "$W/big.csv") bytes"
median() { sort -n | sed -n 2p; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2"; }
for i in 1 2 3; do
	rm -f "$W/s.db"
	"$W/peakmem" sqlite3 "$W/s.db" ".import --csv $W/big.csv enterprise" 2>"$W/s.$i"
	field wall_s "$W/s.$i" >> "$W/s.times"
	rm -f "$W"/i.db*
	INNOTRACK_LOGIN=bench "$BIN" --db "$W/i.db" init >/dev/null
	INNOTRACK_LOGIN=bench INNOTRACK_TIMING=1 "$W/peakmem" "$BIN" --db "$W/i.db" import enterprises "$W/big.csv" \
		>/dev/null 2>"$W/i.$i"
	field wall_s "$W/i.$i" >> "$W/i.times"
	field peak_kib "$W/i.$i" >> "$W/i.mem"
	INNOTRACK_LOGIN=bench "$W/peakmem" "$BIN" --db "$W/i.db" import enterprises "$W/big.csv" \
		>/dev/null 2>"$W/r.$i"
	field wall_s "$W/r.$i" >> "$W/r.times"
	field peak_kib "$W/r.$i" >> "$W/r.mem"
	echo "run $i: sqlite3 .import $(tail -1 "$W/s.times") s, innotrack import $(tail -1 "$W/i.times") s" \
	     "(phases: $(grep ' s: ' "$W/i.$i" | tr '\n' ' ')), re-import $(tail -1 "$W/r.times") s"
done
s=$(median < "$W/s.times")
i=$(median < "$W/i.times")
r=$(median < "$W/r.times")
m=$(sort -n "$W/i.mem" "$W/r.mem" | tail -1)
echo "median of 3: sqlite3 .import ${s} s; innotrack import ${i} s (ratio $(echo "$i $s" | awk '{printf "%.2f", $1 / $2}')x);" \
     "re-import ${r} s (ratio $(echo "$r $s" | awk '{printf "%.2f", $1 / $2}')x)"
echo "innotrack peak memory: $((m / 1024)) MiB (goal: under 64 MiB)"
