/* gridfind.h: search (/, n, N) and a text filter (f) for a screen whose
 * rows are a grid in memory shown by the table widget (the change log,
 * the users): / selects the next row with the text in some cell as it is
 * typed, n and N go on; f keeps only the rows with the text, which the
 * screen asks (gridfind_keep) as it loads its rows again. */
#ifndef INNOTRACK_GRIDFIND_H
#define INNOTRACK_GRIDFIND_H

#include "tui/frame.h"
#include "tui/grid.h"
#include "tui/table.h"

struct gridfind {
	struct grid  *grid;          /* the rows shown; not owned */
	struct table *table;         /* showing them; not owned */
	void (*reload)(void *ctx);   /* load the rows again (after f) */
	void         *ctx;
	char         *filter;        /* owned; NULL: every row */
	char         *search;        /* owned; NULL: nothing searched yet */
	size_t        from;          /* the row / started from */
};

/* '/', 'n', 'N', 'f': 1 if the key was one of them. */
int gridfind_key(struct gridfind *g, struct frame *f, int key);

/* Should a row of ncols cells be shown under the filter? */
int gridfind_keep(const struct gridfind *g, const char *const *row, int ncols);

void gridfind_free(struct gridfind *g);

#endif
