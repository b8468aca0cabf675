#!/bin/sh
# test_registers.sh: drive the register screens of the real full-screen
# program in tmux, the way a clerk does: open the enterprises from the
# menu, move, page, go to the end, search for Chinese as you type, sort,
# filter, clear, resize in the middle, switch screens and come back, quit.
# The screen is read back with capture-pane (with attributes, to see the
# reverse-video selection on TERM=vt100).  TAP output.  Needs tmux,
# python3 and the sqlite3 shell (skipped without them).
E2E_NAME=reg
E2E_TOOLS=sqlite3
. "${top_srcdir:-.}/tests/e2e/lib.sh"
DB=$TMP/reg.db
N=3000

# keys SESSION KEY...: Esc and the digit after it go apart from the rest,
# so that tmux does not send them as one Alt-key.
keys() {
	sess=$1; shift
	T send-keys -t "$sess" "$@"
}

sql() { sqlite3 "$DB" "$@"; }

echo "1..42"

T new-session -d -s keep -x 80 -y 24 "sleep 3600"

"$BIN" --db "$DB" init > "$TMP/init.out" 2>&1
expect "init builds a fresh database" test $? = 0
# N enterprises: every hundredth from 7 on is 景华陶瓷<i>, the others 昌南电子<i>;
# industry by i mod 3, region by i mod 7.
sql "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $N)
     INSERT INTO enterprise (uscc, name, region_id, industry, tier)
     SELECT printf('91360200MA%08d', i),
            CASE WHEN i % 100 = 7 THEN '景华陶瓷' ELSE '昌南电子' END || i,
            (SELECT min(id) FROM region) + i % 7,
            CASE i % 3 WHEN 0 THEN '新型材料' WHEN 1 THEN '电子信息' ELSE '生物医药' END,
            'tech_sme'
     FROM k" 2> "$TMP/why"
expect "$N enterprises loaded with the sqlite3 shell" test "$(sql 'SELECT count(*) FROM enterprise')" = $N

# TERM=vt100: no colour, the selection in reverse video; Esc 9 for F9
start zh 80 24 "LANG=C.UTF-8 TERM=vt100" --lang zh
expect "the program starts on the indicators" poll_in zh has "行 1/43"
keys zh Escape; keys zh 9
keys zh j Enter
expect "Esc 9 goes to the menu; j and Enter open the enterprises: 行 1/$N" \
	poll_in zh frame 80 24 "行 1/$N" "1帮助"
expect "... the first enterprise is selected, in reverse video" \
	poll_in zh selected "91360200MA00000001"
expect "... the header names the columns in Chinese" \
	poll_in zh has "统一社会信用代码" "名称" "地区" "行业"
keys zh j j
expect "j j moves down two rows" poll_in zh selected "91360200MA00000003"
keys zh PageDown
expect "PgDn moves a screenful (20 rows): 行 23/$N" poll_in zh frame 80 24 "行 23/$N" "1帮助"
expect "... and the rows line up under the header" poll_in zh selected "91360200MA00000023"
keys zh G
expect "G goes to the last row: 行 $N/$N" poll_in zh frame 80 24 "行 $N/$N" "1帮助"
expect "... which is selected" poll_in zh selected "91360200MA00003000"
keys zh g
expect "g goes back to the first" poll_in zh has "行 1/$N"

# incremental search for Chinese
keys zh /
expect "/ opens the search prompt on the status line" poll_in zh has "搜索："
keys zh 陶
expect "typing 陶 jumps to the first match at once: 行 7/$N" poll_in zh has "搜索：陶" "行 7/$N"
keys zh 瓷
expect "... 陶瓷 keeps it" poll_in zh selected "景华陶瓷7"
keys zh Enter
expect "Enter keeps the row and shows the search on the status line" \
	poll_in zh frame 80 24 "企业 · 搜索 陶瓷" "1帮助"
keys zh n
expect "n goes to the next match: 景华陶瓷107, 行 107/$N" poll_in zh selected "景华陶瓷107"
keys zh N N
expect "N N goes back past the first to the last: 景华陶瓷2907" poll_in zh selected "景华陶瓷2907"
keys zh / 不存在
expect "a search without a match says so in the prompt" poll_in zh has "搜索（未找到）：不存在"
keys zh Escape
expect "Esc leaves the search where it started" poll_in zh selected "景华陶瓷2907"

