#!/bin/sh
# test_kill.sh: an import killed with SIGKILL or SIGHUP (the SSH link
# dropped), once while it reads the file and once inside its write
# transaction, leaves the database exactly as it was (sqlite3 .dump before
# and after), and the next import works.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..10"
DB=$T/k.db
newdb k.db
awk -v n=${KILL_ROWS:-300000} -f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/big.csv"
"$BIN" --db "$DB" import enterprises "$FX/enterprises.csv" >/dev/null
dump "$DB" > "$T/before.sql"

# kill_at PHASE [SIGNAL]: start an import, kill it (-9 unless SIGNAL) as
# soon as it reports PHASE.  Succeeds if it was killed in that phase (not
# finished before).
kill_at() {
	sig=${2:-KILL}
	rm -f "$T/phase"
	INNOTRACK_TIMING=1 "$BIN" --db "$DB" import enterprises "$T/big.csv" >/dev/null 2>"$T/phase" &
	pid=$!
	i=0
	while ! grep -q ": $1\$" "$T/phase" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 1200 ] || ! kill -0 $pid 2>/dev/null; then
			echo "the import never reached $1:"; cat "$T/phase"; wait $pid; return 1
		fi
		sleep 0.05
	done
	[ "$1" = applying ] && sleep 0.3      # well inside the transaction
	kill -$sig $pid
	wait $pid
	status=$?
	grep -q ': done' "$T/phase" && { echo "finished before the kill"; return 1; }
	case $sig in KILL) want=137 ;; HUP) want=129 ;; esac
	[ $status -eq $want ] || { echo "exit status $status, wanted $want"; return 1; }
}
ok "killed while reading the file" kill_at reading
dump "$DB" > "$T/after1.sql"
ok "database exactly as before" cmp "$T/before.sql" "$T/after1.sql"
ok "killed inside the write transaction" kill_at applying
dump "$DB" > "$T/after2.sql"
ok "database exactly as before" cmp "$T/before.sql" "$T/after2.sql"
ok "SIGHUP while reading the file" kill_at reading HUP
dump "$DB" > "$T/after3.sql"
ok "database exactly as before" cmp "$T/before.sql" "$T/after3.sql"
ok "SIGHUP inside the write transaction" kill_at applying HUP
dump "$DB" > "$T/after4.sql"
ok "database exactly as before" cmp "$T/before.sql" "$T/after4.sql"
ok "integrity check" sh -c "sqlite3 '$DB' 'PRAGMA integrity_check' | grep -qx ok"
ok "the next import works" "$BIN" --db "$DB" import enterprises "$FX/enterprises_lf.csv"
exit $((fails > 0))
