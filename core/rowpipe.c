/* rowpipe.c: see rowpipe.h.  The reader thread fills batches of rows
 * (their fields copied one after another into the batch's text) and
 * queues them; the caller's thread takes them in order and hands each row
 * to the callback.  A few batches at most are in flight, so memory stays
 * small whatever the file's size. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/rowpipe.h"
#include "core/util.h"

#define BATCH_ROWS 2048           /* rows in a batch, at most */
#define BATCH_TEXT (512 * 1024)   /* a batch is sent once its text is this big */
#define NBATCH 4                  /* batches in flight */
#define CHUNK (256 * 1024)        /* bytes read at a time */

struct brow {
	size_t first, n;              /* its fields: [first, first + n) of the batch's */
	long   line, line_end, record;
};

struct batch {
	struct brow *rows;
	size_t       nrows, caprows;
	size_t      *off, *len;       /* each field's place in text ((size_t)-1: NULL) and length */
	size_t       nf, capf;
	char        *text;
	size_t       used, captext;
	long long    bytes;           /* the file's bytes read when it was sent */
	struct batch *next;
};

struct pipe {
	pthread_mutex_t  mu;
	pthread_cond_t   cv;
	struct batch    *ready, *ready_tail;  /* full, in file order */
	struct batch    *empty;               /* to be filled */
	int              done;                /* the reader has sent its last batch */
	atomic_int       stop;                /* the caller wants no more rows */
	/* the reader's */
	FILE            *f;
	struct textdec  *dec;
	struct batch    *cur;
	long long        bytes;
	enum rowpipe_end end;
	int              errnum;
	char            *err;
	/* with no thread the reader hands its batches over at once */
	int              inline_mode;
	csvread_row_fn   fn;
	void            *ctx;
	long long       *bytes_out;     /* the caller's copy of bytes, for progress */
	int              stopval;
	struct csv_row   view;
	size_t           capview;
};

static void batch_free(struct batch *b)
{
	if (b == NULL)
		return;
	free(b->rows);
	free(b->off);
	free(b->len);
	free(b->text);
	free(b);
}

