/* test_rowpipe.c: a file's rows read in a thread of their own arrive as
 * csvread hands them over in one piece; UTF-8 checked while decoding at
 * every split of a chunk; the end of reading said with its line; a big
 * file that opens with UTF-8 taken as UTF-8 on its head. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/csvread.h"
#include "core/db.h"
#include "core/rowpipe.h"
#include "core/textenc.h"
#include "core/util.h"

/* Rows flattened to text: "line-line_end#record|f1|f2|..." with NULL as
 * "<null>", one row a line. */
struct rows {
	struct sbuf b;
	long        n;
	long        stop_at;     /* return 7 at this row (0: never) */
};

static int keep(const struct csv_row *row, void *ctx)
{
	struct rows *r = ctx;
	sbuf_printf(&r->b, "%ld-%ld#%ld", row->line, row->line_end, row->record);
	for (size_t i = 0; i < row->n; i++) {
		if (row->f[i] == NULL)
			sbuf_puts(&r->b, "|<null>");
		else
			sbuf_printf(&r->b, "|%s(%zu)", row->f[i], row->len[i]);
	}
	sbuf_puts(&r->b, "\n");
	return ++r->n == r->stop_at ? 7 : 0;
}

static char *write_tmp(const char *data, size_t n)
{
	char *path = xstrdup("/tmp/innotrack-rowpipe.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Rows of every shape, enough for many batches: quoted commas, quotes and
 * line breaks, empty quoted and unquoted fields, Chinese, CRLF. */
static char *sample(size_t *len, long rows)
{
	struct sbuf b = { 0 };
	sbuf_puts(&b, "\xEF\xBB\xBF统一社会信用代码,企业名称,备注\r\n");
	for (long i = 1; i <= rows; i++) {
		if (i % 97 == 0)
			sbuf_printf(&b, "%ld,\"景德镇\"\"第%ld号\"\"，有限公司\",\"两行\r\n第二行\"\r\n", i, i);
		else if (i % 13 == 0)
			sbuf_printf(&b, "%ld,,\"\"\r\n", i);
		else
			sbuf_printf(&b, "%ld,浮梁县第%ld号科技有限公司,瓷\r\n", i, i);
	}
	*len = b.len;
	return sbuf_take(&b);
}

static long lines_in(const char *s)
{
	long n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static enum rowpipe_end pipe_file(const char *path, enum textenc enc, struct rows *r,
                                  struct rowpipe_result *res)
{
	FILE *f = fopen(path, "rb");
	long long seen = 0;
	assert_non_null(f);
	enum rowpipe_end end = rowpipe_read(f, enc, keep, r, &seen, res);
	fclose(f);
	assert_true(seen <= res->bytes);
	return end;
}

static void test_same_rows(void **state)
{
	size_t len;
	char *data = sample(&len, 20000), *err = NULL;
	char *path = write_tmp(data, len);
	struct rows want = { 0 }, got = { 0 };
	struct rowpipe_result res;
	(void)state;
	assert_int_equal(csvread_mem(data, len, keep, &want, &err), 0);
	assert_int_equal(pipe_file(path, ENC_UTF8, &got, &res), ROWPIPE_DONE);
	assert_int_equal(res.bytes, (long long)len);
	assert_int_equal(got.n, 20001);
	assert_int_equal(got.n, want.n);
	assert_string_equal(got.b.s, want.b.s);
	unlink(path);
	free(path);
	free(data);
	sbuf_free(&want.b);
	sbuf_free(&got.b);
}

static void test_stop(void **state)
{
	size_t len;
	char *data = sample(&len, 20000);
	char *path = write_tmp(data, len);
	struct rows got = { .stop_at = 5000 };
	struct rowpipe_result res;
	(void)state;
	assert_int_equal(pipe_file(path, ENC_UTF8, &got, &res), ROWPIPE_STOPPED);
	assert_int_equal(res.stop, 7);
	assert_int_equal(got.n, 5000);        /* not a row more */
	unlink(path);
	free(path);
	free(data);
	sbuf_free(&got.b);
}

/* A scratch file of sample(rows) and then n bytes of tail; *lines: the
 * lines of the sample.  Caller unlinks and frees. */
static char *sample_file(long rows, const char *tail, size_t n, long *lines)
{
	size_t len;
	char *data = sample(&len, rows);
	struct sbuf b = { 0 };
	sbuf_puts(&b, data);
	sbuf_add(&b, tail, n);
	char *path = write_tmp(b.s, b.len);
	*lines = lines_in(data);
	free(data);
	sbuf_free(&b);
	return path;
}

static void test_csv_fault(void **state)
{
	static const char tail[] = "3001,\"not closed,瓷\r\n3002,x,y\r\n";
	long lines;
	char *path = sample_file(3000, tail, sizeof tail - 1, &lines);
	struct rows got = { 0 };
	struct rowpipe_result res;
	(void)state;
	assert_int_equal(pipe_file(path, ENC_UTF8, &got, &res), ROWPIPE_CSV);
	assert_non_null(res.err);
	assert_int_equal(got.n, 3001);        /* every row before it */
	free(res.err);
	unlink(path);
	free(path);
	sbuf_free(&got.b);
}

/* A bad byte, a NUL and a character cut at the end, each on the line said. */
#define NUL_TAIL "30001,景德\0,x\r\n30002,y,z\r\n"
static void test_decode_fault(void **state)
{
	static const struct { const char *tail; size_t n; long rows; } cases[] = {
		{ "30001,景德\xE6\x99,x\r\n30002,y,z\r\n", 0, 30000 },  /* a character cut short */
		{ "30001,景德\xFF,x\r\n30002,y,z\r\n", 0, 30000 },
		{ "30001,景德\xC0\xAF,x\r\n30002,y,z\r\n", 0, 30000 },  /* an overlong '/' */
		{ NUL_TAIL, sizeof NUL_TAIL - 1, 30000 },
		{ "101,x,\xE7\x93", 0, 100 },                          /* cut by the end of the file */
	};
	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		long lines;
		size_t n = cases[c].n ? cases[c].n : strlen(cases[c].tail);
		char *path = sample_file(cases[c].rows, cases[c].tail, n, &lines);
		struct rows got = { 0 };
		struct rowpipe_result res;
		assert_int_equal(pipe_file(path, ENC_UTF8, &got, &res), ROWPIPE_DECODE);
		assert_int_equal(res.bad_line, lines + 1);     /* (quoted line breaks count) */
		assert_int_equal(res.bad_nul, cases[c].n != 0);
		assert_true(got.n <= cases[c].rows + 1);
		unlink(path);
		free(path);
		sbuf_free(&got.b);
	}
}

/* UTF-8 checked whatever the split between two chunks. */
static void test_utf8_splits(void **state)
{
	const char good[] = "a景德镇,𝄞x瓷\r\n";
	const char bad[] = "a景德\xE9\x95,x";       /* 镇 cut short */
	(void)state;
	for (size_t cut = 0; cut <= sizeof good - 1; cut++) {
		struct textdec *d = textdec_new(ENC_UTF8);
		const char *o;
		size_t n;
		assert_int_equal(textdec_feed(d, good, cut, &o, &n), 0);
		assert_int_equal(textdec_feed(d, good + cut, sizeof good - 1 - cut, &o, &n), 0);
		assert_int_equal(textdec_finish(d), 0);
		textdec_free(d);
	}
	for (size_t cut = 0; cut <= sizeof bad - 1; cut++) {
		struct textdec *d = textdec_new(ENC_UTF8);
		const char *o;
		size_t n;
		long long at;
		int rc = textdec_feed(d, bad, cut, &o, &n);
		if (rc == 0)
			rc = textdec_feed(d, bad + cut, sizeof bad - 1 - cut, &o, &n);
		assert_int_equal(rc, -1);
		assert_int_equal(textdec_fault(d, &at), 0);
		assert_int_equal(at, 7);               /* where 镇 starts */
		textdec_free(d);
	}
	/* fed one byte at a time, the cut found at the end */
	struct textdec *d = textdec_new(ENC_UTF8);
	const char *o;
	size_t n;
	long long at;
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(textdec_feed(d, "a景德\xE9\x95" + i, 1, &o, &n), 0);
	assert_int_equal(textdec_finish(d), -1);
	textdec_fault(d, &at);
	assert_int_equal(at, 7);
	textdec_free(d);
}

/* A big file that opens with UTF-8 is taken as UTF-8 on its head; a
 * GB18030 one is still found to be GB18030. */
static void test_scan_head(void **state)
{
	size_t len;
	char *data = sample(&len, 60000), *err = NULL;
	char *path = write_tmp(data, len);
	struct textenc_info info;
	(void)state;
	assert_true(len > 1024 * 1024);
	assert_int_equal(textenc_scan_head(path, ENC_AUTO, &info, &err), ST_OK);
	assert_int_equal(info.enc, ENC_UTF8);
	assert_int_equal(info.size, (long long)len);
	assert_false(info.empty);
	unlink(path);
	free(path);
	/* the same rows in GB18030 (iconv), with no BOM */
	char *gbpath = xstrdup("/tmp/innotrack-rowpipe-gb.XXXXXX");
	int fd = mkstemp(gbpath);
	assert_true(fd >= 0);
	close(fd);
	char *in = write_tmp(data + 3, len - 3);
	char *cmd = xasprintf("iconv -f UTF-8 -t GB18030 %s > %s", in, gbpath);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(textenc_scan_head(gbpath, ENC_AUTO, &info, &err), ST_OK);
	assert_int_equal(info.enc, ENC_GB18030);
	struct rows got = { 0 }, want = { 0 };
	struct rowpipe_result res;
	assert_int_equal(pipe_file(gbpath, ENC_GB18030, &got, &res), ROWPIPE_DONE);
	assert_int_equal(pipe_file(in, ENC_UTF8, &want, &res), ROWPIPE_DONE);
	assert_string_equal(got.b.s, want.b.s);
	unlink(in);
	unlink(gbpath);
	free(in);
	free(gbpath);
	free(cmd);
	free(data);
	sbuf_free(&got.b);
	sbuf_free(&want.b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_rows),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_csv_fault),
		cmocka_unit_test(test_decode_fault),
		cmocka_unit_test(test_utf8_splits),
		cmocka_unit_test(test_scan_head),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
