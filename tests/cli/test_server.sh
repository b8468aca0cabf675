#!/bin/sh
# test_server.sh: a shared server with real users.  The program is installed
# setgid to a group of its own (by build-aux/install-shared.sh, as make
# install does), the ledger lives in that group's folder (2770), and the
# clerks are not in the group: they reach the ledger only through the
# program, which knows them by their user id and writes their files with
# their ids.  The program run here is innotrack linked with folders of its
# own (SERVER_TEST_DIR, see Makefile.am), so that its system configuration
# is this test's.  Needs root (to add users), setpriv, tmux and sqlite3;
# users and groups are named itk_* and removed at the end.
. "${top_srcdir:-.}/tests/cli/tap.sh"
PLAN=24
S=${SERVER_TEST_DIR:-}
skip_all() {
	echo "1..$PLAN"
	i=1
	while [ $i -le $PLAN ]; do echo "ok $i # SKIP $1"; i=$((i + 1)); done
	exit 0
}
[ "$(id -u)" = 0 ] || skip_all "needs root, to add the users of a shared server"
# LeakSanitizer cannot watch a setgid process, which ignores ASAN_OPTIONS
[ -z "${ASAN_OPTIONS:-}" ] || skip_all "the sanitizer build cannot run setgid"
for tool in setpriv useradd groupadd userdel groupdel tmux sqlite3; do
	command -v $tool >/dev/null 2>&1 || skip_all "$tool is not installed"
done
[ -n "$S" ] || skip_all "SERVER_TEST_DIR is not set (run through make check)"
if findmnt -n -o OPTIONS -T "$T" 2>/dev/null | grep -q nosuid; then
	skip_all "$T is mounted nosuid"
fi
echo "1..$PLAN"

