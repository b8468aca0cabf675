/* guess.c: guess an import file's kind from its header line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/db.h"
#include "core/guess.h"
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
};

static int on_row(const struct csv_row *row, void *ctx)
{
	struct guess *g = ctx;
	for (const struct profile *const *p = profiles; *p; p++) {
		if (!((*p)->flags & PK_IMPORT))
			continue;
		char seen[64] = { 0 };
		int hits = 0;
		for (size_t c = 0; c < row->n; c++) {
			if (row->f[c] == NULL)
				continue;
			int f = profile_match(*p, row->f[c], NULL);
			if (f >= 0 && f < 64 && !seen[f]) {
				seen[f] = 1;
				hits++;
			}
		}
		if (hits > g->best_hits) {
			g->best_hits = hits;
			g->best = *p;
		}
	}
	return ++g->rows >= GUESS_ROWS;
}

int guess_kind(const char *path, enum textenc enc, const char **kind, char **err)
{
	FILE *f = privs_fopen_clerk(path, "rb");
	if (f == NULL) {
		err_set(err, "%s: %s", path, errno_text(errno));
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
	struct guess g = { NULL, 0, 0 };
	/* the 64 KiB may end inside a quote: what was read is enough */
	char *cerr = NULL;
	csvread_mem(text, len, on_row, &g, &cerr);
	free(cerr);
	textdec_free(d);
	free(buf);
	if (g.best == NULL || g.best_hits < 2) {
		err_set(err, "%s: no line in its first rows names the columns of any kind of "
		        "import; choose the kind", path);
		return ST_DATA;
	}
	*kind = g.best->kind;
	return ST_OK;
}
