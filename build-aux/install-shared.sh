#!/bin/sh
# install-shared.sh GROUP PROGRAM DBDIR: make an installed innotrack the
# keeper of a shared ledger.  PROGRAM becomes setgid to GROUP (mode 2755),
# so that it alone, not the clerks (who are not in GROUP), reaches DBDIR,
# which is created GROUP-owned with mode 2770.  Run by make install; it
# changes nothing and says what to do when not root or when GROUP does not
# exist, so that a plain make install (or distcheck) still succeeds.
group=$1 prog=$2 dbdir=$3
[ -n "$group" ] || exit 0
if [ "$(id -u)" != 0 ]; then
	echo "innotrack: not root, so $prog is a plain program (for a shared server, as root: make install)"
	exit 0
fi
if ! getent group "$group" >/dev/null 2>&1; then
	echo "innotrack: there is no group $group, so $prog is a plain program"
	echo "innotrack: for a shared server: groupadd --system $group, then make install again"
	exit 0
fi
set -e
chgrp "$group" "$prog"
chmod 2755 "$prog"
mkdir -p "$dbdir"
chgrp "$group" "$dbdir"
chmod 2770 "$dbdir"
echo "innotrack: $prog is setgid $group; the shared ledger's folder is $dbdir (mode 2770)"
