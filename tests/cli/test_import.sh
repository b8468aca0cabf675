#!/bin/sh
# test_import.sh: innotrack import, imports, undo-import, on the fixtures:
# Excel's habits in both encodings, every kind of bad file, dry runs,
# idempotent re-import, undo and its refusal, the register count in report.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..52"
DB=$T/a.db
newdb a.db

# good files, both encodings
ok "enterprises: title, notes, quoted newline, date forms, lower-case USCC" \
	run 0 --db "$DB" import enterprises "$FX/enterprises.csv"
ok "enterprises: 7 new rows" has "$T/out" "7 new, 0 changed, 0 unchanged"
ok "enterprises: dates read in all five forms" \
	sh -c "sqlite3 '$DB' \"SELECT group_concat(d, ' ') FROM (SELECT hte_cert_date AS d FROM enterprise ORDER BY id)\" | grep -q '2022-12-02 2023-12-02 2021-12-02 2024-12-02 2025-03-02 2022-01-15'"
ok "enterprises: quoted comma, quote and newline kept" \
	sh -c "sqlite3 '$DB' \"SELECT count(*) FROM enterprise WHERE name = '景德镇\\\"航宇\\\"无人机有限公司' AND note = '研发中心，已认定'\" | grep -qx 1"
ok "enterprises: GB18030 copy is the same data" \
	run 0 --db "$DB" import enterprises "$FX/enterprises.gb18030.csv"
ok "enterprises: GB18030 copy changes nothing" has "$T/out" "nothing to change"
ok "enterprises: LF copy without BOM changes nothing" \
	run 0 --db "$DB" import enterprises "$FX/enterprises_lf.csv"
ok "enterprises: same file twice changes nothing" \
	run 0 --db "$DB" import enterprises "$FX/enterprises.csv"
ok "enterprises: says which batch had the file" has "$T/out" "the same file as import batch 1"

# bad files: exit 1, every error named, the database unchanged
dump "$DB" > "$T/before.sql"
ok "wrong check character: exit 1" run 1 --db "$DB" import enterprises "$FX/bad_uscc.csv"
ok "wrong check character: FILE:LINE: column: the right character" \
	has "$T/err" "bad_uscc.csv:3: column 1 统一社会信用代码: \"913602000000000020\" is not a valid USCC (check character should be 1)"
ok "wrong check character: the short code on line 4 too" has "$T/err" "bad_uscc.csv:4:"
ok "unknown region" run 1 --db "$DB" import enterprises "$FX/bad_region.csv"
ok "unknown region: named" has "$T/err" "bad_region.csv:3: column 3 所在地区: \"南昌县\" is not a region"
ok "duplicate key in one file" run 1 --db "$DB" import enterprises "$FX/bad_dup.csv"
ok "duplicate key: both lines named" has "$T/err" "bad_dup.csv:4: column 1 统一社会信用代码: the same key as line 2"
ok "truncated quote" run 1 --db "$DB" import enterprises "$FX/bad_quote.csv"
ok "truncated quote: one clear message" has "$T/err" "bad_quote.csv:3: a quoted field opened in the row starting here is not closed"
ok "quoted newlines: file line and Excel row both given" run 1 --db "$DB" import enterprises "$FX/bad_multiline.csv"
ok "quoted newlines: message" has "$T/err" "bad_multiline.csv:5: column 3 所在地区: \"不存在县\" is not a region of this database (known: 景德镇市, 乐平市, 浮梁县, 昌江区, 珠山区, 高新区, 昌南新区) (line 5 of the file is row 3 in Excel"
ok "empty file" sh -c "! '$BIN' --db '$DB' import enterprises '$FX/empty.csv' 2>&1 | grep -q 'the file is empty' && false || '$BIN' --db '$DB' import enterprises '$FX/empty.csv' 2>/dev/null; test \$? = 1"
ok "random bytes: one message, exit 1" run 1 --db "$DB" import enterprises "$FX/random.bin"
ok "no header" run 1 --db "$DB" import enterprises "$FX/no_header.csv"
ok "text in a number column, bad period, unknown indicator: all listed" \
	run 1 --db "$DB" import observations "$FX/bad_number.csv"
