#!/bin/sh
# test_semantics.sh: figures by their indicator's declaration, on the
# command line: the report's city figure made from its counties (marked Σ,
# with a note), a flow paced by the share of its year, a register's count
# beside the official figure until the register is complete (import
# --complete, innotrack complete), figures that make no sense refused.
. "${top_srcdir:-.}/tests/lib.sh"

run() { "$INNOTRACK" --db "$DB" "$@"; }
DB="$TMP/s.db"
run init >/dev/null; ok $? "init"

# every county's 合同成交额 for 1-9月, none for the city
printf '指标,地区,时期,数值\n' > "$TMP/obs.csv"
for r in 乐平市,10 浮梁县,5 昌江区,6 珠山区,7.5 高新区,100; do
	printf '技术市场合同成交额,%s,2025Q3,%s\n' "${r%,*}" "${r#*,}" >> "$TMP/obs.csv"
done
run import observations "$TMP/obs.csv" >/dev/null 2>&1; ok $? "the counties' figures import"
out=$(run report --period 2025Q3 --region 景德镇市); ok $? "report for the city"
like "$out" "^技术市场合同成交额 +亿元 +景德镇市 .* 28\.5 \(2025Q3\) Σ +57 +75 +behind$" \
	"the city's figure is the counties' sum (parks left out), marked Σ, paced"
like "$out" "^技术市场合同成交额, 景德镇市: Σ the sum of 4 counties' figures" "and a note says so"
out=$(run --lang zh report --period 2025Q3 --region 景德镇市)
like "$out" "^技术市场合同成交额，景德镇市：Σ 由 4 个县（市、区）的数值相加" "... in Chinese too"
out=$(run report --period 2025Q3 --region 景德镇市 --format markdown)
like "$out" "Σ the sum of 4 counties' figures" "Markdown carries the note"
out=$(run report --period 2025Q3 --region 景德镇市 --format csv)
like "$out" "^技术市场合同成交额,亿元,景德镇市,2020,13.1,2025,50,.*,2025Q3,28.5,57,behind" \
	"CSV keeps its columns, with the rolled-up figure"

# the city's own 1-9月 figure: paced by the share of the year gone
printf '指标,地区,时期,数值\n技术市场合同成交额,景德镇市,2025Q3,38.6\n' > "$TMP/city.csv"
run import observations "$TMP/city.csv" >/dev/null 2>&1; ok $? "the city's own figure imports"
out=$(run report --period 2025Q3 --region 景德镇市)
like "$out" "^技术市场合同成交额 .* 38\.6 \(2025Q3\) +77\.2 +75 +on track$" \
	"38.6 of 50 at Q3 is on track, not at risk"

# eight firms of one county do not make the city's 高新技术企业数量
printf '指标,地区,时期,数值\n高新技术企业数量,景德镇市,2025Q2,262\n' > "$TMP/hte.csv"
run import observations "$TMP/hte.csv" >/dev/null 2>&1; ok $? "the official figure imports"
# (the register as a clerk keeps it: valid certificates of 乐平市 only)
for k in 1 2 3 4 5 6 7 8; do
	sqlite3 "$DB" "INSERT INTO enterprise(uscc, name, region_id, tier, hte_cert_date) VALUES
		('T$k', '乐平企业$k', (SELECT id FROM region WHERE name = '乐平市'), 'high_tech', '2024-06-01')"
done
out=$(run report --period 2025Q3 --region 景德镇市)
like "$out" "^高新技术企业数量 .* 262 \(2025Q2\) ! +62 " "a partial register: the official 262 stands, marked !"
like "$out" "^高新技术企业数量, 景德镇市: ! the register counts 8, but it is not complete for 景德镇市" \
	"and the count is shown beside it"
err=$(run complete enterprises 景德镇市 --as-of 2025-07-01 2>&1); ok $? "complete marks the register"
like "$err" "complete for 景德镇市" "and says so"
out=$(run report --period 2025Q3 --region 景德镇市)
like "$out" "^高新技术企业数量 .* 8 \(2025Q3\) # " "a complete register: its count stands, marked #"
like "$out" "the official figure was 262" "with the official figure in the note"
run complete enterprises 景德镇市 --as-of 2025-08-01 --not >/dev/null; ok $? "complete --not takes it back"
out=$(run report --period 2025Q3 --region 景德镇市)
like "$out" "^高新技术企业数量 .* 262 \(2025Q2\) ! " "the official figure stands again"
run complete enterprises 无此地 >/dev/null 2>&1; is $? 2 "complete with an unknown region exits 2"
run complete bogus 景德镇市 >/dev/null 2>&1; is $? 2 "complete with an unknown kind exits 2"
err=$(run complete regions 景德镇市 2>&1); is $? 2 "complete of a register no figure is counted from exits 2"
like "$err" "no figure is counted from Regions, so it is never marked complete \(those counted: enterprises, " \
	"and names those that are"
