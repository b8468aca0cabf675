#!/bin/sh
# dev.sh: set up a fresh Debian machine, build, and run innotrack or its tests.
#   scripts/dev.sh run [ARGS]   install what is missing, build, start the full-screen program
#   scripts/dev.sh test         install what is missing, build, run every test (make check,
#                               make distcheck) and end with "N passed, N failed"
set -eu
cd "$(dirname "$0")/.."

PACKAGES="build-essential autoconf automake pkg-config libncurses-dev libsqlite3-dev sqlite3
libcsv-dev libcmocka-dev tmux python3 clang locales valgrind"

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

# Builds live out of tree: _build/ for the program, _asan/ for the
# sanitizer run.  An in-tree ./configure by hand would stop both, so it
# is cleaned first.
configure_in() {
	dir=$1; shift
	[ -f config.status ] && make distclean >/dev/null 2>&1 || true
	mkdir -p "$dir"
	[ -f "$dir/Makefile" ] && return 0
	# (configure's cleanup cannot rm our folder called core: not an error)
	rc=0
	(cd "$dir" && ../configure -q "$@" 2>configure.err) || rc=$?
	grep -v "cannot remove 'core'" "$dir/configure.err" >&2 || true
	return $rc
}

build() {
	[ -x configure ] && [ configure -nt configure.ac ] && [ Makefile.in -nt Makefile.am ] ||
		autoreconf -fi >/dev/null 2>&1
	configure_in _build
	make -C _build -j"$(nproc)" >/dev/null
}

# Build in _asan/ with AddressSanitizer and UndefinedBehaviorSanitizer
# and run every test there; any report fails the run.
sanitize() {
	configure_in _asan CC=gcc \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
	make -C _asan -j"$(nproc)" >/dev/null &&
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 make -C _asan -j"$(nproc)" check
}

# Count the results automake's TAP driver wrote into the .trs files.
summary() {
	passed=0 failed=0 skipped=0
	for f in $(find _build/tests -name '*.trs'); do
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
	exec _build/innotrack "$@"
	;;
test)
	install_missing
	build
	status=0
	make -C _build -j"$(nproc)" check >/dev/null 2>&1 || status=1
	summary
	if [ "$status" -ne 0 ]; then
		echo "== failures (from the test logs) =="
		grep -h -B1 -A8 '^not ok\|^ERROR' $(find _build/tests -name '*.log' ! -name test-suite.log) | head -200
	fi
	# unit tests under valgrind: no leaks, no invalid reads
	for t in $(find _build/tests/unit -maxdepth 1 -type f -perm -u+x -name "test_*" | sort); do
		[ -x "$t" ] || continue
		if top_srcdir=. valgrind -q --error-exitcode=9 --leak-check=full \
		        --errors-for-leak-kinds=definite "$t" >valgrind.log 2>&1; then
			passed=$((passed + 1)); echo "valgrind $t: passed"
		else
			failed=$((failed + 1)); echo "valgrind $t: FAILED"; tail -40 valgrind.log
		fi
	done
	# the whole suite again, built with ASan and UBSan, out of tree
	if sanitize >sanitize.log 2>&1; then
		passed=$((passed + 1)); echo "sanitizers: passed"
	else
		failed=$((failed + 1)); echo "sanitizers: FAILED"
		grep -h -B2 -A20 'ERROR: AddressSanitizer\|runtime error\|^not ok\|^FAIL' sanitize.log _asan/tests/*/*.log 2>/dev/null | head -60
	fi
	# the tarball builds and passes its tests out of tree
	if make -C _build -j"$(nproc)" distcheck >distcheck.log 2>&1; then
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