ok "text in a number column: message" has "$T/err" "bad_number.csv:2: column 4 数值: \"很多\" is not a number"
ok "all four errors counted" has "$T/err" "rejected: 4 errors; nothing was written"
# a file over a MiB is taken as UTF-8 on its head; the rest is checked as it is read
awk -v n=12000 -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/big_bad.csv"
cp "$T/big_bad.csv" "$T/big_nul.csv"
printf '913602000000999990,景德\351\225公司,浮梁县,航空,无,,,否\r\n' >> "$T/big_bad.csv"
printf '913602000000999990,景德\000镇公司,浮梁县,航空,无,,,否\r\n' >> "$T/big_nul.csv"
ok "a big file with a byte that is not UTF-8 on its last line: exit 1" \
	run 1 --db "$DB" import enterprises "$T/big_bad.csv"
ok "... the line named" has "$T/err" "big_bad.csv:12002: bytes that are not UTF-8 (try --encoding gb18030)"
ok "a big file with a NUL on its last line: exit 1" \
	sh -c "'$BIN' --db '$DB' import enterprises '$T/big_nul.csv' 2>&1; test \$? = 1"
ok "... as a NUL" sh -c "'$BIN' --db '$DB' import enterprises '$T/big_nul.csv' 2>&1 | grep -F 'big_nul.csv:12002: a NUL byte: this is not a CSV text file'"
dump "$DB" > "$T/after.sql"
ok "rejected files left the database exactly as it was" cmp -s "$T/before.sql" "$T/after.sql"

# observations: long and wide, dry run
ok "wide sheet, dry run" run 0 --db "$DB" import observations "$FX/obs_wide.gb18030.csv" --dry-run
ok "dry run: period from the title, nothing written" \
	sh -c "grep -q 'period 2025Q3 taken from the title line' '$T/out' && grep -q 'nothing was written' '$T/out' && test \"\$(sqlite3 '$DB' 'SELECT count(*) FROM observation')\" = 0"
ok "wide sheet: 合计 checked against the column sum" \
	has "$T/err" "the 合计 row says 26000.5 but the rows above add up to 26500.5"
ok "wide sheet imported, 万元 converted to 亿元" \
	sh -c "'$BIN' --db '$DB' import observations '$FX/obs_wide.csv' >/dev/null 2>&1 && sqlite3 '$DB' \"SELECT value FROM observation o JOIN region r ON r.id = o.region_id JOIN indicator i ON i.id = o.indicator_id WHERE r.name = '浮梁县' AND i.code = 'tech_contract'\" | grep -qx 0.85005"
ok "long sheet: 1,234 / １２３ / 2.2% / (1.5) / — read" \
	sh -c "'$BIN' --db '$DB' import observations '$FX/obs_long.csv' >/dev/null && sqlite3 '$DB' \"SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE batch_id = (SELECT max(id) FROM import_batch) ORDER BY value)\" | grep -qx -- '1.5 2.05 2.2 123.0 1234.0'"

# undo
LAST=$(sqlite3 "$DB" "SELECT max(id) FROM import_batch")
ok "undo of the wide sheet is refused: the long sheet changed its rows since" \
	run 1 --db "$DB" undo-import $((LAST - 1))
ok "refusal names the rows" has "$T/err" "changed since by import batch $LAST"
ok "undo the long sheet, then the wide one" \
	sh -c "'$BIN' --db '$DB' undo-import $LAST && '$BIN' --db '$DB' undo-import $((LAST - 1))"
ok "undo twice is refused" run 2 --db "$DB" undo-import "$LAST"
ok "imports lists the batches with undone ones marked" \
	sh -c "'$BIN' --db '$DB' imports | grep -q 'obs_long.csv.*undone'"

# a new city and its counties in one file: parents named by rows above
printf 'code,name,kind,parent,aliases\nsr,上饶市,city,jdz,上饶\nsr-yy,弋阳县,county,sr,\nsr-yy-z,弋江镇,township,sr-yy,\nsr-gf,广丰区,district,SR,\n' > "$T/newcity.csv"
NREG=$(sqlite3 "$DB" "SELECT count(*) FROM region")
ok "regions: a new city with its counties imports" \
	run 0 --db "$DB" import regions "$T/newcity.csv"
