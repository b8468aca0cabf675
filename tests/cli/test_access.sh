#!/bin/sh
# test_access.sh: who may change what, and the audit no one can change.
# The admin (the login that made the ledger) grants and revokes; a county
# clerk writes only their region and the regions below it, by import and
# by undo; a viewer and a login not listed write nothing and are told how
# to ask; the audit's triggers refuse UPDATE and DELETE from the sqlite3
# shell; `innotrack audit` filters by login, kind and date.  The last part
# creates a real user (itk_*, removed at exit) to show that the login is
# the user's own; it needs root, useradd and setpriv, and is skipped
# without them.  test_server.sh has the setgid program's part.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..61"
DB=$T/a.db
q() { sqlite3 "$DB" "$1"; }
is() { got=$(q "$1"); [ "$got" = "$2" ] || { echo "got \"$got\", wanted \"$2\""; return 1; }; }
as() { who=$1; shift; INNOTRACK_LOGIN=$who run "$@"; }
# ents FIRST REGION...: a CSV of enterprises numbered from FIRST, one row
# per region given
ents() {
	echo "统一社会信用代码,企业名称,所在地区"
	k=$1
	shift
	for r in "$@"; do
		echo "$(uscc "$k"),企业$k号,$r"
		k=$((k + 1))
	done
}
# a valid USCC whose 17 digits end in n (the check character computed)
uscc() {
	python3 -c "
import sys
s='9136020000000%04d' % int(sys.argv[1])
A='0123456789ABCDEFGHJKLMNPQRTUWXY'
w=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
c=(31-sum(A.index(ch)*wi for ch,wi in zip(s,w))%31)%31
print(s+A[c])" "$1"
}

# users, grant, revoke -------------------------------------------------
newdb a.db
ok "the login that made the ledger is its admin" is "SELECT login, role FROM app_user" "tester|admin"
ok "users lists it" run 0 --db "$DB" users
ok "... as admin" has "$T/out" "tester       Admin"
ok "grant with no role: exit 2" run 2 --db "$DB" grant clerk1
ok "grant an unknown role: exit 2" run 2 --db "$DB" grant clerk1 boss
ok "... naming the roles" has "$T/err" "Admin, City clerk, County clerk, Viewer"
ok "a county clerk without a region: exit 2" run 2 --db "$DB" grant clerk2 county
ok "a city clerk with a region: exit 2" run 2 --db "$DB" grant clerk1 city 乐平市
ok "a county clerk of an unknown region: exit 2" run 2 --db "$DB" grant clerk2 county 火星
ok "a county clerk of the whole city: exit 2" run 2 --db "$DB" grant clerk2 county 景德镇市
ok "grant a city clerk (role named in Chinese)" run 0 --db "$DB" grant clerk1 市级
ok "grant a county clerk of 浮梁县 (县级)" run 0 --db "$DB" grant clerk2 县级 浮梁
ok "grant a viewer (只读)" run 0 --db "$DB" grant v1 只读
ok "grant a second admin" run 0 --db "$DB" grant boss admin
ok "the roles and scopes as stored" \
	is "SELECT login || ':' || role || ':' || coalesce((SELECT name FROM region WHERE id = region_id), '')
	    FROM app_user ORDER BY login" "boss:admin:
clerk1:city:
clerk2:county:浮梁县
tester:admin:
v1:viewer:"
ok "a city clerk may not grant: exit 1" as clerk1 1 --db "$DB" grant clerk1 admin
ok "... and is told why, in Chinese" as clerk1 1 --db "$DB" --lang zh grant clerk1 admin
ok "... (只有管理员可以)" has "$T/err" "市级用户 clerk1 不能授予或撤销权限：只有管理员可以"
ok "revoke a login that is no user: exit 2" run 2 --db "$DB" revoke nobody
ok "revoke the second admin" run 0 --db "$DB" revoke boss
ok "the last admin cannot be revoked: exit 1" run 1 --db "$DB" revoke tester
ok "... nor made a clerk" run 1 --db "$DB" grant tester city
ok "... and is told why" has "$T/err" "tester is the last admin"
ok "every grant and revoke is in the audit, by the admin" \
	is "SELECT count(*), group_concat(DISTINCT login) FROM audit WHERE tbl = 'app_user'" "6|tester"

