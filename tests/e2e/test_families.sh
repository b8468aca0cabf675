#!/bin/sh
# test_families.sh: the record editor on one register of each family of
# the menu but 主体's 企业 (test_recedit.sh has it): 人才 (主体), 平台 with
# the 院所 it names (产学研), 任务表 (考核) and 文件 (台账).  In tmux at
# 80x24 in Chinese as clerk1, each is opened from the menu, a record is
# added through the form (choices and references narrowed by typing),
# found with /, edited, opened with its history, deleted; after each
# step the sqlite3 shell reads the row, its version, updated_by and the
# audit.  A document that targets or task targets cite is not deleted,
# the message naming them.  No English word on any screen.  TAP output.
# Needs tmux, python3 and sqlite3.
E2E_NAME=families
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/families.db


# After a failure the screens that follow are seldom the ones expected:
# each check then looks once instead of waiting its 10 s, so that a
# broken step does not keep the run going for minutes.
poll() {
	[ "$failed" = 0 ] && { poll_in app "$@"; return; }
	what=$1; shift
	T capture-pane -p -t app > "$SCREEN" 2>/dev/null
	$CHECK "$what" "$SCREEN" "$@" 2> "$TMP/why"
}

keys() { T send-keys -t app "$@"; }
text() { T send-keys -t app -l "$1"; }
# type each value and go on to the next field
fill() { for v in "$@"; do text "$v"; keys Tab; done; }

