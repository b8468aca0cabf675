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

# closure FILE...: "FILE HEADER" for every header each FILE includes,
# directly or through the project's own headers ("core/db.h", <sqlite3.h>).
# Headers are looked up from the top of the source tree.
closure() {
	awk '
	function walk(f, root,   i, h, p) {
		for (i = 1; i <= nin[f]; i++) {
			h = inc[f, i]
			if ((root, h) in seen)
				continue
			seen[root, h] = 1
			print root, h
			if (h ~ /^"/) {
				p = substr(h, 2, length(h) - 2)
				if (!(p in nin))
					scan(p)
				walk(p, root)
			}
		}
	}
	function scan(f,   line, h) {
		nin[f] = 0
		while ((getline line < f) > 0)
			if (match(line, /^[ \t]*#[ \t]*include[ \t]*[<"][^>"]*[>"]/)) {
				h = substr(line, RSTART, RLENGTH)
				sub(/^[ \t]*#[ \t]*include[ \t]*/, "", h)
				inc[f, ++nin[f]] = h
			}
		close(f)
	}
	BEGIN {
		for (i = 1; i < ARGC; i++) {
			scan(ARGV[i])
			walk(ARGV[i], ARGV[i])
		}
	}' "$@"
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

closure tui/*.c tui/*.h | grep -E ' (<sqlite3\.h>|"core/db_internal\.h")$' |
	sed 's/ / includes /' >"$T/bad"
check "no file of tui/ includes sqlite3.h or core/db_internal.h, even through a header"

grep -nE '"([^"]*[^A-Za-z_"])?(SELECT|INSERT|UPDATE|DELETE FROM)([^A-Za-z_]|$)' \
	tui/*.c tui/*.h >"$T/bad"
check "no file of tui/ writes SQL in a string"

closure core/*.c core/*.h | grep -E ' <(ncursesw/)?(n?curses|term|form|menu|panel)\.h>$' |
	sed 's/ / includes /' >"$T/bad"
check "no file of core/ includes curses.h, even through a header"

grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<sqlite3\.h>' core/*.h |
	grep -vx 'core/db_internal.h' >"$T/bad"
check "of the headers of core/, only core/db_internal.h includes sqlite3.h"

[ "$fails" -eq 0 ]
