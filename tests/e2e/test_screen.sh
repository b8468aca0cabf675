#!/bin/sh
# test_screen.sh: drive the real full-screen program in tmux and read the
# screen back with capture-pane: the indicator table, its alignment in
# display cells, resizing, TERM=vt100, --ascii, the keys that quit.
# TAP output.  Needs tmux and python3 (skipped without them).
E2E_NAME=screen
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/test.db

echo "1..74"

# a session that outlives the program's, so the server stays up
T new-session -d -s keep -x 80 -y 24 "sleep 3600"

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
st=$?
expect "init builds a fresh database (got $st)" test "$st" = 0
# a few figures, so that the columns are as wide as a clerk sees them
year=$(date +%Y)
printf '指标,地区,时期,数值\n技术市场合同成交额,景德镇市,%s,41.2\nR&D投入占GDP的比例,景德镇市,%s,2.41\n高新技术企业数量,景德镇市,%sQ3,312\n' \
	"$year" "$year" "$year" > "$TMP/obs.csv"
"$BIN" --db "$DB" import observations "$TMP/obs.csv" > "$TMP/import.out" 2>&1
expect "figures imported with the command line" test $? = 0

"$BIN" --db "$DB" > "$TMP/out" 2>&1 < /dev/null
st=$?
expect "without a terminal it exits 2 (got $st)" test "$st" = 2
T new-session -d -s pipe "sh -c '\"$BIN\" --db \"$DB\" > $TMP/out 2>&1; echo \$? > $TMP/pipe.status'"
st=$(status_of pipe)
expect "with stdout not a terminal it exits 2 (got $st)" test "$st" = 2
expect "... and says it needs a terminal" grep -q "needs a terminal" "$TMP/out"
T new-session -d -s dumb "sh -c 'TERM=dumb \"$BIN\" --db \"$DB\" 2> $TMP/dumb.err; echo \$? > $TMP/dumb.status'"
st=$(status_of dumb)
expect "TERM=dumb (no cursor addressing) exits 2 (got $st)" test "$st" = 2
expect "... and says why" grep -q 'terminal type "dumb" cannot move the cursor' "$TMP/dumb.err"

# Chinese at 100x30
start zh 100 30 "LANG=C.UTF-8" --lang zh
expect "100x30 zh: 高新技术企业数量 shows 300 with its conflict mark" \
	poll_in zh has "高新技术企业数量" "300 (2025)" "*"
expect "100x30 zh: frame and column separators line up" \
	poll_in zh frame 100 30 "景德镇市 · " "1帮助"
T send-keys -t zh j j j j j Enter
expect "Enter lists every target with its document, the one in force marked" \
	poll_in zh has "景科字〔2022〕49号" "400 (2025)" "未生效"
T send-keys -t zh Escape
expect "Esc closes the window and the table is whole again" \
	poll_in zh frame 100 30 "行 6/43" "1帮助"
T send-keys -t zh r
expect "r opens the region list" poll_in zh has "乐平市" "县级市"
T send-keys -t zh j Enter
expect "choosing 乐平市 shows it on the status line" poll_in zh frame 100 30 "乐平市 · 2" "1帮助"
T send-keys -t zh '[' '{'
st=$(( $(date +%Y) - 1 ))
expect "[ and { step back a year and switch to quarters" \
	poll_in zh frame 100 30 "乐平市 · ${st}年第4季度" "1帮助"
T send-keys -t zh r g Enter "}"
expect "r and g choose the city again; } goes back to years" \
	poll_in zh frame 100 30 "景德镇市 · ${st}年" "1帮助"
T resize-window -t zh -x 80 -y 24
expect "resized to 80x24: redrawn whole and aligned" \
	poll_in zh frame 80 24 "行 6/43" "1帮助"
expect "80x24: 高新技术企业数量 (cut to fit) still shows 300 and its mark" \
	poll_in zh has "高新技术企业" "300 (2025)*"
T resize-window -t zh -x 60 -y 20
expect "60x20 says the terminal is too small" poll_in zh has "终端太小" "80x24"
T resize-window -t zh -x 100 -y 30
expect "back at 100x30: no leftovers, aligned" poll_in zh frame 100 30 "行 6/43" "1帮助"
# search as you type, n, sort by a column and back
T send-keys -t zh g / 专利
expect "/ 专利 finds 每万人口高价值发明专利拥有量 as it is typed" \
	poll_in zh frame 100 30 "行 4/43" "10"
