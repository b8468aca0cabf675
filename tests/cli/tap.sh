# tap.sh: TAP helpers for the command-line tests.  Source it; it sets
# BIN (the built program), FX (the fixtures), and a scratch folder T that
# is removed at exit.
BIN=${top_builddir:-.}/innotrack
FX=${top_srcdir:-.}/tests/fixtures
T=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export INNOTRACK_LOGIN=tester LANG=C.UTF-8 LC_ALL=C.UTF-8
unset INNOTRACK_DB INNOTRACK_TIMING
# no configuration but a test's own (the system's is the build's sysconfdir)
XDG_CONFIG_HOME=$T/config
export XDG_CONFIG_HOME
n=0
fails=0
ok() {      # ok DESCRIPTION COMMAND...: pass when the command succeeds
	n=$((n + 1))
	d=$1; shift
	if "$@" >"$T/last.out" 2>&1; then
		echo "ok $n - $d"
	else
		echo "not ok $n - $d"
		sed 's/^/# /' "$T/last.out" | head -20
		fails=$((fails + 1))
	fi
}
# run CODE ARGS...: run the program, keep output in $T/out and $T/err, and
# succeed when the exit status is CODE
run() {
	want=$1; shift
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "exit status $got, wanted $want: innotrack $*"; cat "$T/out" "$T/err"
		return 1
	fi
}
has() {     # has FILE TEXT: FILE contains TEXT
	grep -F -q -- "$2" "$1" || { echo "no \"$2\" in $1:"; cat "$1"; return 1; }
}
newdb() {   # newdb NAME: a fresh database from the default pack
	rm -f "$T/$1"*
	"$BIN" --db "$T/$1" init >/dev/null
}
dump() {    # dump DB > FILE: the database as SQL text
	sqlite3 "$1" .dump
}
