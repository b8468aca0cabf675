#!/bin/sh
# test_faults.sh: the full-screen program when things go wrong, in tmux
# at 80x24 in Chinese.  SIGHUP, SIGTERM and SIGINT end it with the
# terminal as it was (stty -a in the same pane shows icanon and echo);
# SIGHUP and SIGKILL while a form's save waits for another writer leave
# the ledger before or after the save, whole; a save that must wait says
# so; a ledger replaced under the running program is noticed before the
# save, which is refused with the typing kept in the open form.  TAP
# output.  Needs tmux, python3, sqlite3.
E2E_NAME=faults
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/faults.db

keys() { sess=$1; shift; T send-keys -t "$sess" "$@"; }
text() { T send-keys -t "$1" -l "$2"; }
menu() { keys "$1" Escape; sleep 0.2; keys "$1" 9; }

# run NAME: the program in a shell that, when it ends, writes its exit
# status and the terminal's settings (stty -a, in the same pane)
run() {
	T new-session -d -s "$1" -x 80 -y 24 "sh -c 'INNOTRACK_LOGIN=clerk1 LANG=$ZH \"$BIN\" \
		--db \"$DB\" --lang zh; echo \$? > \"$TMP/$1.status\"; stty -a > \"$TMP/$1.stty\"; sleep 600'"
}
# pid NAME: the program's process id (the child of the pane's shell)
pid() { ps -o pid= --ppid "$(T display -p -t "$1" '#{pane_pid}')" | tr -d ' '; }
# restored NAME: the terminal is back in its usual mode
restored() {
	i=0
	while [ ! -s "$TMP/$1.stty" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	if grep -q -- '-icanon' "$TMP/$1.stty" || grep -q -- '-echo ' "$TMP/$1.stty" ||
	   ! grep -q 'icanon' "$TMP/$1.stty"; then
		{ echo "stty -a after the program:"; cat "$TMP/$1.stty"; } > "$TMP/why" 2>&1
		return 1
	fi
}
status_is() { [ "$(status_of "$1")" = "$2" ] || { echo "exit status $(status_of "$1"), wanted $2" > "$TMP/why"; return 1; }; }
integrity() { sql_is "PRAGMA integrity_check" ok; }
# open_form NAME: the enterprises register's form of a new enterprise,
# with a USCC and a name typed in
open_form() {
	poll_in "$1" has "行 1/" || return 1
	menu "$1"
	keys "$1" j Enter
	poll_in "$1" has "统一社会信用代码" || return 1
	keys "$1" a
	poll_in "$1" has "新增企业" || return 1
	text "$1" 91360200000000001X
	keys "$1" Tab
	text "$1" "$2"
	poll_in "$1" has "$2"
}
# hold SECONDS: another writer holds the write lock that long
hold() {
	( echo "BEGIN IMMEDIATE; INSERT OR REPLACE INTO meta(key, value) VALUES ('held', '1');"; sleep "$1"; echo "COMMIT;" ) |
		sqlite3 "$DB" &
	sleep 0.5
}

echo "1..40"
"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1 &&
"$BIN" --db "$DB" grant clerk1 city >> "$TMP/init.out" 2>&1 &&
"$BIN" --db "$DB" grant clerk2 city >> "$TMP/init.out" 2>&1
expect "init builds a fresh database, its clerks may write" test $? = 0

for sig in HUP TERM INT; do
	run s$sig
	expect "SIG$sig: the program is up" poll_in s$sig has "行 1/"
	kill -$sig "$(pid s$sig)"
	case $sig in HUP) code=129;; TERM) code=143;; INT) code=130;; esac
	expect "SIG$sig: it ends, killed by the signal" status_is s$sig $code
	expect "SIG$sig: the terminal is restored (icanon, echo)" restored s$sig
done

# A save that waits for another writer; SIGHUP meanwhile: the save ends
# (after), then the program, with the terminal restored.
run save
expect "the form of a new enterprise, filled in" open_form save 挂断测试有限公司
hold 4
keys save F2
expect "the save waits, and says so" poll_in save has "等待其他人的保存完成"
kill -HUP "$(pid save)"
expect "SIGHUP during the save: the program ends once the save is done" status_is save 129
expect "... the terminal is restored" restored save
expect "... the ledger is after the save, whole" \
	sql_is "SELECT count(*) FROM enterprise WHERE name = '挂断测试有限公司'; PRAGMA integrity_check" "1
