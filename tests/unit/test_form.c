/* test_form.c: the checks of form fields as a clerk types them
 * (numbers, dates, periods, choices), their messages in both languages,
 * and the one-line history chart. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/parse.h"
#include "tui/field.h"
#include "tui/pathcomp.h"
#include "core/util.h"
#include "tui/spark.h"

static void test_parse_decimal(void **state)
{
	(void)state;
	static const struct { const char *in; double v; int pct; } good[] = {
		{ "1234.5", 1234.5, 0 }, { "1,234.5", 1234.5, 0 },
		{ "\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x8E\xEF\xBC\x95",
		  1234.5, 0 },                                  /* １，２３４．５ */
		{ "2.2%", 2.2, 1 }, { "\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x92\xEF\xBC\x85", 2.2, 1 },
		{ "(1,234)", -1234, 0 }, { "\xEF\xBC\x88" "1,234.00\xEF\xBC\x89", -1234, 0 },
		{ "-3", -3, 0 }, { "+3", 3, 0 }, { "\xE2\x88\x92" "5", -5, 0 },
		{ " 312 ", 312, 0 }, { ".5", 0.5, 0 }, { "5.", 5, 0 }, { "1,234,567", 1234567, 0 },
		{ "0", 0, 0 },
	};
	static const char *bad[] = { "1,23", "12x", "3l2", "1..2", ",123", "1,2345", "%", "-",
	                             "(-1)", "1e5", "--1", "12 3a" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		double v = -999;
		int pct = -1;
		assert_int_equal(parse_decimal(good[i].in, &v, &pct), PARSE_OK);
		assert_true(v > good[i].v - 1e-9 && v < good[i].v + 1e-9);
		assert_int_equal(pct, good[i].pct);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double v;
		assert_int_equal(parse_decimal(bad[i], &v, NULL), PARSE_BAD);
	}
	double v;
	assert_int_equal(parse_decimal("", &v, NULL), PARSE_EMPTY);
	assert_int_equal(parse_decimal(" \xE3\x80\x80 ", &v, NULL), PARSE_EMPTY);   /* U+3000 */
}

static void test_parse_integer(void **state)
{
	(void)state;
	long long v;
	assert_int_equal(parse_integer("2025", &v), PARSE_OK);
	assert_int_equal(v, 2025);
	assert_int_equal(parse_integer("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x95", &v), PARSE_OK);
	assert_int_equal(v, 2025);
	assert_int_equal(parse_integer("1,000", &v), PARSE_OK);
	assert_int_equal(v, 1000);
	assert_int_equal(parse_integer("-7", &v), PARSE_OK);
	assert_int_equal(v, -7);
	assert_int_equal(parse_integer("12.5", &v), PARSE_BAD);
	assert_int_equal(parse_integer("2O25", &v), PARSE_BAD);
	assert_int_equal(parse_integer("1234567890123456", &v), PARSE_BAD);
	assert_int_equal(parse_integer("", &v), PARSE_EMPTY);
}

static void test_parse_date(void **state)
{
	(void)state;
	static const char *same[] = {
		"2023-12-02", "2023/12/2", "2023.12.2", "2023\xE5\xB9\xB4" "12\xE6\x9C\x88" "2\xE6\x97\xA5",
		"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x93\xE5\xB9\xB4\xEF\xBC\x91\xEF\xBC\x92"
		"\xE6\x9C\x88\xEF\xBC\x92\xE6\x97\xA5",          /* ２０２３年１２月２日 */
		" 2023-12-2 ",
	};
	char out[11];
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		memset(out, 'x', sizeof out);
		assert_int_equal(parse_date(same[i], out), PARSE_OK);
		assert_string_equal(out, "2023-12-02");
	}
	assert_int_equal(parse_date("2024-02-29", out), PARSE_OK);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(parse_date("2023-02-29", out), PARSE_NO_DAY);
	assert_int_equal(parse_date("1900-02-29", out), PARSE_NO_DAY);
	assert_int_equal(parse_date("2000-02-29", out), PARSE_OK);
	assert_int_equal(parse_date("2023-04-31", out), PARSE_NO_DAY);
	assert_int_equal(parse_date("2023-13-01", out), PARSE_NO_DAY);
	assert_int_equal(parse_date("2023-12-00", out), PARSE_NO_DAY);
	assert_int_equal(parse_date("2023-12", out), PARSE_BAD);
	assert_int_equal(parse_date("23-12-02", out), PARSE_BAD);
	assert_int_equal(parse_date("1899-12-31", out), PARSE_BAD);
	assert_int_equal(parse_date("2023-12-02x", out), PARSE_BAD);
	assert_int_equal(parse_date("20231202", out), PARSE_OK);     /* as the importer takes it */
	assert_string_equal(out, "2023-12-02");
	assert_int_equal(parse_date("", out), PARSE_EMPTY);
}

