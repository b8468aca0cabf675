#!/usr/bin/env python3
"""table2po.py: turn the old hand tables of translations ({ "English",
"中文" } pairs, as core/i18n_zh.c and tui/strings_zh.c had them) into po
entries, for a branch that added strings there before the catalog became
po/zh_CN.po.  Prints the pairs whose English is not in PO yet:

    git show BRANCH:tui/strings_zh.c > /tmp/t.c
    python3 build-aux/table2po.py po/zh_CN.po /tmp/t.c >> po/zh_CN.po
    make -C _build update-po        # file references, and the check
    make -C _build check TESTS=tests/i18n/test_catalog.sh

A string the branch reaches through a variable (a table of labels) still
needs its N_() mark in the code; test_catalog.sh does not see it otherwise,
and tests/i18n/test_cli_zh.sh or tests/e2e/test_zh_screens.sh shows the
English that results.
"""
import re
import sys

LIT = r'"(?:[^"\\]|\\.)*"'
PAIR = re.compile(r'\{\s*((?:%s\s*)+),\s*((?:%s\s*)+)\}' % (LIT, LIT))


def joined(lits):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', lits))


def known(po):
    text = open(po, encoding="utf-8").read()
    return {joined(m.group(1)) for m in re.finditer(r'^msgid ((?:".*"\n)+)', text, re.M)}


def main(po, tables):
    have = known(po)
    for t in tables:
        src = open(t, encoding="utf-8").read()
        for m in PAIR.finditer(src):
            en, zh = joined(m.group(1)), joined(m.group(2))
            if en in have or not en:
                continue
            have.add(en)
            flag = "#, c-format\n" if re.search(r"%[-+ #0-9.$]*[a-zA-Z]", en) else ""
            print('\n#: %s\n%smsgid "%s"\nmsgstr "%s"' % (t, flag, en, zh))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: table2po.py PO TABLE.c...")
    main(sys.argv[1], sys.argv[2:])
