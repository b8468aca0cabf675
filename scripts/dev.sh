#!/bin/sh
# dev.sh: set up a fresh Debian machine, build, and run innotrack or its tests.
#   scripts/dev.sh run [ARGS]   install what is missing, build, start the full-screen program
#   scripts/dev.sh test         install what is missing, build, run every test (make check,
#                               make distcheck) and end with "N passed, N failed"
set -eu
cd "$(dirname "$0")/.."

PACKAGES="build-essential autoconf automake pkg-config libncurses-dev libsqlite3-dev sqlite3
libcsv-dev libcmocka-dev tmux python3 clang locales"

install_missing() {
	missing=""
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "dev.sh: installing$missing" >&2
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
}

build() {
	[ -x configure ] && [ configure -nt configure.ac ] && [ Makefile.in -nt Makefile.am ] ||
		autoreconf -fi >/dev/null 2>&1
	[ -f Makefile ] && [ Makefile -nt configure ] || ./configure -q 2>/dev/null
	make -j"$(nproc)" >/dev/null
}

# Count the results automake's TAP driver wrote into the .trs files.
summary() {
	passed=0 failed=0 skipped=0
	for f in $(find tests -name '*.trs'); do
		p=$(grep -c '^:test-result: \(PASS\|XFAIL\)' "$f" || true)
		x=$(grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\)' "$f" || true)
		s=$(grep -c '^:test-result: SKIP' "$f" || true)
		passed=$((passed + p)); failed=$((failed + x)); skipped=$((skipped + s))
	done
}

case "${1:-}" in
run)
	shift
	install_missing
	build
	exec ./innotrack "$@"
	;;
test)
	install_missing
	build
	status=0
	make -j"$(nproc)" check >/dev/null 2>&1 || status=1
	summary
	if [ "$status" -ne 0 ]; then
		echo "== failures (from the test logs) =="
		grep -h -B1 -A8 '^not ok\|^ERROR' $(find tests -name '*.log' ! -name test-suite.log) | head -200
	fi
	# the tarball builds and passes its tests out of tree
	if make -j"$(nproc)" distcheck >distcheck.log 2>&1; then
		passed=$((passed + 1))
		echo "distcheck: passed"
	else
		failed=$((failed + 1))
		echo "distcheck: FAILED"; tail -40 distcheck.log
	fi
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	;;
*)
	echo "usage: scripts/dev.sh run [innotrack options] | scripts/dev.sh test" >&2
	exit 2
	;;
esac
