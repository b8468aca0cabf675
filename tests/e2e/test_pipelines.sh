#!/bin/sh
# test_pipelines.sh: the enterprise and talent pipelines driven in tmux at
# 80x24 in Chinese: find a firm by part of its Chinese name and move it up
# the ladder (the move in its history, the funnel and the indicator
# count it), find a certificate in the list of those lapsing, add a
# foreign expert to 浮梁县 and see its count rise against the target of
# five, then change his 阶段 in the form: the rule refuses 放弃, 离开 is a
# move in his history.  Dates are set from today, as the screens open on
# the current year.
E2E_NAME=pipelines
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/pipelines.db

keys() { T send-keys -t app "$@"; }
text() { T send-keys -t app -l "$1"; }
menu() { sleep 0.3; keys F9; }
# cells TEXT...: some line of the screen has every TEXT as a cell of its
# own (cells are split at the column lines; a cell cut short with … counts
# for the text it begins)
cells_now() {
	python3 - "$SCREEN" "$@" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
want = sys.argv[2:]
def same(cell, w):
    return cell == w or (cell.endswith("\u2026") and w.startswith(cell[:-1]))
for l in lines:
    cs = [c.strip() for c in l.split("\u2502")]
    if all(any(same(c, w) for c in cs) for w in want):
        sys.exit(0)
print("no line with the cells", want)
sys.exit(1)
PY
}
cells() {
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane -p -t app > "$SCREEN" 2>/dev/null
		cells_now "$@" > "$TMP/why" 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

echo "1..38"

TODAY=$(date +%Y-%m-%d)
YEAR=$(date +%Y)
# a certificate issued three years less 40 days ago lapses in 40 days
ISSUED=$(date -d "$TODAY -3 years +40 days" +%Y-%m-%d)
LAPSES=$(date -d "$ISSUED +3 years" +%Y-%m-%d)

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1 &&
"$BIN" --db "$DB" import enterprises "$SRC/tests/fixtures/enterprises.csv" >> "$TMP/init.out" 2>&1 &&
"$BIN" --db "$DB" complete enterprises 景德镇市 --as-of 2000-01-01 >> "$TMP/init.out" 2>&1
expect "a database with the enterprises of the fixture, the register complete for the city" test $? = 0
sqlite3 "$DB" "UPDATE enterprise SET hte_cert_date = '$ISSUED', contact = '王敏', phone = '0798-8888888'
	WHERE name LIKE '%精细化工%'" 2> "$TMP/why"
expect "精细化工's certificate lapses on $LAPSES" \
	sql_is "SELECT date(hte_cert_date, '+3 years') FROM enterprise WHERE name LIKE '%精细化工%'" "$LAPSES"

"$BIN" --db "$DB" grant clerk1 city >/dev/null   # the clerk here writes everything
start app 80 24 "INNOTRACK_LOGIN=clerk1 LANG=$ZH" --lang zh
expect "the program starts" poll has "行 1/43"

# --- the indicator before -------------------------------------------------
keys /
text 高成长
keys Enter
expect "the indicators: 高成长性科技型企业数 counted from the register, one gazelle" \
	cells "高成长性科技型企业数" "1 ($YEAR) #"

# --- find a firm by part of its name, move it up ---------------------------
menu
keys j Enter
expect "F9 j Enter opens the enterprises" poll has "行 1/7"
keys /
text 电子信息
keys Enter
expect "/ 电子信息 finds the firm" poll has "搜索 电子信息" "行 5/7"
keys Enter
expect "Enter shows it, with the move key on the bar" poll has "6变动"
keys G
expect "... and its ladder moves: none yet (the import added it)" poll has "暂无记录"
keys m
expect "m opens the move form" poll has "当前：科技型中小企业"
text 高新
keys Tab Tab
text 升级
keys F2
expect "high-tech without a certificate is refused, saying why" \
	poll has "须持有当日有效的证书"
keys Up Up C-u
text 瞪羚
keys Tab F2
expect "up to 瞪羚企业: moved" poll has "已变动：91360200000000005A"
expect "... the record shows the move, the reason and the login" \
	cells "$TODAY" "科技型中小企业 改为 瞪羚企业：升级  clerk1"
expect "the database has the move: today, the reason, the login" \
	sql_is "SELECT from_tier, tier, entered_on, note, login FROM enterprise_stage
	        WHERE login = 'clerk1'" "tech_sme|gazelle|$TODAY|升级|clerk1"
keys Escape
expect "Esc closes the record" poll has "搜索 电子信息" "行 "

# --- the funnel and the indicator after ------------------------------------
menu
keys j j j Enter
expect "F9 j j j Enter (from 企业) opens the ladder funnel" poll has "各梯次企业数"
expect "... at 80x24 with its keys on the bar" poll has "1帮助" "c 到期"
expect "the city has two gazelles now" cells 景德镇市 瞪羚企业 2 - -
expect "... two high-growth firms of the 25 the plan asks" cells 景德镇市 高成长性企业 2 25 23
keys Down Down
expect "... Down Down goes to the city's gazelles" poll has "行 3/35"
keys Enter
expect "Enter lists the firms counted" poll has "景德镇电子信息科技有限公司" "91360200000000005A"
keys Escape
menu
keys g Enter F5
keys /
text 高成长
keys Enter
expect "the indicator counts two now (F5 reads again)" cells "高成长性科技型企业数" "2 ($YEAR) #"

# --- a certificate in the lapsing list -------------------------------------
menu
keys j j j j Enter c
expect "c lists the certificates lapsing, with whom to call" \
	cells "景德镇精细化工股份有限公司" "$LAPSES" "王敏"
# days left: from the end of the period (the year) to the day it lapses
DAYS=$(( ($(date -d "$LAPSES" +%s) - $(date -d "$YEAR-12-31" +%s)) / 86400 ))
expect "... $DAYS days after the year's end" cells "景德镇精细化工股份有限公司" "$LAPSES" "$DAYS"

# --- a foreign expert for 浮梁县 ---------------------------------------------
keys t
expect "t: the talents brought in; 浮梁县 none of its five foreign experts" \
	cells 浮梁县 外国专家 0 5 5
menu
keys k Enter
expect "F9 k Enter opens the talents" poll has "姓名" "人才类别"
keys F7
expect "F7 opens the form of a new talent" poll has "新增人才"
text "Hans Weber"
keys Tab
text C01234567
keys Tab
text 外国
expect "typing 外国 in 人才类别 narrows it to 外国专家" poll has "外国专家"
keys Tab
text 全职
keys Tab
text 是
keys Tab Tab Tab Tab
text 浮梁
keys Tab
text 到岗
keys Tab
text "$TODAY"
keys Enter
expect "Enter on the last field saves him" poll has "已保存：Hans Weber"
menu
keys j Enter
expect "the talents view: 浮梁县 one of five, four missing" cells 浮梁县 外国专家 1 5 4

# --- his stage changed in the form is a move --------------------------------
menu
keys k Enter
expect "F9 k Enter: the talents again" poll has "Hans Weber"
keys Enter
expect "Enter shows him, with his stage moves" poll has "阶段变动记录"
keys e
expect "e opens his form" poll has "修改人才"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u
text 放弃
keys Tab F2
expect "阶段 放弃 for a talent on duty is refused by the rule, naming the field" \
	poll has "阶段：已到岗的人才只能离开，不能放弃"
expect "... nothing written" sql_is "SELECT stage, (SELECT count(*) FROM talent_stage) FROM talent" "on_duty|0"
keys C-u
text 离开
keys Tab F2
expect "阶段 离开: saved" poll has "已保存：Hans Weber"
expect "... the record's history shows the move, today, by the login" cells "$TODAY" "已离开  clerk1"
expect "the database has the move: today, the login" \
	sql_is "SELECT t.stage, s.stage, s.on_date, s.login FROM talent t JOIN talent_stage s ON s.talent_id = t.id" \
	       "left|left|$TODAY|clerk1"
keys Escape
keys F10
expect "F10 quits with status 0 (got $(status_of app))" test "$(status_of app)" = 0
exit $failed
