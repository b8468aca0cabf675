/* grid.c: strings in rows and columns, in memory (see grid.h). */
#include "config.h"

#include <stdlib.h>

#include "core/util.h"
#include "core/width.h"
#include "tui/grid.h"

void grid_init(struct grid *g, int ncols)
{
	g->ncols = ncols;
	g->nrows = 0;
	g->cap = 0;
	g->cells = NULL;
}

void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->nrows * (size_t)g->ncols; i++)
		free(g->cells[i]);
	free(g->cells);
	grid_init(g, g->ncols);
}

void grid_add(struct grid *g, const char *const *row)
{
	if (g->nrows == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->cells = xrealloc(g->cells, g->cap * (size_t)g->ncols * sizeof *g->cells);
	}
	char **dst = g->cells + g->nrows * (size_t)g->ncols;
	for (int c = 0; c < g->ncols; c++)
		dst[c] = xstrdup(row[c] ? row[c] : "");
	g->nrows++;
}

const char *grid_cell(const struct grid *g, size_t row, int col)
{
	return g->cells[row * (size_t)g->ncols + (size_t)col];
}

int grid_width(const struct grid *g, int col)
{
	int w = 0;
	for (size_t r = 0; r < g->nrows; r++) {
		int cw = width_str(grid_cell(g, r, col));
		if (cw > w)
			w = cw;
	}
	return w;
}

size_t grid_count(void *ctx)
{
	return ((struct grid *)ctx)->nrows;
}

void grid_row(void *ctx, size_t index, const char **cells)
{
	const struct grid *g = ctx;
	for (int c = 0; c < g->ncols; c++)
		cells[c] = grid_cell(g, index, c);
}