# writes by role and region --------------------------------------------
printf 'code,name,kind,parent\njdz-fl-eh,鹅湖镇,township,jdz-fl\n' > "$T/town.csv"
"$BIN" --db "$DB" import regions "$T/town.csv" >/dev/null
ents 10 乐平市 浮梁县 昌江区 > "$T/mixed.csv"
ok "a county clerk importing other counties' rows: exit 1" \
	as clerk2 1 --db "$DB" --lang zh import enterprises "$T/mixed.csv"
ok "... refused naming line and region, in Chinese" \
	has "$T/err" "mixed.csv:2: 县级用户 clerk2（浮梁县）不能添加 乐平市 的记录"
ok "... each region at its first line" has "$T/err" "mixed.csv:4: 县级用户 clerk2（浮梁县）不能添加 昌江区 的记录"
ok "... and nothing written" is "SELECT count(*) FROM enterprise" 0
ents 1 浮梁县 鹅湖镇 > "$T/own.csv"
ok "the county clerk imports their county's rows and a township's below it" \
	as clerk2 0 --db "$DB" import enterprises "$T/own.csv"
OWN=$(q "SELECT max(id) FROM import_batch")
ok "a county clerk may not import regions (the city's list)" \
	as clerk2 1 --db "$DB" import regions "$T/town.csv"
ok "the city clerk imports every county's rows" as clerk1 0 --db "$DB" import enterprises "$T/mixed.csv"
CITY=$(q "SELECT max(id) FROM import_batch")
ok "the county clerk may not undo it: exit 1" as clerk2 1 --db "$DB" --lang zh undo-import "$CITY"
ok "... told why" has "$T/err" "县级用户 clerk2（浮梁县）不能撤销对 乐平市 的记录所做的修改"
ents 1 乐平市 > "$T/move.csv"   # the county's enterprise 1 moved to 乐平市 (same USCC)
ok "a county clerk may not move their record into another county" \
	as clerk2 1 --db "$DB" import enterprises "$T/move.csv"
ok "a viewer may not import: exit 1" as v1 1 --db "$DB" import enterprises "$T/own.csv"
ok "... and is told so" has "$T/err" "viewer v1 may only read"
ok "a login not listed may not import: exit 1" as stranger 1 --db "$DB" --lang zh import enterprises "$T/own.csv"
ok "... told how to ask: the admins and the grant command" \
	has "$T/err" "stranger 只能查看（不是本台账的用户）：请管理员（tester）执行 innotrack grant stranger 角色 [地区]"
ok "... but may read" as stranger 0 --db "$DB" export enterprises
ok "the county clerk undoes their own import" as clerk2 0 --db "$DB" undo-import "$OWN"
ok "... and their rows are gone" is "SELECT count(*) FROM enterprise" 3
ok "... while the audit keeps the import and adds the undo" \
	is "SELECT group_concat(action) FROM audit WHERE batch_id = $OWN" "insert,delete,delete"

# the yearly figures of a firm are of the firm's region
printf '企业名称,年度,营业收入（万元）\n企业11号,2024,100\n企业10号,2024,200\n' > "$T/years.csv"
ok "the city clerk imports the yearly figures of firms of 浮梁县 and 乐平市" \
	as clerk1 0 --db "$DB" import enterprise-years "$T/years.csv"
YEARS=$(q "SELECT max(id) FROM import_batch")
ok "the county clerk of 浮梁县 may not undo it: exit 1" \
	as clerk2 1 --db "$DB" --lang zh undo-import "$YEARS"
ok "... told why: 乐平市's firm's figures are among them" \
	has "$T/err" "县级用户 clerk2（浮梁县）不能撤销对 乐平市 的记录所做的修改"
printf '企业名称,年度,营业收入（万元）\n企业11号,2025,120\n' > "$T/own-years.csv"
ok "the city clerk imports a figure of 浮梁县's firm alone" \
	as clerk1 0 --db "$DB" import enterprise-years "$T/own-years.csv"
ok "... which the county clerk of 浮梁县 may undo" \
	as clerk2 0 --db "$DB" undo-import "$(q "SELECT max(id) FROM import_batch")"
