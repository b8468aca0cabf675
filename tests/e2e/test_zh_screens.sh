#!/bin/sh
# test_zh_screens.sh: the full-screen program in Chinese (LANG=zh_CN.UTF-8,
# and --lang zh on a C.UTF-8 terminal) driven in tmux through every menu
# section, the F1 help of each, the region and target lists, the forms
# (with a wrong value, so that the field check speaks), the import form,
# a dry run, an applied import, a refused undo, search and filter prompts,
# and the too-small screen.  Every screen read back with capture-pane must
# have no ASCII word of three letters or more that is not an allowed name
# (tests/i18n/nolatin.py).  TAP output.  Needs tmux and python3.
E2E_NAME=zh
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/zh.db
NOLATIN="python3 $SRC/tests/i18n/nolatin.py"

keys() { T send-keys -t app "$@"; }
# section N: the menu's Nth section (0: the indicators, the first)
section() {
	keys F9 k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k
	i=0
	while [ $i -lt "$1" ]; do keys j; i=$((i + 1)); done
	keys Enter
}
# english_free DESC MARK [WORDS]: once the screen shows MARK, it has no
# English (WORDS: names of the data allowed besides nolatin.py's list)
english_free() {
	if poll has "$2"; then
		sleep 0.2
		T capture-pane -p -t app > "$SCREEN"
		if $NOLATIN --allow "$CODES ${3:-}" "$SCREEN" > "$TMP/why"; then
			ok "$1"
		else
			not_ok "$1 (English on the screen)"
		fi
	else
		not_ok "$1 (the screen never showed $2)"
	fi
	rm -f "$SCREEN" "$TMP/why"
}

INNOTRACK_LOGIN=张三   # a clerk's login, shown in the lists
export INNOTRACK_LOGIN
"$BIN" --db "$DB" init >/dev/null 2>&1
# batch 1 (enterprises), batch 2 changes one of its rows: 1 cannot be undone
"$BIN" --db "$DB" import enterprises "$SRC/tests/fixtures/enterprises.csv" >/dev/null 2>&1
sed 's/景德镇陶瓷新材料有限公司/景德镇陶瓷新材料股份有限公司/' \
	"$SRC/tests/fixtures/enterprises.csv" > "$TMP/企业变更.csv"
"$BIN" --db "$DB" import enterprises "$TMP/企业变更.csv" >/dev/null 2>&1
"$BIN" --db "$DB" import observations "$SRC/tests/fixtures/obs_long.csv" >/dev/null 2>&1
cp "$SRC/tests/fixtures/obs_wide.csv" "$TMP/宽表.csv"
# the regions' codes (jdz-lp) are keys the pack chose, shown as they are
# (and so are those of tasks, indicators and documents where they are kinds)
CODES=$(for k in regions tasks indicators documents; do
	"$BIN" --db "$DB" export $k 2>/dev/null | tail -n +2 | cut -d, -f1; done | tr '\r\n' '  ')
# The 地区 register shows the kind of a region as stored (city, county_city):
# core/dataset.c selects g.kind.  Allowed here, on that screen only, until
# the kinds take their labels from the one description of a region.
RAW_KINDS="province city county county_city district park township"
# The counter of a task or an indicator is shown as stored too (a rule's key)
CODES="$CODES long_term_partners foreign_experts hte_valid"
cp "$SRC/tests/fixtures/bad_uscc.csv" "$TMP/错误.csv"

T new-session -d -s keep -x 80 -y 24 "sleep 3600"

