#!/bin/sh
# test_tasks.sh: `report --section tasks` on the packs: the kunshan task
# tables' totals (003 附件2: 300, 250, 40, 25; 附件3: 98, 79, 16, 13), the
# city departments' row outside them, teams and persons as two tasks with
# their own units, the planned partner institutes; a partnership imported
# for 浮梁县 counted, scored and ranked.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..17"
KS=$T/ks.db
"$BIN" --db "$KS" init --pack kunshan >/dev/null
rep() { "$BIN" --db "$KS" report --section tasks --format csv "$@"; }
# the totals row of a span: "total,TASK,FROM,TO,TARGET,..." -> TARGET per task, in order
totals() { grep "^total,[^,]*,$1,$2," "$T/ks.csv" | cut -d, -f5 | tr '\n' ' '; }
ok "report --section tasks --period 2017" sh -c "'$BIN' --db '$KS' report --section tasks --period 2017 --format csv > '$T/ks.csv'"
ok "the CSV header is the contract's" \
	test "$(head -1 "$T/ks.csv")" = "region,task,year_from,year_to,target,actual,completion_pct,score,rank"
ok "附件2 totals: 300, 250, 40, 25" test "$(totals 2016 2020)" = "300 250 40 25 "
ok "附件3 totals: 98, 79, 16, 13" test "$(totals 2017 2017)" = "98 79 16 13 "
ok "附件2's teams and 附件3's persons are two tasks" \
	sh -c "grep -q '^total,人才团队,2016,2020,40,' '$T/ks.csv' && grep -q '^total,引进人才数,2017,2017,16,' '$T/ks.csv'"
ok "with their own units" \
	sh -c "'$BIN' --db '$KS' export tasks | tr -d '\r' | grep -q '^team,人才团队,个,' &&
	       '$BIN' --db '$KS' export tasks | tr -d '\r' | grep -q '^talent,引进人才数,人,'"
ok "the city departments' row: its own targets, after the totals" \
	sh -c "tail -n +\$(grep -n '^total,载体建设,2016,2020' '$T/ks.csv' | cut -d: -f1) '$T/ks.csv' |
	       grep -q '^昆山市 (市科技局、智能装备与半导体产业促进中心、招商中心),对接活动,2016,2020,10,'"
ok "and neither scored nor ranked" \
	sh -c "grep '^昆山市' '$T/ks.csv' | grep -q ',10,,,,$'"
ok "every row has 9 fields" sh -c "awk -F, 'NF != 9' '$T/ks.csv' | grep -q . && exit 1 || exit 0"
ok "--period 2015 has no task rows" sh -c "test \$('$BIN' --db '$KS' report --section tasks --period 2015 --format csv | wc -l) -eq 1"
ok "--region 开发区: its rows, no totals" \
	sh -c "'$BIN' --db '$KS' report --section tasks --period 2017 --region 开发区 --format csv > '$T/kfq.csv' &&
	       test \$(tail -n +2 '$T/kfq.csv' | grep -vc '^开发区,') -eq 0 && test \$(wc -l < '$T/kfq.csv') -eq 10"
ok "the planned partner institutes of 附件2, not yet signed" \
	test "$(sqlite3 "$KS" "SELECT count(*) FROM partnership p JOIN region r ON r.id = p.region_id
	                        WHERE r.code = 'ks-gxq' AND p.since IS NULL AND p.plan_doc_id IS NOT NULL")" = 10
ok "Chinese headers under --lang zh" \
	sh -c "'$BIN' --db '$KS' --lang zh report --section tasks --period 2017 --format csv | head -1 |
	       grep -q '^地区,任务,起始年,截止年,目标值,实际值,完成率,得分,排名'"

# jingdezhen: a long-term partner of 浮梁县 signed in 2023 counts for 2023-2025
JD=$T/jd.db
"$BIN" --db "$JD" init >/dev/null
printf '院所名称,类型\n清华大学,高校\n' > "$T/inst.csv"
printf '地区,合作院所,长期合作单位,合作时间\n浮梁县,清华大学,是,2023-03-01\n' > "$T/part.csv"
ok "import an institute and a partnership" \
	sh -c "'$BIN' --db '$JD' import institutes '$T/inst.csv' >/dev/null && '$BIN' --db '$JD' import partnerships '$T/part.csv' >/dev/null"
"$BIN" --db "$JD" report --section tasks --period 2023 --format csv > "$T/jd.csv"
ok "浮梁县: 1 of 5 long-term partners, 20%" grep -q '^浮梁县,长期合作大院大所,2023,2025,5,1,20,' "$T/jd.csv"
ok "浮梁县 ranks first on the span" sh -c "grep '^浮梁县,长期合作大院大所,2023,2025' '$T/jd.csv' | grep -q ',1$'"
ok "乐平市 after it" sh -c "grep '^乐平市,长期合作大院大所,2023,2025' '$T/jd.csv' | grep -q ',2$'"
[ $fails -eq 0 ]