/* Type text into a fresh field of `kind` and check it; returns the
 * message (caller frees) and leaves the field in *f (caller frees). */
static char *typed(struct field *f, enum field_kind kind, const char *text)
{
	field_init(f, kind, "Value", NULL);
	le_insert_str(&f->le, text);
	return field_check(f);
}

static void test_field_messages(void **state)
{
	(void)state;
	struct field f;
	char *why;
	i18n_set(LANG_EN);
	why = typed(&f, FIELD_DECIMAL, "3l2");
	assert_string_equal(why, "\"3l2\" is not a number (like 1234.5, 1,234.5, 2.2%)");
	free(why);
	field_free(&f);

	i18n_set(LANG_ZH);
	why = typed(&f, FIELD_DECIMAL, "3l2");
	assert_string_equal(why, "\xE3\x80\x8C" "3l2\xE3\x80\x8D\xE4\xB8\x8D\xE6\x98\xAF\xE6\x95\xB0\xE5\xAD\x97"
	                         "\xEF\xBC\x88\xE5\xA6\x82 1234.5\xE3\x80\x81" "1,234.5\xE3\x80\x81"
	                         "2.2%\xEF\xBC\x89");   /* 「3l2」不是数字（如 1234.5、1,234.5、2.2%） */
	free(why);
	field_free(&f);
	i18n_set(LANG_EN);

	why = typed(&f, FIELD_DECIMAL, "\xEF\xBC\x93\xEF\xBC\x91\xEF\xBC\x92");   /* ３１２ */
	assert_null(why);
	assert_true(f.has_value);
	assert_true(f.num == 312);
	assert_string_equal(f.le.buf, "312");      /* written the standard way */
	field_free(&f);

	why = typed(&f, FIELD_DATE, "2023\xE5\xB9\xB4" "12\xE6\x9C\x88" "2\xE6\x97\xA5");
	assert_null(why);
	assert_string_equal(f.date, "2023-12-02");
	assert_string_equal(f.le.buf, "2023-12-02");
	field_free(&f);
	why = typed(&f, FIELD_DATE, "2023-02-30");
	assert_string_equal(why, "\"2023-02-30\": there is no such day");
	free(why);
	field_free(&f);
	why = typed(&f, FIELD_DATE, "12/2/2023");
	assert_string_equal(why, "\"12/2/2023\" is not a date (like 2023-12-02, 2023/12/2, "
	                         "2023\xE5\xB9\xB4" "12\xE6\x9C\x88" "2\xE6\x97\xA5)");
	free(why);
	field_free(&f);

	why = typed(&f, FIELD_PERIOD, "2025\xE5\xB9\xB4\xE7\xAC\xAC\xE4\xB8\x89\xE5\xAD\xA3\xE5\xBA\xA6");
	assert_null(why);                           /* 2025年第三季度 */
	assert_int_equal(f.period.year, 2025);
	assert_int_equal(f.period.quarter, 3);
	assert_string_equal(f.le.buf, "2025Q3");
	field_free(&f);
	why = typed(&f, FIELD_PERIOD, "2025Q5");
	assert_string_equal(why, "\"2025Q5\" is not a year or quarter "
	                         "(like 2025, 2025Q3, 2025\xE5\xB9\xB4\xE7\xAC\xAC\xE4\xB8\x89"
	                         "\xE5\xAD\xA3\xE5\xBA\xA6)");
	free(why);
	field_free(&f);

	field_init(&f, FIELD_INT, "Year", NULL);
	f.min = 1900;
	f.max = 2999;
	le_insert_str(&f.le, "1800");
	why = field_check(&f);
	assert_string_equal(why, "Year must be from 1900 to 2999");
	free(why);
	le_set(&f.le, "2,025");
	assert_null(field_check(&f));
	assert_int_equal(f.integer, 2025);
	field_free(&f);

	/* empty: refused when required, else no value */
	why = typed(&f, FIELD_DECIMAL, "  ");
	assert_null(why);
	assert_false(f.has_value);
	f.required = 1;
	why = field_check(&f);
	assert_string_equal(why, "Value: this field must be filled in");
	free(why);
	field_free(&f);
}

