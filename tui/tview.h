/* tview.h: the view state of a list: which row is selected, which row is
 * at the top, and how many lines the pane shows.  Pure arithmetic, no
 * curses, so that a list of a million rows costs the same as one of ten:
 * only rows top .. top + height - 1 are ever fetched. */
#ifndef INNOTRACK_TVIEW_H
#define INNOTRACK_TVIEW_H

#include <stddef.h>

struct tview {
	size_t count;     /* rows in the source */
	size_t selected;  /* the current row; 0 when count == 0 */
	size_t top;       /* the first row shown */
	int    height;    /* lines the pane shows, >= 1 */
};

/* A new count or height (after a reload or a resize): the selection and
 * the top are clamped so that the selected row stays in view. */
void tview_set(struct tview *v, size_t count, int height);

/* Move the selection by delta rows (clamped at both ends). */
void tview_move(struct tview *v, long long delta);

/* Page up (dir < 0) or down: selection and top move by a screenful. */
void tview_page(struct tview *v, int dir);

/* Select row `index` (clamped); the view scrolls only as far as it must. */
void tview_go(struct tview *v, size_t index);

/* The line (0 = first row shown) where row `index` is drawn, or -1. */
int tview_line(const struct tview *v, size_t index);

#endif
