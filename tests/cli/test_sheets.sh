#!/bin/sh
# test_sheets.sh: sheets as statistics offices and counties write them, in
# both encodings: header spellings, 序号 columns, total rows and lines,
# units in cells, periods without their year, figures checked for sense,
# files refused whole (two columns of one meaning, cells beyond the header,
# a FIFO, CR-only line ends, credit codes), and the dry run's old -> new.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..77"
DB=$T/a.db
newdb a.db
q() { sqlite3 "$DB" "$1"; }

# enterprises: 单位名称, 所在县（市、区）, 行业领域, 企业类别, 科技型中小企业入库登记编号
for f in sheets_ent_a.csv sheets_ent_a.gb18030.csv; do
	ok "$f: the offices' headers are taken" run 0 --db "$DB" import enterprises "$FX/$f"
	ok "$f: 序号 is passed over without a warning" sh -c "! grep -q '序号' '$T/err'"
	ok "$f: 合计：3家 is a total line that agrees, not a firm" \
		has "$T/out" "$f:6: the total line \"合计：3家\" agrees with the 3 rows above"
done
ok "enterprises: three firms, none dropped" test "$(q 'SELECT count(*) FROM enterprise')" = 3
ok "enterprises: tier, field, region and registration number kept" \
	test "$(q "SELECT e.tier || ' ' || e.industry || ' ' || r.name || ' ' || e.tsme_reg_no FROM enterprise e JOIN region r ON r.id = e.region_id WHERE uscc = '91360200000000001X'")" = "tech_sme 先进陶瓷 乐平市 2025360201000123"
for f in sheets_ent_b.csv sheets_ent_b.gb18030.csv; do
	ok "$f: 县(市、区) with half-width brackets, 企业类别" run 0 --db "$DB" import enterprises "$FX/$f"
	ok "$f: 合计：3家 under two rows: a warning naming both numbers" \
		has "$T/err" "$f:4: the total line \"合计：3家\" says 3 but the list above has 2 rows (warning)"
done
ok "... and no firm called 合计" test "$(q "SELECT count(*) FROM enterprise WHERE name LIKE '%合计%' OR uscc LIKE '%合计%'")" = 0

# a wide sheet: 县（市、区、园区）, a year in the title and 1—9月 below it,
# 46家 / 3000万元 / 12.5亿元 / "6,000万元" in a 亿元 column, a 全市 row
for f in sheets_wide.csv sheets_wide.gb18030.csv; do
	ok "$f: imported" run 0 --db "$DB" import observations "$FX/$f"
	ok "$f: period 2026Q3 from 2026 and 1—9月 in the title lines" \
		has "$T/out" "period 2026Q3 taken from the title line"
	ok "$f: the 全市 row is the city's own figure (every county is in the sheet)" \
		has "$T/out" "$f:8: the 全市 row is taken as the figures of 景德镇市 itself"
	ok "$f: ... checked against the counties' sum, both figures named" \
		has "$T/err" "$f:8: column 3 技术市场合同成交额（亿元）: the 全市 row says 14.9 but the rows above add up to 14.6"
done
ok "wide: 46家 taken as 46" test "$(q "SELECT value FROM observation o JOIN region r ON r.id = o.region_id JOIN indicator i ON i.id = o.indicator_id WHERE r.name = '乐平市' AND i.code = 'hte' AND period = '2026Q3'")" = 46.0
ok "wide: 3000万元 in a 亿元 column is 0.3, 12.5亿元 is 12.5, 6,000万元 is 0.6" \
	test "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id WHERE i.code = 'tech_contract' AND period = '2026Q3' AND r.name IN ('乐平市', '浮梁县', '昌江区') ORDER BY r.sort, r.id)")" = "0.3 12.5 0.6"
ok "wide: the city's figures are the 全市 row's" \
	test "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation o JOIN region r ON r.id = o.region_id JOIN indicator i ON i.id = o.indicator_id WHERE r.name = '景德镇市' AND period = '2026Q3' ORDER BY i.code)")" = "126.0 14.9"
