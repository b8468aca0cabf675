#!/bin/sh
# test_admin.sh: the administrator's tools on a real ledger: backup (a
# checked copy that stands alone, never through a symlink, never over the
# ledger), check (exit 0 clean, 1 with one line per fault in the figures),
# restore (asks unless --yes, refuses a damaged copy, refuses while another
# clerk writes, naming the import's login), and a write that must wait:
# it says so and waits, up to --wait minutes.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..32"
DB=$T/l.db
newdb l.db
"$BIN" --db "$DB" import enterprises "$FX/enterprises.csv" >/dev/null
ents() { sqlite3 "$1" "SELECT count(*) FROM enterprise"; }

ok "backup FILE" run 0 --db "$DB" backup "$T/b1.db"
ok "... says it was written and checked" has "$T/out" "written and checked"
ok "... the copy stands alone: one file, no log beside it" sh -c "[ ! -e '$T/b1.db-wal' ] &&
	[ \$(sqlite3 '$T/b1.db' 'PRAGMA journal_mode') = delete ]"
ok "... and holds the ledger" [ "$(ents "$T/b1.db")" = "$(ents "$DB")" ]
ok "... and passes innotrack check" run 0 --db "$T/b1.db" check
ok "no temporary file is left beside it" sh -c "! ls -a '$T' | grep -q innotrack-backup"
ok "backup over the ledger itself is refused (exit 2)" run 2 --db "$DB" backup "$DB"
echo secret > "$T/secret"
ln -s "$T/secret" "$T/link.db"
ok "backup to a symlink replaces the link" run 0 --db "$DB" backup "$T/link.db"
ok "... and never writes through it" sh -c "[ ! -L '$T/link.db' ] && [ \$(cat '$T/secret') = secret ]"
ok "backup with no FILE exits 2" run 2 --db "$DB" backup

# check: the ledger's own faults, one line each, exit 1
ok "check on a clean ledger: exit 0" run 0 --db "$DB" check
ok "... says no faults" has "$T/out" "no faults found"
cp "$DB" "$T/f.db"
sqlite3 "$T/f.db" "
	UPDATE target SET doc_id = 999 WHERE id = (SELECT min(id) FROM target);
	INSERT INTO observation(indicator_id, region_id, period, period_end, value)
	  SELECT i.id, r.id, '2025Q5', '2025-12-31', 1 FROM indicator i, region r
	  WHERE i.counter IS NULL AND r.parent_id IS NULL LIMIT 1;
	INSERT INTO observation(indicator_id, region_id, period, period_end, value)
	  SELECT i.id, r.id, '2024', '2024-12-31', 12345 FROM indicator i, region r
	  WHERE i.counter = 'hte_valid' AND r.parent_id IS NULL LIMIT 1;"
ok "check with faults in the figures: exit 1" run 1 --db "$T/f.db" check
ok "... a target whose document is gone" has "$T/out" "its document (id 999) does not exist"
ok "... the same seen by the foreign key check, by the names of the records" has "$T/out" "refers to a row of Documents that does not exist"
ok "... in Chinese too" sh -c "\"$BIN\" --db \"$T/f.db\" check --lang zh 2>&1 | grep -q '目标第 [0-9]* 条：引用的文件不存在'"
ok "... a figure for a period that does not exist" has "$T/out" "\"2025Q5\" is not a period"
ok "... a counted figure that differs from the register's count" has "$T/out" "the official figure is 12345, the register counts"
ok "... one line each" [ "$(wc -l < "$T/out")" -eq 4 ]

# restore
"$BIN" --db "$DB" import enterprises "$T/b1.db" >/dev/null 2>&1
awk -v n=50 -v from=900001 -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/more.csv"
"$BIN" --db "$DB" import enterprises "$T/more.csv" >/dev/null
ok "restore on a pipe without --yes is refused (exit 2)" sh -c "echo y | '$BIN' --db '$DB' restore '$T/b1.db'; [ \$? = 2 ]"
ok "... and changes nothing" [ "$(ents "$DB")" = $(( $(ents "$T/b1.db") + 50 )) ]
cp "$T/b1.db" "$T/broken.db"; truncate -s 8192 "$T/broken.db"
ok "restore from a damaged copy is refused (exit 3)" run 3 --db "$DB" restore "$T/broken.db" --yes
ok "restore --yes puts the copy back" run 0 --db "$DB" restore "$T/b1.db" --yes
ok "... the ledger is the copy again" sh -c "[ \$(sqlite3 '$DB' 'SELECT count(*) FROM enterprise') = $(ents "$T/b1.db") ] &&
	sqlite3 '$DB' 'PRAGMA integrity_check' | grep -qx ok"

# another writer holds the lock: restore refuses; an import waits and says so
( echo "BEGIN IMMEDIATE; INSERT OR REPLACE INTO meta(key, value) VALUES ('held', '1');"; sleep 8; echo "COMMIT;" ) |
	sqlite3 "$DB" &
holder=$!
sleep 0.5
ok "restore while another clerk saves is refused (exit 3)" run 3 --db "$DB" restore "$T/b1.db" --yes
ok "--wait 0.02 (a second): an import gives up, saying how long it waited" \
	sh -c "'$BIN' --wait 0.02 --db '$DB' import enterprises '$T/more.csv' 2>'$T/w.err'; [ \$? = 3 ] &&
	grep -q 'other clerks kept writing for longer than the wait limit' '$T/w.err'"
mkdir -p "$T/cw/innotrack" && echo "wait = 0.02" > "$T/cw/innotrack/config"
ok "the configuration's wait = 0.02: an import gives up too" \
	sh -c "XDG_CONFIG_HOME='$T/cw' '$BIN' --db '$DB' import enterprises '$T/more.csv' 2>'$T/w.err'; [ \$? = 3 ] &&
	grep -q 'other clerks kept writing for longer than the wait limit' '$T/w.err'"
ok "with the default wait the import waits, says so, and is applied" \
	sh -c "'$BIN' --db '$DB' import enterprises '$T/more.csv' >/dev/null 2>'$T/w.err' &&
	grep -q \"waiting for another clerk's save to finish\" '$T/w.err'"
wait $holder

# an import holds the writer's turn: restore names its login
awk -v n=300000 -v from=1000001 -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/big.csv"
"$BIN" --db "$DB" grant clerk9 city >/dev/null
INNOTRACK_LOGIN=clerk9 INNOTRACK_TIMING=1 "$BIN" --db "$DB" import enterprises "$T/big.csv" >/dev/null 2>"$T/phase" &
imp=$!
i=0
while ! grep -q ': comparing$' "$T/phase" && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
ok "restore while clerk9 imports is refused (exit 3)" run 3 --db "$DB" restore "$T/b1.db" --yes
ok "... naming clerk9's import" has "$T/err" "clerk9's import is writing now"
wait $imp
ok "... and the import went on" [ $? = 0 ]
ok "the ledger passes innotrack check" run 0 --db "$DB" check
exit $((fails > 0))
