#!/bin/sh
# test_recedit.sh: the record editor on the enterprises register, driven
# in tmux at 80x24 in Chinese and read back with capture-pane, then
# checked in the database with the sqlite3 shell: adding an enterprise
# (a wrong USCC first), finding it with /, editing it, viewing its
# history, deleting it from the view; a region that enterprises name
# cannot be deleted; and two programs (clerk1, clerk2) on one database
# editing the same enterprise: keep mine over their change, and re-add
# what the other deleted.  TAP output.  Needs tmux, python3 and sqlite3.
E2E_NAME=recedit
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/recedit.db


keys() { sess=$1; shift; T send-keys -t "$sess" "$@"; }
text() { T send-keys -t "$1" -l "$2"; }
# Esc, then 9 apart (not as one Alt-9): the menu
menu() { keys "$1" Escape; sleep 0.2; keys "$1" 9; }

# The form window fits 80 cells, its right border in one column.
form_fits() { poll_in "$1" window 80; }

# No English word on the screen: runs of three or more ASCII letters,
# but for the program's name, logins, key names and codes typed.
no_english() {
	T capture-pane -p -t "$1" > "$SCREEN"
	left=$(grep -o '[A-Za-z][A-Za-z]*' "$SCREEN" | grep '...' |
	       grep -v -x -e innotrack -e clerk -e Tab -e Esc -e Enter -e Ctrl -e Delete | sort -u)
	[ -z "$left" ] && return 0
	echo "English on screen: $left" > "$TMP/why"
	return 1
}

echo "1..54"

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
expect "init builds a fresh database" test $? = 0

T new-session -d -s keep -x 80 -y 24 "sleep 3600"
start app 80 24 "INNOTRACK_LOGIN=clerk1 LANG=$ZH" --lang zh
expect "the program starts" poll has "行 1/43"
menu app
keys app j Enter
expect "the enterprises register is empty" poll has "本台账还没有记录"
expect "... its key bar has the record keys" poll has "4修改" "7新增" "8删除" "Enter 查看"

# Add: a wrong check character first.
keys app a
expect "a opens the form of a new enterprise" poll has "新增企业"
expect "... with every field by its Chinese name" poll has "统一社会信用代码"
expect "... down to the last ones" poll has "研发机构 否"
expect "... which fits 80x24, its right border in one column" form_fits app
expect "... with no English word on screen" no_english app
text app 91360200000000001Y
keys app Tab
text app 景德镇陶瓷新材料有限公司
keys app Tab
text app 乐
expect "typing in 所在地区 narrows the regions to 乐平市" poll has "乐平市"
keys app Tab
text app 先进陶瓷
keys app Tab
text app 高企
keys app F2
expect "a wrong USCC is refused by core, the right check character said" \
	poll has "统一社会信用代码：「91360200000000001Y」校验码错误，应为 X"
expect "... and the form goes to that field" poll has ">" "统一社会信用代码 91360200000000001Y"
keys app C-u
text app 91360200000000001x
keys app F2
expect "F2 saves: the register shows the enterprise" \
	poll has "91360200000000001X" "景德镇陶瓷新材" "乐平市"
expect "... and says so" poll has "已保存：91360200000000001X 景德镇陶瓷新材料有限公司"
expect "the database has it, by clerk1, audited" \
	sql_is "SELECT uscc, tier, updated_by, version FROM enterprise;
	  SELECT login, action FROM audit WHERE tbl = 'enterprise'" "91360200000000001X|high_tech|clerk1|1
clerk1|insert"

keys app Insert
expect "Insert opens the form too" poll has "新增企业"
text app 913602000000000021
keys app Tab
text app 景德镇航宇无人机有限公司
keys app Tab
text app 浮梁
keys app F2
expect "a second enterprise is added" poll has "913602000000000021" "浮梁县"

# Find it with /, edit it.
keys app g
keys app /
text app 陶瓷新材
keys app Enter
expect "/ finds the first one" poll has "搜索 陶瓷新材" "行 1/2"
keys app /
text app 航宇
keys app Enter
expect "/ 航宇 finds the second" poll has "搜索 航宇" "行 2/2"
keys app e
expect "e opens it" poll has "修改企业"
expect "... saying who saved it last" poll has "第 2 号 · 第 1 版 · clerk1 于"
expect "... the form fits" form_fits app
keys app Down Down Down
text app 航空
keys app F2
expect "saved: the row shows 航空" poll has "航宇" "航空"
expect "... and stays selected" poll has "行 2/2"
expect "the database has version 2 by clerk1" \
	sql_is "SELECT industry, version, updated_by FROM enterprise WHERE uscc = '913602000000000021'" "航空|2|clerk1"

