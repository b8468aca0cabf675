#!/bin/sh
# check_layers.sh: the rule of the house, checked on the sources.
#   tui/ never sees SQLite: no file of tui/ includes sqlite3.h or
#   core/db_internal.h, directly or through the headers it includes, and
#   none writes SQL (SELECT, INSERT, UPDATE, DELETE FROM in a string).
#   core/ never sees curses: no file of core/ includes curses.h, directly
#   or through the headers it includes.
# Reads only the sources; prints TAP.
top_srcdir=${top_srcdir:-.}
cd "$top_srcdir" || exit 1
T=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-layers.XXXXXX")
trap 'rm -rf "$T"' EXIT
n=0
fails=0

# includes FILE: every header FILE includes, directly or through the
# project's own headers, one a line: "core/db.h", <sqlite3.h>, ...
includes() {
	: >"$T/seen"
	printf '%s\n' "$1" >"$T/todo"
	while [ -s "$T/todo" ]; do
		f=$(head -n 1 "$T/todo")
		sed -i 1d "$T/todo"
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p' "$f" |
		while IFS= read -r h; do
			grep -qxF -- "$h" "$T/seen" && continue
			printf '%s\n' "$h" >>"$T/seen"
			case $h in
			\"*) p=${h#\"}; p=${p%\"}
			     [ -f "$p" ] && printf '%s\n' "$p" >>"$T/todo" ;;
			esac
		done
	done
	cat "$T/seen"
}

# check DESCRIPTION: pass when $T/bad is empty, else list it
check() {
	n=$((n + 1))
	if [ -s "$T/bad" ]; then
		echo "not ok $n - $1"
		sed 's/^/# /' "$T/bad" | head -20
		fails=$((fails + 1))
	else
		echo "ok $n - $1"
	fi
}

echo "1..4"

: >"$T/bad"
for f in tui/*.c tui/*.h; do
	includes "$f" | grep -E '^(<sqlite3\.h>|"core/db_internal\.h")$' |
		sed "s|^|$f: includes |" >>"$T/bad"
done
check "no file of tui/ includes sqlite3.h or core/db_internal.h, even through a header"

grep -nE '"([^"]*[^A-Za-z_"])?(SELECT|INSERT|UPDATE|DELETE FROM)([^A-Za-z_]|$)' \
	tui/*.c tui/*.h >"$T/bad"
check "no file of tui/ writes SQL in a string"

: >"$T/bad"
for f in core/*.c core/*.h; do
	includes "$f" | grep -E '^<(ncursesw/)?n?curses\.h>$|^<(ncursesw/)?(term|form|menu|panel)\.h>$' |
		sed "s|^|$f: includes |" >>"$T/bad"
done
check "no file of core/ includes curses.h, even through a header"

grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<sqlite3\.h>' core/*.h |
	grep -vx 'core/db_internal.h' >"$T/bad"
check "of the headers of core/, only core/db_internal.h includes sqlite3.h"

[ "$fails" -eq 0 ]
