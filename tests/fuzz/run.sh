#!/bin/sh
# run.sh: build the libFuzzer target with clang (ASan and UBSan too) and
# run it for a fixed time over the fixtures as a seed corpus.  Skipped
# when configure found no clang that can build libFuzzer targets.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
if [ -z "$FUZZ_CC" ]; then
	echo "1..0 # SKIP clang with -fsanitize=fuzzer not found by configure"
	exit 0
fi
echo "1..2"
W=$(mktemp -d "${TMPDIR:-/tmp}/innotrack-fuzz.XXXXXX")
trap 'rm -rf "$W" /tmp/innotrack-fuzz-*' EXIT
if $FUZZ_CC -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$top_srcdir" -I"$top_builddir" -o "$W/fuzz_import" \
	"$top_srcdir"/tests/fuzz/fuzz_import.c "$top_srcdir"/core/*.c "$top_builddir"/assets_gen.c "$top_builddir"/i18n_cat.c \
	-lsqlite3 -lcsv -lm >"$W/build.log" 2>&1; then
	echo "ok 1 - build the fuzz target ($FUZZ_CC, libFuzzer, ASan, UBSan)"
else
	echo "not ok 1 - build the fuzz target"; sed 's/^/# /' "$W/build.log" | head -30
	echo "not ok 2 - fuzz # SKIP not built"
	exit 1
fi
mkdir "$W/corpus"
cp "$top_srcdir"/tests/fixtures/* "$W/corpus/"
if (cd "$W" && ./fuzz_import -max_total_time="${FUZZ_SECONDS:-20}" -max_len=8192 -timeout=10 \
	-rss_limit_mb=1024 corpus >"$W/fuzz.log" 2>&1); then
	echo "ok 2 - fuzz for ${FUZZ_SECONDS:-20} s: $(grep -o 'Done [0-9]* runs' "$W/fuzz.log" | head -1), no crash"
else
	echo "not ok 2 - fuzz found a crash"; grep -v '^#' "$W/fuzz.log" | tail -40 | sed 's/^/# /'
	mkdir -p "$top_builddir/tests/fuzz/crashes" && cp "$W"/crash-* "$W"/leak-* "$top_builddir/tests/fuzz/crashes/" 2>/dev/null
	exit 1
fi
