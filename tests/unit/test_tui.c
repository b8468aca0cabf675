/* test_tui.c: unit tests of the curses-free parts of tui/: the list view
 * state, column fitting, text fitting, key numbers, the string grid; and
 * one headless curses screen to see that text is drawn in the cells that
 * core/width.h counts. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/util.h"
#include "core/width.h"
#include "tui/grid.h"
#include "tui/keys.h"
#include "tui/lineedit.h"
#include "tui/prompt.h"
#include "tui/tcols.h"
#include "tui/text.h"
#include "tui/tview.h"

static void tview_keeps_selection_in_view(void **state)
{
	struct tview v = { 0 };
	(void)state;
	tview_set(&v, 41, 20);
	tview_move(&v, 1);
	assert_int_equal(v.selected, 1);
	assert_int_equal(v.top, 0);
	tview_move(&v, 25);
	assert_int_equal(v.selected, 26);
	assert_int_equal(v.top, 7);               /* last line of the screen */
	assert_int_equal(tview_line(&v, 26), 19);
	assert_int_equal(tview_line(&v, 6), -1);
	tview_move(&v, -100);
	assert_int_equal(v.selected, 0);
	assert_int_equal(v.top, 0);
	tview_move(&v, 1000);
	assert_int_equal(v.selected, 40);
	assert_int_equal(v.top, 21);
}

static void tview_pages_and_ends(void **state)
{
	struct tview v = { 0 };
	(void)state;
	tview_set(&v, 1000000, 20);
	tview_page(&v, 1);
	assert_int_equal(v.selected, 20);
	assert_int_equal(v.top, 20);
	tview_page(&v, -1);
	tview_page(&v, -1);
	assert_int_equal(v.selected, 0);
	assert_int_equal(v.top, 0);
	tview_go(&v, 999999);
	assert_int_equal(v.top, 999980);
	tview_page(&v, 1);
	assert_int_equal(v.selected, 999999);
	assert_int_equal(v.top, 999980);
}

static void tview_clamps_on_new_count_and_height(void **state)
{
	struct tview v = { 0 };
	(void)state;
	tview_set(&v, 41, 20);
	tview_go(&v, 40);
	tview_set(&v, 10, 20);                    /* fewer rows */
	assert_int_equal(v.selected, 9);
	assert_int_equal(v.top, 0);
	tview_set(&v, 41, 20);
	tview_go(&v, 30);
	tview_set(&v, 41, 5);                     /* a smaller pane */
	assert_int_equal(v.selected, 30);
	assert_true(v.top <= 30 && v.top + 5 > 30);
	tview_set(&v, 0, 5);
	assert_int_equal(v.selected, 0);
	tview_move(&v, 1);
	tview_page(&v, 1);
	assert_int_equal(v.selected, 0);
	assert_int_equal(tview_line(&v, 0), -1);
}

static void tcols_fits_without_shrinking(void **state)
{
	int want[] = { 10, 4, 6 }, min[] = { 5, 4, 6 }, x[3], w[3];
	(void)state;
	assert_int_equal(tcols_fit(want, min, 3, 1, 40, 0, x, w), 0);
	assert_int_equal(w[0], 10);
	assert_int_equal(x[1], 11);
	assert_int_equal(x[2], 16);
	assert_int_equal(w[2], 6);
}

static void tcols_shrinks_the_widest_first(void **state)
{
	int want[] = { 40, 12, 8 }, min[] = { 20, 12, 8 }, x[3], w[3];
	(void)state;
	/* 40+12+8+2 = 62 in 50: the first column gives 12 cells */
	assert_int_equal(tcols_fit(want, min, 3, 1, 50, 0, x, w), 0);
	assert_int_equal(w[0], 28);
	assert_int_equal(w[1], 12);
	assert_int_equal(x[2], 42);
	assert_int_equal(x[2] + w[2], 50);
}

