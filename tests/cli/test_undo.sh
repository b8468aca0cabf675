#!/bin/sh
# test_undo.sh: undo of import batches and what it relies on.  An import
# that adds rows records them as one run of ids in a single audit row
# (migration 004); undo must still remove exactly those rows, refuse when
# one was changed or deleted since, and read batches written the old way
# (one audit row per added row).  Also: re-imports change nothing, a file
# with new, changed and unchanged rows at once, duplicate keys in files.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..39"
DB=$T/u.db
newdb u.db
gen() {     # gen FIRST LAST > FILE: enterprises FIRST..LAST as Excel saves them
	awk -v n="$2" -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" |
		awk -v a="$1" 'NR == 1 || NR > a'
}
q() { sqlite3 "$DB" "$1"; }
rows() { sqlite3 "$1" "SELECT * FROM enterprise ORDER BY id"; }
# every column but version (undo gives a restored row a new version)
COLS="id, uscc, name, region_id, industry, tier, reserve_gazelle, reserve_unicorn, leading,
      little_giant, tsme_reg_no, hte_cert_no, hte_cert_date, has_rnd_inst, note, batch_id,
      updated_by, updated_at"
image() { sqlite3 "$1" "SELECT $COLS FROM enterprise ORDER BY id"; }
is() {      # is SQL WANT: the query gives WANT
	got=$(q "$1")
	[ "$got" = "$2" ] || { echo "$1: got '$got', wanted '$2'"; return 1; }
}
gen 1 3000 > "$T/a.csv"
rows "$DB" > "$T/rows0"

# a batch of added rows: one audit row for the run
ok "import 3000 enterprises" run 0 --db "$DB" import enterprises "$T/a.csv"
A=$(q "SELECT max(id) FROM import_batch")
ok "one audit row records the run of added ids" \
	is "SELECT count(*), min(row_id), max(row_last) FROM audit WHERE batch_id = $A" \
	   "1|$(q "SELECT min(id) FROM enterprise")|$(q "SELECT max(id) FROM enterprise")"
ok "the run covers exactly the rows of the batch" \
	is "SELECT count(*) FROM enterprise WHERE batch_id = $A AND version = 1" 3000
ok "the batch records the file's SHA-256" \
	is "SELECT sha256 FROM import_batch WHERE id = $A" "$(sha256sum < "$T/a.csv" | cut -d' ' -f1)"
rows "$DB" > "$T/rowsA"
image "$DB" > "$T/imageA"
ok "re-import: nothing to change" run 0 --db "$DB" import enterprises "$T/a.csv"
ok "re-import: says so" has "$T/out" "nothing to change: all 3000 rows"
rows "$DB" > "$T/rowsA2"
ok "re-import: the rows are as they were" cmp -s "$T/rowsA" "$T/rowsA2"
ok "re-import: no batch recorded" is "SELECT count(*) FROM import_batch" 1

# a later batch with new, changed and unchanged rows at once
{ gen 1 3000 | sed -n 1p
  gen 1 3000 | sed -n '2,11p' | sed 's/科技有限公司,/科技股份有限公司,/'
  gen 1 3000 | sed -n '12,21p'
  gen 3001 3005 | sed 1d; } > "$T/b.csv"
ok "dry run of a file with new, changed and unchanged rows" \
	run 0 --db "$DB" import enterprises "$T/b.csv" --dry-run
cat "$T/out" "$T/err" > "$T/dry"
ok "... counts them and lists a change with its column" \
	sh -c "grep -q 'would be 5 new, 10 changed, 10 unchanged' '$T/dry' &&
	       grep -q 'b.csv:2: changed: 91360200000000001X 景德镇市第1号科技有限公司; name: 景德镇市第1号科技有限公司 -> ' '$T/dry'"
image "$DB" > "$T/imageD"
ok "... and writes nothing" cmp -s "$T/imageA" "$T/imageD"
ok "a file with new, changed and unchanged rows" run 0 --db "$DB" import enterprises "$T/b.csv"
ok "counted as 5 new, 10 changed, 10 unchanged" has "$T/out" "5 new, 10 changed, 10 unchanged"
B=$(q "SELECT max(id) FROM import_batch")
ok "the changed rows have their new names" \
	is "SELECT count(*) FROM enterprise WHERE name LIKE '%股份%' AND batch_id = $B AND version = 2" 10
ok "the new rows are one run after the others" \
	is "SELECT row_id, row_last FROM audit WHERE batch_id = $B AND action = 'insert'" "3001|3005"
ok "undo of the first batch is refused: the second changed its rows" \
	run 1 --db "$DB" undo-import "$A"
ok "the refusal names the rows and the batch" has "$T/err" "changed since by import batch $B"
ok "undo the second batch" run 0 --db "$DB" undo-import "$B"
ok "... 5 rows removed, 10 restored" has "$T/out" "5 rows removed, 10 rows restored"
image "$DB" > "$T/imageA2"
ok "the rows are exactly as the first batch left them" cmp -s "$T/imageA" "$T/imageA2"

