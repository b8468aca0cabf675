#!/bin/sh
# run.sh: the import benchmark (not a test).  Generates a 1,000,000-row
# enterprise register, imports it with innotrack into a fresh database and,
# in the same run, times two references on the same file:
#   - the sqlite3 shell's .import into a bare table (no key, no index);
#   - the sqlite3 shell building the table as innotrack has it (its unique
#     key, checks and six indexes, in a fresh innotrack database): .import
#     into a scratch table, one INSERT ... SELECT that names regions and
#     tiers as ids and stored values, the indexes made afterwards, all in
#     one transaction (ref2.sql below).
# Three runs each; prints the medians, their ratios and innotrack's peak
# memory.  Also times a re-import of the same file (every row compared,
# nothing changed).
# Usage: tests/bench/run.sh [ROWS]   (from the build folder; make bench-import
# [BENCH_ROWS=N]); KEEP=1 keeps the scratch folder (files, databases, ref2.sql).
set -e
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
top_builddir=${top_builddir:-.}
ROWS=${1:-1000000}
BIN=$top_builddir/innotrack
W=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-bench.XXXXXX")
trap '[ -n "$KEEP" ] || rm -rf "$W"' EXIT
${CC:-cc} -O2 -o "$W/peakmem" "$top_srcdir/tests/bench/peakmem.c"
echo "generating $ROWS rows..."
awk -v n="$ROWS" -f "$top_srcdir/tests/bench/gen_enterprises.awk" > "$W/big.csv"
echo "file: $(wc -c < "$W/big.csv") bytes"

# The second reference starts from a fresh innotrack database, as the import does.
INNOTRACK_LOGIN=bench "$BIN" --db "$W/fresh.db" init >/dev/null
q() { sqlite3 "$W/fresh.db" "$1"; }
INDEXES="SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enterprise' AND sql IS NOT NULL"
{
	echo ".import --csv $W/big.csv raw"
	echo "BEGIN;"
	q "SELECT 'DROP INDEX \"' || name || '\";' FROM ($INDEXES)"
	cat <<'SQL'
INSERT INTO enterprise(uscc, name, region_id, industry, tier, hte_cert_no, hte_cert_date,
                       has_rnd_inst, updated_by, updated_at)
SELECT r.统一社会信用代码, r.企业名称, g.id, r.所属行业,
       CASE r.梯次 WHEN '科技型中小企业' THEN 'tech_sme' WHEN '高新技术企业' THEN 'high_tech'
                   WHEN '瞪羚企业' THEN 'gazelle' ELSE 'none' END,
       nullif(r.高新技术企业证书编号, ''), nullif(r.发证日期, ''), r.研发机构 = '是',
       'bench', datetime('now', 'localtime')
FROM raw r LEFT JOIN region g ON g.name = r.所在地区 ORDER BY r.rowid;
SQL
	q "SELECT sql || ';' FROM ($INDEXES)"
	echo "DROP TABLE raw;"
	echo "COMMIT;"
} > "$W/ref2.sql"

median() { sort -n | sed -n 2p; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2"; }
ratio() { echo "$1 $2" | awk '{printf "%.2f", $1 / $2}'; }
for i in 1 2 3; do
	rm -f "$W/s.db"
	"$W/peakmem" sqlite3 "$W/s.db" ".import --csv $W/big.csv enterprise" 2>"$W/s.$i"
	field wall_s "$W/s.$i" >> "$W/s.times"
	rm -f "$W"/t.db*
	cp "$W/fresh.db" "$W/t.db"
	"$W/peakmem" sqlite3 "$W/t.db" < "$W/ref2.sql" 2>"$W/t.$i"
	field wall_s "$W/t.$i" >> "$W/t.times"
	test "$(sqlite3 "$W/t.db" 'SELECT count(*) FROM enterprise WHERE region_id IS NOT NULL')" = "$ROWS"
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
	echo "run $i: sqlite3 .import $(tail -1 "$W/s.times") s, sqlite3 table and indexes" \
	     "$(tail -1 "$W/t.times") s, innotrack import $(tail -1 "$W/i.times") s" \
	     "(phases: $(grep ' s: ' "$W/i.$i" | tr '\n' ' ')), re-import $(tail -1 "$W/r.times") s"
done
s=$(median < "$W/s.times")
t=$(median < "$W/t.times")
i=$(median < "$W/i.times")
r=$(median < "$W/r.times")
m=$(sort -n "$W/i.mem" "$W/r.mem" | tail -1)
echo "median of 3: sqlite3 .import ${s} s; sqlite3 table and indexes ${t} s;" \
     "innotrack import ${i} s; re-import ${r} s"
echo "ratios: import / .import $(ratio "$i" "$s")x (goal: 3.0x or less);" \
     "import / table and indexes $(ratio "$i" "$t")x; re-import / .import $(ratio "$r" "$s")x"
echo "innotrack peak memory: $((m / 1024)) MiB (goal: under 64 MiB)"
