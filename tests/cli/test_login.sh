#!/bin/sh
# test_login.sh: whose login an import records.  INNOTRACK_LOGIN (which
# tap.sh sets, as the other tests need) names the clerk while the program
# runs with its own ids, also as another user (root, setpriv, user 65534).
# A setgid install ignores it and records the name of the real user id:
# tests/cli/test_server.sh shows it with real users.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..2"
# login DB: the login of the last import batch
login() { sqlite3 "$1" "SELECT login FROM import_batch ORDER BY id DESC LIMIT 1"; }

newdb l.db
INNOTRACK_LOGIN=clerk1 "$BIN" --db "$T/l.db" import enterprises "$FX/enterprises.csv" >/dev/null
ok "INNOTRACK_LOGIN names the clerk of an import" test "$(login "$T/l.db")" = clerk1

NOBODY=$(getent passwd 65534 | cut -d: -f1)
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1 || [ -z "$NOBODY" ]; then
	why="needs root, setpriv and user 65534"
	echo "ok 2 # SKIP $why"
	exit $((fails > 0))
fi
mkdir "$T/sg"
chmod 711 "$T"
chmod 1777 "$T/sg"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env INNOTRACK_LOGIN=clerk2 "$@"; }
as_nobody "$BIN" --db "$T/sg/a.db" init >/dev/null &&
	as_nobody "$BIN" --db "$T/sg/a.db" import enterprises "$FX/enterprises.csv" >/dev/null
ok "run as another user without setgid, the override still holds" test "$(login "$T/sg/a.db")" = clerk2
exit $((fails > 0))
