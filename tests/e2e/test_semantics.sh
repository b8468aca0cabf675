#!/bin/sh
# test_semantics.sh: the indicator screen at 80x24 in Chinese paces a flow
# by the share of its year (1-9月 38.6 of 50 is 正常 with 应达 75%, not 风险
# with 应达 100%), marks a city figure made from its counties (Σ) and
# explains it on the status line, and shows an incomplete register's count
# beside the official figure; the import form's 全量 question marks a
# register complete.  TAP output; needs tmux and python3.
E2E_NAME=semantics
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/test.db

echo "1..13"

T new-session -d -s keep -x 80 -y 24 "sleep 3600"
"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
expect "init builds a fresh database" test $? = 0
# last year's third quarter, under the 2025 targets (the latest there are)
y=$(( $(date +%Y) - 1 ))
{
	printf '指标,地区,时期,数值\n'
	printf '技术市场合同成交额,景德镇市,%sQ3,38.6\n' "$y"
	for r in 乐平市 浮梁县 昌江区 珠山区; do
		printf '新建及优化技术创新中心、重点实验室数,%s,%sQ3,2\n' "$r" "$y"
	done
	printf '高新技术企业数量,景德镇市,%sQ2,262\n' "$y"
} > "$TMP/obs.csv"
"$BIN" --db "$DB" import observations "$TMP/obs.csv" > "$TMP/import.out" 2>&1
expect "figures imported" test $? = 0
for k in 1 2 3 4 5; do
	sqlite3 "$DB" "INSERT INTO enterprise(uscc, name, region_id, tier, hte_cert_date) VALUES
		('T$k', '乐平企业$k', (SELECT id FROM region WHERE name = '乐平市'), 'high_tech', '$y-01-15')"
done

start zh 80 24 "LANG=$ZH" --lang zh
poll_in zh has "行 1/43" > /dev/null
# a year back, quarters (its fourth), a quarter back: the third
T send-keys -t zh '[' '{' '['
expect "80x24: the period is ${y}年第3季度" poll_in zh frame 80 24 "景德镇市 · ${y}年第3季度" "1帮助"
expect "技术市场合同成交额 1-9月 38.6 of 50: 77.2% and 正常" \
	poll_in zh has "技术市场" "38.6 (${y}Q3)" "77.2%" "│正常"
T send-keys -t zh Right
expect "scrolled right: 应达 75% (three quarters of the year), not 100%" \
	poll_in zh has "技术市场" "77.2%│ 75%│正常"
expect "the city's 新建及优化 figure is its counties' sum, marked Σ" \
	poll_in zh has "新建及优" "8 (${y}Q3) Σ"
T send-keys -t zh g j j j j j j j j
expect "selected, the status line says how it was made" \
	poll_in zh has "景德镇市 · ${y}年第3季度 · Σ 由 4 个县"
expect "高新技术企业数量: the official 262 stands, marked !" \
	poll_in zh has "高新技术" "262 (${y}Q2) !"
T send-keys -t zh g j j j j j
expect "selected, the status line gives the register's count beside it" \
	poll_in zh has "景德镇市 · ${y}年第3季度 · ! 台账计得 5"
# the import screen: a full list of 浮梁县 marks the register complete for it
printf '统一社会信用代码,企业名称,地区,梯次\n91360200000000005A,景德镇电子信息科技有限公司,浮梁县,科技型中小企业\n' \
	> "$TMP/fl.csv"
T send-keys -t zh Tab G Enter
poll_in zh has "尚无导入" > /dev/null
T send-keys -t zh i
poll_in zh has "全量 否" > /dev/null
T send-keys -t zh "$TMP/fl.csv" Down Down Down 浮梁 Down 是
expect "the import form asks whether the file is the region's full list" \
	poll_in zh has "全量 是"
T send-keys -t zh F2
expect "the dry run says the register would be complete for 浮梁县" \
	poll_in zh has "全量名单：浮梁县的台账将自"
T send-keys -t zh F2
expect "applied: the register is marked complete for 浮梁县, with the batch" \
	poll_in zh has "已导入为批次"
expect "... in the database" sql_is "SELECT r.name, c.complete, c.batch_id FROM register_complete c
	JOIN region r ON r.id = c.region_id" "浮梁县|1|2"
T send-keys -t zh F10
exit $failed
