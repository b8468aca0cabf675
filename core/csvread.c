/* csvread.c: libcsv behind a small interface that hands over whole rows
 * with their line numbers.  libcsv reports nothing about lines, so the
 * bytes fed are scanned for LF to know where each row starts and ends. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <csv.h>

#include "core/csvread.h"
#include "core/i18n.h"
#include "core/util.h"

/* libcsv's csv_strerror in the UI language. */
static const char *csv_error_text(int e)
{
	switch (e) {
	case CSV_EPARSE: return tr("a quote in the wrong place (the CSV file is malformed)");
	case CSV_ENOMEM: return tr("out of memory");
	case CSV_ETOOBIG: return tr("a field too large to read");
	default: return csv_strerror(e);
	}
}

#define MAX_FIELD (1 << 20)   /* a field over 1 MiB is not a spreadsheet cell */

struct csvread {
	struct csv_parser p;
	csvread_row_fn    fn;
	void             *ctx;
	struct csv_row    row;
	size_t            cap;       /* fields allocated in row */
	char             *text;      /* the row's fields, each NUL-terminated */
	size_t            used, size;
	size_t           *off;       /* where each field starts in text; -1: NULL */
	long              line;      /* lines seen completely so far + 1 */
	long              row_line;  /* line where the current row started */
	int               in_row;    /* a field of the current row has been seen */
	int               bom_done;
	int               cr_pending; /* the last byte fed was a CR ending a line */
	int               stop;      /* the callback's nonzero value */
	long              records;
};

/* libcsv grows its field buffer without limit; refuse past MAX_FIELD. */
static void *capped_realloc(void *p, size_t n)
{
	return n > MAX_FIELD ? NULL : realloc(p, n);
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct csvread *r = ctx;
	if (r->stop)
		return;
	if (!r->in_row) {
		r->in_row = 1;
		r->row.line = r->row_line;
	}
	if (r->row.n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->row.f = xrealloc(r->row.f, r->cap * sizeof *r->row.f);
		r->row.len = xrealloc(r->row.len, r->cap * sizeof *r->row.len);
		r->off = xrealloc(r->off, r->cap * sizeof *r->off);
	}
	/* the fields of a row go one after another into one buffer (no
	 * allocation per field); pointers to them are made at the row's end */
	size_t out = 0;
	if (data != NULL) {
		if (r->used + len + 1 > r->size) {
			while (r->used + len + 1 > r->size)
				r->size = r->size ? r->size * 2 : 4096;
			r->text = xrealloc(r->text, r->size);
		}
		char *f = r->text + r->used;
		const char *s = data;
		const char *cr = memchr(s, '\r', len);
		if (cr == NULL) {
			memcpy(f, s, len);
			out = len;
		} else {
			for (size_t i = 0; i < len; i++)      /* CRLF inside quotes -> LF */
				if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
					f[out++] = s[i];
		}
		f[out] = '\0';
		r->off[r->row.n] = r->used;
		r->used += out + 1;
	} else {
		r->off[r->row.n] = (size_t)-1;
	}
	r->row.f[r->row.n] = NULL;
	r->row.len[r->row.n] = out;
	r->row.n++;
}

static void clear_row(struct csvread *r)
{
	r->row.n = 0;
	r->used = 0;
	r->in_row = 0;
}

static void on_row(int c, void *ctx)
{
	struct csvread *r = ctx;
	(void)c;
	if (!r->stop && r->row.n > 0) {
		for (size_t i = 0; i < r->row.n; i++)
			r->row.f[i] = r->off[i] == (size_t)-1 ? NULL : r->text + r->off[i];
		r->records++;
		r->row.record = r->records;
		r->row.line_end = r->line;
		r->stop = r->fn(&r->row, r->ctx);
	}
	clear_row(r);
}

struct csvread *csvread_new(csvread_row_fn fn, void *ctx)
{
	struct csvread *r = xcalloc(1, sizeof *r);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0) {
		free(r);
		return NULL;
	}
	csv_set_realloc_func(&r->p, capped_realloc);
	csv_set_blk_size(&r->p, 4096);
	r->fn = fn;
	r->ctx = ctx;
	r->line = 1;
	r->row_line = 1;
	return r;
}

/* Parse bytes [s, s+n) that hold no LF, or end with one. */
static int feed_piece(struct csvread *r, const char *s, size_t n, char **err)
{
	size_t done = csv_parse(&r->p, s, n, on_field, on_row, r);
	if (r->stop)
		return r->stop;
	if (done != n) {
		err_set(err, "line %ld: %s", r->line, csv_error_text(csv_error(&r->p)));
		return -1;
	}
	return 0;
}

int csvread_feed(struct csvread *r, const char *buf, size_t n, char **err)
{
	if (!r->bom_done) {
		if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			buf += 3;
			n -= 3;
		}
		if (n > 0)
			r->bom_done = 1;
	}
	/* Feed line by line so that rows learn their line numbers.  A line
	 * ends with LF, CRLF or a CR alone (old Mac Excel); a CR that ends a
	 * buffer may be the first half of a CRLF split between two. */
	while (n > 0) {
		if (r->cr_pending && buf[0] == '\n') {
			int rc = feed_piece(r, buf, 1, err);
			if (rc != 0)
				return rc;
			r->cr_pending = 0;
			buf++;
			n--;
			continue;
		}
		r->cr_pending = 0;
		const char *nl = memchr(buf, '\n', n);
		const char *cr = memchr(buf, '\r', nl ? (size_t)(nl - buf) : n);
		if (cr != NULL && cr + 1 != nl) {
			nl = cr;                  /* a CR alone ends the line */
			r->cr_pending = cr + 1 == buf + n;
		}
		size_t k = nl ? (size_t)(nl - buf) + 1 : n;
		int rc = feed_piece(r, buf, k, err);
		if (rc != 0)
			return rc;
		if (nl != NULL) {
			r->line++;
			/* pstate 0 is libcsv's ROW_NOT_BEGUN: the LF ended a row
			 * or a blank line, so the next row starts on the next line */
			if (r->p.pstate == 0)
				r->row_line = r->line;
		}
		buf += k;
		n -= k;
	}
	return 0;
}

int csvread_finish(struct csvread *r, char **err)
{
	if (r->stop)
		return r->stop;
	if (csv_error(&r->p) != CSV_SUCCESS) {
		err_set(err, "line %ld: %s", r->line, csv_error_text(csv_error(&r->p)));
		csv_fini(&r->p, NULL, NULL, NULL);
		return -1;
	}
	long start = r->row_line;
	if (csv_fini(&r->p, on_field, on_row, r) != 0) {
		err_set(err, "line %ld: a quoted field opened in the row starting here "
		        "is not closed before the end of the file", start);
		return -1;
	}
	return r->stop;
}

void csvread_free(struct csvread *r)
{
	if (r == NULL)
		return;
	clear_row(r);
	free(r->row.f);
	free(r->row.len);
	free(r->off);
	free(r->text);
	csv_free(&r->p);
	free(r);
}

int csvread_mem(const char *buf, size_t n, csvread_row_fn fn, void *ctx, char **err)
{
	struct csvread *r = csvread_new(fn, ctx);
	if (r == NULL) {
		err_set(err, "cannot start the CSV reader");
		return -1;
	}
	int rc = csvread_feed(r, buf, n, err);
	if (rc == 0)
		rc = csvread_finish(r, err);
	csvread_free(r);
	return rc;
}
