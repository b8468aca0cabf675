#!/bin/sh
# test_damaged.sh: files that are not a whole innotrack ledger (damaged
# ones: truncated, bytes overwritten in the header or in pages, a zeroed
# header; and foreign ones: empty, text, another program's SQLite file,
# an unknown or negative schema version) are refused by report and by
# import with exit 3 and a plain message, the damaged ones naming
# `innotrack check`, and nothing is written into them (same checksum
# after).  Then the commands that only read work on a read-only file and
# in a read-only folder.
. "${top_srcdir:-.}/tests/cli/tap.sh"
newdb good.db
"$BIN" --db "$T/good.db" import enterprises "$FX/enterprises.csv" >/dev/null
sqlite3 "$T/good.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
G=$T/good.db
SIZE=$(stat -c %s "$G")
PAGE=$(sqlite3 "$G" "PRAGMA page_size")
D=$T/bad
mkdir "$D"

# put NAME OFFSET HEX: a copy of the good ledger with bytes HEX at OFFSET
put() { cp "$G" "$D/$1"; printf "$3" | dd of="$D/$1" bs=1 seek="$2" conv=notrunc status=none; }
# page NAME N: a copy with page N (from 1) overwritten by random bytes
page() { cp "$G" "$D/$1"; head -c $PAGE /dev/urandom | dd of="$D/$1" bs=$PAGE seek=$(($2 - 1)) conv=notrunc status=none; }
cut() { cp "$G" "$D/$1"; truncate -s "$2" "$D/$1"; }

# damaged ledgers: the message names innotrack check
cut trunc-half.db $((SIZE / 2))
cut trunc-one-page-less.db $((SIZE - PAGE))
cut trunc-one-page.db $PAGE
cut trunc-100.db 100
cut trunc-odd.db $((SIZE - 1))
put zero-header.db 0 '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'
put bad-page-size.db 16 '\003\000'
put bad-write-version.db 18 '\011\011'
put bad-payload-fractions.db 21 '\100\100\100'
put bad-root-page-type.db 100 '\377\377\377\377'
put bad-page-3-header.db $((2 * PAGE)) '\125\125\125\125\125\125\125\125'
put bad-page-10-header.db $((9 * PAGE)) '\125\125\125\125\125\125\125\125'
put bad-page-40-header.db $((39 * PAGE)) '\125\125\125\125\125\125\125\125'
page random-page-2.db 2
page random-page-20.db 20
page random-last-page.db $((SIZE / PAGE))
head -c $SIZE /dev/urandom > "$D/random-all.db"
cp "$G" "$D/bad-schema-sql.db"
sqlite3 "$D/bad-schema-sql.db" "PRAGMA writable_schema=ON;
	UPDATE sqlite_schema SET sql = 'CREATE TABLE meta(' WHERE name = 'meta'; PRAGMA journal_mode=DELETE" >/dev/null
cp "$G" "$D/negative-version.db"; sqlite3 "$D/negative-version.db" "PRAGMA user_version = -1; PRAGMA journal_mode=DELETE" >/dev/null
DAMAGED=$(ls "$D")

# foreign files: named plainly
: > "$D/empty.db"
echo "not a database at all" > "$D/text.db"
sqlite3 "$D/other-program.db" "CREATE TABLE enterprise(x); INSERT INTO enterprise VALUES (1)"
sqlite3 "$D/sqlite-no-tables.db" "PRAGMA page_size=4096; VACUUM"
cp "$G" "$D/no-meta.db"; sqlite3 "$D/no-meta.db" "DROP TABLE meta; PRAGMA journal_mode=DELETE" >/dev/null
cp "$G" "$D/newer-version.db"; sqlite3 "$D/newer-version.db" "PRAGMA user_version = 999; PRAGMA journal_mode=DELETE" >/dev/null
ALL=$(ls "$D")
echo "1..$(( $(echo "$ALL" | wc -l) * 2 + 12 ))"