printf '2026年第二季度\n地区,高新技术企业数量（家）\n乐平市,40\n浮梁县,25\n合计,65\n' > "$T/part.csv"
ok "wide: a sheet without every county" run 0 --db "$DB" import observations "$T/part.csv"
ok "... gives no city figure from its 合计 row" \
	test "$(q "SELECT count(*) FROM observation o JOIN region r ON r.id = o.region_id WHERE r.name = '景德镇市' AND period = '2026Q2'")" = 0

# a long sheet: 指标名称, 所在县（市、区）, 期间; periods and units as offices write them
newdb b.db
for f in sheets_long.csv sheets_long.gb18030.csv; do
	ok "$f: imported" run 0 --db "$T/b.db" import observations "$FX/$f"
done
ok "long: 2026年1-9月, 1—9月 under a 2026 title, 2025年三季度, 2025年上半年, 2025年度, 2025年1-12月" \
	test "$(sqlite3 "$T/b.db" "SELECT group_concat(period, ' ') FROM (SELECT period FROM observation ORDER BY id)")" = "2026Q3 2026Q3 2025Q3 2025Q2 2025 2025 2025"
ok "long: 46家, 30 家 (a space before the unit), 12.5亿元, 3000万元 read in the indicators' units; 全市 names the city" \
	test "$(sqlite3 "$T/b.db" "SELECT group_concat(r.name || '=' || value, ' ') FROM (SELECT * FROM observation ORDER BY id) o JOIN region r ON r.id = o.region_id")" = "乐平市=46.0 浮梁县=30.0 昌江区=28.0 珠山区=22.0 乐平市=12.5 浮梁县=0.3 景德镇市=13.1"

# a long sheet's 全市 and 合计 rows against its counties' rows
for f in sheets_long_total.csv sheets_long_total.gb18030.csv; do
	newdb d.db
	ok "$f: imported" run 0 --db "$T/d.db" import observations "$FX/$f"
	ok "$f: 全市 with every county: the city's figure, the sum checked, both named" \
		has "$T/err" "$f:6: the city's figure for 高新技术企业数量, 130, is not the sum of its counties' rows, 125"
	ok "$f: 合计 of two counties: skipped, no city figure" \
		has "$T/err" "$f:9: a total row of only 2 of the 4 counties: skipped (it is not the city's figure)"
	ok "$f: 7 figures, the city's 130 among them, no 2.0" \
		test "$(sqlite3 "$T/d.db" "SELECT count(*) || ' ' || sum(r.name = '景德镇市' AND value = 130) || ' ' || sum(value = 2.0) FROM observation o JOIN region r ON r.id = o.region_id")" = "7 1 0"
done

# 002 表1 as printed: indicators named with their units in brackets
for f in sheets_table1.csv sheets_table1.gb18030.csv; do
	ok "$f: every indicator of 表1 named with its unit is known" run 0 --db "$T/b.db" import observations "$FX/$f"
done
ok "表1: six 2020 figures, 200家 as 200" \
	test "$(sqlite3 "$T/b.db" "SELECT count(*) || ' ' || sum(value) FROM observation WHERE period = '2020'")" = "6 229.1"