ok "... and the other figures stay" is "SELECT count(*) FROM enterprise_year" 2
printf '企业名称,年度,营业收入（万元）\n企业11号,2025,130\n' > "$T/own-years.csv"
ok "the county clerk of 浮梁县 imports the figures of their county's firm" \
	as clerk2 0 --db "$DB" import enterprise-years "$T/own-years.csv"
printf '企业名称,年度,营业收入（万元）\n企业11号,2024,110\n企业10号,2024,210\n' > "$T/years2.csv"
ok "... but not those of 乐平市's: exit 1" \
	as clerk2 1 --db "$DB" --lang zh import enterprise-years "$T/years2.csv"
ok "... refused at the line of 乐平市's firm" \
	has "$T/err" "years2.csv:3: 县级用户 clerk2（浮梁县）不能修改 乐平市 的记录"
ok "... once" sh -c "test \$(grep -c 'years2.csv:3:' '$T/err') = 1"

# the audit ------------------------------------------------------------
rows=$(q "SELECT count(*) FROM audit")
ok "UPDATE audit from the sqlite3 shell is refused" sh -c "! sqlite3 '$DB' \"UPDATE audit SET login = 'x'\" 2>'$T/sq'"
ok "DELETE FROM audit from the sqlite3 shell is refused" \
	sh -c "! sqlite3 '$DB' 'DELETE FROM audit' 2>>'$T/sq' && grep -q 'the audit is never deleted' '$T/sq'"
ok "... and the audit is as it was" is "SELECT count(*), count(DISTINCT login) > 1 FROM audit" "$rows|1"
ok "audit --login --kind in CSV: the county clerk's imported rows" \
	as tester 0 --db "$DB" --lang en audit --login clerk2 --kind enterprises --format csv
ok "... one run of two added records, with its batch" has "$T/out" "clerk2,enterprises,1-2,,insert,,,,$OWN"
ok "audit --kind 用户 --since a future day: nothing" as tester 0 --db "$DB" audit --kind 用户 --since 2999-01-01
ok "audit --kind nosuch: exit 2, naming the kinds" as tester 2 --db "$DB" audit --kind nosuch

# a real user -----------------------------------------------------------
# itk_a, a real user of the system, runs the plain program as themselves
# (the setgid program, which ignores INNOTRACK_LOGIN, is test_server.sh's).
skip_rest() {
	while [ "$n" -lt 51 ]; do
		n=$((n + 1))
		echo "ok $n # SKIP $1"
	done
	exit $((fails > 0))
}
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1 || ! command -v setpriv >/dev/null 2>&1; then
	skip_rest "a real user needs root, useradd and setpriv"
fi
A=itk_a$$
trap 'userdel "$A" 2>/dev/null; rm -rf "$T"' EXIT
useradd -M -N -s /usr/sbin/nologin "$A" || skip_rest "useradd failed"
chmod 711 "$T"
# as USER PROGRAM DB ARGS...: run as USER, output in out and err
as_user() {
	u=$1 prog=$2 db=$3
	shift 3
	setpriv --reuid="$u" --regid=users --clear-groups sh -c 'umask 007; exec "$@"' sh \
		"$prog" --db "$db" "$@" >"$T/out" 2>"$T/err"
}
mkdir "$T/pub" && chmod 1777 "$T/pub" && cp "$DB" "$T/pub/p.db" && chmod 666 "$T/pub/p.db"
ok "the plain program: a real user not listed is refused, by their own name" eval \
	'INNOTRACK_LOGIN= as_user "$A" "$BIN" "$T/pub/p.db" import enterprises "$T/own.csv";
	 test $? = 1 && grep -q "$A may only read (not a user of this ledger)" "$T/err"'
"$BIN" --db "$T/pub/p.db" grant "$A" county 浮梁县 >/dev/null
ok "granted 浮梁县, they import its rows, and the audit names them" eval \
	'INNOTRACK_LOGIN= as_user "$A" "$BIN" "$T/pub/p.db" import enterprises "$T/own.csv" &&
	 test "$(sqlite3 "$T/pub/p.db" "SELECT group_concat(DISTINCT login) FROM audit
	   WHERE batch_id = (SELECT max(id) FROM import_batch)")" = "$A"'
exit $((fails > 0))