refused() {   # refused FILE WANT: report and import exit 3, say WANT, write nothing
	sum=$(sha256sum < "$D/$1")
	run 3 --db "$D/$1" report || return 1
	grep -q -- "$2" "$T/err" || { echo "report: no \"$2\" in:"; cat "$T/err"; return 1; }
	run 3 --db "$D/$1" import enterprises "$FX/enterprises_lf.csv" || return 1
	grep -q -- "$2" "$T/err" || { echo "import: no \"$2\" in:"; cat "$T/err"; return 1; }
	[ "$(sha256sum < "$D/$1")" = "$sum" ] || { echo "the file was changed"; return 1; }
	[ ! -s "$D/$1-wal" ] || { echo "a write-ahead log was written"; return 1; }
}
for f in $ALL; do
	case " $(echo $DAMAGED) " in
	*" $f "*) want="innotrack --db $D/$f check" ;;
	*) want="innotrack" ;;
	esac
	case $f in
	empty.db) want="the file is empty" ;;
	text.db) want="not an innotrack database" ;;
	other-program.db|sqlite-no-tables.db|no-meta.db) want="not an innotrack database" ;;
	newer-version.db) want="newer" ;;
	negative-version.db) want="schema version is -1" ;;
	esac
	ok "$f: refused by report and import with exit 3 (\"$want\"), left as it was" refused "$f" "$want"
	ok "$f: innotrack check exits 3" run 3 --db "$D/$f" check
done
ok "the Chinese message says to run innotrack check" sh -c \
	"'$BIN' --lang zh --db '$D/trunc-half.db' report 2>&1 | grep -q '数据库已损坏.*请运行：innotrack --db .* check'"
ok "an empty file is not made a ledger by report" [ ! -s "$D/empty.db" ]
ok "but init fills an empty file made beforehand" sh -c "'$BIN' --db '$D/empty.db' init >/dev/null && [ -s '$D/empty.db' ]"
ok "the good ledger passes innotrack check" run 0 --db "$G" check

# read-only: a file, then a folder, for someone who may not write them
# (as nobody when the tests run as root, since root may write anyway)
as_reader() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent "$@"
	else
		"$@"
	fi
}
RO=$T/ro
mkdir "$RO"
cp "$G" "$RO/l.db"
chmod 755 "$T"
chmod 444 "$RO/l.db"
chmod 555 "$RO"
sum=$(sha256sum < "$RO/l.db")
ro_ok() {   # ro_ok COMMAND...: works, and the file and folder are as they were
	as_reader "$BIN" --db "$RO/l.db" "$@" > "$T/ro.out" 2>&1 || { cat "$T/ro.out"; return 1; }
	[ "$(sha256sum < "$RO/l.db")" = "$sum" ] || { echo "the file changed"; return 1; }
	[ "$(ls "$RO")" = "l.db" ] || { echo "files appeared:"; ls -la "$RO"; return 1; }
}
ok "report in a read-only folder" ro_ok report
ok "export in a read-only folder" ro_ok export enterprises
ok "imports in a read-only folder" ro_ok imports
ok "check in a read-only folder" ro_ok check
ok "users in a read-only folder" ro_ok users
ok "audit in a read-only folder" ro_ok audit
cp "$FX/enterprises_lf.csv" "$T/imp.csv"
chmod 644 "$T/imp.csv"
import_refused() {
	as_reader "$BIN" --db "$RO/l.db" import enterprises "$T/imp.csv" > "$T/ro.out" 2>&1
	[ $? -eq 3 ] || { cat "$T/ro.out"; return 1; }
	[ "$(sha256sum < "$RO/l.db")" = "$sum" ]
}
ok "import there is refused with exit 3, nothing written" import_refused
ok "report on a read-only file in a writable folder" sh -c "chmod 755 '$RO' && chmod 444 '$RO/l.db' &&
	'$BIN' --db '$RO/l.db' report >/dev/null"
chmod -R u+w "$RO"
exit $((fails > 0))
