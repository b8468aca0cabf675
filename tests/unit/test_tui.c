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
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

static void tcols_drops_the_least_needed_before_scrolling(void **state)
{
	/* name 10..30, five figures, expected (rank 1) and history (rank 2):
	 * 10 + 5 x 6 + 4 + 8 + 7 separators = 59 */
	int want[] = { 30, 6, 6, 6, 6, 6, 4, 8 }, min[] = { 10, 6, 6, 6, 6, 6, 4, 8 };
	int drop[] = { 0, 0, 0, 0, 0, 0, 1, 2 }, x[8], w[8];
	(void)state;
	/* in 60 all fit: nothing left out, the name takes what is left */
	assert_int_equal(tcols_fit_drop(want, min, drop, 8, 1, 60, 0, x, w), 0);
	assert_int_equal(w[0], 11);
	assert_int_equal(w[7], 8);
	/* in 52 the history is left out of the unscrolled view, the rest whole */
	assert_true(tcols_fit_drop(want, min, drop, 8, 1, 52, 0, x, w) > 0);
	assert_int_equal(w[7], 0);
	assert_int_equal(w[6], 4);
	assert_int_equal(x[6] + w[6], 52);
	/* ... and scrolling by one shows it */
	tcols_fit_drop(want, min, drop, 8, 1, 52, 1, x, w);
	assert_int_equal(w[1], 0);
	assert_int_equal(w[7], 8);
	/* in 47 the expected goes too; the last figure still ends at the edge */
	assert_true(tcols_fit_drop(want, min, drop, 8, 1, 47, 0, x, w) > 0);
	assert_int_equal(w[6], 0);
	assert_int_equal(w[7], 0);
	assert_int_equal(x[5] + w[5], 47);
	/* in 30 even that does not fit: nothing is left out, the columns scroll */
	assert_true(tcols_fit_drop(want, min, drop, 8, 1, 30, 0, x, w) > 0);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[1], 6);
	/* without ranks it is tcols_fit */
	int x2[8], w2[8];
	assert_int_equal(tcols_fit_drop(want, min, NULL, 8, 1, 52, 0, x, w),
	                 tcols_fit(want, min, 8, 1, 52, 0, x2, w2));
	assert_memory_equal(w, w2, sizeof w);
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

/* keys_read on a terminal whose input is a pipe the test writes to. */
static int esc_shown;
static void count_shown(void *ctx)
{
	(void)ctx;
	esc_shown++;
}

/* Write `bytes` to fd after ms milliseconds, from a child process. */
static pid_t write_later(int fd, const char *bytes, int ms)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000L };
		nanosleep(&t, NULL);
		if (write(fd, bytes, strlen(bytes)) < 0)
			_exit(1);
		_exit(0);
	}
	return pid;
}

static long ms_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void keys_esc_and_a_late_digit(void **state)
{
	int fds[2];
	(void)state;
	assert_int_equal(pipe(fds), 0);
	FILE *in = fdopen(fds[0], "r"), *out = fopen("/dev/null", "w");
	SCREEN *sc = newterm("vt100", out, in);
	assert_non_null(sc);
	set_term(sc);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	keys_on_esc(count_shown, NULL);
	/* Esc and the digit together: the F-key, nothing shown */
	assert_true(write(fds[1], "\0335", 2) == 2);
	assert_int_equal(keys_read(stdscr, KEYS_ESC_WAIT_MS), KC_F(5));
	assert_int_equal(esc_shown, 0);
	/* the digit 0.6 s after the Esc: still the F-key; the Esc was shown at once */
	pid_t pid = write_later(fds[1], "7", 600);
	assert_true(write(fds[1], "\033", 1) == 1);
	assert_int_equal(keys_read(stdscr, KEYS_ESC_WAIT_MS), KC_F(7));
	assert_int_equal(esc_shown, 1);
	waitpid(pid, NULL, 0);
	/* Esc Esc: one Esc at once */
	long t0 = ms_now();
	assert_true(write(fds[1], "\033\033", 2) == 2);
	assert_int_equal(keys_read(stdscr, KEYS_ESC_WAIT_MS), KC_ESC);
	assert_true(ms_now() - t0 < 500);
	/* Esc then a letter: Esc, then the letter */
	assert_true(write(fds[1], "\033x", 2) == 2);
	assert_int_equal(keys_read(stdscr, KEYS_ESC_WAIT_MS), KC_ESC);
	assert_int_equal(keys_read(stdscr, KEYS_ESC_WAIT_MS), 'x');
	/* where Esc acts at once: given without waiting, and a digit soon
	 * after it is dropped (it was meant for what the Esc closed) */
	esc_shown = 0;
	t0 = ms_now();
	assert_true(write(fds[1], "\033", 1) == 1);
	assert_int_equal(keys_read(stdscr, 0), KC_ESC);
	assert_true(ms_now() - t0 < 500);
	assert_int_equal(esc_shown, 0);
	assert_true(write(fds[1], "0y", 2) == 2);
	assert_int_equal(keys_read(stdscr, 0), KC_NONE);
	assert_int_equal(keys_read(stdscr, 0), 'y');
	/* a digit long after it is a digit */
	assert_true(write(fds[1], "\033", 1) == 1);
	assert_int_equal(keys_read(stdscr, 0), KC_ESC);
	pid = write_later(fds[1], "3", 1200);
	assert_int_equal(keys_read(stdscr, 0), '3');
	waitpid(pid, NULL, 0);
	/* an arrow whose bytes came apart */
	assert_int_equal(keys_from_seq("[A"), KC_KEY(KEY_UP));
	keys_on_esc(NULL, NULL);
	endwin();
	delscreen(sc);
	fclose(in);
	fclose(out);
	close(fds[1]);
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
		cmocka_unit_test(tcols_drops_the_least_needed_before_scrolling),
		cmocka_unit_test(text_fit_never_splits_a_wide_character),
		cmocka_unit_test(text_clean_makes_controls_visible),
		cmocka_unit_test(width_agrees_with_curses),
		cmocka_unit_test(keys_stay_apart_from_characters),
		cmocka_unit_test(keys_known_sequences),
		cmocka_unit_test(keys_esc_and_a_late_digit),
		cmocka_unit_test(prompt_edits_chinese),
		cmocka_unit_test(grid_rows_and_widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