# changed by a clerk since: refused, naming the login
q "UPDATE enterprise SET name = name || '（改）', version = version + 1, batch_id = NULL WHERE id = 7;
   INSERT INTO audit(at, login, tbl, row_id, action, batch_id) VALUES ('2025-10-01 09:00:00', 'clerk1', 'enterprise', 7, 'update', NULL)"
ok "a row edited by a clerk since: undo refused" run 1 --db "$DB" undo-import "$A"
ok "... naming the row and the clerk" has "$T/err" "景德镇市第7号科技有限公司（改）: changed since by clerk1 at 2025-10-01 09:00:00"
q "UPDATE enterprise SET name = '景德镇市第7号科技有限公司', version = version - 1, batch_id = $A WHERE id = 7;
   DELETE FROM audit WHERE login = 'clerk1'"

# deleted since: refused
q "DELETE FROM enterprise WHERE id = 2999"
ok "a row deleted since: undo refused" run 1 --db "$DB" undo-import "$A"
ok "... naming it" has "$T/err" "enterprise row 2999: deleted since"
ok "nothing was changed by the refusals" is "SELECT count(*) FROM enterprise" 2999
q "DELETE FROM enterprise WHERE batch_id = $A AND id = 3000"
ok "the last row deleted too: both named" run 1 --db "$DB" undo-import "$A"
ok "... 2 rows" has "$T/err" "2 of its rows have changed since"

# an old batch with one audit row per added row, and a table whose ids ran out
newdb v.db
DB=$T/v.db
gen 1 50 > "$T/c.csv"
q "INSERT INTO enterprise(id, uscc, name) VALUES (9223372036854775807, '91360200999999999X', 'last')"
rows "$DB" > "$T/rowsV0"
ok "import into a table whose ids ran out (ids not in one run)" run 0 --db "$DB" import enterprises "$T/c.csv"
C=$(q "SELECT max(id) FROM import_batch")
ok "... one audit row per added row" \
	is "SELECT count(*), count(row_last) FROM audit WHERE batch_id = $C AND action = 'insert'" "50|0"
ok "undo removes exactly the added rows" \
	sh -c "'$BIN' --db '$DB' undo-import $C >/dev/null && sqlite3 '$DB' 'SELECT * FROM enterprise ORDER BY id' | cmp -s - '$T/rowsV0'"
q "DELETE FROM enterprise"
rows "$DB" > "$T/rowsV1"
"$BIN" --db "$DB" import enterprises "$T/c.csv" >/dev/null
D=$(q "SELECT max(id) FROM import_batch")
q "DELETE FROM audit WHERE batch_id = $D;
   INSERT INTO audit(at, login, tbl, row_id, action, batch_id)
   SELECT updated_at, 'tester', 'enterprise', id, 'insert', batch_id FROM enterprise ORDER BY id"
q "UPDATE enterprise SET tier = 'gazelle', version = 2, batch_id = NULL WHERE id = 5;
   INSERT INTO audit(at, login, tbl, row_id, action, batch_id) VALUES ('2025-10-01 09:00:00', 'clerk2', 'enterprise', 5, 'update', NULL)"
ok "an old-style batch: a changed row is found" run 1 --db "$DB" undo-import "$D"
ok "... and named" has "$T/err" "景德镇市第5号科技有限公司: changed since by clerk2"
q "DELETE FROM audit WHERE login = 'clerk2'; UPDATE enterprise SET tier = 'high_tech', version = 1, batch_id = $D WHERE id = 5"
ok "an old-style batch is undone" run 0 --db "$DB" undo-import "$D"
ok "... every added row removed" sh -c "sqlite3 '$DB' 'SELECT * FROM enterprise ORDER BY id' | cmp -s - '$T/rowsV1'"

# duplicate keys inside one file (found by fingerprints, named by SQL)
ok "long observations: a key twice" run 1 --db "$DB" import observations "$FX/bad_dup_obs.csv"
ok "... named with its first line" has "$T/err" "the same indicator, region and period as line"
printf '地区,高新技术企业数量,技术合同成交额（亿元）\n乐平市,3,1.5\n浮梁县,4,\n乐平市,5,\n' > "$T/wide.csv"
ok "wide observations: a region twice" run 1 --db "$DB" import observations "$T/wide.csv" --period 2025Q3
ok "... named once (the second line's indicator with a figure)" \
	sh -c "test \"\$(grep -c 'the same indicator, region and period as line 2' '$T/err')\" = 1"
sed -i '$d' "$T/wide.csv"
ok "... and without it the sheet is imported" run 0 --db "$DB" import observations "$T/wide.csv" --period 2025Q3
exit $((fails > 0))
