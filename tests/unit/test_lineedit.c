/* test_lineedit.c: the line editor with Chinese text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tui/lineedit.h"

static void test_insert_and_backspace(void **state)
{
	(void)state;
	struct lineedit e;
	le_init(&e, "", 0);
	le_insert_str(&e, "张伟abc");
	assert_string_equal(e.buf, "张伟abc");
	assert_int_equal(le_chars(&e), 5);
	assert_int_equal(le_cursor_cells(&e), 7);
	le_backspace(&e);
	le_backspace(&e);
	le_backspace(&e);
	assert_string_equal(e.buf, "张伟");
	le_backspace(&e);                       /* a whole character, 3 bytes */
	assert_string_equal(e.buf, "张");
	assert_int_equal(le_cursor_cells(&e), 2);
	le_backspace(&e);
	le_backspace(&e);                       /* nothing left: no harm */
	assert_string_equal(e.buf, "");
	le_free(&e);
}

static void test_cursor_moves_by_character(void **state)
{
	(void)state;
	struct lineedit e;
	le_init(&e, "景德镇2025", 0);
	le_home(&e);
	le_right(&e);
	assert_int_equal(e.cur, 3);
	assert_int_equal(le_cursor_cells(&e), 2);
	le_insert(&e, 0x5E02);                  /* 市 */
	assert_string_equal(e.buf, "景市德镇2025");
	le_end(&e);
	le_left(&e);
	le_left(&e);
	le_left(&e);
	le_left(&e);
	le_left(&e);
	assert_int_equal(le_cursor_cells(&e), 4 + 2);   /* after 景市德 */
	le_delete(&e);                          /* 镇 */
	assert_string_equal(e.buf, "景市德2025");
	le_kill_before(&e);
	assert_string_equal(e.buf, "2025");
	assert_int_equal(e.cur, 0);
	le_end(&e);
	le_left(&e);
	le_kill_after(&e);
	assert_string_equal(e.buf, "202");
	le_free(&e);
}

static void test_limit_and_controls(void **state)
{
	(void)state;
	struct lineedit e;
	le_init(&e, "", 3);
	assert_int_equal(le_insert(&e, 0x4E2D), 0);
	assert_int_equal(le_insert(&e, 0x6587), 0);
	assert_int_equal(le_insert(&e, 'x'), 0);
	assert_int_equal(le_insert(&e, 'y'), -1);     /* limit in characters */
	assert_string_equal(e.buf, "中文x");
	le_set(&e, "");
	assert_int_equal(le_insert(&e, 0x1B), -1);    /* ESC is not text */
	assert_int_equal(le_insert(&e, 0x0101), 0);   /* pinyin ā */
	assert_string_equal(e.buf, "\xC4\x81");
	le_set(&e, "abc def");                  /* a paste is cut at the limit */
	assert_string_equal(e.buf, "abc");
	le_free(&e);
	le_init(&e, "abc def", 0);
	le_delete_word(&e);
	assert_string_equal(e.buf, "abc ");
	le_free(&e);
}

static void test_view_scrolls_by_cells(void **state)
{
	(void)state;
	struct lineedit e;
	size_t from, to;
	int x;
	le_init(&e, "高新技术企业数量", 0);        /* 16 cells */
	le_view(&e, 10, &from, &to, &x);
	/* the cursor at the end stays visible with a free cell for it */
	assert_true(x <= 9);
	assert_int_equal(to, e.len);
	assert_int_equal(x, 8);
	assert_int_equal(from, 12);                /* 企业数量 shown */
	le_home(&e);
	le_view(&e, 10, &from, &to, &x);
	assert_int_equal(from, 0);
	assert_int_equal(x, 0);
	assert_int_equal(to, 15);                  /* 5 characters = 10 cells */
	le_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_backspace),
		cmocka_unit_test(test_cursor_moves_by_character),
		cmocka_unit_test(test_limit_and_controls),
		cmocka_unit_test(test_view_scrolls_by_cells),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
