/* guess.c: guess an import file's kind from its header line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/db.h"
#include "core/db_internal.h"
#include "core/fold.h"
#include "core/guess.h"
#include "core/import.h"
#include "core/privs.h"
#include "core/profile.h"
#include "core/utf8.h"
#include "core/util.h"

#define GUESS_BYTES 65536
#define GUESS_ROWS 30        /* title lines above the header are few */

struct guess {
	const struct profile *best;
	int best_hits;
	int rows;
	char **inds;       /* every indicator's names, folded; owned */
	size_t ninds;
};

/* Does a header cell name an indicator (a wide sheet's column)? */
static int names_indicator(const struct guess *g, const char *cell)
{
	char *a = profile_fold_header(cell, NULL), *b = import_header_reduce(cell, NULL);
	int hit = 0;
	for (size_t i = 0; i < g->ninds && !hit; i++)
		hit = strcmp(g->inds[i], a) == 0 || (*b && strcmp(g->inds[i], b) == 0);
	free(a);
	free(b);
	return hit;
}

static void load_indicators(struct guess *g, struct db *db)
{
	sqlite3_stmt *st = db ? db_prepare(db, "SELECT name || '|' || aliases FROM indicator", NULL) : NULL;
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		while (p && *p) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			char *one = xstrndup(p, len);
			if (*one) {
				g->inds = xrealloc(g->inds, (g->ninds + 1) * sizeof *g->inds);
				g->inds[g->ninds++] = fold_name(one);
			}
			free(one);
			p += len + (bar ? 1 : 0);
		}
	}
	sqlite3_finalize(st);
}

static int on_row(const struct csv_row *row, void *ctx)
{
	struct guess *g = ctx;
	for (const struct profile *const *p = profiles; *p; p++) {
		if (!((*p)->flags & PK_IMPORT))
			continue;
		char seen[64] = { 0 };
		int hits = 0, obs = strcmp((*p)->table, "observation") == 0;
		for (size_t c = 0; c < row->n; c++) {
			if (row->f[c] == NULL)
				continue;
			int f = import_header_field(*p, row->f[c], NULL);
			if (f >= 0 && f < 64 && !seen[f]) {
				seen[f] = 1;
				hits++;
			} else if (f < 0 && obs && names_indicator(g, row->f[c])) {
				hits++;       /* a wide sheet: indicators across */
			}
		}
		if (hits > g->best_hits) {
			g->best_hits = hits;
			g->best = *p;
		}
	}
	return ++g->rows >= GUESS_ROWS;
}

int guess_kind(struct db *db, const char *path, enum textenc enc, const char **kind, char **err)
{
	const char *why = import_check_file(path);
	FILE *f = why ? NULL : privs_fopen_clerk(path, "rb");
	if (f == NULL) {
		err_set(err, "%s: %s", path, why ? why : errno_text(errno));
		return ST_DATA;
	}
	char *buf = xmalloc(GUESS_BYTES);
	size_t n = fread(buf, 1, GUESS_BYTES, f);
	fclose(f);
	if (enc == ENC_AUTO) {
		int bad = 0;
		size_t ok = utf8_valid_prefix((const unsigned char *)buf, n, &bad);
		enc = ok == n || !bad ? ENC_UTF8 : ENC_GB18030;
	}
	const char *text = buf;
	size_t len = n;
	struct textdec *d = textdec_new(enc);
	if (d == NULL || textdec_feed(d, buf, n, &text, &len) != 0) {
		err_set(err, "%s: not text in %s", path, textenc_name(enc));
		textdec_free(d);
		free(buf);
		return ST_DATA;
	}
	struct guess g = { NULL, 0, 0, NULL, 0 };
	load_indicators(&g, db);
	/* the 64 KiB may end inside a quote: what was read is enough */
	char *cerr = NULL;
	csvread_mem(text, len, on_row, &g, &cerr);
	free(cerr);
	for (size_t i = 0; i < g.ninds; i++)
		free(g.inds[i]);
	free(g.inds);
	textdec_free(d);
	free(buf);
	if (g.best == NULL || g.best_hits < 2) {
		err_set(err, "No header found that names a kind; choose the kind");
		return ST_DATA;
	}
	*kind = g.best->kind;
	return ST_OK;
}
