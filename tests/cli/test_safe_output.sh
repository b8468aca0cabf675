#!/bin/sh
# test_safe_output.sh: output safe to show and to open.  With an escape
# sequence in every cell of a file, no byte below 0x20 but TAB and LF (nor
# DEL, nor a C1 control) reaches stdout or stderr of import (errors, dry
# run), imports, export to a terminal, report and the command line's own
# errors; and text cells that a spreadsheet would run as formulas ('=', '+',
# '-', '@', TAB) are exported behind a "'" and imported back unchanged.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..13"
newdb s.db
DB=$T/s.db
# retitle the window, clear the screen, CR, backspace, C1 CSI (U+009B)
E=$(printf '\033]0;pwned\007\033[2J\r\010\302\233')
SHOWN='\x1b]0;pwned\x07\x1b[2J\r\x08\u009b'
C1=$(printf '\302\233')

# no_controls FILE...: no control byte but TAB and LF, and no C1 control
no_controls() {
	for f; do
		if LC_ALL=C tr -d '\t\n' < "$f" | LC_ALL=C grep -q '[[:cntrl:]]' ||
		   grep -q "$C1" "$f"; then
			echo "a control character in $f:"; od -c "$f" | head -20
			return 1
		fi
	done
}
# clean FILE...: no_controls, and the cell is there, escaped (the output
# did quote it)
clean() {
	no_controls "$@" && cat "$@" > "$T/all" && has "$T/all" "$SHOWN"
}
# on_tty FILE ARGS...: run the program with stdout and stderr on a terminal
# (script(1)), what it printed in FILE, without the terminal's CR before LF
on_tty() {
	out=$1; shift
	script -qec "stty -onlcr; '$BIN' $*" /dev/null > "$out" 2>&1
}
HEAD='统一社会信用代码,企业名称,所在地区,所属行业,梯次,高新技术企业证书编号,发证日期,研发机构,备注'

bad_file() {
	printf '%s\r\n"%s","%s","%s","%s","%s","%s","%s","%s","%s"\r\n' "$HEAD" \
		"$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" > "$T/bad.csv"
	run 1 --db "$DB" import enterprises "$T/bad.csv" && clean "$T/out" "$T/err" &&
	test "$(grep -c -F "$SHOWN" "$T/err")" -ge 4
}
ok "import: errors quote every cell escaped" bad_file

# a good file, named with an escape sequence too
GOOD="$T/$(printf 'g\033[2Jood').csv"
printf '%s\r\n91360200000000001X,"坏%s公司",乐平市,"%s",高新技术企业,GR202236000123,2022-12-02,是,"%s"\r\n' \
	"$HEAD" "$E" "$E" "$E" > "$GOOD"
dry_new() {
	run 0 --db "$DB" import enterprises "$GOOD" --dry-run && no_controls "$T/out" "$T/err" &&
	has "$T/out" 'g\x1b[2Jood.csv'
}
ok "import --dry-run: the listing and the file's name escaped" dry_new
summary() {
	run 0 --db "$DB" import enterprises "$GOOD" && no_controls "$T/out" "$T/err" &&
	has "$T/out" 'g\x1b[2Jood.csv: imported as batch'
}
ok "import: the summary escaped" summary
sed "s/坏/改/" "$GOOD" > "$T/changed.csv"
dry_changed() {
	run 0 --db "$DB" import enterprises "$T/changed.csv" --dry-run && clean "$T/out" "$T/err"
}
ok "import --dry-run of a change: the names escaped" dry_changed
imports() {
	run 0 --db "$DB" imports && no_controls "$T/out" "$T/err" && has "$T/out" 'g\x1b[2Jood.csv'
}
ok "imports: the file's name escaped" imports