T send-keys -t zh Enter n
expect "n with the only match says it went round" poll_in zh has "从头" "行 4/43"
T send-keys -t zh s
expect "s sorts by the current column (the indicator), marked ^" poll_in zh has "指标 ^"
T send-keys -t zh s
expect "s again sorts the other way, marked v" poll_in zh has "指标 v"
T send-keys -t zh Escape
expect "Esc goes back to the documents' order, still on the indicator found" \
	poll_in zh frame 100 30 "行 4/43" "1帮助"
T send-keys -t zh F10
st=$(status_of zh)
expect "F10 quits with status 0 (got $st)" test "$st" = 0

# English at 80x24; Esc 0 stands for F10
start en 80 24 "LANG=C.UTF-8" --lang en
expect "80x24 en: frame and separators line up" poll_in en frame 80 24 "row 1/43" "1Help"
T send-keys -t en Right
expect "the first Right scrolls sideways at once" poll_in en has "row 1/43  columns 2/"
T send-keys -t en Left
expect "... and Left scrolls back" poll_in en frame 80 24 "row 1/43  columns 1/" "1Help"
T send-keys -t en l l l l l l l
expect "l scrolls sideways and the indicator column stays" \
	poll_in en has "Indicator" "Progress" "Status"
expect "... and the columns still line up" poll_in en frame 80 24 "row 1/43  columns" "1Help"
T send-keys -t en Escape 0
st=$(status_of en)
expect "Esc 0 quits with status 0 (got $st)" test "$st" = 0

# the locale chooses Chinese; ? opens the help; q closes it, then quits
start loc 80 24 "LANG=zh_CN.UTF-8"
expect "LANG=zh_CN.UTF-8 gives the Chinese screen" poll_in loc frame 80 24 "行 1/43" "1帮助"
T send-keys -t loc '?'
expect "? shows the help of this screen" poll_in loc has "F10  q" "退出"
T send-keys -t loc q q
st=$(status_of loc)
expect "q closes the help, q again quits with status 0 (got $st)" test "$st" = 0

# a terminal without colours, and --ascii
start vt 80 24 "LANG=C.UTF-8 TERM=vt100" --lang zh --ascii
expect "TERM=vt100 --ascii: frame in +-| and aligned" poll_in vt frame 80 24 "景德镇市 / " "1帮助"
expect "--ascii keeps ambiguous-width glyphs off the screen" \
	poll_in vt nowide "│─┌┐└┘…·—“”≥"
T send-keys -t vt q
st=$(status_of vt)
expect "q quits with status 0 (got $st)" test "$st" = 0

# first start with no database: it is made from the default pack where
# $XDG_DATA_HOME says, and the indicator table comes up on it
T new-session -d -s first -x 100 -y 30 \
  "env -u INNOTRACK_DB LANG=C.UTF-8 XDG_DATA_HOME=$TMP/xdg sh -c '\"$BIN\" --lang zh; echo \$? > $TMP/first.status'"
expect "first start with no database shows the default pack's table" \
	poll_in first has "高新技术企业数量" "300 (2025)" "*"
expect "... from a database made at \$XDG_DATA_HOME/innotrack/innotrack.db" \
	test -s "$TMP/xdg/innotrack/innotrack.db"
T send-keys -t first F10
st=$(status_of first)
expect "F10 quits it with status 0 (got $st)" test "$st" = 0

# 80x24 in Chinese with figures in: the status shows without scrolling
# sideways, and the key bar says F1 lists the keys that do not fit
start narrow 80 24 "LANG=zh_CN.UTF-8"
expect "80x24 zh with figures: the status column is on the screen" \
	poll_in narrow has "技术市场" "41.2 ($year)" "│滞后"
expect "... whole, with its title" poll_in narrow has "实际│" "│状态"
expect "... without scrolling sideways" poll_in narrow frame 80 24 "行 1/43  列 1/" "1帮助"
T send-keys -t narrow Right
expect "Right scrolls at the first press and shows what gave way: 应达 and 走势" \
	poll_in narrow has "行 1/43  列 2/"
