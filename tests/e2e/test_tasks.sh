#!/bin/sh
# test_tasks.sh: the task matrix under 考核, in tmux at 80x24 in Chinese.
# On the jingdezhen pack with a yearly 对接活动 task added and 乐平市
# already holding a long-term partner and an event: a partnership and an
# event recorded for 浮梁县 through the forms change its cells (0/5 to
# 1/5 on 2023-2025, 0/2 to 1/2 in 2023) and move its rank (2 to 1); Enter
# on the cell lists the event counted and opens it, on an entered task's
# cell opens the county's entry of the year; the institute's
# record lists the partnerships that refer to it; an achievement takes a
# 500-character Chinese summary and refuses the 501st, naming 简介.  TAP
# output.  Needs tmux, python3 and sqlite3.
E2E_NAME=tasks
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/tasks.db

keys() { T send-keys -t app "$@"; }
text() { T send-keys -t app -l "$1"; }
fill() { for v in "$@"; do text "$v"; keys Tab; done; }
# the screen line holding NAME has all of WANT...
row_has() { poll has "$@"; }

echo "1..33"

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
expect "init builds a fresh database" test $? = 0
printf 'code,name,unit,category,doc,counter\nevent,对接活动,场,大院大所合作,jf2023-1,events_held\nvisit,走访企业,次,大院大所合作,jf2023-1,\n' > "$TMP/tasks.csv"
{
	echo "task,region,year_from,year_to,value,doc"
	for r in jdz-lp jdz-fl jdz-cj jdz-zs jdz-gx jdz-cn; do
		echo "event,$r,2023,2023,2,jf2023-1"
		echo "visit,$r,2023,2023,4,jf2023-1"
	done
} > "$TMP/tt.csv"
printf 'name,kind\n清华大学,university\n北京大学,university\n' > "$TMP/inst.csv"
printf 'region,institute,long_term,since\n乐平市,北京大学,是,2023-02-01\n' > "$TMP/part.csv"
printf 'title,kind,held_on,region\n乐平路演,项目路演,2023-05-05,乐平市\n' > "$TMP/evt.csv"
for k in "tasks tasks" "task-targets tt" "institutes inst" "partnerships part" "events evt"; do
	set -- $k
	"$BIN" --db "$DB" import "$1" "$TMP/$2.csv" >> "$TMP/init.out" 2>&1 || echo "import $1 failed" >> "$TMP/fail"
done
expect "a yearly 对接活动 task, an institute, 乐平市's partner and event imported" test ! -f "$TMP/fail"

start app 80 24 "INNOTRACK_LOGIN=clerk1 LANG=$ZH" --lang zh
expect "the program starts" poll has "行 1/43"
keys F9 j j j j j j j j j j Enter
expect "the menu has the task matrix under 考核; it opens on the latest year" \
	poll has "2025年（括号内为上年数）"
keys ']'
expect "] goes on to the span 2023-2025" poll has "2023—2025年"
expect "... 浮梁县 has 0 of 5 long-term partners, ranks 2nd" row_has "浮梁县" "0/5 …" "│   2│"
expect "... 乐平市 1 of 5, ranks 1st" row_has "乐平市" "1/5 …" "│   1│"
expect "... the frame fits 80x24" poll frame 80 24 "2023—2025年" "1帮助"
keys '[' '[' '['
expect "[ [ [ goes back to 2023" poll has "2023年（括号内为上年数）"
expect "... 浮梁县: 0 of 2 events, rank 2" row_has "浮梁县" "0/2 …" "│   2│"
expect "... 乐平市: 1 of 2, rank 1" row_has "乐平市" "1/2 …" "│   1│"

# a partnership for 浮梁县: 合作, six up the menu
keys F9 k k k k k k Enter
expect "the partnerships register" poll has "长期合作单位"
keys F7
expect "F7 opens the form of a new partnership" poll has "新增合作"
text 浮梁
keys Tab
text 清华
keys Tab
fill 是 2023-03-01
keys F2
expect "F2 saves it" poll has "已保存：浮梁县 - 清华大学"
# an event in 浮梁县: 活动, two down
keys F9 j j Enter
expect "the events register" poll has "举办时间"
keys F7
fill 校企路演 项目路演 2023-09-09
text 浮梁
keys Tab F2
expect "F2 saves the event" poll has "已保存：校企路演 2023-09-09"
expect "the database has both, by clerk1" \
	sql_is "SELECT count(*) FROM partnership WHERE updated_by = 'clerk1';
	  SELECT count(*) FROM event WHERE updated_by = 'clerk1'" "1
1"

keys F9 j j j j Enter F5
expect "back on the matrix (2023), F5: 浮梁县 has 1 of 2 events, rank 1" \
	row_has "浮梁县" "1/2 …" "│   1│"
keys ']' ']' ']'
expect "... and on 2023-2025 1 of 5 long-term partners, rank 1" row_has "浮梁县" "1/5 …" "│   1│"
keys '[' '[' '['
# Enter on 浮梁县's 对接活动 cell: the events counted
keys j l l l Enter
expect "Enter on the cell lists the event counted" poll has "校企路演 2023-09-09"
keys Enter
expect "... Enter opens it" poll has "活动名称" "校企路演"
keys Escape Escape
# an entered task: Enter opens the county's entry, the cell's task, region and year given
keys l Enter
expect "Enter on 走访企业 (entered) opens a new entry" poll has "新增完成值"
given() { poll has "任务" "走访企业" && poll has "地区" "浮梁县" && poll has "年度" "2023"; }
expect "... for the cell's task, region and year" given
keys Tab Tab Tab
text 3
keys F2
expect "F2 saves it; the cell shows 3 of 4" row_has "浮梁县" "3/4 …"
expect "... in task_actual, by clerk1" \
	sql_is "SELECT value, period, updated_by FROM task_actual" "3.0|2023|clerk1"

# the institute's record: the partnerships that refer to it
keys F9 k k k k k k k Enter
expect "the institutes register" poll has "院所名称"
keys g Enter
expect "清华大学's record lists its partnership" poll has "合作" "浮梁县 - 清华大学"
keys Escape

# an achievement: 简介 takes 500 characters, not 501
keys F9 j j j j j j Enter
expect "the achievements register" poll has "成果名称"
keys F7
fill 陶瓷3D打印技术
text 清华
keys Tab Tab Tab Tab Tab Tab Tab
S=$(python3 -c 'print("陶瓷材料增材制造" * 62 + "成果简介")')
text "$S"
expect "500 Chinese characters go into 简介" poll has "简介"
text 多
expect "the 501st is refused, naming the field and its limit" poll has "简介：最多 500 个字，此字未录入"
keys F2
expect "F2 saves the achievement" poll has "已保存：陶瓷3D打印技术"
expect "... with its 500 characters" \
	sql_is "SELECT length(summary), substr(summary, -4) FROM achievement" "500|成果简介"
keys F10
expect "F10 quits, exit status 0" test "$(status_of app)" = 0
[ "$failed" = 0 ]
