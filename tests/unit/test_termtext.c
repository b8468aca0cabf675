/* test_termtext.c: unit tests of text made safe for a terminal
 * (core/termtext) and of CSV text guarded against being run as a formula
 * (core/csvwrite; tests/cli/test_safe_output.sh reads it back). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/csvwrite.h"
#include "core/termtext.h"

static void escaped(const char *in, const char *want)
{
	char *got = termtext(in);
	assert_string_equal(got, want);
	free(got);
}

static void controls_are_escaped(void **state)
{
	(void)state;
	escaped("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07");
	escaped("a\x1b[2Jb", "a\\x1b[2Jb");
	escaped("a\rb", "a\\rb");
	escaped("\b\x7f", "\\x08\\x7f");
	escaped("\xC2\x9B" "31m", "\\u009b31m");          /* C1 CSI as UTF-8 */
	escaped("\x9B" "31m", "\\x9b31m");                /* and as a bare byte */
	escaped("\xFF", "\\xff");
}

static void text_stays(void **state)
{
	(void)state;
	escaped("景德镇市\t乐平市\nline", "景德镇市\t乐平市\nline");
	escaped("a\r\nb", "a\nb");                         /* CRLF ends a line */
	escaped("\xEF\xBF\xBD", "\xEF\xBF\xBD");           /* a real U+FFFD */
	escaped("C:\\x1b", "C:\\x1b");                     /* backslashes as they are */
	escaped(NULL, "");
}

static void copy_escapes_a_stream(void **state)
{
	(void)state;
	FILE *in = tmpfile(), *out = tmpfile();
	char buf[256] = { 0 };
	assert_non_null(in);
	assert_non_null(out);
	fputs("name,note\r\n\"\x1b]2;x\x07\",\xE4\xB8\xAD\r\n", in);
	rewind(in);
	assert_int_equal(termtext_copy(in, out), 0);
	rewind(out);
	size_t n = fread(buf, 1, sizeof buf - 1, out);
	buf[n] = '\0';
	assert_string_equal(buf, "name,note\n\"\\x1b]2;x\\x07\",\xE4\xB8\xAD\n");
	fclose(in);
	fclose(out);
}

/* --- CSV text guarded against formulas ------------------------------ */

/* One row written with csvw_field for each of v[0..n), as text. */
static char *written(const char *const *v, size_t n, int numbers)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	struct csvw w;
	csvw_start(&w, f, 0);
	for (size_t i = 0; i < n; i++)
		(numbers ? csvw_number : csvw_field)(&w, v[i]);
	csvw_end_row(&w);
	fclose(f);
	return s;
}

static void formulas_are_guarded(void **state)
{
	(void)state;
	const char *v[] = { "=SUM(A1)", "+1", "-x", "@cmd", "\tx", "\rx", "'=x", "a=b", "'x", "-" };
	char *s = written(v, sizeof v / sizeof *v, 0);
	assert_string_equal(s, "'=SUM(A1),'+1,'-x,'@cmd,'\tx,\"'\rx\",''=x,a=b,'x,'-\n");
	free(s);
	const char *num[] = { "-5", "-0.25", "+3" };
	s = written(num, 3, 1);
	assert_string_equal(s, "-5,-0.25,+3\n");            /* numbers stay numbers */
	free(s);
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	struct csvw w;
	csvw_start(&w, f, 0);
	csvw_num(&w, 1, -5, 2);
	csvw_int(&w, 1, -12);
	csvw_field(&w, "-12");
	csvw_end_row(&w);
	fclose(f);
	assert_string_equal(s, "-5,-12,'-12\n");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(controls_are_escaped),
		cmocka_unit_test(text_stays),
		cmocka_unit_test(copy_escapes_a_stream),
		cmocka_unit_test(formulas_are_guarded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