# The view and the history, then delete from there.
keys app Enter
expect "Enter shows the record" poll has "企业名称" "景德镇航宇无人机有限公司"
keys app G
expect "... and its changes, newest first, with the login" poll has "clerk1 修改"
expect "... what changed from what to what" poll has "所属行业：（空） 改为 航空"
expect "... with no English word on screen" no_english app
T resize-window -t app -x 100 -y 30
expect "resized to 100x30, the view is still there" poll has "clerk1 修改"
T resize-window -t app -x 80 -y 24
expect "... and back at 80x24" poll has "所属行业：（空） 改为 航空"
keys app d
expect "d asks, naming the record" poll has "删除企业 913602000000000021 景德镇航宇无人机有限公司？y/n"
keys app y
expect "y deletes it: the register has one row again" poll has "已删除：913602000000000021"
expect "... gone from the database, the delete audited by clerk1" \
	sql_is "SELECT count(*) FROM enterprise;
	  SELECT login FROM audit WHERE tbl = 'enterprise' AND action = 'delete'" "1
clerk1"

# A region with an enterprise in it cannot be deleted.
menu app
# from 企业 down the menu to 地区, past the other kinds
keys app j j j j j j j j j j j j j j j j j j j Enter
expect "the regions register" poll has "乐平市"
keys app j d
expect "d on 乐平市 asks first" poll has "删除地区 jdz-lp 乐平市？y/n"
keys app y
expect "... and refuses, naming who refers to it" poll has "家企业" "引用，不能删除"
expect "乐平市 is still there" sql_is "SELECT count(*) FROM region WHERE name = '乐平市'" "1"
keys app F10

# Two clerks on one database: clerk2 saves first; clerk1 keeps theirs.
start c1 80 24 "INNOTRACK_LOGIN=clerk1 LANG=$ZH" --lang zh
start c2 80 24 "INNOTRACK_LOGIN=clerk2 LANG=$ZH" --lang zh
poll_in c1 has "行 1/43" && poll_in c2 has "行 1/43"
menu c1
keys c1 j Enter
menu c2
keys c2 j Enter
expect "clerk1 sees the enterprise" poll_in c1 has "91360200000000001X"
expect "clerk2 sees it too" poll_in c2 has "91360200000000001X"
keys c1 e
poll_in c1 has "修改企业"
keys c1 Down Down Down C-u
text c1 日用陶瓷
keys c2 e
poll_in c2 has "修改企业"
keys c2 Down C-u
text c2 景德镇新材料集团
keys c2 F2
expect "clerk2 saves a new name" poll_in c2 has "已保存" "景德镇新材料集团"
keys c1 F2
expect "clerk1's save meets it: who and when" poll_in c1 has "clerk2 于" "保存了这条记录"
expect "... what they changed, beside what clerk1's form holds" \
	poll_in c1 has "企业名称" "景德镇陶瓷新材料有限公司" "景德镇新材料集团" "景德镇陶瓷新材料有限公司"
expect "... and the choice" poll_in c1 has "r：载入对方的   k：保留您的并覆盖对方的"
expect "... all of it in Chinese" no_english c1
expect "... nothing was overwritten" \
	sql_is "SELECT name, industry, updated_by FROM enterprise" "景德镇新材料集团|先进陶瓷|clerk2"
keys c1 k
expect "k keeps clerk1's form and saves it over theirs" poll_in c1 has "已保存"
expect "... the database has clerk1's version 3" \
	sql_is "SELECT name, industry, updated_by, version FROM enterprise" \
	"景德镇陶瓷新材料有限公司|日用陶瓷|clerk1|3"

# clerk2 deletes it while clerk1 has it open; clerk1 adds it again.
keys c1 e
poll_in c1 has "修改企业"
keys c1 Down Down Down C-u
text c1 艺术陶瓷
keys c2 F5
keys c2 d
poll_in c2 has "删除企业"
keys c2 y
expect "clerk2 deletes it" poll_in c2 has "已删除"
keys c1 F2
expect "clerk1's save learns it was deleted, by whom" poll_in c1 has "clerk2 于" "删除了这条记录"
expect "... and may add it again" poll_in c1 has "k：重新新增您的"
keys c1 k
expect "k adds it anew" poll_in c1 has "已保存"
expect "... the database has clerk1's" \
	sql_is "SELECT name, industry, updated_by FROM enterprise" "景德镇陶瓷新材料有限公司|艺术陶瓷|clerk1"
keys c1 F10
keys c2 F10
expect "both quit with status 0" test "$(status_of c1)$(status_of c2)$(status_of app)" = 000