# sort by the name column (the first, fixed one), then reverse
keys zh g s
expect "s on the first column sorts by name: the header shows ^" poll_in zh has "企业名称 ^"
expect "... and the first row is 昌南电子1" poll_in zh selected "昌南电子1 "
keys zh s
expect "s again reverses: 名称 v, first 景华陶瓷907" poll_in zh selected "景华陶瓷907"

# filter by the industry column with a typed condition, then by region
ind=$(sql "SELECT industry FROM enterprise ORDER BY name DESC, id DESC LIMIT 1")
keys zh l l l f
expect "f opens a filter prompt prefilled with the current cell, =$ind" \
	poll_in zh has "筛选 所属行业：=$ind"
keys zh C-u 材料 Enter
want=$(sql "SELECT count(*) FROM enterprise WHERE instr(industry, '材料') > 0")
expect "a typed condition 材料 keeps the $want rows that contain it" \
	poll_in zh frame 80 24 "行 1/$want" "1帮助"
expect "... and the status line shows the filter" poll_in zh has "筛选 所属行业 ~ 材料"
keys zh G
expect "G after a filter goes to its last row once it is counted: 行 $want/$want" \
	poll_in zh has "行 $want/$want"
keys zh g
expect "g comes back to the first" poll_in zh has "行 1/$want"
top=$(sql "SELECT r.name FROM enterprise e JOIN region r ON r.id = e.region_id
           WHERE instr(e.industry, '材料') > 0 ORDER BY e.name DESC, e.id DESC LIMIT 1")
want2=$(sql "SELECT count(*) FROM enterprise e JOIN region r ON r.id = e.region_id
             WHERE instr(e.industry, '材料') > 0 AND r.name = '$top'")
keys zh h f Enter
expect "f Enter on the region adds =$top: $want2 rows" poll_in zh has "行 1/$want2"
expect "... both filters on the status line" poll_in zh has "所属行业 ~ 材料; 所在地区 = $top"

# resize in the middle
T resize-window -t zh -x 100 -y 30
expect "resized to 100x30: redrawn whole, aligned, filters kept" \
	poll_in zh frame 100 30 "行 1/$want2" "1帮助"
T resize-window -t zh -x 80 -y 24
expect "back at 80x24: aligned" poll_in zh frame 80 24 "行 1/$want2" "1帮助"

# switch to another register and back: each keeps its state
keys zh Tab G Enter
expect "the imports screen of a new database says there are none yet" \
	poll_in zh has "尚无导入"
keys zh Tab g j Tab
expect "back on the enterprises: the filters and the sort are still there" \
	poll_in zh has "所属行业 ~ 材料; 所在地区 = $top" "行 1/$want2"

keys zh Escape
expect "Esc clears the filters and the search: 行 1/$N again" \
	poll_in zh frame 80 24 "行 1/$N" "1帮助"
expect "... and says so" poll_in zh has "已清除筛选和搜索"

# another clerk adds an enterprise; F5 counts again (Esc 5 on vt100)
sql "INSERT INTO enterprise (uscc, name, tier) VALUES ('91360200MA99999999', '新来企业', 'none')"
keys zh Escape; keys zh 5
expect "Esc 5 (F5) counts again: 行 1/$((N + 1))" poll_in zh has "行 1/$((N + 1))"

keys zh Escape; keys zh 0
st=$(status_of zh)
expect "Esc 0 (F10) quits with status 0 (got $st)" test "$st" = 0

# English, 100x30, --ascii; F-keys as tmux sends them
start en 100 30 "LANG=C.UTF-8" --lang en --ascii
expect "English starts" poll_in en has "row 1/43"
keys en F9 j Enter
expect "F9 j Enter opens the enterprises; --ascii frame aligned" \
	poll_in en frame 100 30 "row 1/$((N + 1))" "1Help"
expect "--ascii keeps ambiguous-width glyphs off the screen" poll_in en nowide "│─┌┐└┘…·—“”≥"
keys en F10
st=$(status_of en)
expect "F10 quits with status 0 (got $st)" test "$st" = 0
