#!/bin/sh
# test_cli_zh.sh: every command run in Chinese, once with LANG=zh_CN.UTF-8
# and once with --lang zh, prints no English word (tests/i18n/nolatin.py
# says which words are allowed: the program's name, its commands and
# options, file names, codes).  Good and bad imports, dry runs, undo and a
# refused undo, exports, usage errors, a locked database, a path through a
# file.  Chinese exports import back unchanged.  TAP; needs python3.
. "${top_srcdir:-.}/tests/cli/tap.sh"
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not available"
	exit 0
fi
NOLATIN="python3 ${top_srcdir:-.}/tests/i18n/nolatin.py --punct --allow John --allow Smith"
INNOTRACK_LOGIN=张三   # the login is shown in lists; a clerk's is Chinese
export INNOTRACK_LOGIN
DB=$T/zh.db
# Raw stored values a Chinese export still shows (the counter of a task or
# indicator: core/profile.c exports its key); allowed until they have labels
RAW="--allow 'long_term_partners foreign_experts hte_valid'"
KINDS="observations targets enterprises talents institutes partnerships platforms events
projects achievements task-targets regions tasks indicators documents designations"
# the kinds whose first column is the record's own code (jdz-lp, ltp, rd_gdp)
CODED="regions tasks indicators documents"

# zh WAY CODE ARGS...: run the program in Chinese (WAY env: LANG=zh_CN.UTF-8;
# WAY opt: --lang zh) and want exit status CODE; output in $T/out, $T/err
zh() {
	way=$1; want=$2; shift 2
	if [ "$way" = env ]; then
		env -u LC_ALL LANG=zh_CN.UTF-8 "$BIN" --db "$DB" "$@" >"$T/out" 2>"$T/err"
	else
		env LC_ALL=C.UTF-8 LANG=C.UTF-8 "$BIN" --db "$DB" "$@" --lang zh >"$T/out" 2>"$T/err"
	fi
	got=$?
	[ "$got" = "$want" ] || { echo "exit status $got, wanted $want: innotrack $*"; cat "$T/out" "$T/err"; return 1; }
	cat "$T/out" "$T/err" > "$T/both"
	$NOLATIN "$T/both" || { echo "English in: innotrack $*"; return 1; }
}
# chinese CODE ARGS...: both ways, one TAP line each
chinese() {
	want=$1; shift
	ok "LANG=zh_CN.UTF-8 innotrack $* (exit $want, no English)" zh env "$want" "$@"
	ok "innotrack $* --lang zh (exit $want, no English)" zh opt "$want" "$@"
}


fresh() { rm -f "$DB"*; zh "$@"; }
ok "LANG=zh_CN.UTF-8 innotrack init (exit 0, no English)" fresh env 0 init
ok "innotrack init --lang zh (exit 0, no English)" fresh opt 0 init
ok "... names the pack it was made from in Chinese (景德镇)" sh -c "grep -q '：已用数据包 景德镇 创建' '$T/both'"
chinese 3 init                                              # there is one already
ok "LANG=zh_CN.UTF-8 innotrack init --pack nosuch (exit 1, no English)" fresh env 1 init --pack nosuch
ok "innotrack init --pack nosuch --lang zh (exit 1, no English)" fresh opt 1 init --pack nosuch
ok "... and lists the built-in packs by name and key" sh -c "grep -q '可用：景德镇（jingdezhen）、昆山（kunshan）、南昌（nanchang）；' '$T/both'"
chinese 2 init --bogus
rm -f "$DB"*
zh env 0 init >/dev/null
chinese 0 report
chinese 0 report --format csv
chinese 0 report --period 2025Q3 --region 乐平市
chinese 2 report --period soon
chinese 2 report --region nowhere
chinese 2 report --format pdf
chinese 0 report -o "$T/report.csv" --format csv
chinese 0 import enterprises "$FX/enterprises.csv" --dry-run
chinese 0 import observations "$FX/obs_wide.csv" --dry-run
chinese 0 import observations "$FX/obs_long.gb18030.csv" --dry-run
chinese 1 import talents "$FX/talents.csv" --dry-run   # no institutes yet
for f in bad_uscc bad_region bad_dup bad_dup_obs bad_quote bad_multiline bad_number \
         no_header empty blank; do
	chinese 1 import enterprises "$FX/$f.csv"
	case $f in
	bad_region) ok "... lists the regions there are with 、" sh -c \
		"grep -q '（已有：景德镇市、乐平市、浮梁县、' '$T/both'" ;;
	bad_number) ok "... lists the columns missing with 、" sh -c \
		"grep -q '缺少统一社会信用代码、企业名称，' '$T/both'" ;;
	esac
done
chinese 1 import enterprises "$FX/random.bin"
ok "... its line follows the file's name whole (no byte of the colon left)" \
	sh -c "grep -q 'random.bin: 第 1 行：有 NUL 字节' '$T/both'"
