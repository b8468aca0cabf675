/* grid.h: a small table of strings held in memory (a help list, the
 * targets of one indicator, the indicator set of one region), usable as
 * the row source of a table widget.  Large registers page from core
 * instead and never copy their rows into a grid. */
#ifndef INNOTRACK_GRID_H
#define INNOTRACK_GRID_H

#include <stddef.h>

struct grid {
	int     ncols;
	size_t  nrows;
	size_t  cap;     /* rows allocated */
	char  **cells;   /* nrows * ncols strings, row by row; owned */
};

void grid_init(struct grid *g, int ncols);
void grid_free(struct grid *g);

/* Append a row of ncols strings (NULL counts as ""); they are copied. */
void grid_add(struct grid *g, const char *const *row);

const char *grid_cell(const struct grid *g, size_t row, int col);

/* The widest cell of a column, in display cells. */
int grid_width(const struct grid *g, int col);

/* Row source callbacks for the table widget (ctx is the grid). */
size_t grid_count(void *ctx);
void grid_row(void *ctx, size_t index, const char **cells);

#endif
