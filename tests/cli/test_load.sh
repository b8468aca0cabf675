#!/bin/sh
# test_load.sh: many clerks at once on one ledger.  LOAD_IMPORTS imports
# (64) of disjoint files start together while 4 readers loop `report` and
# an administrator takes a backup; every import must succeed (each waits
# its turn, saying whose import it waits for), nothing may be lost, the
# ledger and the backup must pass their checks.  The figures (throughput,
# longest wait, longest report) are printed as TAP comments.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..12"
IMPORTS=${LOAD_IMPORTS:-64}
ROWS=${LOAD_ROWS:-5000}
READERS=4
LIMIT=${LOAD_LIMIT:-240}      # seconds before the test gives up on the imports
DB=$T/load.db
newdb load.db
base=$(sqlite3 "$DB" "SELECT count(*) FROM enterprise")
for k in $(seq 1 $IMPORTS); do
	awk -v n=$ROWS -v from=$(( (k - 1) * ROWS + 1 )) \
		-f "${top_srcdir:-.}/tests/bench/gen_enterprises.awk" > "$T/e$k.csv"
done
now() { date +%s.%N; }

# report alone, for comparison: 5 runs before the load
for i in 1 2 3 4 5; do
	s=$(now); "$BIN" --db "$DB" report >/dev/null; echo "$(now) $s" | awk '{print $1 - $2}'
done | sort -n > "$T/idle"

# readers: `report` in a loop until the imports are done; each run's
# time and status on a line
for r in $(seq 1 $READERS); do
	(
		while [ ! -e "$T/stop" ]; do
			s=$(now)
			INNOTRACK_TIMING=1 "$BIN" --db "$DB" report >/dev/null 2>"$T/rerr$r"
			st=$?
			sed -n 's/.*done, \([0-9.]*\) s of it waiting.*/\1/p' "$T/rerr$r" >> "$T/rwait$r"
			echo "$st $(echo "$(now) $s" | awk '{print $1 - $2}')"
			[ $st -eq 0 ] || cat "$T/rerr$r" >> "$T/rerr.all"
		done > "$T/reader$r"
	) &
	eval "rpid$r=$!"
done

# every clerk may write the whole city
for k in $(seq 1 $IMPORTS); do "$BIN" --db "$DB" grant clerk$k city >/dev/null || echo "grant clerk$k" >&2; done
start=$(now)
pids=
for k in $(seq 1 $IMPORTS); do
	INNOTRACK_LOGIN=clerk$k INNOTRACK_TIMING=1 "$BIN" --lang zh --db "$DB" \
		import enterprises "$T/e$k.csv" >"$T/out$k" 2>"$T/err$k" &
	pids="$pids $!"
	echo $! > "$T/pid$k"
done

# an administrator's backup while they write
sleep 2
"$BIN" --db "$DB" backup "$T/copy.db" >"$T/backup.out" 2>&1
backup_st=$?

# wait for the imports, at most LIMIT seconds
( sleep $LIMIT; for p in $pids; do kill $p 2>/dev/null; done ) &
watchdog=$!
failed=0
for k in $(seq 1 $IMPORTS); do
	wait $(cat "$T/pid$k")
	st=$?
	if [ $st -ne 0 ]; then
		failed=$((failed + 1))
		echo "# import $k: exit $st: $(grep -v '秒：' "$T/err$k" | head -2)"
	fi
done
end=$(now)
kill $watchdog 2>/dev/null
touch "$T/stop"
for r in $(seq 1 $READERS); do eval "wait \$rpid$r"; done

ok "all $IMPORTS imports succeeded" [ $failed -eq 0 ]
ok "no import saw a lock error" sh -c "! grep -l -i -e 'database is locked' -e '已被锁定' '$T'/err*"
reports=$(cat "$T"/reader* | wc -l)
rfail=$(cat "$T"/reader* | awk '$1 != 0' | wc -l)
ok "every report run succeeded ($reports runs)" [ "$reports" -gt 0 -a "$rfail" -eq 0 ]
[ -s "$T/rerr.all" ] && sed 's/^/# report: /' "$T/rerr.all" | sort | uniq -c | head -5
ok "an import that waited said whose import it waited for" \
	sh -c "grep -h -E '等待 clerk[0-9]+ 的导入完成' '$T'/err* | head -1 | grep ."
count=$(sqlite3 "$DB" "SELECT count(*) FROM enterprise")
ok "every row of every file is there ($count)" [ "$count" -eq $((base + IMPORTS * ROWS)) ]
batches=$(sqlite3 "$DB" "SELECT count(*) FROM import_batch WHERE rows_new = $ROWS")
ok "one batch per file, each with all its rows" [ "$batches" -eq "$IMPORTS" ]
ok "every batch's rows are in the register" sh -c "[ \$(sqlite3 '$DB' \"SELECT count(DISTINCT b.id)
	FROM import_batch b JOIN audit a ON a.batch_id = b.id\") -eq $IMPORTS ]"
ok "integrity check" sh -c "sqlite3 '$DB' 'PRAGMA integrity_check' | grep -qx ok"
ok "backup while the imports wrote" [ $backup_st -eq 0 ]
ok "innotrack check passes on the backup" run 0 --db "$T/copy.db" check
ok "the backup is one consistent snapshot (whole batches only)" sh -c "[ \$(sqlite3 '$T/copy.db' \
	\"SELECT (SELECT count(*) FROM enterprise) - $base - (SELECT coalesce(sum(rows_new), 0) FROM import_batch)\") -eq 0 ]"
ok "innotrack check passes on the ledger" run 0 --db "$DB" check

# the figures
secs=$(echo "$end $start" | awk '{printf "%.1f", $1 - $2}')
echo "# $IMPORTS imports of $ROWS rows with $READERS readers: $secs s," \
     "$(echo "$IMPORTS $ROWS $secs" | awk '{printf "%.0f rows/s, %.2f imports/s", $1 * $2 / $3, $1 / $3}')"
grep -h '完成，其中' "$T"/err* | sed 's/.*其中 \([0-9.]*\) 秒.*/\1/' | sort -n > "$T/waits"
echo "# longest wait for the turn: $(tail -1 "$T/waits") s; median $(sed -n "$(( (IMPORTS + 1) / 2 ))p" "$T/waits") s"
cat "$T"/reader* | awk '{print $2}' | sort -n > "$T/rtimes"
echo "# report under load: $reports runs, median $(sed -n "$(( (reports + 1) / 2 ))p" "$T/rtimes") s," \
     "longest $(tail -1 "$T/rtimes") s; alone: median $(sed -n 3p "$T/idle") s" \
     "(the difference is the 2 cores shared with $IMPORTS imports);" \
     "longest wait of a report for a lock: $(cat "$T"/rwait* | sort -n | tail -1) s"
echo "# backup: $(cat "$T/backup.out")"
exit $((fails > 0))