export_pipe() {
	run 0 --db "$DB" export enterprises && grep -q "$(printf '\033\\]0;pwned')" "$T/out"
}
ok "export to a pipe: the bytes as they are (data)" export_pipe
export_file() {
	run 0 --db "$DB" export enterprises -o "$T/e.csv" &&
	run 0 --db "$DB" import enterprises "$T/e.csv" && has "$T/out" "nothing to change"
}
ok "export -o, import: escape sequences kept exactly" export_file
export_tty() {
	on_tty "$T/tty.out" --db "'$DB'" export enterprises && clean "$T/tty.out"
}
report_csv_tty() {
	on_tty "$T/tty.out" --db "'$DB'" report --period 2026 --format csv && clean "$T/tty.out"
}
if command -v script >/dev/null 2>&1; then
	ok "export to a terminal: the cells escaped" export_tty
else
	n=$((n + 1)); echo "ok $n # SKIP no script(1) to give export a terminal"
fi

report_text() {
	printf '代码,名称,类型,上级,别名,排序\njdz-evil,"坏%s区",县,jdz,,120\n' "$E" > "$T/reg.csv"
	printf '指标,地区,目标年,比较符,目标值,基期年,基期值,依据文件,备注\n高新技术企业数量,"坏%s区",2026,>=,60,2020,30,jkz2022-49,"%s"\n' \
		"$E" "$E" > "$T/tg.csv"
	run 0 --db "$DB" import regions "$T/reg.csv" && run 0 --db "$DB" import targets "$T/tg.csv" &&
	run 0 --db "$DB" report --period 2026 && clean "$T/out" "$T/err"
}
ok "report: a region's name escaped" report_text
if command -v script >/dev/null 2>&1; then
	ok "report --format csv to a terminal: escaped" report_csv_tty
else
	n=$((n + 1)); echo "ok $n # SKIP no script(1) to give report a terminal"
fi
cli_error() {
	run 2 --db "$DB" report --region "$E" && clean "$T/out" "$T/err"
}
ok "the command line's own errors: an argument escaped" cli_error

# Formulas: cells that Excel would run, and one already guarded
FORMULAS="$T/formulas.csv"
printf '统一社会信用代码,企业名称,所在地区,所属行业,梯次,备注\n%s\n%s\n' \
	'91360200000000001X,=1+2,乐平市,+cmd|calc,高新技术企业,-2+3' \
	"913602000000000021,@SUM(A1),乐平市,x,无,\"''=q\"" > "$FORMULAS"
guarded() {
	run 0 --db "$T/f.db" import enterprises "$FORMULAS" || return 1
	"$BIN" --db "$T/f.db" export enterprises -o "$T/f.csv" 2>/dev/null &&
	has "$T/f.csv" ",'=1+2," && has "$T/f.csv" ",'+cmd|calc," && has "$T/f.csv" ",'-2+3" &&
	has "$T/f.csv" ",'@SUM(A1)," && has "$T/f.csv" ",''=q"
}
newdb f.db
ok "export: text that a spreadsheet would run is behind a quote" guarded
tab_roundtrip() {
	# a text that starts with a TAB (a clerk cannot type one; SQL can)
	sqlite3 "$T/f.db" "UPDATE enterprise SET industry = char(9) || 'tab' WHERE name = '@SUM(A1)'" &&
	"$BIN" --db "$T/f.db" export enterprises -o "$T/f.csv" 2>/dev/null &&
	has "$T/f.csv" ",'	tab," &&
	dump "$T/f.db" > "$T/f.before" &&
	run 0 --db "$T/f.db" import enterprises "$T/f.csv" && has "$T/out" "nothing to change" &&
	dump "$T/f.db" > "$T/f.after" && cmp "$T/f.before" "$T/f.after" &&
	test "$(sqlite3 "$T/f.db" "SELECT name FROM enterprise ORDER BY id" | tr '\n' ' ')" = "=1+2 @SUM(A1) "
}
ok "export, import: =, +, -, @, TAB and an already quoted text read back unchanged" tab_roundtrip
exit $((fails > 0))