# until FUNC ARGS: FUNC (a check of the captured screen in $SCREEN,
# saying why not in $TMP/why) holds, polling as lib.sh's poll does
until_screen() {
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane -p -t app > "$SCREEN" 2>/dev/null
		"$@" > "$TMP/why" 2>&1 && return 0
		[ "$failed" = 0 ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# The list under the field being typed in shows WANT and none of the
# others given: the lines of the form window, its key line left out.
narrowed_now() {
	python3 - "$SCREEN" "$@" <<'EOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
want, others = sys.argv[2], sys.argv[3:]
top = [i for i, l in enumerate(lines) if "\u250c" in l]
bot = [i for i, l in enumerate(lines) if "\u2518" in l]
if not top or not bot:
    print("no form window"); sys.exit(1)
box = lines[top[0] + 1:bot[-1] - 1]
# the list: lines of the window that hold only one entry
items = [l.split("\u2502")[1].strip() for l in box if l.count("\u2502") >= 2]
items = [s for s in items if s and " " not in s]
if want not in items:
    print("the list lacks", want, "; it has", items); sys.exit(1)
bad = [o for o in others if o in items]
if bad:
    print("the list still has", bad, "beside", want); sys.exit(1)
EOF
}
narrowed() { until_screen narrowed_now "$@"; }

# The form window fits 80 cells, its right border in one column.
form_fits() { poll window 80; }

# No English word on the screen: a run of three or more ASCII letters in
# a word without digits (codes such as 91360200MA00000001, jk2024-12 and
# clerk1 have them), but for the program's name and the names of keys.
no_english() {
	T capture-pane -p -t app > "$SCREEN"
	left=$(grep -o '[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*' "$SCREEN" | grep -v '[0-9]' |
	       grep '[A-Za-z][A-Za-z][A-Za-z]' |
	       grep -v -x -e innotrack -e Tab -e S-Tab -e Esc -e Enter -e 'Ctrl-[A-Z]' | sort -u)
	[ -z "$left" ] && return 0
	echo "English on screen:" $left > "$TMP/why"
	return 1
}

audit_of() {   # table, row id: the audit rows as login|action, oldest first
	echo "SELECT login || '|' || action FROM audit WHERE tbl = '$1' AND row_id = $2 ORDER BY id"
}

echo "1..110"

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
expect "init builds a fresh database" test $? = 0
# another clerk's talent and platform, so that / has something to pass
sqlite3 "$DB" "INSERT INTO talent (name, category, updated_by) VALUES ('李华', '外国专家', 'clerk9');
	INSERT INTO platform (name, kind, level, updated_by)
	VALUES ('景德镇陶瓷工业设计研究院', '新型研发机构', 'municipal', 'clerk9')" 2> "$TMP/why"
expect "a talent and a platform of another clerk's are there" \
	sql_is "SELECT count(*) FROM talent; SELECT count(*) FROM platform" "1
1"

start app 80 24 "INNOTRACK_LOGIN=clerk1 LANG=$ZH" --lang zh
expect "the program starts" poll has "行 1/43"

# --- 主体: 人才 ---------------------------------------------------------
keys F9 j j Enter
expect "F9 j j Enter opens the talents register" poll has "人才" "行 1/1"
expect "... its columns by their Chinese names" poll has "姓名" "证件号码" "人才类别" "引进方式"
keys F7
expect "F7 opens the form of a new talent" poll has "新增人才"
expect "... every field by its Chinese name" poll has "阶段 初步接洽"
expect "... the form fits 80x24" form_fits
expect "... no English word on screen" no_english
fill 王晓明 36020219800101001X 高层次创新人才
text 柔
expect "typing 柔 in 引进方式 narrows the list to 柔性" narrowed 柔性 全职
keys Tab
text 是
keys Tab Tab Tab
fill 景德镇陶瓷大学
text 浮梁
expect "typing 浮梁 in 地区 narrows the regions to 浮梁县" narrowed 浮梁县 乐平市 景德镇市
keys Tab
text 签约
expect "typing 签约 in 阶段 narrows the stages to 已签约" narrowed 已签约 初步接洽 洽谈中 已到岗
keys Tab
text 2024年3月1日
keys Enter
expect "Enter on the last field saves: the register shows the talent" \
	poll has "已保存：王晓明" "行 2/2"
expect "the database has it with the choices and the region, version 1 by clerk1" \
	sql_is "SELECT name, id_no, mode, is_foreign, host, (SELECT name FROM region WHERE id = region_id),
	  stage, introduced_on, version, updated_by FROM talent WHERE name = '王晓明'" \
	"王晓明|36020219800101001X|flexible|1|景德镇陶瓷大学|浮梁县|signed|2024-03-01|1|clerk1"
tal=$(sqlite3 "$DB" "SELECT id FROM talent WHERE name = '王晓明'")
expect "... its insert audited by clerk1" sql_is "$(audit_of talent "$tal")" "clerk1|insert"

keys g
expect "g goes to the other clerk's talent" poll has "行 1/2"
keys /
text 王晓
keys Enter
expect "/ 王晓 finds the new one" poll has "搜索 王晓" "行 2/2"
keys e
expect "e opens it, saying who saved it last" poll has "修改人才"
expect "... by number, version and login" poll has "第 $tal 号 · 第 1 版 · clerk1 于"
keys Down Down Down Down Down Down Down Down Down
text 到岗
expect "typing 到岗 over the stage narrows it to 已到岗" narrowed 已到岗 已签约 初步接洽
keys F2
expect "F2 saves the change" poll has "已保存：王晓明"
expect "the database has version 2 by clerk1, on duty" \
	sql_is "SELECT stage, version, updated_by FROM talent WHERE id = $tal" "on_duty|2|clerk1"
expect "... the update audited" sql_is "$(audit_of talent "$tal")" "clerk1|insert
clerk1|update"
keys Enter
expect "Enter shows the record, every field" poll has "证件号码" "36020219800101001X"
expect "... the region by its name" poll has "地区" "浮梁县"
expect "... the stage by its label" poll has "阶段" "已到岗"
keys G
expect "... and its changes with the login" poll has "clerk1 修改"
expect "... from what to what" poll has "阶段：已签约 改为 已到岗"
expect "... and the insert below" poll has "clerk1 新增"
expect "... no English word on screen" no_english
keys d
expect "d in the view asks, naming the talent" poll has "删除人才 王晓明？y/n"
keys y
expect "y deletes it" poll has "已删除：王晓明" "行 1/1"
expect "the database has only the other clerk's talent" \
	sql_is "SELECT name FROM talent" "李华"
expect "... the delete audited by clerk1" sql_is "$(audit_of talent "$tal")" "clerk1|insert
clerk1|update
clerk1|delete"

# --- 产学研: 院所, then 平台 -----------------------------------------------
keys Tab j Enter
expect "Tab j Enter opens the institutes" poll has "院所名称" "类型"
keys a
expect "a opens the form of a new institute" poll has "新增院所"
text 中国科学院过程工程研究所
keys Tab
text 中科院
expect "the alias 中科院 picks 科学院" narrowed 科学院 高校 科研院所 其他
keys Tab
fill 北京
text 过程所
keys F2
expect "F2 saves the institute" poll has "已保存：中国科学院过程工程研究所"
expect "the database has it by clerk1" \
	sql_is "SELECT name, kind, location, aliases, version, updated_by FROM institute" \
	"中国科学院过程工程研究所|academy|北京|过程所|1|clerk1"
inst=$(sqlite3 "$DB" "SELECT id FROM institute")

keys F9 j j Enter
expect "F9 j j Enter opens the platforms" poll has "平台名称" "级别"
keys a
expect "a opens the form of a new platform" poll has "新增平台"
expect "... which fits 80x24" form_fits
expect "... no English word on screen" no_english
fill 景德镇陶瓷新材料中试平台 中试基地
text 省
expect "typing 省 in 级别 narrows it to 省级" narrowed 省级 国家级 市级
keys Tab
text 高新
keys Tab
text 过程所
expect "the institute's alias 过程所 finds it" narrowed 中国科学院过程工程研究所
keys Tab Tab
text 2023/12/2
keys Enter
expect "Enter on the last field saves the platform" \
	poll has "已保存：景德镇陶瓷新材料中试平台" "行 2/2"
expect "the database has it: level, region, institute, date; version 1 by clerk1" \
	sql_is "SELECT kind, level, (SELECT name FROM region WHERE id = region_id), institute_id,
	  approved_on, version, updated_by FROM platform WHERE name = '景德镇陶瓷新材料中试平台'" \
	"中试基地|provincial|高新区|$inst|2023-12-02|1|clerk1"
plat=$(sqlite3 "$DB" "SELECT id FROM platform WHERE name = '景德镇陶瓷新材料中试平台'")
expect "... its insert audited by clerk1" sql_is "$(audit_of platform "$plat")" "clerk1|insert"
keys g /
text 中试
keys Enter
expect "/ 中试 finds it" poll has "搜索 中试" "行 2/2"
keys F4
expect "F4 opens it" poll has "修改平台"
keys Down Down
text 国家
expect "typing 国家 over the level narrows it to 国家级" narrowed 国家级 省级 市级
keys F2
expect "F2 saves: the row shows 国家级" poll has "景德镇陶瓷新材料" "国家级"
expect "the database has version 2 by clerk1, national" \
	sql_is "SELECT level, version, updated_by FROM platform WHERE id = $plat" "national|2|clerk1"
keys Enter
expect "Enter shows the platform with its institute by name" \
	poll has "依托院所" "中国科学院过程工程研究所"
expect "... its history with the login" poll has "clerk1 修改"
expect "... the level from 省级 to 国家级" poll has "级别：省级 改为 国家级"
expect "... no English word on screen" no_english
keys F10
keys d
expect "d in the register asks, naming the platform" \
	poll has "删除平台 景德镇陶瓷新材料中试平台？y/n"
keys y
expect "y deletes it" poll has "已删除：景德镇陶瓷新材料中试平台" "行 1/1"
expect "the database has only the other platform; the delete audited by clerk1" \
	sql_is "SELECT name FROM platform; $(audit_of platform "$plat")" "景德镇陶瓷工业设计研究院
clerk1|insert
clerk1|update
clerk1|delete"

# --- 台账: 文件 (a new document, which a task target will cite) ----------
keys F9 G k k Enter
expect "F9 G k k Enter opens the documents: the pack's three" poll has "文件" "行 1/3"
keys a
expect "a opens the form of a new document" poll has "新增文件"
expect "... which fits 80x24" form_fits
fill jk2024-12 景科字〔2024〕12号 科技人才新政 关于加快引进科技人才的若干措施 景德镇市科学技术局
text 2024年6月18日
keys Enter
expect "Enter saves the document: the register names it by its number" \
	poll has "已保存：景科字〔2024〕12号" "行 4/4"
expect "the database has it by clerk1, version 1" \
	sql_is "SELECT code, number, short_name, issuer, issued_on, version, updated_by
	  FROM policy_doc WHERE code = 'jk2024-12'" \
	"jk2024-12|景科字〔2024〕12号|科技人才新政|景德镇市科学技术局|2024-06-18|1|clerk1"
doc=$(sqlite3 "$DB" "SELECT id FROM policy_doc WHERE code = 'jk2024-12'")
keys g /
text 人才新政
keys Enter
expect "/ 人才新政 finds it" poll has "搜索 人才新政" "行 4/4"
keys e
expect "e opens it" poll has "修改文件" 
expect "... by number, version and login" poll has "第 $doc 号 · 第 1 版 · clerk1 于"
keys Down Down Down C-u
text 关于加快引进培育科技人才的若干措施
keys F2
expect "F2 saves the new title" poll has "已保存：景科字〔2024〕12号"
expect "the database has version 2 by clerk1" \
	sql_is "SELECT title, version, updated_by FROM policy_doc WHERE id = $doc" \
	"关于加快引进培育科技人才的若干措施|2|clerk1"
expect "... and both writes audited" sql_is "$(audit_of policy_doc "$doc")" "clerk1|insert
clerk1|update"
keys Enter
expect "Enter shows the document" poll has "发文单位" "景德镇市科学技术局"
keys G
expect "... its changes with the login" poll has "clerk1 修改"
expect "... the title's" poll has "标题：关于加快引进科技人才的若干措施"
expect "... no English word on screen" no_english
keys F10

# --- 考核: 任务表 (a task target citing the new document) ---------------
keys F9 k k k k k k k Enter
expect "F9 k k k k k k k Enter opens the task targets" poll has "任务表" "行 1/66"
keys Insert
expect "Insert opens the form of a new task target" poll has "新增任务表"
expect "... which fits 80x24" form_fits
expect "... no English word on screen" no_english
text 外国
expect "typing 外国 in 任务 narrows the tasks to 引进外国专家" \
	narrowed 引进外国专家 引进高层次创新创业人才 长期合作大院大所
keys Tab
text 昌南
expect "typing 昌南 in 地区 narrows the regions to 昌南新区" narrowed 昌南新区 昌江区
keys Tab
fill 2026 2027
text 约
expect "约 in 比较 picks ~" narrowed "~" "=" ">=" "<="
keys Tab
text ８
keys Tab
text 人才新政
expect "the document is found by its short name, shown by its number" \
	narrowed 景科字〔2024〕12号 景科字〔2022〕49号 景府发〔2023〕1号
keys Tab
text 外专引进
keys F2
expect "F2 saves the task target" poll has "已保存：引进外国专家 昌南新区 2026-2027" "行 67/67"
expect "the database has it: task, region, years, ~, 8, the document; version 1 by clerk1" \
	sql_is "SELECT (SELECT code FROM task WHERE id = task_id), (SELECT name FROM region WHERE id = region_id),
	  year_from, year_to, comparator, value, doc_id, note, version, updated_by
	  FROM task_target WHERE year_from = 2026" \
	"foreign|昌南新区|2026|2027|~|8.0|$doc|外专引进|1|clerk1"
tt=$(sqlite3 "$DB" "SELECT id FROM task_target WHERE year_from = 2026")
expect "... its insert audited by clerk1" sql_is "$(audit_of task_target "$tt")" "clerk1|insert"
keys g /
text 外专
keys Enter
expect "/ 外专 finds it among the 67" poll has "搜索 外专" "行 67/67"
keys e
expect "e opens it" poll has "修改任务表"
keys Down Down Down Down Down C-u
text 10
keys F2
expect "F2 saves the new value" poll has "已保存：引进外国专家 昌南新区 2026-2027"
expect "the database has 10, version 2 by clerk1" \
	sql_is "SELECT value, version, updated_by FROM task_target WHERE id = $tt" "10.0|2|clerk1"
keys Enter
expect "Enter shows it, the document by its number" poll has "文件" "景科字〔2024〕12号"
keys G
expect "... its changes with the login" poll has "clerk1 修改"
expect "... 目标值 from 8 to 10" poll has "目标值：8 改为 10"
expect "... no English word on screen" no_english
keys F10

# --- documents that are cited stay -------------------------------------
keys F9 j j j j j j j Enter
expect "back on the documents, the new one still selected" poll has "文件" "行 4/4"
keys d
expect "d asks, naming the document" poll has "删除文件 景科字〔2024〕12号？y/n"
keys y
expect "... and refuses: a task target cites it" \
	poll has "「景科字〔2024〕12号」被 1 条任务目标引用，不能删除"
expect "... no English word on screen" no_english
keys k d
expect "d on 景科字〔2022〕49号 asks" poll has "删除文件 景科字〔2022〕49号？y/n"
keys y
expect "... and refuses, naming the targets that cite it" \
	poll has "「景科字〔2022〕49号」被 17 条目标引用，不能删除"
expect "both documents are still in the database, no delete audited" \
	sql_is "SELECT count(*) FROM policy_doc;
	  SELECT count(*) FROM audit WHERE tbl = 'policy_doc' AND action = 'delete'" "4
0"

# the task target goes, then the document may
keys F9 k k k k k k k Enter
expect "back on the task targets, the new one still selected" poll has "任务表" "行 67/67"
keys d
expect "d asks, naming the task target" poll has "删除任务表 引进外国专家 昌南新区 2026-2027？y/n"
keys y
expect "y deletes it" poll has "已删除：引进外国专家 昌南新区 2026-2027" "行 66/66"
expect "the database has the 66 of the pack; the delete audited by clerk1" \
	sql_is "SELECT count(*) FROM task_target; $(audit_of task_target "$tt")" "66
clerk1|insert
clerk1|update
clerk1|delete"
keys F9 j j j j j j j Enter
expect "back on the documents, where d was refused last" poll has "文件" "行 3/4"
keys G
keys d
expect "d on the new document asks again" poll has "删除文件 景科字〔2024〕12号？y/n"
keys y
expect "y deletes it now that nothing cites it" poll has "已删除：景科字〔2024〕12号" "行 3/3"
expect "the database has the pack's three; the delete audited by clerk1" \
	sql_is "SELECT count(*) FROM policy_doc; $(audit_of policy_doc "$doc")" "3
clerk1|insert
clerk1|update
clerk1|delete"

keys F10
st=$(status_of app)
expect "F10 quits with status 0 (got $st)" test "$st" = 0
