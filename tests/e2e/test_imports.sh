#!/bin/sh
# test_imports.sh: the imports screen driven like a clerk in tmux: choose a
# file with Tab completion, let the header tell the kind, read the dry run,
# apply it, see the batch, undo it; a bad file's errors with their lines.
# TAP output.  Needs tmux and python3 (skipped without them).
E2E_NAME=imports
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/test.db
sql() { sqlite3 "$DB" "$1"; }
has() { poll has "$@"; }
# the form's file name is empty (nothing but spaces up to the border)
empty_path() {
	T capture-pane -p -t app > "$SCREEN"
	grep -qE '> 文件 +│' "$SCREEN"
}

echo "1..26"
"$BIN" --db "$DB" init >/dev/null 2>&1
"$BIN" --db "$DB" grant clerk1 city >/dev/null   # the clerk here writes everything
cp "$SRC/tests/fixtures/obs_long.gb18030.csv" "$TMP/二季度指标数据.csv"
cp "$SRC/tests/fixtures/bad_uscc.csv" "$TMP/bad.csv"
cp "$SRC/tests/fixtures/sheets_wide.gb18030.csv" "$TMP/三季度宽表.csv"
cp "$SRC/tests/fixtures/sheets_ent_a.csv" "$TMP/九月名录.csv"

T new-session -d -s app -x 100 -y 30 \
  "env LANG=C.UTF-8 INNOTRACK_LOGIN=clerk1 sh -c '\"$BIN\" --db \"$DB\" --lang zh; echo \$? > $TMP/app.status'"
expect "the program starts on the indicator table" has "高新技术企业数量"
T send-keys -t app Tab G Enter
expect "the menu opens the imports screen, empty at first" has "尚无导入"
T send-keys -t app i
expect "i opens the import form" has "导入文件"
expect "... with an empty file name" empty_path
expect "... saying that F2 runs the dry run" has "F2 试导入"
expect "... its hint says F2 试导入 and Ctrl-U 清空" has "F2：试导入" "Ctrl-U：清空"
expect "... and so does the key bar" has "2试导入" "Ctrl-U 清空"
T send-keys -t app "$TMP/二季度" Tab
expect "Tab completes a Chinese file name" has "$TMP/二季度指标数据.csv"
T send-keys -t app F2
expect "F2 runs the dry run; the header tells the kind (a GB18030 file)" \
	has "试导入 二季度指标数据.csv（指标数据）" "新增 5"
expect "... and nothing is written yet" test "$(sql 'SELECT count(*) FROM observation')" = 0
T send-keys -t app F2
expect "F2 applies it as a batch" has "已导入为批次 1" "新增 5"
expect "... the rows are in the database" test "$(sql 'SELECT count(*) FROM observation')" = 5
expect "... and the batch is listed, by the clerk" has "二季度指标数据.csv" "clerk1"
T send-keys -t app u
expect "u asks before undoing, naming the file" has "撤销批次 1（二季度指标数据.csv"
T send-keys -t app y
expect "y undoes it" has "批次 1 已撤销"
expect "... the rows are gone" test "$(sql 'SELECT count(*) FROM observation')" = 0
T send-keys -t app i
expect "i again shows last time's file selected" poll selected "$TMP/二季度指标数据.csv"
T send-keys -t app "$TMP/bad.csv"
expect "... and typing replaces it" has "> 文件 $TMP/bad.csv "
T send-keys -t app F2
expect "a bad file's dry run lists each error with its line and column" \
	has "错误" " 3" "第 1 列 统一社会信用代码：「913602000000000020」不是有效的"
expect "... a message too long for the screen goes on below, not cut off" has "│    │  │  （校验码应为 1）"
T send-keys -t app Escape
sleep 0.3
T send-keys -t app i
T send-keys -t app C-u "$TMP/三季度宽表.csv" F2
expect "按表头识别 knows a wide sheet (indicators across) as 指标数据" \
	has "试导入 三季度宽表.csv（指标数据）" "新增 13"
T send-keys -t app Escape
sleep 0.3
# September's list, imported; a clerk upgrades a firm in November; the
# same list again, tried dry
INNOTRACK_LOGIN=clerk1 "$BIN" --db "$DB" import enterprises "$TMP/九月名录.csv" >/dev/null 2>&1
sql "UPDATE enterprise SET tier = 'high_tech', updated_by = 'wang', updated_at = '2099-11-03 10:00:00' WHERE uscc = '91360200000000001X'"
T send-keys -t app i
T send-keys -t app C-u "$TMP/九月名录.csv" F2
expect "the dry run lists the changed row by its name" has "说明" "修改：91360200000000001X 景德镇陶瓷新材料有限公司"
expect "... each changed field on a row of its own, old -> new" has "│  梯次：高新技术企业 改为 科技型中小企业"
expect "... and warns that it would undo a later change" has "警告" " 3" "将覆盖文件所属期间（2025Q3）"
expect "... naming who made it and when" has "│  该修改由 wang 于 2099-11-03 10:00:00 做出"
T send-keys -t app Escape
sleep 0.3
T send-keys -t app F10
st=$(status_of app)
expect "F10 quits with status 0 (got $st)" test "$st" = 0
