#!/bin/sh
# test_login.sh: whose login an import records.  INNOTRACK_LOGIN (which
# tap.sh sets, as the other tests need) names the clerk while the program
# runs with its own ids; a setgid copy of the program ignores it and
# records the name of the real user id.  The setgid part needs root,
# setpriv (to be user 65534), a group "users" to be setgid to (harmless,
# not root's) and a folder not mounted nosuid.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..3"
# login DB: the login of the last import batch
login() { sqlite3 "$1" "SELECT login FROM import_batch ORDER BY id DESC LIMIT 1"; }

newdb l.db
"$BIN" --db "$T/l.db" grant clerk1 city >/dev/null
INNOTRACK_LOGIN=clerk1 "$BIN" --db "$T/l.db" import enterprises "$FX/enterprises.csv" >/dev/null
ok "INNOTRACK_LOGIN names the clerk of an import" test "$(login "$T/l.db")" = clerk1

NOBODY=$(getent passwd 65534 | cut -d: -f1)
GROUP=$(getent group users | cut -d: -f3)
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1 || [ -z "$NOBODY" ] ||
	[ -z "$GROUP" ] || [ "$GROUP" = 0 ] || [ "$GROUP" = 65534 ] ||
	findmnt -n -o OPTIONS -T "$T" 2>/dev/null | grep -q nosuid; then
	why="setgid needs root, setpriv, user 65534, group users and a folder without nosuid"
	echo "ok 2 # SKIP $why"
	echo "ok 3 # SKIP $why"
	exit $((fails > 0))
fi
mkdir "$T/sg"
chmod 711 "$T"
chmod 1777 "$T/sg"
cp "$BIN" "$T/sg/innotrack"
chgrp "$GROUP" "$T/sg/innotrack"
chmod 2755 "$T/sg/innotrack"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env INNOTRACK_LOGIN=clerk2 "$@"; }
as_nobody "$BIN" --db "$T/sg/a.db" init >/dev/null &&
	as_nobody "$BIN" --db "$T/sg/a.db" import enterprises "$FX/enterprises.csv" >/dev/null
ok "run as another user without setgid, the override still holds" test "$(login "$T/sg/a.db")" = clerk2
# LeakSanitizer cannot watch a setgid process (it is not dumpable) and
# a setgid program ignores ASAN_OPTIONS: the plain build checks this part
if [ -n "${ASAN_OPTIONS:-}" ]; then
	echo "ok 3 # SKIP the sanitizer build cannot run setgid"
	exit $((fails > 0))
fi
as_nobody "$T/sg/innotrack" --db "$T/sg/b.db" init >/dev/null &&
	as_nobody "$T/sg/innotrack" --db "$T/sg/b.db" import enterprises "$FX/enterprises.csv" >/dev/null
ok "a setgid copy ignores INNOTRACK_LOGIN and records the real user ($NOBODY)" \
	test "$(login "$T/sg/b.db")" = "$NOBODY"
exit $((fails > 0))
