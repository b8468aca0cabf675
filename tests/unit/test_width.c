/* test_width.c: unit tests of core/width: cells as ncursesw places them,
 * under a UTF-8 locale (wcwidth) and under C (the built-in table). */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <cmocka.h>

#include "core/util.h"
#include "core/width.h"

/* Run under LC_CTYPE=C, the table's answers. */
static int in_c(void **state)
{
	(void)state;
	return setlocale(LC_CTYPE, "C") == NULL;
}

/* Run under C.UTF-8, wcwidth's answers; skipped where it is missing. */
static int in_utf8(void **state)
{
	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL)
		skip();
	return 0;
}

static int back_to_c(void **state)
{
	(void)state;
	setlocale(LC_CTYPE, "C");
	return 0;
}

/* What both ways must say: run once under each locale. */
static void wide_characters_take_two(void **state)
{
	(void)state;
	assert_int_equal(width_str("中"), 2);
	assert_int_equal(width_str("高新技术企业"), 12);
	assert_int_equal(width_str("R&D投入"), 7);
	assert_int_equal(width_str("１２３"), 6);                 /* full-width digits */
	assert_int_equal(width_str("\xE3\x80\x80"), 2);          /* ideographic space */
	assert_int_equal(width_str("（%）"), 5);                  /* full-width brackets */
	assert_int_equal(width_str("。，、"), 6);
	assert_int_equal(width_str("한국"), 4);                    /* Hangul */
	assert_int_equal(width_str("𠀀"), 2);                      /* CJK extension B, 4 bytes */
	assert_int_equal(width_str("😀"), 2);
	assert_int_equal(width_cp(0x4E2D), 2);
	assert_int_equal(width_cp(0x1100), 2);                    /* Hangul choseong */
}

static void combining_marks_take_none(void **state)
{
	(void)state;
	assert_int_equal(width_str("e\xCC\x81"), 1);              /* e + combining acute */
	assert_int_equal(width_str("a\xCC\x81\xCC\x82\xCC\x83"), 1);
	assert_int_equal(width_str("\xE2\x80\x8B"), 0);           /* zero-width space */
	assert_int_equal(width_str("a\xE2\x80\x8D" "b"), 2);     /* zero-width joiner */
	assert_int_equal(width_str("\xEF\xB8\x8F"), 0);           /* variation selector 16 */
	assert_int_equal(width_str("か\xE3\x82\x99"), 2);          /* kana + combining voiced mark */
	assert_int_equal(width_cp(0x0300), 0);
	assert_int_equal(width_cp(0x20D0), 0);
}

static void ambiguous_characters_take_one(void **state)
{
	(void)state;
	/* East Asian ambiguous: glibc's wcwidth says 1, and so does curses;
	 * terminals set to draw them two wide want --ascii */
	static const char *const amb[] = {
		"\xE2\x80\x94", "\xE2\x80\x9C", "\xC2\xB7", "\xE2\x91\xA0", "\xE2\x80\xA6",
		"\xE2\x94\x80", "\xE2\x94\x82", "\xE2\x97\x8F", "\xC3\x97", "\xE2\x82\xAC",
		"\xC2\xB0", "\xCE\xB1", "\xD0\x96", "\xE2\x86\x92", NULL,
	};                                  /* — “ · ① … ─ │ ● × € ° α Ж → */
	for (const char *const *a = amb; *a; a++)
		if (width_str(*a) != 1)
			fail_msg("%s takes %d cells", *a, width_str(*a));
	assert_int_equal(width_str("2.2%·2025—"), 10);
}

