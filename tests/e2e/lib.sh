# lib.sh: what the end-to-end scripts share.  Source it after setting
# E2E_NAME (a word for the temp folder and the tmux socket) and E2E_TOOLS
# (commands the script needs; it is skipped without them).
#
#   T ARGS...                  tmux on the script's own server
#   poll_in SESSION CHECK ARGS screencheck.py CHECK on SESSION's screen,
#                              every 0.1 s for up to 10 s ("selected" reads
#                              the attributes too)
#   poll CHECK ARGS            the same on session $E2E_SESSION (app)
#   start NAME COLS ROWS ENV ARGS...
#                              the program on $DB in a new session NAME of
#                              COLSxROWS with the environment ENV (VAR=value
#                              words); its exit status goes to $TMP/NAME.status
#   status_of SESSION          that exit status, once written
#   expect DESC COMMAND...     one TAP line; on failure the screen and why
set -u
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
BIN=$(cd "$top_builddir" && pwd)/innotrack
SRC=$(cd "$top_srcdir" && pwd)
CHECK="python3 $SRC/tests/e2e/screencheck.py"
LANG=C.UTF-8
export LANG
unset LC_ALL

for tool in tmux python3 ${E2E_TOOLS:-}; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool not available"
		exit 0
	fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-$E2E_NAME.XXXXXX")
XDG_CONFIG_HOME=$TMP/config   # no clerk's configuration but the test's
export XDG_CONFIG_HOME
SOCK=innotrack-$E2E_NAME-$$
E2E_SESSION=${E2E_SESSION:-app}
SCREEN=$TMP/screen
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { T kill-server >/dev/null 2>&1; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=1
	echo "not ok $n - $1"
	[ -f "$SCREEN" ] && sed 's/^/#   /' "$SCREEN"
	[ -f "$TMP/why" ] && sed 's/^/# /' "$TMP/why"
	return 0
}
expect() {   # description, then a command
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
	rm -f "$SCREEN" "$TMP/why"
}

poll_in() {
	sess=$1; what=$2; shift 2
	flags=-p
	[ "$what" = selected ] && flags=-ep    # reverse video is an attribute
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane $flags -t "$sess" > "$SCREEN" 2>/dev/null
		if $CHECK "$what" "$SCREEN" "$@" 2> "$TMP/why"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
poll() { poll_in "$E2E_SESSION" "$@"; }

status_of() {
	i=0
	while [ $i -lt 100 ] && [ ! -s "$TMP/$1.status" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	cat "$TMP/$1.status" 2>/dev/null || echo none
}

start() {
	name=$1 cols=$2 rows=$3 env=$4; shift 4
	[ -f "$TMP/run.sh" ] || printf '%s\n' 'st=$1; shift' "\"$BIN\" --db \"$DB\" \"\$@\"" \
		'echo $? > "$st"' > "$TMP/run.sh"
	T new-session -d -s "$name" -x "$cols" -y "$rows" \
	  "env $env sh $TMP/run.sh $TMP/$name.status $*"
}

# The Chinese locale: zh_CN.UTF-8 when the machine has it, else C.UTF-8
# (the scripts add --lang zh).
ZH=C.UTF-8
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' && ZH=zh_CN.UTF-8

# Does the query $1 on $DB give exactly $2?  Else say both in $TMP/why.
sql_is() {
	got=$(sqlite3 "$DB" "$1" 2>&1)
	if [ "$got" = "$2" ]; then
		return 0
	fi
	printf 'got:  %s\nwant: %s\n' "$got" "$2" > "$TMP/why"
	return 1
}
# sql_poll SQL WANT: sql_is, given up to 5 s (a save the screen has not
# yet shown may still be on its way)
sql_poll() {
	sql_poll_tries=0
	while [ $sql_poll_tries -lt 50 ]; do
		sql_is "$@" && return 0
		sleep 0.1
		sql_poll_tries=$((sql_poll_tries + 1))
	done
	return 1
}
