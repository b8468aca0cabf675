#!/bin/sh
# List every marked message of the sources as a po template on stdout.
# Usage: xgettext.sh SRCDIR > innotrack.pot
# The marks are those of core/i18n.h: tr, trc (with a context), trn
# (plural), N_ (a string translated later through a table), and the
# functions that translate the English format they are given: err_set,
# db_fail, cli_error, say and imp_say (the import checker), found (the ledger
# checker) and fail (the pack loader).
# A new function of that kind adds its --keyword and --flag here.  Every .c
# and .h of core/ and tui/ is read, so a new file needs no list.
set -e
srcdir=$1
cd "$srcdir"
${XGETTEXT:-xgettext} --from-code=UTF-8 --language=C --no-wrap --sort-by-file \
	--package-name=innotrack --msgid-bugs-address=innotrack --add-location=file \
	--keyword= --keyword=tr --keyword=trc:1c,2 --keyword=trn:1,2 --keyword=N_ \
	--keyword=say:5 --keyword=imp_say:5 --keyword=found:2 --keyword=err_set:2 --keyword=db_fail:2 --keyword=cli_error:1 --keyword=fail:3 \
	--flag=tr:1:pass-c-format --flag=trn:1:pass-c-format --flag=trn:2:pass-c-format \
	--flag=say:5:c-format --flag=imp_say:5:c-format --flag=found:2:c-format --flag=err_set:2:c-format --flag=cli_error:1:c-format --flag=fail:3:c-format \
	-o - core/*.c core/*.h tui/*.c tui/*.h