printf '名称,类型\n景德镇陶瓷大学,高校\n' > "$TMP/ins.csv"
err=$(run import institutes "$TMP/ins.csv" --complete --region 浮梁县 2>&1); is $? 2 "so does import --complete"
is "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'register_complete'")" 2 \
	"each mark is audited"
run complete enterprises 景德镇市 --as-of 2025-08-01 >/dev/null
is "$(sqlite3 "$DB" "SELECT group_concat(action || ':' || coalesce(json_extract(before, '\$.complete'), '-'), ' ')
                     FROM (SELECT * FROM audit WHERE tbl = 'register_complete' ORDER BY id)")" \
	"insert:- insert:- update:0" "marking a day marked before is audited as a change, with the old mark"

# import --complete: the full list of 浮梁县
printf '统一社会信用代码,企业名称,地区,梯次\n' > "$TMP/fl.csv"
printf '91360200000000005A,景德镇电子信息科技有限公司,浮梁县,科技型中小企业\n' >> "$TMP/fl.csv"
err=$(run import enterprises "$TMP/fl.csv" --complete 2>&1); is $? 2 "--complete without --region exits 2"
like "$err" "--complete needs --region" "and says why"
run import enterprises "$TMP/fl.csv" --complete --region 浮梁县 --period 2025Q3 >/dev/null 2>&1
ok $? "import --complete --region 浮梁县"
is "$(sqlite3 "$DB" "SELECT complete, as_of, batch_id IS NOT NULL FROM register_complete
	WHERE region_id = (SELECT id FROM region WHERE name = '浮梁县')")" "1|2025-09-30|1" \
	"marks the register complete for 浮梁县 from the period's end, with its batch"
out=$(run report --period 2025Q3 --region 浮梁县)
like "$out" "^高新技术企业数量 .* 0 \(2025Q3\) # " "浮梁县's count (0) stands"
batch=$(sqlite3 "$DB" "SELECT batch_id FROM register_complete WHERE batch_id IS NOT NULL")
run undo-import "$batch" >/dev/null 2>&1; ok $? "undo the import"
out=$(run report --period 2025Q3 --region 浮梁县)
like "$out" "^高新技术企业数量 +家 +浮梁县 +- " "undone, its mark no longer counts"

# figures that make no sense for their indicator
printf '指标,地区,时期,数值\n万人R&D人员数,昌江区,2025,(1.5)\n高新技术企业数量,乐平市,2025,-5\n高新技术企业数量,浮梁县,2025,46.5\nR&D投入占GDP的比例,景德镇市,2025,120\n技术市场合同成交额,景德镇市,2025,1e300\n' > "$TMP/bad.csv"
err=$(run import observations "$TMP/bad.csv" 2>&1); is $? 1 "nonsense figures are refused (exit 1)"
like "$err" "bad.csv:3: column 4 数值: \"-5\": 高新技术企业数量 cannot be negative" "a negative count, by line and column"
like "$err" "bad.csv:2: column 4 数值: \"\(1\.5\)\": 万人R&D人员数 cannot be negative" "(1.5) is read as negative, and refused"
like "$err" "bad.csv:4: .*\"46\.5\": 高新技术企业数量 is counted in whole numbers" "a count that is not whole"
like "$err" "bad.csv:5: .*\"120\": R&D投入占GDP的比例 cannot be above 100" "a percent above 100"
like "$err" "bad.csv:6: .*\"1e300\" is not a plausible figure" "1e300"
is "$(sqlite3 "$DB" "SELECT count(*) FROM observation WHERE period = '2025'")" 0 "and nothing is written"
err=$(run --lang zh import observations "$TMP/bad.csv" 2>&1)
like "$err" "高新技术企业数量 不能为负数" "... said in Chinese"

done_testing