G=itk_g$$ ADM=itk_a$$ C1=itk_c$$ C2=itk_d$$
PROG=$T/prefix/bin/innotrack
DIR=$S/var/lib/innotrack
DB=$DIR/city.db
REPORT_WORD=progress_pct   # a word of the English report's header
cleanup() {
	[ -f "$T/c1.pid" ] && kill -9 "$(cat "$T/c1.pid")" 2>/dev/null
	tmux -S "$T/c1/tmux" kill-server 2>/dev/null
	for u in $ADM $C1 $C2; do userdel "$u" 2>/dev/null; groupdel "$u" 2>/dev/null; done
	groupdel $G 2>/dev/null
	rm -rf "$S" "$T"
	rmdir -p "$(dirname "$S")" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

groupadd $G
for u in $ADM $C1 $C2; do useradd -M -U -s /bin/sh "$u"; done
chmod 711 "$T"
# each clerk has a folder of their own, and one is shared by all
for u in $ADM $C1 $C2; do mkdir "$T/$u"; chown "$u:" "$T/$u"; chmod 700 "$T/$u"; done
mkdir "$T/c1" "$T/sticky" "$T/open" && chown "$C1:" "$T/c1"
chmod 1777 "$T/sticky"
chmod 777 "$T/open"
# the fixtures where the clerks can read them (the build tree may be private)
mkdir "$T/fx" && cp "$FX"/*.csv "$T/fx" && chmod -R go+rX "$T/fx"
FX=$T/fx
# as USER COMMAND...: run as the user, with a clean login-like environment
as() {
	u=$1; shift
	setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups \
	    env -i PATH=/usr/bin:/bin HOME="$T/$u" LANG=C.UTF-8 TERM=xterm ${AS_ENV:-} \
	    sh -c 'umask 022; exec "$@"' sh "$@"
}

# the installation, as make install's hook makes it
mkdir -p "$T/prefix/bin" "$S/etc"
chmod 755 "$T/prefix" "$T/prefix/bin"
chmod -R go+rX "$(dirname "$S")"
cp "$top_builddir/tests/cli/innotrack_server" "$PROG"
sh "$top_srcdir/build-aux/install-shared.sh" $G "$PROG" "$DIR" >"$T/install.out"
ok "make install's hook makes the program setgid $G and the ledger's folder 2770" \
	test "$(stat -c %G:%a "$PROG") $(stat -c %G:%a "$DIR")" = "$G:2755 $G:2770"
printf '# the shared ledger\ndatabase = %s\n' "$DB" >"$S/etc/innotrack.conf"

ok "the administrator creates the ledger named in the system configuration" \
	as $ADM "$PROG" init
ok "the ledger is 0660 and the group's (whatever the umask)" \
	test "$(stat -c %U:%G:%a "$DB")" = "$ADM:$G:660"
as $C1 sqlite3 "$DB" 'SELECT count(*) FROM region' >"$T/sq.out" 2>&1
ok "a clerk cannot open the ledger with sqlite3" test $? != 0
ok "... because the folder keeps them out (not for another reason)" \
	grep -q 'unable to open\|ermission denied' "$T/sq.out"
as $C1 "$PROG" report >"$T/r1.out"
ok "a clerk reads the ledger through the program" grep -q "$REPORT_WORD" "$T/r1.out"

# A clerk who only reads opens the ledger first and keeps it open (the
# full-screen program); the -wal and -shm are theirs, and another clerk
# must still write, also after the reader is killed and leaves them.
as $C1 tmux -S "$T/c1/tmux" -f /dev/null new-session -d -x 80 -y 24 \
	"echo \$\$ > '$T/c1/pid'; exec '$PROG'"
i=0
while [ $i -lt 100 ] && ! [ -e "$DB-shm" ]; do sleep 0.1; i=$((i + 1)); done
cp "$T/c1/pid" "$T/c1.pid" 2>/dev/null
ok "the reader's -wal and -shm are the group's and 0660" \
	test "$(stat -c %U:%G:%a "$DB-wal" "$DB-shm" | tr '\n' ' ')" = "$C1:$G:660 $C1:$G:660 "
ok "a second clerk imports while the first reads" \
	as $C2 "$PROG" import enterprises "$FX/enterprises.csv"
kill -9 "$(cat "$T/c1.pid")"
sleep 0.2
ok "the killed reader left its -wal and -shm behind" test -e "$DB-wal" -a -e "$DB-shm"
ok "and the second clerk still writes" \
	as $C2 "$PROG" import institutes "$FX/institutes.csv"
tmux -S "$T/c1/tmux" kill-server 2>/dev/null

# who is working comes from the user id, never from the environment
login() { sqlite3 "$DB" "SELECT login FROM import_batch ORDER BY id DESC LIMIT 1"; }
AS_ENV="INNOTRACK_LOGIN=$C2" as $C1 "$PROG" import talents "$FX/talents.csv" >/dev/null
ok "INNOTRACK_LOGIN does not change the login of a setgid run" test "$(login)" = "$C1"
as $C1 "$PROG" --db "$T/$C1/mine.db" report >/dev/null 2>"$T/db.err"
ok "--db is refused when setgid (exit 2)" test $? = 2
ok "... with the reason" grep -q -- '--db cannot be used' "$T/db.err"
AS_ENV="INNOTRACK_DB=$T/$C1/mine.db" as $C1 "$PROG" report >/dev/null 2>"$T/env.err"
ok "INNOTRACK_DB is ignored, and said to be" \
	test "$(grep -c 'INNOTRACK_DB is ignored' "$T/env.err"):$(ls "$T/$C1")" = "1:"

# the clerk's own files, with the clerk's ids
as $C1 "$PROG" export enterprises -o "$T/$C1/e.csv" >/dev/null
ok "an export lands owned by the clerk, not the group, 0644 under umask 022" \
	test "$(stat -c %U:%G:%a "$T/$C1/e.csv")" = "$C1:$C1:644"
as $C1 "$PROG" report -o "$DIR/x.txt" 2>/dev/null
ok "-o cannot write into the ledger's folder" test $? != 0 -a ! -e "$DIR/x.txt"
sum=$(sha256sum <"$DB")
as $C1 "$PROG" report -o "$DB" 2>/dev/null
ok "-o cannot replace the ledger" test $? != 0 -a "$(sha256sum <"$DB")" = "$sum"
as $C1 "$PROG" import enterprises "$DB" >"$T/imp.out" 2>&1
ok "the clerk cannot import the ledger's file as a CSV" \
	test $? != 0 -a "$(grep -c 'ermission denied' "$T/imp.out")" != 0

# a symbolic link planted at the output file is never written through
echo "private" >"$T/$C2/secret" && chown $C2: "$T/$C2/secret"
as $C1 ln -s "$T/$C2/secret" "$T/sticky/r.txt"
as $C1 ln -s "$T/$C2/secret" "$T/open/r.txt"
as $C2 "$PROG" report -o "$T/sticky/r.txt" >/dev/null 2>&1
as $C2 "$PROG" report -o "$T/open/r.txt" >/dev/null 2>&1
ok "a link planted by another clerk is not written through" test "$(cat "$T/$C2/secret")" = private
ok "... and is replaced by the report where the folder allows" \
	test ! -L "$T/open/r.txt" -a "$(stat -c %U "$T/open/r.txt"):$(grep -c "$REPORT_WORD" "$T/open/r.txt")" = "$C2:1"

# the configuration: the system's language, then the clerk's
echo "language = zh" >>"$S/etc/innotrack.conf"
as $C1 "$PROG" report >"$T/zh.out"
ok "the system configuration's language is what a clerk sees (no locale sent)" \
	grep -q '完成进度' "$T/zh.out"
mkdir -p "$T/$C2/.config/innotrack"
printf 'language = en\ndatabase = %s\n' "$T/$C2/own.db" >"$T/$C2/.config/innotrack/config"
chown -R $C2: "$T/$C2/.config"
as $C2 "$PROG" report >"$T/c2.out" 2>"$T/c2.err"
ok "the clerk's configuration's language wins over the system's" grep -q "$REPORT_WORD" "$T/c2.out"
ok "... and its database is ignored when setgid, and said to be" \
	test "$(grep -c 'config:2: database is ignored' "$T/c2.err")" = 1 -a ! -e "$T/$C2/own.db"
echo "colours = maybe" >>"$S/etc/innotrack.conf"
as $C1 "$PROG" report >/dev/null 2>"$T/bad.err"
ok "a bad key's file and line are named" grep -q "innotrack.conf:4: colours takes on or off" "$T/bad.err"
exit $((fails > 0))