chinese 2 import nosuchkind "$FX/enterprises.csv"
chinese 2 import enterprises
ok "... lists the kinds with 、" sh -c "grep -q 'KIND 为以下之一：enterprises、enterprise-years、' '$T/both'"
chinese 1 import enterprises "$T/missing.csv"
chinese 1 import enterprises "$FX/enterprises.csv/x.csv"       # Not a directory
# batch 1: the enterprises; the same file again changes nothing
zh env 0 import enterprises "$FX/enterprises.csv" >/dev/null
chinese 0 import enterprises "$FX/enterprises.csv"
# batch 2 changes a row of batch 1, so batch 1 cannot be undone
sed 's/景德镇陶瓷新材料有限公司/景德镇陶瓷新材料股份有限公司/' "$FX/enterprises.csv" > "$T/changed.csv"
zh env 0 import enterprises "$T/changed.csv" >/dev/null
chinese 0 imports
ok "imports says 校验码 of a file, not sha256" sh -c "grep -q 'enterprises.csv（.*，UTF-8，校验码 [0-9a-f]*）' '$T/both' && ! grep -q sha256 '$T/both'"
chinese 1 undo-import 1                                     # refused
chinese 0 import observations "$FX/obs_long.csv"            # batch 3
zh env 0 undo-import 3 >/dev/null
chinese 0 imports
chinese 2 undo-import 3                                     # undone already
# a complete register's mark in the audit: its kind, fields and values by name
zh env 0 complete enterprises 乐平市 >/dev/null
chinese 0 audit
ok "... names the mark 台账齐全 and its register 企业" sh -c "grep -q '台账齐全 .*台账：.*企业' '$T/both'"
chinese 0 audit --format csv
chinese 2 audit --kind nosuch
chinese 2 audit --since soon
chinese 2 complete nosuch 乐平市
chinese 2 complete enterprises nowhere
chinese 0 users
chinese 2 grant 李四 king
chinese 2 report --section nosuch
for s in enterprises certificates talents tasks; do
	chinese 0 report --section "$s"
done
chinese 0 report --format markdown
ok "LANG=zh_CN.UTF-8 innotrack report --format html, tags aside (no English)" sh -c \
	"env -u LC_ALL LANG=zh_CN.UTF-8 '$BIN' --db '$DB' report --format html |
		sed 's/<[^>]*>/ /g; s/&amp;/\\&/g' | $NOLATIN"
chinese 2 undo-import 99
chinese 2 undo-import soon
chinese 2 undo-import
chinese 2 imports extra
for k in $KINDS; do
	case " $CODED " in *" $k "*)
		ok "LANG=zh_CN.UTF-8 innotrack export $k, codes aside (no English)" \
			sh -c "env -u LC_ALL LANG=zh_CN.UTF-8 '$BIN' --db '$DB' export $k |
				cut -d, -f2- | $NOLATIN $RAW"
		ok "innotrack export $k --lang zh, codes aside (no English)" \
			sh -c "'$BIN' --db '$DB' export $k --lang zh | cut -d, -f2- | $NOLATIN $RAW"
		continue ;;
	esac
	chinese 0 export "$k"
done
chinese 0 export targets -o "$T/targets.csv" --encoding gb18030
chinese 2 export nosuchkind
chinese 2 export
chinese 2 export regions -o "$FX/enterprises.csv/x.csv"         # Not a directory
chinese 0 --help
chinese 0 --version
chinese 2 frobnicate
chinese 2 --frobnicate
chinese 2 report --lang fr
chinese 3 --db "$FX/enterprises.csv/x.db" report            # Not a directory
ok "init at a path through a file says 不是目录 (exit 3)" sh -c \
	"env -u LC_ALL LANG=zh_CN.UTF-8 '$BIN' --db '$FX/enterprises.csv/x/y.db' init 2>&1 | grep -q 不是目录"
chinese 2 '' </dev/null                                      # the screen, without a terminal

# exports in Chinese read back unchanged
for k in targets task-targets regions; do
	ok "export $k in Chinese imports back with nothing to change" sh -c \
		"env -u LC_ALL LANG=zh_CN.UTF-8 '$BIN' --db '$DB' export $k -o '$T/$k.csv' 2>/dev/null &&
		 env -u LC_ALL LANG=zh_CN.UTF-8 '$BIN' --db '$DB' import $k '$T/$k.csv' | grep -q 没有需要修改"
done

# a database another clerk is writing: busy past the wait limit (3 s here), exit 3
locked() {
	python3 - "$BIN" "$DB" "$FX/enterprises.csv" "$T/both" <<'PY'
import os, sqlite3, subprocess, sys
binary, db, csv, out = sys.argv[1:5]
c = sqlite3.connect(db, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE meta SET value = value")
env = dict(os.environ, LANG="zh_CN.UTF-8", INNOTRACK_WAIT="0.05")
env.pop("LC_ALL", None)
r = subprocess.run([binary, "--db", db, "import", "enterprises", csv],
                   capture_output=True, text=True, env=env)
c.execute("ROLLBACK")
open(out, "w").write(r.stdout + r.stderr)
sys.exit(0 if r.returncode == 3 else 1)
PY
}
ok "import while another clerk writes: exit 3" locked
ok "... and says the database is locked, in Chinese" sh -c "grep -q 数据库已被锁定 '$T/both' && $NOLATIN '$T/both'"
echo "1..$n"   # the plan at the end: the count follows the lists above
[ "$fails" = 0 ]