static void test_field_choice(void **state)
{
	(void)state;
	static const char *const regions[] = {
		"\xE6\x99\xAF\xE5\xBE\xB7\xE9\x95\x87\xE5\xB8\x82",   /* 景德镇市 */
		"\xE4\xB9\x90\xE5\xB9\xB3\xE5\xB8\x82",               /* 乐平市 */
		"\xE6\xB5\xAE\xE6\xA2\x81\xE5\x8E\xBF",               /* 浮梁县 */
		"\xE6\x98\x8C\xE6\xB1\x9F\xE5\x8C\xBA",               /* 昌江区 */
	};
	struct field f;
	field_init(&f, FIELD_CHOICE, "Region", regions[0]);
	field_set_choices(&f, regions, 4);
	assert_int_equal(f.choice, 0);
	assert_int_equal(f.nmatch, 4);             /* not typed in: the whole list */
	assert_false(field_changed(&f));

	/* typing narrows: 市 matches two; Down picks the second */
	le_set(&f.le, "\xE5\xB8\x82");
	f.narrowing = 1;
	field_narrow(&f);
	assert_int_equal(f.nmatch, 2);
	field_move(&f, 1);
	field_move(&f, 5);                          /* stops at the end */
	assert_null(field_check(&f));
	assert_int_equal(f.choice, 1);
	assert_string_equal(f.le.buf, regions[1]);
	assert_true(field_changed(&f));

	/* a label typed whole wins even with other matches */
	le_set(&f.le, regions[0]);
	f.narrowing = 1;
	field_narrow(&f);
	assert_null(field_check(&f));
	assert_int_equal(f.choice, 0);
	assert_false(field_changed(&f));

	le_set(&f.le, "xyz");
	f.narrowing = 1;
	field_narrow(&f);
	assert_int_equal(f.nmatch, 0);
	char *why = field_check(&f);
	assert_string_equal(why, "Nothing in the list matches \"xyz\"");
	free(why);

	/* a reload puts their text in and makes it the unchanged state */
	field_set_text(&f, regions[2], 1);
	assert_int_equal(f.choice, 2);
	assert_false(field_changed(&f));
	field_free(&f);

	/* full-width forms fold: ＞ narrows the comparators to >= */
	static const char *const cmps[] = { "=", ">=", "<=", "~" };
	field_init(&f, FIELD_CHOICE, "Comparator", "=");
	field_set_choices(&f, cmps, 4);
	le_set(&f.le, "\xEF\xBC\x9E");
	f.narrowing = 1;
	field_narrow(&f);
	assert_int_equal(f.nmatch, 1);
	assert_null(field_check(&f));
	assert_string_equal(f.le.buf, ">=");
	field_free(&f);
}

static void test_field_text_limit(void **state)
{
	(void)state;
	struct field f;
	field_init(&f, FIELD_TEXT, "Note", NULL);
	f.le.maxchars = 4;
	le_insert_str(&f.le, "\xE5\xAD\xA3\xE5\xBA\xA6\xE6\x8A\xA5\xE8\xA1\xA8\xE6\xA0\xB8\xE5\xAF\xB9");
	assert_string_equal(f.le.buf, "\xE5\xAD\xA3\xE5\xBA\xA6\xE6\x8A\xA5\xE8\xA1\xA8");   /* 季度报表 */
	assert_null(field_check(&f));
	assert_true(f.has_value);
	assert_true(field_changed(&f));
	field_free(&f);
}