static void tcols_scrolls_with_frozen_column(void **state)
{
	int want[] = { 20, 10, 10, 10, 10 }, min[] = { 20, 10, 10, 10, 10 }, x[5], w[5];
	(void)state;
	/* 20 + 4 x 11 = 64 in 50: frozen 20, then room for two and a cut one */
	int maxfirst = tcols_fit(want, min, 5, 1, 50, 0, x, w);
	assert_int_equal(maxfirst, 2);
	assert_int_equal(x[0], 0);
	assert_int_equal(w[0], 20);
	assert_int_equal(x[1], 21);
	assert_int_equal(x[2], 32);
	assert_int_equal(w[3], 7);                /* cut to what is left */
	assert_int_equal(w[4], 0);
	tcols_fit(want, min, 5, 1, 50, 2, x, w);
	assert_int_equal(w[0], 20);               /* still there */
	assert_int_equal(w[1], 0);
	assert_int_equal(w[2], 0);
	assert_int_equal(x[3], 21);
	assert_int_equal(w[4], 10);
	assert_int_equal(x[4] + w[4], 42);
	tcols_fit(want, min, 5, 1, 50, 9, x, w);  /* clamped */
	assert_int_equal(x[3], 21);
}

static void text_fit_never_splits_a_wide_character(void **state)
{
	char *s;
	(void)state;
	s = text_fit("高新技术企业数量", 9, -1, 0);
	assert_string_equal(s, "高新技术\xE2\x80\xA6");
	assert_int_equal(width_str(s), 9);
	free(s);
	s = text_fit("高新技术企业数量", 10, -1, 1);
	assert_string_equal(s, "高新技术~ ");
	assert_int_equal(width_str(s), 10);
	free(s);
	s = text_fit("300", 6, 1, 0);
	assert_string_equal(s, "   300");
	free(s);
	s = text_fit("*", 4, 0, 1);
	assert_string_equal(s, " *  ");
	free(s);
}

static void text_clean_makes_controls_visible(void **state)
{
	char *s;
	(void)state;
	s = text_clean("a\tb\r\nc\x1b[31m\x80z");
	assert_string_equal(s, "a b  c?[31m\xEF\xBF\xBDz");
	assert_int_equal(width_str(s), width_str("a b  c?[31m?z"));
	free(s);
	s = text_clean(NULL);
	assert_string_equal(s, "");
	free(s);
}

/* Draw s at column 0 of a headless curses screen: the column curses
 * leaves the cursor in. */
static int curses_cells(const char *s)
{
	werase(stdscr);
	mvwaddstr(stdscr, 0, 0, s);
	return getcurx(stdscr);
}

/* What width.h counts is where ncursesw puts the next character, prefix by
 * prefix: Chinese, full-width, 4-byte, combining, ambiguous, and what
 * text_clean makes of controls, invalid bytes and unassigned code points. */
static void width_agrees_with_curses(void **state)
{
	static const char *const texts[] = {
		"高新技术企业数量", "R&D投入占GDP的比例（%）", "１２３\xE3\x80\x80４",
		"Cafe\xCC\x81 e\xCC\x81\xCC\x82 か\xE3\x82\x99", "a\xE2\x80\x8B" "b\xEF\xB8\x8F" "c",
		"—“”·①…─│●×€°αЖ→", "😀𠀀한국x", "a\tb\x1b[31m\x80\xE4\xB8z", "a\xCD\xB8" "b\xF3\xA0\x80\x81" "c",
		NULL,
	};
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr;
	(void)state;
	assert_non_null(out);
	assert_non_null(in);
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL ||
	    (scr = newterm("xterm-256color", out, in)) == NULL) {
		setlocale(LC_CTYPE, "C");
		fclose(out);
		fclose(in);
		skip();
	}
	resizeterm(5, 200);
	for (const char *const *t = texts; *t; t++) {
		char *c = text_clean(*t);
		size_t n = strlen(c);
		for (size_t i = 1; i <= n; i++) {
			if (i < n && ((unsigned char)c[i] & 0xC0) == 0x80)
				continue;                 /* inside a character */
			char *p = xstrndup(c, i);
			int want = width_str(p), got = curses_cells(p);
			if (got != want)
				fail_msg("\"%s\": width.h says %d cells, curses %d", p, want, got);
			free(p);
		}
		for (int cells = 1; cells < 30; cells++) {
			char *f = text_fit(*t, cells, -1, 0);
			if (curses_cells(f) != cells)
				fail_msg("\"%s\" fitted to %d cells takes %d", f, cells, curses_cells(f));
			free(f);
		}
		free(c);
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	setlocale(LC_CTYPE, "C");
}