# run WAY: the whole tour, in Chinese chosen by the locale or by --lang zh
tour() {
	if [ "$1" = env ]; then
		T new-session -d -s app -x 100 -y 30 \
		  "env -u LC_ALL LANG=zh_CN.UTF-8 INNOTRACK_LOGIN=张三 '$BIN' --db '$DB'; echo \$? > '$TMP/app.status'"
	else
		T new-session -d -s app -x 100 -y 30 \
		  "env LANG=C.UTF-8 INNOTRACK_LOGIN=张三 '$BIN' --db '$DB' --lang zh; echo \$? > '$TMP/app.status'"
	fi
	w="($1)"
	# 指标
	english_free "$w indicators" "1帮助"
	keys F1
	english_free "$w indicators: F1 help" "作用"
	keys Escape j j j j j Enter
	english_free "$w the targets of an indicator, with documents" "未生效"
	keys Escape r
	english_free "$w the region list" "县级市"
	keys Escape a
	english_free "$w the form to add a figure" "录入数值"
	keys -l "三百"
	keys Tab
	english_free "$w ... a wrong number, said why" "不是数字"
	keys Escape
	english_free "$w ... Esc asks before discarding" "放弃修改"
	keys y t
	english_free "$w the target form" "基期年份"
	keys Escape y e
	english_free "$w correcting a figure (or why not)" "高新技术企业数量"
	keys Escape y / 专利
	english_free "$w search as you type" "搜索"
	keys Escape
	# every section of the menu in turn, its F1 help, a filter and a search
	# prompt where the section has them; the loop ends when j in the menu
	# moves no further (the same screen again)
	sec=0 prev= imports= 
	while [ $sec -lt 40 ]; do
		section $sec
		sleep 0.4
		poll has "1帮助"
		T capture-pane -p -t app > "$TMP/sec"
		if [ -n "$prev" ] && cmp -s "$TMP/sec" "$TMP/prev"; then break; fi
		cp "$TMP/sec" "$TMP/prev"; prev=1
		raw=
		grep -q "上级" "$TMP/sec" && raw=$RAW_KINDS     # the regions
		grep -q "导入批次\|尚无导入" "$TMP/sec" && imports=$sec
		funnel=
		grep -q "各梯次企业数" "$TMP/sec" && funnel=1            # counts, no filter
		english_free "$w section $sec" "1帮助" "$raw"
		keys F1
		english_free "$w section $sec: F1 help" "作用" "$raw"
		keys Escape
		if [ $sec -gt 0 ] && [ "$sec" != "$imports" ] && [ -z "$funnel" ] &&
		   ! grep -q "行 0/0" "$TMP/sec"; then
			keys f
			english_free "$w section $sec: the filter prompt" "筛选" "$raw"
			keys Escape /
			english_free "$w section $sec: the search prompt" "搜索" "$raw"
			keys Escape Escape
		fi
		sec=$((sec + 1))
	done
	expect "$w the menu has the sections of a ledger ($sec)" test "$sec" -ge 6
	section "${imports:-0}"
	english_free "$w the imports" "企业变更.csv"
	keys F1
	english_free "$w the imports: F1 help" "作用"
	keys Escape G Enter
	english_free "$w a batch in full" "批次"
	keys Escape G u
	english_free "$w undo asks first" "撤销批次"
	keys y
	english_free "$w undo refused, naming the changed rows" "未撤销"
	keys Escape i
	english_free "$w the import form" "导入文件"
	keys C-u
	keys -l "$TMP/宽表.csv"
	keys Down
	keys -l "指标数据"
	sleep 0.3
	T capture-pane -p -t app > "$TMP/kind"
	if grep -q "没有匹配项" "$TMP/kind"; then   # the kind is named as its register
		keys C-u
		keys -l "实际值"
	fi
	keys Tab F2
	english_free "$w a dry run with notes and warnings" "警告 2"
	keys F2
	if [ "$1" = env ]; then applied=已导入为批次; else applied=没有需要修改; fi
	english_free "$w ... applied (the second time: nothing to change)" "$applied"
	keys i C-u
	keys -l "$TMP/错误.csv"
	keys F2
	english_free "$w a dry run with errors" "校验码"
	keys Escape i C-u
	keys -l "$TMP/企业变更.csv"
	keys F2
	english_free "$w a dry run of a file already in" "未变 7"
	keys Escape
	section 0
	T resize-window -t app -x 60 -y 20
	english_free "$w too small" "终端太小"
	T resize-window -t app -x 100 -y 30
	english_free "$w back to size" "1帮助"
	keys F10
	st=$(status_of app)
	expect "$w F10 quits (status $st)" test "$st" = 0
	rm -f "$TMP/app.status"
}
tour env
# the same tour again: the wide file is in already, batch 1 still refused
tour opt
echo "1..$n"
[ "$failed" = 0 ]