/* A prefilled file name is selected: typing or deleting replaces it,
 * other keys only end the selection. */
static void test_field_selection(void **state)
{
	struct field f;
	(void)state;
	field_init(&f, FIELD_TEXT, "File", "/srv/data/q2.csv");
	assert_int_equal(field_end_selection(&f, 1), 0);      /* not selected: kept */
	assert_string_equal(f.le.buf, "/srv/data/q2.csv");
	f.selected = 1;
	assert_int_equal(field_end_selection(&f, 0), 0);      /* an arrow: kept, no longer selected */
	assert_string_equal(f.le.buf, "/srv/data/q2.csv");
	assert_int_equal(f.selected, 0);
	f.selected = 1;
	assert_int_equal(field_end_selection(&f, 1), 1);      /* a character typed: emptied first */
	assert_string_equal(f.le.buf, "");
	assert_int_equal(f.selected, 0);
	assert_true(field_changed(&f));
	field_free(&f);
}

static void test_spark(void **state)
{
	(void)state;
	const double rise[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	char *t = spark_text(rise, 8, 8, 0);
	assert_string_equal(t, "\xE2\x96\x81\xE2\x96\x82\xE2\x96\x83\xE2\x96\x84"
	                       "\xE2\x96\x85\xE2\x96\x86\xE2\x96\x87\xE2\x96\x88");
	free(t);
	t = spark_text(rise, 8, 3, 1);              /* the last three, ascii */
	assert_string_equal(t, "_-#");
	free(t);
	const double flat[] = { 5, 5 };
	t = spark_text(flat, 2, 8, 1);
	assert_string_equal(t, "--");           /* the middle of _.-=# */
	free(t);
	const double down[] = { 10, 0 };            /* a rank falling */
	t = spark_text(down, 2, 8, 1);
	assert_string_equal(t, "#_");
	free(t);
	t = spark_text(rise, 0, 8, 0);
	assert_string_equal(t, "");
	free(t);
}


static void test_pathcomp(void **state)
{
	(void)state;
	char dir[] = "/tmp/innotrack-pathcomp-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *p = xasprintf("%s/二季度指标.csv", dir);
	FILE *f = fopen(p, "w");
	fclose(f);
	free(p);
	p = xasprintf("%s/二季度企业.csv", dir);
	f = fopen(p, "w");
	fclose(f);
	free(p);
	p = xasprintf("%s/sub", dir);
	mkdir(p, 0700);
	free(p);
	size_t n;
	char *typed = xasprintf("%s/二", dir), *want = xasprintf("%s/二季度", dir);
	char *got = pathcomp(typed, &n);
	assert_int_equal(n, 2);
	assert_string_equal(got, want);           /* the common part, whole characters */
	free(got); free(typed); free(want);
	typed = xasprintf("%s/二季度指", dir);
	want = xasprintf("%s/二季度指标.csv", dir);
	got = pathcomp(typed, &n);
	assert_int_equal(n, 1);
	assert_string_equal(got, want);
	free(got); free(typed); free(want);
	typed = xasprintf("%s/su", dir);
	want = xasprintf("%s/sub/", dir);         /* a folder gets its slash */
	got = pathcomp(typed, &n);
	assert_string_equal(got, want);
	free(got); free(typed); free(want);
	typed = xasprintf("%s/none", dir);
	got = pathcomp(typed, &n);
	assert_int_equal(n, 0);
	assert_string_equal(got, typed);
	free(got); free(typed);
	char *cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pathcomp),
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_parse_integer),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_field_messages),
		cmocka_unit_test(test_field_choice),
		cmocka_unit_test(test_field_text_limit),
		cmocka_unit_test(test_field_selection),
		cmocka_unit_test(test_spark),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