expect "... 应达 in the header" poll_in narrow has "│应达│状态"
T send-keys -t narrow l
expect "l again: 走势 whole" poll_in narrow has "行 1/43  列 3/3"
expect "... in the header" poll_in narrow has "│走势"
T send-keys -t narrow h Left
expect "Left scrolls back: the status again" poll_in narrow has "行 1/43  列 1/"
expect "... with its title" poll_in narrow has "实际│" "│状态"
expect "the key bar ends saying F1 lists more keys" poll_in narrow has "1帮助" "10退出" "1更多按键"
T send-keys -t narrow F1
expect "F1 lists the keys the bar had no room for: t" poll_in narrow has "│t " "修改生效的目标，没有则新增"
expect "... and { }" poll_in narrow has "{ }" "按季度或按年度"
T send-keys -t narrow G
expect "... in Chinese" poll_in narrow has "/  F3  n N" "边输入边搜索指标"
T send-keys -t narrow q q
st=$(status_of narrow)
expect "q closes the help, q quits (got $st)" test "$st" = 0

# Esc and the digit after it: the digit may come up to a second later; a
# lone Esc is answered at once (or acts at once where it only closes)
# once SESSION CHECK ARGS: the check on the screen 0.4 s from now, once
once() {
	sess=$1; what=$2; shift 2
	sleep 0.4
	T capture-pane -p -t "$sess" > "$SCREEN"
	$CHECK "$what" "$SCREEN" "$@" 2> "$TMP/why"
}
start esc 80 24 "LANG=zh_CN.UTF-8"
expect "the indicator screen for Esc" poll_in esc frame 80 24 "行 1/43" "1帮助"
T send-keys -t esc Escape
expect "a lone Esc is answered at once: the status line says a digit now is an F-key" \
	once esc has "Esc：现在按数字键即功能键（Esc 2 = F2，Esc 0 = F10）"
sleep 0.4
T send-keys -t esc 1
expect "... and 1 typed 0.8 s after the Esc is F1: the help" poll_in esc has "F1  ?" "显示本屏幕的按键"
expect "the help names Esc Esc" poll_in esc has "Esc Esc" "立即执行 Esc，不等数字键"
T send-keys -t esc Escape
expect "Esc closes the help at once (a window whose only F-key is Close)" \
	once esc frame 80 24 "行 1/43" "1帮助"
T send-keys -t esc 0
sleep 0.5
expect "... and a 0 right after it is not F10 for the screen behind: it still runs" \
	test ! -s "$TMP/esc.status"
T send-keys -t esc s
expect "s sorts by the indicator" poll_in esc has "指标 ^"
T send-keys -t esc Escape Escape
expect "Esc Esc acts at once: back to the documents' order" \
	once esc frame 80 24 "景德镇市 · " "1帮助"
T send-keys -t esc j j j j j a
expect "a opens a form" poll_in esc has "录入数值"
T send-keys -t esc -l "333"
T send-keys -t esc Escape
expect "in a form a lone Esc is answered at once too" once esc has "Esc：现在按数字键即功能键"
sleep 0.3
T send-keys -t esc 2
expect "... and 2 typed 0.7 s after the Esc saves (F2)" poll_in esc has "已保存：高新技术企业数量"
T send-keys -t esc F10
st=$(status_of esc)
expect "F10 quits (got $st)" test "$st" = 0

# --db naming a missing file (a typo, say): asked before a ledger is made
T new-session -d -s typo -x 80 -y 24 \
  "env -u INNOTRACK_DB LANG=C.UTF-8 sh -c '\"$BIN\" --db $TMP/typo/x.db --lang zh; echo \$? > $TMP/typo.status'"
expect "--db to a missing file says there is no database there" \
	poll_in typo has "$TMP/typo/x.db 处没有数据库"
expect "... and asks before creating a ledger there" poll_in typo has "要在那里用默认数据包新建台账吗？y/N"
T send-keys -t typo n Enter
st=$(status_of typo)
expect "n: exits 3 (got $st)" test "$st" = 3
expect "... and creates neither the file nor its folder" test ! -e "$TMP/typo"
# the same through INNOTRACK_DB, answered y: the ledger is made from the default pack
T new-session -d -s typo2 -x 80 -y 24 \
  "env LANG=C.UTF-8 INNOTRACK_DB=$TMP/new/x.db sh -c '\"$BIN\" --lang zh; echo \$? > $TMP/typo2.status'"
expect "INNOTRACK_DB to a missing file asks too" poll_in typo2 has "要在那里用默认数据包新建台账吗？y/N"
T send-keys -t typo2 y Enter
expect "y: the ledger is made from the default pack and shown" \
	poll_in typo2 has "高新技术企业" "300 (2025)*"
expect "... at the path INNOTRACK_DB names" test -s "$TMP/new/x.db"
T send-keys -t typo2 F10
st=$(status_of typo2)
expect "F10 quits it with status 0 (got $st)" test "$st" = 0
