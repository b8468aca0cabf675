#!/bin/sh
# test_roundtrip.sh: for every kind, export then import changes nothing,
# in UTF-8 (BOM, CRLF) and in GB18030; the database is byte for byte the
# same (sqlite3 .dump) afterwards.
. "${top_srcdir:-.}/tests/cli/tap.sh"
KINDS="regions targets task-targets institutes enterprises talents partnerships platforms events projects achievements observations"
echo "1..$((3 * 12 + 3))"
DB=$T/r.db
newdb r.db
load_all() {
	for f in institutes enterprises regions targets task_targets talents partnerships platforms \
	         events projects achievements; do
		"$BIN" --db "$DB" import "$(echo $f | tr _ -)" "$FX/$f.csv" || return 1
	done
	"$BIN" --db "$DB" import observations "$FX/obs_wide.csv" &&
	"$BIN" --db "$DB" import observations "$FX/obs_long.csv"
}
ok "load a fixture of every kind" load_all
ok "export writes a UTF-8 BOM and CRLF" sh -c "
	'$BIN' --db '$DB' export enterprises -o '$T/e.csv' 2>/dev/null &&
	head -c 3 '$T/e.csv' | od -An -tx1 | grep -q 'ef bb bf' && head -1 '$T/e.csv' | grep -q \"\$(printf '\\r')\""
dump "$DB" > "$T/before.sql"
for k in $KINDS; do
	ok "$k: export, import: nothing to change" sh -c "
		'$BIN' --db '$DB' export $k -o '$T/$k.csv' 2>/dev/null &&
		'$BIN' --db '$DB' import $k '$T/$k.csv' > '$T/$k.out' 2>&1 &&
		grep -q 'nothing to change' '$T/$k.out' || { cat '$T/$k.out'; exit 1; }"
	ok "$k: export --encoding gb18030 (not UTF-8), import: nothing to change" sh -c "
		'$BIN' --db '$DB' export $k --encoding gb18030 -o '$T/$k.gb.csv' 2>/dev/null &&
		! iconv -f UTF-8 -t UTF-8 '$T/$k.gb.csv' >/dev/null 2>&1 &&
		'$BIN' --db '$DB' import $k '$T/$k.gb.csv' > '$T/$k.out' 2>&1 &&
		grep -q 'nothing to change' '$T/$k.out' || { cat '$T/$k.out'; exit 1; }"
	ok "$k: the English headers read back too" sh -c "
		'$BIN' --db '$DB' --lang en export $k > '$T/$k.en.csv' &&
		'$BIN' --db '$DB' import $k '$T/$k.en.csv' > '$T/$k.out' 2>&1 &&
		grep -q 'nothing to change' '$T/$k.out' || { cat '$T/$k.out'; exit 1; }"
done
dump "$DB" > "$T/after.sql"
ok "the database is unchanged by all of it" cmp "$T/before.sql" "$T/after.sql"
exit $((fails > 0))
