/* popup.h: a window over the screen with a border, a title and a table
 * of a few rows held in a grid: the help, the targets of an indicator,
 * the list of regions.  The frame owns it once opened (frame_popup). */
#ifndef INNOTRACK_POPUP_H
#define INNOTRACK_POPUP_H

#include <curses.h>

#include "tui/grid.h"
#include "tui/table.h"

#define POPUP_MAX_COLS 8

struct binding;

struct popup {
	char *title;                 /* owned */
	struct grid grid;            /* the rows; owned; fill it before popup_open */
	struct table_col cols[POPUP_MAX_COLS];
	struct table table;
	/* Enter on a row: pick(ctx, row).  NULL: Enter closes the window. */
	void (*pick)(void *ctx, size_t row);
	/* Other keys, before the table's: 1 if taken (the popup stays open;
	 * it may refill its grid and call popup_ready), 2 if taken and the
	 * popup is done (it closes).  NULL: none. */
	int (*key)(struct popup *p, int key);
	void *ctx;
	const struct binding *bindings;   /* its keys for the bar; NULL: Close only */
	WINDOW *win;                 /* owned; NULL until placed */
};

/* A popup with columns titled titles[0 .. ncols-1] (already translated)
 * and aligned align[i].  Add rows to p->grid, then hand it to frame_popup. */
struct popup *popup_new(const char *title, int ncols, const char *const *titles,
                        const enum table_align *align);

/* Size the columns to the rows, and select row `row`. */
void popup_ready(struct popup *p, size_t row);

/* Centre it on the screen, sized to its rows (after a resize too). */
void popup_place(struct popup *p);

void popup_draw(struct popup *p, int all);

enum { POPUP_KEPT = 0, POPUP_CLOSE = 1, POPUP_IGNORED = 2 };
/* Esc, F10 and q close it; Enter picks (and closes); the table's keys move. */
int popup_key(struct popup *p, int key);

void popup_free(struct popup *p);

#endif
