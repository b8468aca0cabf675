#!/bin/sh
# test_forms.sh: a clerk's forms over the indicator screen, driven in tmux
# and read back with capture-pane, then checked in the database with the
# sqlite3 shell: adding a figure (a wrong number first, Chinese in the
# note, a terminal resize in the middle), correcting it while "another
# clerk" changes it (reload theirs; keep mine), deleting it after a
# confirmation that names it, Esc asking before throwing changes away,
# and choosing which document's target is in force.  TAP output.
# Needs tmux, python3 and sqlite3 (skipped without them).
E2E_NAME=form
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/forms.db

# The screen does not show TEXT (after the poll before it settled).
lacks() {
	T capture-pane -p -t app > "$SCREEN" 2>/dev/null
	! grep -qF -- "$1" "$SCREEN"
}

# What a query of the sqlite3 shell prints, compared with $2.
sql_is() {
	got=$(sqlite3 "$DB" "$1" 2>&1)
	if [ "$got" = "$2" ]; then
		return 0
	fi
	printf 'got:  %s\nwant: %s\n' "$got" "$2" > "$TMP/why"
	return 1
}

keys() { T send-keys -t app "$@"; }
text() { T send-keys -t app -l "$1"; }

OBS="SELECT %s FROM observation o JOIN indicator i ON i.id = o.indicator_id
     WHERE i.name = '高新技术企业数量' AND o.period = '2025' AND o.region_id =
     (SELECT id FROM region WHERE name = '景德镇市')"
obs() { printf "$OBS" "$1"; }
# what another clerk does meanwhile, with the sqlite3 shell
other_clerk() {   # login value
	sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE observation SET value = $2, updated_by = '$1', updated_at = '2025-12-01 09:30:00',
	         version = version + 1
	   WHERE id = ($(obs o.id))"
}

echo "1..60"

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
expect "init builds a fresh database" test $? = 0
"$BIN" --db "$DB" grant clerk1 city >/dev/null   # the clerk of the forms writes everything

T new-session -d -s keep -x 80 -y 24 "sleep 3600"
T new-session -d -s app -x 100 -y 30 \
  "env INNOTRACK_LOGIN=clerk1 LANG=C.UTF-8 '$BIN' --db '$DB' --lang zh; echo \$? > '$TMP/status'"
expect "the indicator screen opens" poll has "高新技术企业数量" "300 (2025)*"
keys j j j j j
expect "j moves to 高新技术企业数量, without a figure yet" \
	poll has "高新技术企业数量" "无数据"
expect "the key bar shows the keys of the screen" \
	poll has "4修改" "7新增" "8删除" "r 地区" "[ ] 期间" "t 目标"

# Add a figure: the period typed the Chinese way, a wrong number first.
keys a
expect "a opens the form with region and period filled in" poll has "地区 景德镇市"
expect "... and the indicator, its target and baseline above the fields" \
	poll has "目标 300 (2025) · 基期 200 (2020)"
keys Up C-u
text "2025年"
keys Tab
text "3l2"
keys Tab
expect "a wrong number is refused on leaving the field, the reason on the status line" \
	poll has "「3l2」不是数字"
expect "... and the cursor stays in it" poll has "> 数值 3l2"
keys C-u
text "３１２"
keys Tab
text "季度报表核对（张伟）"
expect "full-width digits are taken and a Chinese note is typed" \
	poll has "> 备注 季度报表核对（张伟）"
T resize-window -t app -x 80 -y 24
expect "resized to 80x24 in the middle of the form: what was typed is still there" \
	poll has "数值 312"
expect "... the note too, and the period as understood" poll has "期间 2025"
keys Enter
expect "Enter on the last field saves: the figure, progress and status change" \
	poll has "高新技术" "312 (2025)" "112%" "已完成"
expect "... the screen is whole again at 80x24" poll frame 80 24 "已保存" "1帮助"
expect "the database has the figure and the note" \
	sql_is "$(obs "o.value || '|' || o.note || '|' || o.updated_by")" "312.0|季度报表核对（张伟）|clerk1"
expect "... and an audit row of the insert by clerk1" \
	sql_is "SELECT action, login FROM audit WHERE tbl = 'observation' AND row_id = ($(obs o.id))" \
	"insert|clerk1"

# Correct it while another clerk changes it: reload theirs, then save.
keys e
expect "e opens the figure to correct" poll has "> 数值 312"
keys C-u
text "320"
other_clerk lihua 315
keys F2
expect "saving tells who changed it meanwhile, when, and to what" \
	poll has "lihua 于 2025-12-01 09:30:00 改成了 315"
expect "... and the form shows it too" poll has "修改人 lihua，时间 2025-12-01 09:30:00，对方的数值：315"
expect "nothing was overwritten" sql_is "$(obs "o.value || '|' || o.updated_by")" "315.0|lihua"
keys r
expect "r takes their figure into the form" poll has "> 数值 315"
keys F2
expect "saving again works and the row shows 315" poll has "高新技术" "315 (2025)" "115%"
expect "the database has 315 saved by clerk1" \
	sql_is "$(obs "o.value || '|' || o.updated_by || '|' || o.version")" "315.0|clerk1|3"

