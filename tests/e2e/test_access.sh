#!/bin/sh
# test_access.sh: who may change what, on the real program in tmux at
# 80x24 in Chinese.  A county clerk of 浮梁县 opens an enterprise of 乐平市
# and is refused, in Chinese, when trying to edit or delete it, and edits
# one of their own county; they add the yearly figures of their county's
# firm, and are refused, naming region and firm, for a firm of 乐平市;
# the menu shows them no users screen.  The admin
# grants roles on the users screen (a viewer; a county clerk with a region
# chosen from the list), and finds the county clerk's edit on the change
# log, filtered by login.  Checked in the database with sqlite3.  TAP
# output.  Needs tmux, python3 and sqlite3.
E2E_NAME=access
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/access.db

keys() { sess=$1; shift; T send-keys -t "$sess" "$@"; }
text() { T send-keys -t "$1" -l "$2"; }
# Esc, then 9 apart (not as one Alt-9): the menu
menu() { keys "$1" Escape; sleep 0.2; keys "$1" 9; }
# lacks SESSION TEXT: the screen does not show TEXT
lacks() {
	T capture-pane -p -t "$1" > "$SCREEN"
	! grep -q -F -- "$2" "$SCREEN" || { echo "\"$2\" is on the screen" > "$TMP/why"; return 1; }
}

echo "1..29"

INNOTRACK_LOGIN=admin1 "$BIN" --db "$DB" init > "$TMP/init.out" 2>&1 &&
	INNOTRACK_LOGIN=admin1 "$BIN" --db "$DB" import enterprises "$SRC/tests/fixtures/enterprises.csv" \
		>/dev/null 2>&1 &&
	INNOTRACK_LOGIN=admin1 "$BIN" --db "$DB" grant clerk2 county 浮梁县 >/dev/null
expect "a ledger made by admin1, with enterprises of every county, and clerk2 of 浮梁县" test $? = 0
before=$(sqlite3 "$DB" "SELECT group_concat(name || version, ',') FROM enterprise WHERE region_id <>
	(SELECT id FROM region WHERE name = '浮梁县')")

# the county clerk
start c2 80 24 "INNOTRACK_LOGIN=clerk2 LANG=$ZH" --lang zh
expect "the program starts for clerk2" poll_in c2 has "clerk2"
menu c2
keys c2 G
expect "the log at the foot of clerk2's menu" poll_in c2 has " 日志 "
expect "... and no users screen there" lacks c2 " 用户 "
keys c2 g j Enter
expect "the enterprises register" poll_in c2 has "景德镇陶瓷新材料有限公司" "乐平市"
keys c2 Enter
expect "Enter shows the 乐平市 enterprise" poll_in c2 has "所在地区" "乐平市"
keys c2 e
expect "e is refused in Chinese, naming who, their county and the record's" \
	poll_in c2 has "县级用户 clerk2（浮梁县）不能修改 乐平市 的记录"
expect "... and no form opened" lacks c2 "修改企业"
keys c2 d
expect "d is refused too" poll_in c2 has "县级用户 clerk2（浮梁县）不能删除 乐平市 的记录"
keys c2 Escape
sleep 0.3
keys c2 j Enter
expect "the 浮梁县 enterprise" poll_in c2 has "所在地区" "浮梁县"
keys c2 e
expect "e opens the form of their own county's record" poll_in c2 has "修改企业"
keys c2 Tab
keys c2 C-u
text c2 浮梁航宇无人机有限公司
keys c2 F2
expect "... and F2 saves it" poll_in c2 has "已保存"
expect "nothing of 乐平市 changed; the 浮梁县 record by clerk2, audited" \
	sql_is "SELECT group_concat(name || version, ',') = '$before' FROM enterprise WHERE region_id <>
	          (SELECT id FROM region WHERE name = '浮梁县');
	        SELECT name, updated_by FROM enterprise WHERE region_id = (SELECT id FROM region WHERE name = '浮梁县');
	        SELECT login, action FROM audit WHERE tbl = 'enterprise' ORDER BY id DESC LIMIT 1" "1
浮梁航宇无人机有限公司|clerk2
clerk2|update"

# the yearly figures of a firm are of the firm's county
keys c2 Escape
expect "Esc closes the record" poll_in c2 has "行 2/7"
keys c2 F9
keys c2 j Enter
expect "the yearly figures register (年报), empty" poll_in c2 has "本台账还没有记录"
keys c2 F7
expect "F7 opens the form of new figures for clerk2" poll_in c2 has "新增年报"
text c2 陶瓷新材料
sleep 0.3
keys c2 Tab
text c2 2024
keys c2 Tab
text c2 1200
keys c2 F2
expect "a firm of 乐平市: refused, naming the region and the firm" \
	poll_in c2 has "县级用户 clerk2（浮梁县）不能添加 乐平市 的记录（景德镇陶瓷新材料有限公司）"
keys c2 Up Up C-u
text c2 浮梁航宇
sleep 0.3
keys c2 Tab
keys c2 F2
expect "their own county's firm: saved" poll_in c2 has "已保存：浮梁航宇无人机有限公司 2024"
expect "... one row, of the 浮梁县 firm, by clerk2, audited" \
	sql_poll "SELECT e.name, y.year, y.revenue_cents, y.updated_by FROM enterprise_year y
	          JOIN enterprise e ON e.id = y.enterprise_id;
	          SELECT login, action FROM audit WHERE tbl = 'enterprise_year'" "浮梁航宇无人机有限公司|2024|120000|clerk2
clerk2|insert"

# the admin
start adm 80 24 "INNOTRACK_LOGIN=admin1 LANG=$ZH" --lang zh
expect "the program starts for admin1" poll_in adm has "admin1"
menu adm
keys adm G k Enter
expect "the users screen lists admin1 and clerk2 with 浮梁县" \
	poll_in adm has "clerk2" "县级用户" "浮梁县"
keys adm a
text adm clerk3
keys adm Enter
expect "a asks the login, then the role" poll_in adm has "clerk3 的角色"
keys adm Down Enter
expect "... 只读用户 granted" poll_in adm has "clerk3 现为只读用户"
keys adm a
text adm 李四
keys adm Enter
sleep 0.3
keys adm Enter
expect "a county clerk: the region is asked from the list" poll_in adm has "李四 的地区"
expect "... 乐平市 first" poll_in adm has "乐平市" "县级市"
keys adm Enter
expect "the users as stored, each grant by admin1" \
	sql_poll "SELECT login, role, coalesce((SELECT name FROM region WHERE id = region_id), ''), updated_by
	        FROM app_user ORDER BY id" "admin1|admin||admin1
clerk2|county|浮梁县|admin1
clerk3|viewer||admin1
李四|county|乐平市|admin1"
menu adm
keys adm k Enter
keys adm l
text adm clerk2
keys adm Enter
expect "the change log, filtered by login, shows clerk2's edit field by field" \
	poll_in adm has "clerk2" "企业名称" "浮梁航"
expect "... and says the filter: the record's edit, the figures' three fields" \
	poll_in adm has "4 处修改  clerk2"
keys adm G Enter
expect "Enter shows the change in full" poll_in adm has "新值" "浮梁航宇无人机有限公司"
exit $failed