static void invalid_and_controls_take_one(void **state)
{
	(void)state;
	assert_int_equal(width_str("abc"), 3);
	assert_int_equal(width_str(""), 0);
	assert_int_equal(width_str(NULL), 0);
	assert_int_equal(width_str("\xE4\xB8"), 2);              /* cut: two bad bytes */
	assert_int_equal(width_str("\xC0\xAF"), 2);              /* overlong: two bad bytes */
	assert_int_equal(width_str("\xED\xA0\x80"), 3);          /* surrogate: three */
	assert_int_equal(width_str("a\tb\x1b"), 4);               /* controls drawn as one each */
	assert_int_equal(width_str("\xC2\x85"), 1);               /* C1 control */
	assert_int_equal(width_strn("中文", 3), 2);               /* n bytes, not to the NUL */
	assert_int_equal(width_strn("中文", 4), 3);               /* 中 and a cut-off byte */
	assert_int_equal(width_printable('a'), 1);
	assert_int_equal(width_printable(0x4E2D), 1);
	assert_int_equal(width_printable(0x0300), 1);
	assert_int_equal(width_printable('\t'), 0);
	assert_int_equal(width_printable(0x9B), 0);
	assert_int_equal(width_printable(0xD800), 0);
	assert_int_equal(width_printable(0x110000), 0);
}

static void fit_and_pad_by_cells(void **state)
{
	int used;
	char *s;
	(void)state;
	assert_int_equal(width_fit("中文字", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(width_fit("e\xCC\x81x", 1, &used), 3);   /* the mark goes with its e */
	assert_int_equal(used, 1);
	s = width_pad("信息技术与数据管理部", 12, -1, "~");
	assert_string_equal(s, "信息技术与~ ");       /* 10 + 1 + pad 1 */
	assert_int_equal(width_str(s), 12);
	free(s);
	s = width_pad("高新", 6, 1, "~");
	assert_string_equal(s, "  高新");
	free(s);
	s = width_pad("ab", 4, 0, "~");
	assert_string_equal(s, " ab ");
	free(s);
	s = width_pad("abcdef", 4, -1, "~");
	assert_string_equal(s, "abc~");
	free(s);
	s = width_pad("a—b", 4, 1, "~");                          /* an ambiguous one is one */
	assert_string_equal(s, " a—b");
	free(s);
	s = width_pad("Cafe\xCC\x81", 6, -1, "~");                /* a combining one is none */
	assert_string_equal(s, "Cafe\xCC\x81  ");
	free(s);
	s = width_pad("😀😀😀", 5, -1, "~");
	assert_string_equal(s, "😀😀~");
	assert_int_equal(width_str(s), 5);
	free(s);
}

/* Under C.UTF-8: the table says for every code point what wcwidth says
 * (the one curses asks), negative answers drawn as '?' in one cell. */
static void table_agrees_with_wcwidth(void **state)
{
	(void)state;
	for (uint32_t c = 0xA0; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		int w = wcwidth((wchar_t)c);
		if (w < 0)
			w = 1;
		if (width_table_cp(c) != w)
			fail_msg("U+%04X: the table says %d, wcwidth %d (a newer C library? "
			         "write core/width_table.h again with build-aux/width-table.c)",
			         (unsigned)c, width_table_cp(c), w);
		if (width_cp(c) != w)
			fail_msg("U+%04X: width_cp says %d, wcwidth %d", (unsigned)c, width_cp(c), w);
	}
}

static void unassigned_are_unprintable_under_utf8(void **state)
{
	(void)state;
	assert_int_equal(wcwidth(0x0378), -1);                 /* unassigned Greek */
	assert_int_equal(width_printable(0x0378), 0);
	assert_int_equal(width_cp(0x0378), 1);                 /* drawn as '?' */
	assert_int_equal(width_printable(0xE000), 1);          /* private use */
}

#define BOTH(f) cmocka_unit_test_setup_teardown(f, in_c, back_to_c), \
                cmocka_unit_test_setup_teardown(f, in_utf8, back_to_c)

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(wide_characters_take_two),
		BOTH(combining_marks_take_none),
		BOTH(ambiguous_characters_take_one),
		BOTH(invalid_and_controls_take_one),
		BOTH(fit_and_pad_by_cells),
		cmocka_unit_test_setup_teardown(table_agrees_with_wcwidth, in_utf8, back_to_c),
		cmocka_unit_test_setup_teardown(unassigned_are_unprintable_under_utf8, in_utf8,
		                                back_to_c),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
