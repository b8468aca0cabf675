#!/bin/sh
# test_config.sh: the clerk's configuration file, as the program reads it
# (the system's file is the install's and is left alone): each key takes
# effect, and the command line, then the environment, win over it; the
# language it names wins over the locale's.  A mistake stops the program
# naming the file and line.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..12"
CONF=$XDG_CONFIG_HOME/innotrack/config
mkdir -p "$XDG_CONFIG_HOME/innotrack"
conf() { printf '%s\n' "$@" >"$CONF"; }

conf "# where the ledger is" "database = $T/conf.db"
ok "init creates the database the configuration names" run 0 init
ok "... there" test -f "$T/conf.db"
ok "report reads it" run 0 report
newdb env.db
ok "INNOTRACK_DB wins over the configuration" \
	sh -c "INNOTRACK_DB='$T/none.db' '$BIN' report 2>&1 | grep -q none.db"
ok "--db wins over INNOTRACK_DB" \
	sh -c "INNOTRACK_DB='$T/none.db' '$BIN' --db '$T/env.db' report >/dev/null"

conf "language = zh"
ok "the configuration's language is what the clerk sees" \
	sh -c "'$BIN' --db '$T/env.db' report | grep -q 完成进度"
ok "... whatever the locale (a terminal that sends none, or another)" \
	sh -c "LANG=en_US.UTF-8 '$BIN' --db '$T/env.db' report | grep -q 完成进度"
ok "--lang wins over it" \
	sh -c "'$BIN' --db '$T/env.db' --lang en report | grep -q progress_pct"
ok "--help speaks it too" sh -c "'$BIN' --help | grep -q 配置文件"

conf "language = zh" "ascii = maybe"
run 2 report
ok "a wrong value: exit 2, the file and line named" has "$T/err" "$CONF:2: ascii takes on or off"
conf "esc-delay = 10"
run 2 report
ok "an unknown key: exit 2, the file and line named" has "$T/err" "$CONF:1: unknown key \"esc-delay\""

# the screen's keys, seen on the full-screen program in tmux
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 12 # SKIP tmux is not installed"
	exit $((fails > 0))
fi
conf "ascii = on" "colours = off" "esc_delay = 25"
SOCK=innotrack-config-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
tm new-session -d -x 80 -y 24 "'$BIN' --db '$T/env.db'"
i=0
while [ $i -lt 100 ] && ! tm capture-pane -p | grep -q '10Quit'; do sleep 0.1; i=$((i + 1)); done
tm capture-pane -p -e >"$T/screen"
tm kill-server 2>/dev/null
# ascii: '|' between the panes, no box line; colours off: no colour escapes
plain_screen() {
	grep -q '|' "$T/screen" && ! grep -q '│' "$T/screen" &&
		! grep -q "$(printf '\033')\[[0-9;]*[34][0-7]m" "$T/screen"
}
ok "ascii = on and colours = off: plain borders, no colour" plain_screen
exit $((fails > 0))