# figures checked for sense
ok "figures that make no sense: refused" run 1 --db "$T/b.db" import observations "$FX/sheets_bad_figures.csv"
ok "a negative count" has "$T/err" "sheets_bad_figures.csv:2: column 4 数值: \"-5\": 高新技术企业数量 cannot be negative"
ok "a count not whole" has "$T/err" "sheets_bad_figures.csv:3: column 4 数值: \"46.5\": 高新技术企业数量 is counted in whole numbers"
ok "a unit that is not the indicator's" has "$T/err" "sheets_bad_figures.csv:4: column 4 数值: \"30家\": 家 cannot be taken as 亿元, the unit of this column"
ok "a percent over 100" has "$T/err" "sheets_bad_figures.csv:5: column 4 数值: \"120%\": R&D投入占GDP的比例 cannot be above 100"
ok "an absurd figure" has "$T/err" "sheets_bad_figures.csv:6: column 4 数值: \"1e300\" is not a plausible figure"
ok "a money unit that cannot be converted" has "$T/err" "sheets_bad_figures.csv:7: column 4 数值: \"12.5美元\": 美元 cannot be taken as 亿元"
printf '指标,地区,时期,数值\n高新技术企业数量,乐平市,2026Q4,470\n' > "$T/jump.csv"
ok "a tenfold jump on the region's previous figure is imported" run 0 --db "$T/b.db" import observations "$T/jump.csv"
ok "... with a warning naming the previous figure" \
	has "$T/err" "jump.csv:2: column 4 数值: \"470\" for 高新技术企业数量 differs more than tenfold from the region's previous figure, 46 (2026Q3); is the unit right?"

# files refused whole
ok "two columns of one meaning, a cell beyond the header: refused" \
	run 1 --db "$T/b.db" import observations "$FX/sheets_dupcols.csv"
ok "both columns named by number and header" has "$T/err" "sheets_dupcols.csv:1: columns 4 数值 and 6 数值 mean the same; keep one of them"
ok "the cell beyond the header named by line and column" \
	has "$T/err" "sheets_dupcols.csv:3: a cell in column 7, right of the header's last column (6, 数值): \"多出来的格\""
printf '统一社会信用代码,企业名称,所在地区,\n91360200000000001X,甲公司,乐平市,多\n' > "$T/blankhead.csv"
ok "a cell under a blank header cell right of the last column: refused" \
	run 1 --db "$T/b.db" import enterprises "$T/blankhead.csv"
ok "... named by line and column" \
	has "$T/err" "blankhead.csv:2: a cell in column 4, right of the header's last column (3, 所在地区): \"多\""
mkfifo "$T/fifo"
ok "a FIFO is refused at once" sh -c "timeout 10 '$BIN' --db '$T/b.db' import enterprises '$T/fifo' 2>'$T/err'; test \$? = 1"
ok "... saying it is not a regular file" has "$T/err" "is not a regular file"
ok "a folder is refused" run 1 --db "$T/b.db" import enterprises "$T"
ok "CR-only line ends: the error on its own line" run 1 --db "$T/b.db" import enterprises "$FX/sheets_cr.csv"
ok "... line 4, not line 1" has "$T/err" "sheets_cr.csv:4: column 1 统一社会信用代码: \"913602000000000020\""
ok "credit codes with a wrong authority, category, or all zeros: refused" \
	run 1 --db "$T/b.db" import enterprises "$FX/sheets_uscc.csv"
ok "category 4 under authority 9" has "$T/err" "sheets_uscc.csv:3: column 1 统一社会信用代码: \"94360200MA1234567C\" is not a valid USCC (has a second character that is no category of body for its registration authority)"
ok "all zeros" has "$T/err" "sheets_uscc.csv:5: column 1 统一社会信用代码: \"91360200000000000T\" is not a valid USCC (is all zeros)"
ok "authority 0" has "$T/err" "sheets_uscc.csv:6: column 1 统一社会信用代码: \"0136020000000008AB\" is not a valid USCC (has a first character that is no registration authority"

# 003 附件1 as printed: its headers and its wording of the choices
"$BIN" --db "$T/b.db" import institutes "$FX/institutes.csv" >/dev/null 2>&1
ok "the achievement form's own headers and 小批量生产阶段" \
	run 0 --db "$T/b.db" import achievements "$FX/sheets_achievements.gb18030.csv"
ok "... a form's list of choices with one ticked: the ticked one" \
	test "$(sqlite3 "$T/b.db" "SELECT field || ' ' || stage FROM achievement WHERE name = '釉料数字配方'")" = "新材料 试生产"