static void keys_stay_apart_from_characters(void **state)
{
	(void)state;
	/* ā (U+0101) has the number of KEY_BREAK (0401) */
	assert_int_equal(keys_from_wch(OK, 0x101), 0x101);
	assert_int_not_equal(keys_from_wch(KEY_CODE_YES, KEY_BREAK), 0x101);
	assert_int_equal(keys_from_wch(KEY_CODE_YES, KEY_F(10)), KC_F(10));
	assert_int_equal(keys_from_wch(OK, '\r'), '\n');
	assert_int_equal(keys_from_wch(KEY_CODE_YES, KEY_ENTER), '\n');
	assert_int_equal(keys_from_wch(ERR, 0), KC_NONE);
	assert_int_equal(keys_esc_digit('0'), KC_F(10));
	assert_int_equal(keys_esc_digit('1'), KC_F(1));
	assert_int_equal(keys_esc_digit('9'), KC_F(9));
	assert_int_equal(keys_esc_digit('q'), 0);
}

static void keys_known_sequences(void **state)
{
	(void)state;
	/* what a VT220-like terminal sends when TERM=vt100 does not list it */
	assert_int_equal(keys_from_seq("[6~"), KC_KEY(KEY_NPAGE));
	assert_int_equal(keys_from_seq("[5~"), KC_KEY(KEY_PPAGE));
	assert_int_equal(keys_from_seq("[20~"), KC_F(9));
	assert_int_equal(keys_from_seq("[21~"), KC_F(10));
	assert_int_equal(keys_from_seq("OP"), KC_F(1));
	assert_int_equal(keys_from_seq("[23~"), KC_NONE);
	assert_int_equal(keys_from_seq("[9"), KC_NONE);
}

static void prompt_edits_chinese(void **state)
{
	struct lineedit e;
	(void)state;
	le_init(&e, "=乐平市", 0);
	assert_int_equal(prompt_key(&e, KC_KEY(KEY_HOME)), PROMPT_MOVED);
	assert_int_equal(prompt_key(&e, KC_KEY(KEY_DC)), PROMPT_EDITED);   /* the = */
	assert_string_equal(e.buf, "乐平市");
	assert_int_equal(prompt_key(&e, KC_KEY(KEY_END)), PROMPT_MOVED);
	assert_int_equal(prompt_key(&e, KC_KEY(KEY_BACKSPACE)), PROMPT_EDITED);
	assert_string_equal(e.buf, "乐平");                                  /* a whole character */
	assert_int_equal(prompt_key(&e, 0x9547), PROMPT_EDITED);           /* 镇 */
	assert_string_equal(e.buf, "乐平镇");
	assert_int_equal(le_cursor_cells(&e), 6);
	assert_int_equal(prompt_key(&e, KC_CTRL('u')), PROMPT_EDITED);
	assert_string_equal(e.buf, "");
	assert_int_equal(prompt_key(&e, KC_KEY(KEY_BACKSPACE)), PROMPT_MOVED);   /* nothing left */
	assert_int_equal(prompt_key(&e, '>'), PROMPT_EDITED);
	assert_int_equal(prompt_key(&e, KC_F(5)), PROMPT_IGNORED);
	assert_int_equal(prompt_key(&e, '\n'), PROMPT_ENTER);
	assert_int_equal(prompt_key(&e, KC_ESC), PROMPT_CANCEL);
	assert_string_equal(e.buf, ">");
	le_free(&e);
}

static void grid_rows_and_widths(void **state)
{
	struct grid g;
	const char *cells[2];
	const char *r1[] = { "景德镇市", "city" }, *r2[] = { "x", NULL };
	(void)state;
	grid_init(&g, 2);
	for (int i = 0; i < 20; i++)
		grid_add(&g, i % 2 ? r2 : r1);
	assert_int_equal(grid_count(&g), 20);
	assert_int_equal(grid_width(&g, 0), 8);
	grid_row(&g, 1, cells);
	assert_string_equal(cells[0], "x");
	assert_string_equal(cells[1], "");
	grid_free(&g);
	assert_int_equal(grid_count(&g), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tview_keeps_selection_in_view),
		cmocka_unit_test(tview_pages_and_ends),
		cmocka_unit_test(tview_clamps_on_new_count_and_height),
		cmocka_unit_test(tcols_fits_without_shrinking),
		cmocka_unit_test(tcols_shrinks_the_widest_first),
		cmocka_unit_test(tcols_scrolls_with_frozen_column),
		cmocka_unit_test(text_fit_never_splits_a_wide_character),
		cmocka_unit_test(text_clean_makes_controls_visible),
		cmocka_unit_test(width_agrees_with_curses),
		cmocka_unit_test(keys_stay_apart_from_characters),
		cmocka_unit_test(keys_known_sequences),
		cmocka_unit_test(prompt_edits_chinese),
		cmocka_unit_test(grid_rows_and_widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