/* Hand every row of b to the callback; 0 or its nonzero value. */
static int deliver(struct pipe *p, struct batch *b)
{
	*p->bytes_out = b->bytes;
	for (size_t i = 0; i < b->nrows; i++) {
		const struct brow *r = &b->rows[i];
		if (r->n > p->capview) {
			p->capview = r->n;
			p->view.f = xrealloc(p->view.f, p->capview * sizeof *p->view.f);
			p->view.len = xrealloc(p->view.len, p->capview * sizeof *p->view.len);
		}
		for (size_t k = 0; k < r->n; k++) {
			size_t off = b->off[r->first + k];
			p->view.f[k] = off == (size_t)-1 ? NULL : b->text + off;
			p->view.len[k] = b->len[r->first + k];
		}
		p->view.n = r->n;
		p->view.line = r->line;
		p->view.line_end = r->line_end;
		p->view.record = r->record;
		int rc = p->fn(&p->view, p->ctx);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* The reader: queue the current batch and take an empty one (NULL when
 * the caller has stopped). */
static struct batch *send_batch(struct pipe *p, struct batch *b)
{
	b->bytes = p->bytes;
	if (p->inline_mode) {
		if (p->stopval == 0)
			p->stopval = deliver(p, b);
		if (p->stopval != 0)
			atomic_store(&p->stop, 1);
		b->nrows = b->nf = b->used = 0;
		return p->stopval ? NULL : b;
	}
	pthread_mutex_lock(&p->mu);
	b->next = NULL;
	if (p->ready_tail)
		p->ready_tail->next = b;
	else
		p->ready = b;
	p->ready_tail = b;
	pthread_cond_broadcast(&p->cv);
	while (p->empty == NULL && !atomic_load(&p->stop))
		pthread_cond_wait(&p->cv, &p->mu);
	struct batch *e = NULL;
	if (!atomic_load(&p->stop)) {
		e = p->empty;
		p->empty = e->next;
		e->nrows = e->nf = e->used = 0;
	}
	pthread_mutex_unlock(&p->mu);
	return e;
}

/* csvread's callback in the reader: copy the row into the current batch. */
static int collect(const struct csv_row *row, void *ctx)
{
	struct pipe *p = ctx;
	struct batch *b = p->cur;
	if (atomic_load(&p->stop))
		return 1;
	if (b->nrows == b->caprows) {
		b->caprows = b->caprows ? b->caprows * 2 : 256;
		b->rows = xrealloc(b->rows, b->caprows * sizeof *b->rows);
	}
	if (b->nf + row->n > b->capf) {
		while (b->nf + row->n > b->capf)
			b->capf = b->capf ? b->capf * 2 : 4096;
		b->off = xrealloc(b->off, b->capf * sizeof *b->off);
		b->len = xrealloc(b->len, b->capf * sizeof *b->len);
	}
	struct brow *r = &b->rows[b->nrows++];
	r->first = b->nf;
	r->n = row->n;
	r->line = row->line;
	r->line_end = row->line_end;
	r->record = row->record;
	for (size_t k = 0; k < row->n; k++) {
		size_t i = b->nf++;
		b->len[i] = row->len[k];
		if (row->f[k] == NULL) {
			b->off[i] = (size_t)-1;
			continue;
		}
		if (b->used + row->len[k] + 1 > b->captext) {
			while (b->used + row->len[k] + 1 > b->captext)
				b->captext = b->captext ? b->captext * 2 : 64 * 1024;
			b->text = xrealloc(b->text, b->captext);
		}
		memcpy(b->text + b->used, row->f[k], row->len[k] + 1);
		b->off[i] = b->used;
		b->used += row->len[k] + 1;
	}
	if (b->nrows == BATCH_ROWS || b->used >= BATCH_TEXT) {
		p->cur = send_batch(p, b);
		if (p->cur == NULL)
			return 1;
	}
	return 0;
}

static void *reader(void *arg)
{
	struct pipe *p = arg;
	struct csvread *r = csvread_new(collect, p);
	char *buf = xmalloc(CHUNK);
	enum rowpipe_end end = ROWPIPE_DONE;
	size_t n;
	int rc = 0;
	if (r == NULL) {
		end = ROWPIPE_CSV;
		err_set(&p->err, "cannot start the CSV reader");
	}
	while (r != NULL && !atomic_load(&p->stop) && (n = fread(buf, 1, CHUNK, p->f)) > 0) {
		const char *u;
		size_t un;
		p->bytes += (long long)n;
		if (textdec_feed(p->dec, buf, n, &u, &un) != 0) {
			end = ROWPIPE_DECODE;
			break;
		}
		if ((rc = csvread_feed(r, u, un, &p->err)) != 0)
			break;
	}
	if (r != NULL && end == ROWPIPE_DONE && rc == 0 && !atomic_load(&p->stop)) {
		if (ferror(p->f)) {
			end = ROWPIPE_READ;
			p->errnum = errno;
		} else if (textdec_finish(p->dec) != 0) {
			end = ROWPIPE_DECODE;
		} else {
			rc = csvread_finish(r, &p->err);
		}
	}
	if (rc == -1)
		end = ROWPIPE_CSV;
	/* the rows before the end go first */
	if (p->cur != NULL && p->cur->nrows > 0)
		p->cur = send_batch(p, p->cur);
	p->end = end;
	csvread_free(r);
	free(buf);
	if (!p->inline_mode) {
		pthread_mutex_lock(&p->mu);
		p->done = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

enum rowpipe_end rowpipe_read(FILE *f, enum textenc enc, csvread_row_fn fn, void *ctx,
                              long long *seen, struct rowpipe_result *res)
{
	struct pipe p = { .f = f, .fn = fn, .ctx = ctx, .bytes_out = seen };
	pthread_t t;
	memset(res, 0, sizeof *res);
	if ((p.dec = textdec_new(enc)) == NULL)
		return ROWPIPE_NOENC;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (int i = 0; i < NBATCH - 1; i++) {
		struct batch *b = xcalloc(1, sizeof *b);
		b->next = p.empty;
		p.empty = b;
	}
	p.cur = xcalloc(1, sizeof *p.cur);
	if (pthread_create(&t, NULL, reader, &p) != 0) {
		p.inline_mode = 1;       /* no thread to be had: read here */
		reader(&p);
	} else {
		pthread_mutex_lock(&p.mu);
		for (;;) {
			while (p.ready == NULL && !p.done)
				pthread_cond_wait(&p.cv, &p.mu);
			struct batch *b = p.ready;
			if (b == NULL)
				break;
			p.ready = b->next;
			if (p.ready == NULL)
				p.ready_tail = NULL;
			pthread_mutex_unlock(&p.mu);
			if (p.stopval == 0 && (p.stopval = deliver(&p, b)) != 0)
				atomic_store(&p.stop, 1);
			pthread_mutex_lock(&p.mu);
			b->next = p.empty;
			p.empty = b;
			pthread_cond_broadcast(&p.cv);
		}
		pthread_mutex_unlock(&p.mu);
		pthread_join(t, NULL);
	}
	res->bytes = p.bytes;
	enum rowpipe_end end = p.stopval != 0 ? ROWPIPE_STOPPED : p.end;
	if (end == ROWPIPE_STOPPED) {
		res->stop = p.stopval;
	} else if (end == ROWPIPE_READ) {
		res->errnum = p.errnum;
	} else if (end == ROWPIPE_DECODE) {
		long long at;
		res->bad_nul = textdec_fault(p.dec, &at);
		if (at >= 0)
			res->bad_line = textenc_line_at(f, at);
	}
	if (end == ROWPIPE_CSV)
		res->err = p.err;
	else
		free(p.err);
	batch_free(p.cur);
	while (p.empty) {
		struct batch *b = p.empty;
		p.empty = b->next;
		batch_free(b);
	}
	free(p.view.f);
	free(p.view.len);
	textdec_free(p.dec);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	return end;
}
