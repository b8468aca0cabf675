# lib.sh: TAP helpers for the shell tests.  Source it; call plan N first
# or done_testing at the end.
: "${top_builddir:=.}"
: "${top_srcdir:=.}"
INNOTRACK=$(cd "$top_builddir" && pwd)/innotrack
SRCDIR=$(cd "$top_srcdir" && pwd)
TMP=$(mktemp -d /tmp/innotrack-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export INNOTRACK_DB="$TMP/default.db"
export LANG=C.UTF-8 LC_ALL=
unset LC_ALL
n_test=0
n_fail=0

# ok COND DESC: COND is an exit status (0 = pass).
ok() {
	n_test=$((n_test + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n_test - $2"
	else
		echo "not ok $n_test - $2"
		n_fail=$((n_fail + 1))
	fi
}

# is GOT WANT DESC
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

# like TEXT PATTERN DESC: grep -E PATTERN in TEXT
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | sed 's/^/#   /' | head -20
		printf '#   wanted: %s\n' "$2"
	fi
}

# has TEXT LINE DESC: TEXT holds exactly the line LINE
has() {
	if printf '%s\n' "$1" | grep -Fxq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   wanted the line: %s\n' "$2"
	fi
}

done_testing() {
	echo "1..$n_test"
	[ "$n_fail" -eq 0 ]
}
