#!/bin/sh
# Turn a gettext catalog into the C table of core/i18n_table.h, so the
# translation is compiled into the binary.  Usage: po2c.sh FILE.po > i18n_cat.c
# Takes msgctxt, msgid and msgstr (msgstr[0] of a plural entry; Chinese has
# one form); leaves out the header, fuzzy and untranslated entries and the
# obsolete ones (#~), as msgfmt does.  The strings of a po file are C
# string literals already; each line's part is written as it stands.
set -e
${AWK:-awk} '
function flush() {
	if (id != "" && str != "" && !fuzzy) {
		printf "\t{ %s, %s, %s },\n", (has_ctx ? (ctx == "" ? "\"\"" : ctx) : "NULL"), id, str
		n++
	}
	ctx = ""; id = ""; str = ""; has_ctx = 0; fuzzy = 0; part = ""
}
# the quoted text of a line, or "" for an empty string ("")
function quoted(line) {
	sub(/^[^"]*/, "", line)
	return line == "\"\"" ? "" : line
}
function add(q) {
	if (q == "")
		return
	if (part == "ctx") ctx = ctx (ctx == "" ? "" : " ") q
	else if (part == "id") id = id (id == "" ? "" : " ") q
	else if (part == "str") str = str (str == "" ? "" : " ") q
}
BEGIN {
	print "/* Generated from po/zh_CN.po by build-aux/po2c.sh: do not edit. */"
	print "#include <stddef.h>"
	print "#include \"core/i18n_table.h\""
	print ""
	print "const struct i18n_entry i18n_catalog[] = {"
	n = 0
}
/^#~/ { next }
/^#,.*fuzzy/ { if (part == "str" || part == "other") flush(); fuzzy = 1; next }
/^#/ { if (part == "str" || part == "other") flush(); next }
/^[ \t]*$/ { if (part == "str" || part == "other") flush(); next }
/^msgctxt / { if (part == "str" || part == "other") flush(); part = "ctx"; has_ctx = 1; add(quoted($0)); next }
/^msgid / { if (part == "str" || part == "other") flush(); part = "id"; add(quoted($0)); next }
/^msgid_plural / { part = "plural"; next }
/^msgstr / { part = "str"; add(quoted($0)); next }
/^msgstr\[0\] / { part = "str"; add(quoted($0)); next }
/^msgstr\[/ { part = "other"; next }
/^[ \t]*"/ {
	add(quoted($0)); next
}
END {
	if (part == "str" || part == "other") flush()
	print "\t{ NULL, \"\", \"\" }"
	print "};"
	printf "const size_t i18n_catalog_len = %d;\n", n
}
' "$1"
