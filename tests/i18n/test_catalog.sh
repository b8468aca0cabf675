#!/bin/sh
# test_catalog.sh: po/zh_CN.po holds every message the sources mark (tr,
# trc, trn, N_, err_set, db_fail, cli_error, say: build-aux/xgettext.sh),
# translated, none fuzzy, with printf formats that agree with the English;
# and build-aux/po2c.sh compiles every translated entry of it.  TAP.
# Needs gettext's tools (xgettext, msgfmt, msgattrib, msgcmp).
top_srcdir=${top_srcdir:-.}
PO=$top_srcdir/po/zh_CN.po
for tool in xgettext msgfmt msgattrib msgcmp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool not available (Debian package gettext)"
		exit 0
	fi
done
T=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-po.XXXXXX")
trap 'rm -rf "$T"' EXIT
LC_ALL=C.UTF-8
export LC_ALL
n=0
fails=0
check() {   # check DESCRIPTION COMMAND...: pass when the command succeeds
	n=$((n + 1))
	d=$1; shift
	if "$@" >"$T/out" 2>&1; then
		echo "ok $n - $d"
	else
		echo "not ok $n - $d"
		sed 's/^/# /' "$T/out" | head -40
		fails=$((fails + 1))
	fi
}
# the entries of a po file (msgattrib's output), minus the header
entries() { grep -c '^msgid ' "$1" | awk '{ print ($1 > 0 ? $1 - 1 : 0) }'; }
none() {    # none FILE: msgattrib selected no entry in FILE
	[ ! -s "$1" ] || [ "$(entries "$1")" = 0 ] || { cat "$1"; return 1; }
}

check "po/zh_CN.po is a valid catalog; its printf formats agree with the English (msgfmt -c)" \
	msgfmt -c -o /dev/null "$PO"

msgattrib --only-fuzzy --no-obsolete --no-wrap "$PO" > "$T/fuzzy.po" 2>&1
check "no entry is fuzzy (fix the translation, then remove the fuzzy flag)" none "$T/fuzzy.po"

msgattrib --untranslated --no-obsolete --no-wrap "$PO" > "$T/untr.po" 2>&1
check "every entry is translated (fill in its msgstr)" none "$T/untr.po"

sh "$top_srcdir/build-aux/xgettext.sh" "$top_srcdir" > "$T/innotrack.pot" 2>"$T/xg.err"
# msgcmp: every message of the sources has a translated entry in the po
missing() {
	msgcmp "$PO" "$T/innotrack.pot" > "$T/msgcmp" 2>&1 && return 0
	echo "strings marked in the sources but missing from po/zh_CN.po"
	echo "(run make update-po, or add them by hand, and translate them):"
	sed -n 's/^.*innotrack\.pot:\([0-9]*\): this message is used but not defined.*/\1/p' \
		"$T/msgcmp" | while read -r l; do sed -n "$((l - 1)),$((l))p" "$T/innotrack.pot"; done
	grep -v 'this message is used but not defined\|found .* fatal error' "$T/msgcmp"
	return 1
}
check "every marked string of the sources is in po/zh_CN.po" missing

# po2c.sh makes one table entry per translated message
compiled() {
	want=$(msgfmt --statistics -o /dev/null "$PO" 2>&1 | sed -n 's/^\([0-9]*\) translated.*/\1/p')
	got=$(AWK=${AWK:-awk} sh "$top_srcdir/build-aux/po2c.sh" "$PO" |
		sed -n 's/^const size_t i18n_catalog_len = \([0-9]*\);/\1/p')
	[ "$want" = "$got" ] || { echo "msgfmt counts $want translated messages, po2c.sh compiled $got"; return 1; }
}
check "build-aux/po2c.sh compiles every translated message" compiled

# po2c.sh on the forms a catalog can take: a context, a plural, a fuzzy,
# an untranslated and an obsolete entry, strings over several lines
cat > "$T/sample.po" <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: a.c
msgid "Save"
msgstr "保存"

msgctxt "verb"
msgid "Import"
msgstr "导入"

#, c-format
msgid "%ld row"
msgid_plural "%ld rows"
msgstr[0] "%ld 行"

#, fuzzy
msgid "Close"
msgstr "关上"

msgid "Quit"
msgstr ""

msgid ""
"two "
"lines\n"
msgstr ""
"两"
"行\n"

#~ msgid "Gone"
#~ msgstr "没了"
PO
sample() {
	sh "$top_srcdir/build-aux/po2c.sh" "$T/sample.po" > "$T/sample.c"
	cat > "$T/want" <<'C'
	{ NULL, "Save", "保存" },
	{ "verb", "Import", "导入" },
	{ NULL, "%ld row", "%ld 行" },
	{ NULL, "two " "lines\n", "两" "行\n" },
const size_t i18n_catalog_len = 4;
C
	grep -v '^/\*\|^#include\|^$\|^const struct\|^};\|{ NULL, "", "" }' "$T/sample.c" > "$T/got"
	diff "$T/want" "$T/got"
}
check "po2c.sh takes contexts, plurals and long strings; leaves out fuzzy, untranslated, obsolete" sample

echo "1..$n"
[ "$fails" = 0 ]