ok "... every field kept" test "$(sqlite3 "$T/b.db" "SELECT lab || '|' || lead_title || '|' || field || '|' || stage || '|' || summary || '|' || fit || '|' || promotion_plan FROM achievement WHERE name = '高温结构陶瓷'")" = "材料学院|教授、院长|新材料|小批量生产|耐高温结构陶瓷|契合珠山区产业|对接会推介"

# the dry run: each changed field from what to what, every changed row
sqlite3 "$DB" "UPDATE enterprise SET tier = 'high_tech', updated_by = 'wang', updated_at = '2099-11-03 10:00:00' WHERE uscc = '91360200000000001X'"
ok "a dry run of September's list after a later upgrade" run 0 --db "$DB" import enterprises "$FX/sheets_ent_a.csv" --dry-run
ok "... shows the field from old to new" \
	has "$T/out" "sheets_ent_a.csv:3: changed: 91360200000000001X 景德镇陶瓷新材料有限公司; tier: High-tech -> Tech SME"
ok "... and warns that it would undo a change made after the file's period, naming who and when" \
	has "$T/err" "sheets_ent_a.csv:3: 91360200000000001X 景德镇陶瓷新材料有限公司: would undo a change made after the file's period (2025Q3); tier: High-tech -> Tech SME; changed by wang on 2099-11-03 10:00:00 (warning)"
awk -v n=60 -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/many.csv"
"$BIN" --db "$T/c.db" init >/dev/null && "$BIN" --db "$T/c.db" import enterprises "$T/many.csv" >/dev/null 2>&1
sed 's/号科技有限公司,/号科技股份有限公司,/; s/,先进陶瓷,/,新材料,/' "$T/many.csv" > "$T/many2.csv"
ok "a dry run of 60 rows, all renamed" run 0 --db "$T/c.db" import enterprises "$T/many2.csv" --dry-run
ok "... lists every changed row, not the first 20" test "$(grep -c ': changed: ' "$T/out")" = 60
ok "... each with its fields old -> new" \
	has "$T/out" "many2.csv:9: changed: 91360200000000008K 景德镇市第8号科技有限公司; name: 景德镇市第8号科技有限公司 -> 景德镇市第8号科技股份有限公司; industry: 先进陶瓷 -> 新材料"
newdb o.db
"$BIN" --db "$T/o.db" import observations "$FX/sheets_wide.csv" >/dev/null 2>&1
sqlite3 "$T/o.db" "UPDATE observation SET value = 47, updated_by = 'li', updated_at = '2099-01-05 09:00:00' WHERE region_id = (SELECT id FROM region WHERE name = '乐平市') AND indicator_id = (SELECT id FROM indicator WHERE code = 'hte')"
ok "a figure a clerk corrected, the same sheet again, tried dry" run 0 --db "$T/o.db" import observations "$FX/sheets_wide.csv" --dry-run
ok "... old -> new" has "$T/out" "sheets_wide.csv:4: changed: 高新技术企业数量 乐平市 2026Q3; value: 47 -> 46"
ok "... and a warning naming the correction, who and when" \
	has "$T/err" "sheets_wide.csv:4: 高新技术企业数量 乐平市 2026Q3: would undo a clerk's correction of the figure; value: 47 -> 46; changed by li on 2099-01-05 09:00:00 (warning)"
LANG=zh_CN.UTF-8 LC_ALL=C.UTF-8 "$BIN" --lang zh --db "$DB" import enterprises "$FX/sheets_ent_a.csv" --dry-run >"$T/zh" 2>&1
ok "in Chinese: the field by its Chinese name, the choices by their labels" \
	has "$T/zh" "修改：91360200000000001X 景德镇陶瓷新材料有限公司；梯次：高新技术企业 改为 科技型中小企业"
exit $((fails > 0))