# Again, but keep mine.
keys e C-u
text "330"
other_clerk wangfang 318
keys F2
expect "a second conflict names wangfang" poll has "wangfang 于 2025-12-01 09:30:00 改成了 318"
keys k
expect "k keeps mine and saves it over theirs" poll has "高新技术" "330 (2025)" "已完成"
expect "the database has 330 by clerk1, and the update audited" \
	sql_is "$(obs "o.value || '|' || o.updated_by") ;
	  SELECT count(*) FROM audit WHERE tbl = 'observation' AND action = 'update'" "330.0|clerk1
2"

# Esc: asks only when something changed.
keys a
expect "a opens an empty form" poll has "录入数值"
keys Escape
expect "Esc with nothing changed closes it without asking" poll has "1帮助" "4修改"
expect "... no question on the status line" lacks "放弃修改"
keys a
text "9"
keys Escape
expect "Esc after typing asks first" poll has "放弃修改？y/n"
keys n
expect "n keeps the form with what was typed" poll has "> 数值 9"
keys Escape y
expect "Esc, y throws it away" poll has "高新技术" "330 (2025)"
expect "... and nothing was saved" sql_is "SELECT count(*) FROM observation" "1"

# A choice narrowed by typing: 乐 leaves 乐平市, Tab takes it.
keys a Up Up
text "乐"
expect "typing over the region narrows the list to what matches" poll has "地区 乐"
expect "... which shows 乐平市" poll has "乐平市"
keys Tab
expect "Tab takes it" poll has "  地区 乐平市"
keys Escape y
expect "Esc, y closes that form" poll has "1帮助" "4修改"

# Delete, with a confirmation naming the record.
keys d
expect "d asks, naming the record" poll has "删除 高新技术企业数量 景德镇市 2025 = 330？y/n"
keys n
expect "n keeps it" sql_is "SELECT count(*) FROM observation" "1"
keys d
expect "d asks again" poll has "删除 高新技术企业数量 景德镇市 2025 = 330？y/n"
keys y
expect "y deletes it: the row has no figure again" poll has "高新技术" "300 (2025)*" "无数据"
expect "... gone from the database, the delete audited" \
	sql_is "SELECT count(*) FROM observation;
	  SELECT login FROM audit WHERE tbl = 'observation' AND action = 'delete'" "0
clerk1"

# Another clerk deletes the figure while the form is open: the form says
# who and when (from the audit), and offers adding it again or leaving it.
other_deletes() {   # login (empty: no audit row)
	id=$(sqlite3 "$DB" "$(obs o.id)")
	[ -n "$1" ] && sqlite3 "$DB" "INSERT INTO audit(at, login, tbl, row_id, action)
	  VALUES ('2025-12-01 10:15:00', '$1', 'observation', $id, 'delete')"
	sqlite3 -cmd ".timeout 5000" "$DB" "DELETE FROM observation WHERE id = $id"
}
keys a Up C-u
text "2025"
keys Tab
text "330"
keys F2
expect "a figure again" poll has "高新技术" "330 (2025)"
keys e C-u
text "340"
other_deletes zhaomin
keys F2
expect "saving a figure deleted meanwhile names who deleted it and when" \
	poll has "已被 zhaomin 删除：a 重新添加  l 保持删除  Esc 返回"
expect "... the form says it was deleted" poll has "其他人员删除了这条记录"
expect "... by whom" poll has "删除人 zhaomin，时间 2025-12-01 10:15:00"
expect "... and offers adding it again or leaving it, not loading theirs" \
	poll has "a：按表单内容重新添加" "l：保持删除"
keys a
expect "a adds it again: the row shows 340" poll has "高新技术" "340 (2025)"
expect "... saved by clerk1 as a new row" \
	sql_is "$(obs "o.value || '|' || o.updated_by || '|' || o.version")" "340.0|clerk1|1"
keys e C-u
text "350"
other_deletes ""
keys F2
expect "without an audit row it still says the record was deleted" \
	poll has "已被其他人员删除：a 重新添加  l 保持删除  Esc 返回"
expect "... and that the audit does not say by whom" poll has "审计记录中没有删除人"
keys l
expect "l leaves it deleted, closes the form and says so" \
	poll has "保持删除：高新技术企业数量 景德镇市 2025"
expect "... the row shows no figure" poll has "高新技术" "300 (2025)*" "无数据"
expect "... and nothing was written" sql_is "SELECT count(*) FROM observation" "0"
keys a Up C-u
text "2025"
keys Tab
text "360"
keys F2
expect "a figure once more" poll has "高新技术" "360 (2025)"
keys d
expect "d asks" poll has "删除 高新技术企业数量 景德镇市 2025 = 360？y/n"
other_deletes zhaomin
keys y
expect "deleting what another clerk deleted first names who and when" \
	poll has "已被删除：删除人 zhaomin，时间 2025-12-01 10:15:00"

# Which document's target is in force.
keys Enter
expect "Enter lists the targets with their documents" poll has "景科字〔2022〕49号" "400 (2025)" "未生效"
keys j c
expect "c makes the other document's target the one in force" \
	poll has "景科字〔2022〕49号" "400 (2025)" "生效"
keys Escape
expect "... and the row shows 400 now" poll has "高新技术" "400 (2025)*"

keys F10
i=0
while [ $i -lt 100 ] && [ ! -s "$TMP/status" ]; do sleep 0.1; i=$((i + 1)); done
expect "F10 quits with status 0" test "$(cat "$TMP/status" 2>/dev/null)" = 0
