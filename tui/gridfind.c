/* gridfind.c: search and filter over a grid (see gridfind.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
#include "tui/gridfind.h"

static int row_has(const struct grid *g, size_t r, const char *text)
{
	for (int c = 0; c < g->ncols; c++)
		if (strstr(grid_cell(g, r, c), text) != NULL)
			return 1;
	return 0;
}

/* The first row from `at` on (dir 1) or back (dir -1), wrapping, with the text. */
static int find(struct gridfind *g, const char *text, size_t at, int dir)
{
	size_t n = g->grid->nrows;
	for (size_t k = 0; k < n && *text; k++) {
		size_t r = (at + n + (size_t)dir * k) % n;
		if (row_has(g->grid, r, text)) {
			table_go(g->table, r);
			return 1;
		}
	}
	return 0;
}

static void search_changed(void *ctx, struct frame *f, const char *text)
{
	struct gridfind *g = ctx;
	frame_prompt_label(f, find(g, text, g->from, 1) || !*text ? tr("Search: ") : tr("Not found: "));
}

static void search_done(void *ctx, struct frame *f, const char *text)
{
	struct gridfind *g = ctx;
	(void)f;
	free(g->search);
	g->search = *text ? xstrdup(text) : NULL;
}

static void search_cancel(void *ctx, struct frame *f)
{
	struct gridfind *g = ctx;
	(void)f;
	table_go(g->table, g->from);
}

static const struct prompt_ops search_ops = { search_changed, search_done, search_cancel };

static void filter_done(void *ctx, struct frame *f, const char *text)
{
	struct gridfind *g = ctx;
	(void)f;
	free(g->filter);
	g->filter = *text ? xstrdup(text) : NULL;
	g->reload(g->ctx);
}

static void filter_cancel(void *ctx, struct frame *f)
{
	(void)ctx;
	(void)f;
}

static const struct prompt_ops filter_ops = { NULL, filter_done, filter_cancel };

int gridfind_key(struct gridfind *g, struct frame *f, int key)
{
	size_t at = table_selected(g->table);
	switch (key) {
	case '/':
		g->from = at == (size_t)-1 ? 0 : at;
		frame_prompt(f, tr("Search: "), "", &search_ops, g);
		return 1;
	case 'n': case 'N':
		if (g->search == NULL)
			frame_message(f, "%s", tr("Nothing to search for yet: press / first"));
		else if (at != (size_t)-1 && !find(g, g->search, at + (key == 'n' ? 1 : g->grid->nrows - 1),
		                                   key == 'n' ? 1 : -1))
			frame_message(f, "%s", tr("Not found"));
		return 1;
	case 'f':
		frame_prompt(f, tr("Show only the rows with: "), g->filter ? g->filter : "", &filter_ops, g);
		return 1;
	default:
		return 0;
	}
}

int gridfind_keep(const struct gridfind *g, const char *const *row, int ncols)
{
	if (g->filter == NULL)
		return 1;
	for (int c = 0; c < ncols; c++)
		if (row[c] != NULL && strstr(row[c], g->filter) != NULL)
			return 1;
	return 0;
}

void gridfind_free(struct gridfind *g)
{
	free(g->filter);
	free(g->search);
}
