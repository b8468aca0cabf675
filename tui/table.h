/* table.h: a table widget: a header row and rows fetched through a
 * callback, a screenful at a time, so that the same widget can show ten
 * targets or a register of a million rows.  Column widths are display
 * cells fitted to the pane; the frozen columns stay put when h/l scroll
 * sideways; moving the selection repaints only the old and new line. */
#ifndef INNOTRACK_TABLE_H
#define INNOTRACK_TABLE_H

#include <curses.h>
#include <stddef.h>

#include "tui/tview.h"

#define TABLE_MAX_COLS 32

enum table_align { TA_LEFT = -1, TA_CENTER = 0, TA_RIGHT = 1 };

struct table_col {
	const char *title;      /* shown as given: translate it first */
	int min, max;           /* cells: the least it shrinks to, the most it takes */
	enum table_align align;
	int frozen;             /* stays at the left when scrolling sideways
	                           (frozen columns come first) */
	int drop;               /* > 0: may be left out of the unscrolled view,
	                           the highest first, when that shows the others
	                           whole (scrolling sideways shows it) */
};

struct table_source {
	size_t (*count)(void *ctx);
	/* Fill cells[0 .. ncols-1] for row `index` (0 <= index < count).  The
	 * strings belong to the source and must stay valid until the next call. */
	void (*get_row)(void *ctx, size_t index, const char **cells);
	void *ctx;
};

struct table {
	const struct table_col *cols;   /* not owned */
	int ncols;
	struct table_source src;
	const char *empty;              /* shown when there are no rows; not owned */

	WINDOW *win;                    /* where it draws; not owned */
	int y, x, h, w;                 /* its rectangle in win: header + h - 1 rows */
	struct tview view;
	int first;                      /* first scrolling column shown */
	int max_first;                  /* as far as scrolling sideways goes */
	int cx[TABLE_MAX_COLS], cw[TABLE_MAX_COLS];   /* laid-out columns */
	int focused;                    /* draws the selection as the cursor */
	int colcursor;                  /* h/l move a current column (else they scroll) */
	int cur;                        /* the current column, if colcursor */
	int scroll_at_once;             /* with colcursor: Right/Left scroll the
	                                   columns at the first press (the
	                                   current column moves along) */
	int count_partial;              /* the count is a lower bound, still counting:
	                                   the position shows "12/3000+" */

	int dirty_all;                  /* everything needs drawing */
	int dirty_header;               /* the header row needs drawing */
	size_t dirty_row[2];            /* else these rows (old and new selection) */
	int ndirty;
};

/* cols must outlive the table; up to TABLE_MAX_COLS of them. */
void table_init(struct table *t, const struct table_col *cols, int ncols,
                struct table_source src);

/* Where the table draws (after a resize, or the first time). */
void table_place(struct table *t, WINDOW *win, int y, int x, int h, int w);

/* The source's rows changed: read the count again and redraw.  The
 * selection keeps its index as far as the new count allows. */
void table_reload(struct table *t);

/* Column widths changed (col.min/max): lay out again and redraw. */
void table_relayout(struct table *t);

void table_focus(struct table *t, int on);

/* A current column (for sorting and filtering by it): h/l and Left/Right
 * move it, its title is shown in reverse, and the columns scroll sideways
 * as far as it takes to show it.  Off at first. */
void table_colcursor(struct table *t, int on);
int table_cur_col(const struct table *t);

/* Arrows, j/k, PgUp/PgDn, Home/End, g/G, h/l and Left/Right.
 * Returns 1 if the key was the table's. */
int table_key(struct table *t, int key);

/* Draw what changed since the last draw (everything if all != 0). */
void table_draw(struct table *t, int all);

/* Select row `row` (a search hit, say), scrolling only if it is off
 * screen; repaints the old and new line, or the page. */
void table_go(struct table *t, size_t row);

/* The selected row, or (size_t)-1 if the table is empty. */
size_t table_selected(const struct table *t);

/* "row 12/41" (translated) into buf. */
const char *table_position(const struct table *t, char *buf, size_t size);

/* The cells the table needs to show every column at full width. */
int table_full_width(const struct table *t);

#endif