ok"

# SIGKILL while the save waits: the ledger is before it.
sqlite3 "$DB" "DELETE FROM enterprise"
run kill
expect "a second form, filled in" open_form kill 强杀测试有限公司
hold 3
keys kill F2
expect "the save waits" poll_in kill has "等待其他人的保存完成"
kill -KILL "$(pid kill)"
sleep 3
expect "SIGKILL during the save: the ledger is before it, whole" \
	sql_is "SELECT count(*) FROM enterprise; PRAGMA integrity_check" "0
ok"

# The ledger replaced under the running program.
run moved
expect "a third form, filled in" open_form moved 替换测试有限公司
cp "$DB" "$TMP/other.db"
mv "$TMP/other.db" "$DB"
keys moved F2
expect "the save is refused: the file was replaced" poll_in moved has "被删除或替换"
expect "... the form stays open" poll_in moved has "新增企业"
expect "... with the typing in it" poll_in moved has "替换测试有限公司"
expect "... nothing was written to the file now there" \
	sql_is "SELECT count(*) FROM enterprise" 0
keys moved Escape
sleep 0.3
T kill-session -t moved
# deleted: the same
run gone
expect "a fourth form, filled in" open_form gone 删除测试有限公司
mv "$DB" "$TMP/away.db"
keys gone F2
expect "a deleted ledger is noticed too" poll_in gone has "被删除或替换"
expect "... the typing kept" poll_in gone has "删除测试有限公司"
mv "$TMP/away.db" "$DB"
expect "the ledger is whole" integrity
T kill-session -t gone

# An import on the imports screen that must wait for clerk2's import
# (which itself waits for a writer holding the lock) says whose it waits
# for, then goes on.
awk -v n=20 -v from=5000001 -f "$SRC/tests/bench/gen_enterprises.awk" > "$TMP/mine.csv"
hold 6
INNOTRACK_LOGIN=clerk2 "$BIN" --db "$DB" import enterprises "$SRC/tests/fixtures/enterprises.csv" \
	> "$TMP/clerk2.out" 2>&1 &
clerk2=$!
run imp
poll_in imp has "行 1/"
keys imp Tab G Enter
expect "the imports screen" poll_in imp has "导入"
keys imp i
expect "the import form" poll_in imp has "导入文件"
text imp "$TMP/mine.csv"
keys imp F2
expect "the dry run does not wait" poll_in imp has "试导入 mine.csv"
keys imp F2
expect "applying waits for clerk2's import, and says so" poll_in imp has "等待 clerk2 的导入完成"
wait $clerk2
expect "clerk2's import went through" grep -q "imported as batch" "$TMP/clerk2.out"
expect "then the clerk's import is applied" poll_in imp has "已导入为批次"
expect "the ledger is whole" integrity

# restore asks first on a terminal: n keeps the ledger, y puts the copy back
"$BIN" --db "$DB" backup "$TMP/copy.db" >/dev/null 2>&1
sqlite3 "$DB" "DELETE FROM enterprise WHERE id = (SELECT max(id) FROM enterprise)"
before=$(sqlite3 "$DB" "SELECT count(*) FROM enterprise")
after=$(sqlite3 "$TMP/copy.db" "SELECT count(*) FROM enterprise")
for answer in n y; do
	T new-session -d -s r$answer -x 80 -y 24 "sh -c 'LANG=$ZH \"$BIN\" --lang zh --db \"$DB\" \
		restore \"$TMP/copy.db\"; echo \$? > \"$TMP/r$answer.status\"; sleep 600'"
	expect "restore asks first ($answer)" poll_in r$answer has "y/N"
	keys r$answer $answer Enter
done
expect "n: nothing restored (exit 2)" status_is rn 2
expect "y: restored (exit 0)" status_is ry 0
expect "... the ledger is the copy" sql_is "SELECT count(*) FROM enterprise" "$after"
expect "... which differs from what it was" [ "$before" != "$after" ]
exit $failed