ok "regions: each parent set from the row above" \
	sh -c "sqlite3 '$DB' \"SELECT group_concat(r.code || '<' || p.code, ' ') FROM (SELECT * FROM region ORDER BY id) r JOIN region p ON p.id = r.parent_id WHERE r.code LIKE 'sr%'\" | grep -qx 'sr<jdz sr-yy<sr sr-yy-z<sr-yy sr-gf<sr'"
ok "regions: recorded as a batch" \
	sh -c "'$BIN' --db '$DB' imports | grep -q 'newcity.csv'"
printf 'code,name,kind,parent,aliases\nxx,某市,city,,\nxx-a,某县,county,yy,\n' > "$T/badparent.csv"
ok "regions: a parent in neither the database nor the file is refused" \
	run 1 --db "$DB" import regions "$T/badparent.csv"
ok "regions: the unknown parent named with its line and column" \
	has "$T/err" "badparent.csv:3: column 4 parent: \"yy\" is not a region"
ok "regions: undo-import removes the new city and its counties" \
	sh -c "'$BIN' --db '$DB' undo-import \$(sqlite3 '$DB' 'SELECT max(id) FROM import_batch') >/dev/null && test \"\$(sqlite3 '$DB' 'SELECT count(*) FROM region')\" = $NREG"

# the register's count beside the official figure
ok "report: high-tech enterprises counted from the register, difference flagged" \
	sh -c "printf '指标,地区,时期,数值\n高新技术企业数量,景德镇市,2025Q3,7\n' > '$T/hte.csv' &&
	       '$BIN' --db '$DB' import observations '$T/hte.csv' >/dev/null &&
	       '$BIN' --db '$DB' --lang en report --period 2025Q3 --region 景德镇市 > '$T/rep' &&
	       grep -q '7 (2025Q3) !' '$T/rep' &&
	       grep -q 'the register counts 4, but it is not complete for 景德镇市: the official figure stands' '$T/rep'"

# many rows stored together: each keeps its own cells, a wide row's region stands for all its figures
newdb w.db
{ printf '地区'; sqlite3 "$T/w.db" "SELECT name FROM indicator ORDER BY id LIMIT 12" | while read -r c; do printf ',%s' "$c"; done
  printf '\r\n'; r=0
  sqlite3 "$T/w.db" "SELECT name FROM region ORDER BY id" | while read -r g; do
	r=$((r + 1)); printf '%s' "$g"
	for c in 1 2 3 4 5 6 7 8 9 10 11 12; do printf ',%d' $((r * 12 + c)); done; printf '\r\n'
  done; } > "$T/wide12.csv"
ok "a wide sheet of 7 regions and 12 indicators: 84 figures" \
	sh -c "'$BIN' --db '$T/w.db' import observations '$T/wide12.csv' --period 2025Q3 | grep -q '84 new'"
ok "... each figure under its own region and indicator" \
	sh -c "test \"\$(sqlite3 '$T/w.db' 'SELECT count(*) FROM observation o WHERE o.value =
	       (SELECT count(*) FROM region g WHERE g.id <= o.region_id) * 12 +
	       (SELECT count(*) FROM indicator i WHERE i.id <= o.indicator_id)')\" = 84"
awk -v n=1000 -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/e1000.csv"
ok "1000 firms: imported" sh -c "'$BIN' --db '$T/w.db' import enterprises '$T/e1000.csv' | grep -q '1000 new'"
ok "... each with its own name, region and tier, in the file's order" \
	sh -c "test \"\$(sqlite3 '$T/w.db' \"SELECT count(*) FROM (SELECT e.id, CAST(substr(e.uscc, 9, 9) AS INTEGER) AS i, e.name,
	         (SELECT name FROM region WHERE id = e.region_id) AS g, e.tier FROM enterprise e)
	       WHERE name = '景德镇市第' || i || '号科技有限公司' AND id = i
	         AND g = CASE i % 6 WHEN 0 THEN '乐平市' WHEN 1 THEN '浮梁县' WHEN 2 THEN '昌江区'
	                            WHEN 3 THEN '珠山区' WHEN 4 THEN '高新区' ELSE '昌南新区' END
	         AND tier = CASE i % 4 WHEN 0 THEN 'tech_sme' WHEN 1 THEN 'high_tech' WHEN 2 THEN 'gazelle'
	                               ELSE 'none' END\")\" = 1000"
exit $((fails > 0))
