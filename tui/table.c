/* table.c: the table widget (see table.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/width.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/tcols.h"

void table_init(struct table *t, const struct table_col *cols, int ncols,
                struct table_source src)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols < TABLE_MAX_COLS ? ncols : TABLE_MAX_COLS;
	t->src = src;
	t->empty = tr("(no rows)");
	t->dirty_all = 1;
	t->view.height = 1;
}

/* A column's wanted and least widths: never narrower than its title wants
 * unless it may shrink below it. */
static void table_widths(const struct table *t, int *want, int *min, int *nfrozen)
{
	*nfrozen = 0;
	for (int i = 0; i < t->ncols; i++) {
		int tw = width_str(t->cols[i].title);
		want[i] = t->cols[i].max > tw ? t->cols[i].max : tw;
		min[i] = t->cols[i].min;
		if (t->cols[i].frozen && *nfrozen == i)
			(*nfrozen)++;
	}
}

static void table_layout(struct table *t)
{
	int want[TABLE_MAX_COLS], min[TABLE_MAX_COLS], drop[TABLE_MAX_COLS], nfrozen;
	table_widths(t, want, min, &nfrozen);
	for (int i = 0; i < t->ncols; i++)
		drop[i] = t->cols[i].drop;
	t->max_first = tcols_fit_drop(want, min, drop, t->ncols, nfrozen, t->w, t->first,
	                              t->cx, t->cw);
	if (t->first > t->max_first)
		t->first = t->max_first;
	t->dirty_all = 1;
}

int table_full_width(const struct table *t)
{
	int want[TABLE_MAX_COLS], min[TABLE_MAX_COLS], nfrozen, total = t->ncols - 1;
	table_widths(t, want, min, &nfrozen);
	for (int i = 0; i < t->ncols; i++)
		total += want[i];
	return total;
}

void table_place(struct table *t, WINDOW *win, int y, int x, int h, int w)
{
	t->win = win;
	t->y = y;
	t->x = x;
	t->h = h;
	t->w = w;
	tview_set(&t->view, t->src.count(t->src.ctx), h - 1);
	table_layout(t);
}

void table_reload(struct table *t)
{
	tview_set(&t->view, t->src.count(t->src.ctx), t->h - 1);
	t->dirty_all = 1;
}

void table_relayout(struct table *t)
{
	table_layout(t);
}

void table_focus(struct table *t, int on)
{
	if (t->focused != on && t->view.count > 0) {
		t->dirty_row[t->ndirty < 2 ? t->ndirty++ : 1] = t->view.selected;
	}
	if (t->focused != on && t->colcursor)
		t->dirty_header = 1;
	t->focused = on;
}

/* Note what a move needs redrawn: the two rows, or everything if the
 * view scrolled. */
static void table_moved(struct table *t, struct tview old)
{
	if (old.top != t->view.top) {
		t->dirty_all = 1;
		return;
	}
	if (old.selected == t->view.selected)
		return;
	t->dirty_row[0] = old.selected;
	t->dirty_row[1] = t->view.selected;
	t->ndirty = 2;
}

void table_colcursor(struct table *t, int on)
{
	t->colcursor = on;
	t->cur = 0;
	t->dirty_header = 1;
}

int table_cur_col(const struct table *t)
{
	return t->cur;
}

/* Scroll sideways until the current column is shown (the frozen ones
 * always are). */
static void table_show_cur(struct table *t)
{
	int nfrozen = 0;
	while (nfrozen < t->ncols && t->cols[nfrozen].frozen)
		nfrozen++;
	if (t->cur < nfrozen)
		return;
	if (t->cur < nfrozen + t->first) {
		t->first = t->cur - nfrozen;
		table_layout(t);
	}
	while (t->cw[t->cur] == 0 && t->first < t->max_first) {
		t->first++;
		table_layout(t);
	}
}

/* h/l and Left/Right with a current column: the current column moves,
 * passing over columns left out for want of room, and the columns scroll
 * as far as it takes to show it.  With scroll_at_once, when the columns
 * scroll, Right scrolls at once (the current column moving along, onto
 * the first one shown if it went out of sight) and Left scrolls back. */
static int table_col_key(struct table *t, int key)
{
	int dir, cur = t->cur, nfrozen = 0;
	if (key == 'h' || key == KC_KEY(KEY_LEFT))
		dir = -1;
	else if (key == 'l' || key == KC_KEY(KEY_RIGHT))
		dir = 1;
	else
		return 0;
	while (nfrozen < t->ncols && t->cols[nfrozen].frozen)
		nfrozen++;
	if (t->scroll_at_once && dir > 0 && t->first < t->max_first) {
		t->first++;
		table_layout(t);
		if (++cur < nfrozen + t->first)
			cur = nfrozen + t->first;
		if (cur >= t->ncols)
			cur = t->ncols - 1;
	} else if (t->scroll_at_once && dir < 0 && t->first > 0) {
		t->first--;
		table_layout(t);
		if (cur > 0)
			cur--;
		while (cur > 0 && t->cw[cur] == 0)   /* went out of sight at the right */
			cur--;
	} else {
		cur += dir;
		while (cur >= 0 && cur < t->ncols && t->cw[cur] == 0 &&
		       (dir < 0 || t->first >= t->max_first))
			cur += dir;                    /* left out for want of room */
		if (cur < 0 || cur >= t->ncols)
			return 1;
	}
	t->cur = cur;
	t->dirty_header = 1;
	t->dirty_all = 1;
	if (dir > 0)
		table_show_cur(t);
	return 1;
}

static int table_scroll_key(struct table *t, int key)
{
	int first = t->first;
	if (t->colcursor)
		return table_col_key(t, key);
	if (key == 'h' || key == KC_KEY(KEY_LEFT))
		first--;
	else if (key == 'l' || key == KC_KEY(KEY_RIGHT))
		first++;
	else
		return 0;
	if (first < 0)
		first = 0;
	if (first > t->max_first)
		first = t->max_first;
	if (first != t->first) {
		t->first = first;
		table_layout(t);
	}
	return 1;
}

int table_key(struct table *t, int key)
{
	struct tview old = t->view;
	switch (key) {
	case 'k': case KC_KEY(KEY_UP):    tview_move(&t->view, -1); break;
	case 'j': case KC_KEY(KEY_DOWN):  tview_move(&t->view, 1); break;
	case KC_KEY(KEY_PPAGE):           tview_page(&t->view, -1); break;
	case KC_KEY(KEY_NPAGE):           tview_page(&t->view, 1); break;
	case 'g': case KC_KEY(KEY_HOME):  tview_go(&t->view, 0); break;
	case 'G': case KC_KEY(KEY_END):
		tview_go(&t->view, t->view.count ? t->view.count - 1 : 0);
		break;
	default:
		return table_scroll_key(t, key);
	}
	table_moved(t, old);
	return 1;
}

/* One line of the table: the header (row < 0), a row, or a blank line
 * below the last row.  Separators stand at the same column on all three. */
static void table_line(struct table *t, int line, long long row)
{
	const char *cells[TABLE_MAX_COLS];
	attr_t a = A_NORMAL;
	int y = t->y + line;
	if (row < 0) {
		for (int i = 0; i < t->ncols; i++)
			cells[i] = t->cols[i].title;
		a = scr_attr(ROLE_HEADER);
	} else if ((size_t)row < t->view.count) {
		t->src.get_row(t->src.ctx, (size_t)row, cells);
		if ((size_t)row == t->view.selected)
			a = scr_attr(t->focused ? ROLE_CURSOR : ROLE_CURSOR_DIM);
	} else {
		for (int i = 0; i < t->ncols; i++)
			cells[i] = "";
	}
	scr_put(t->win, y, t->x, "", t->w, TA_LEFT, a);
	for (int i = 0; i < t->ncols; i++) {
		if (t->cw[i] == 0)
			continue;
		int align = (int)t->cols[i].align;
		attr_t ca = a;
		if (row < 0 && t->colcursor && i == t->cur)
			ca = scr_attr(t->focused ? ROLE_CURSOR : ROLE_CURSOR_DIM);
		scr_put(t->win, y, t->x + t->cx[i], cells[i], t->cw[i], align, ca);
		int sx = t->cx[i] + t->cw[i];
		if (sx < t->w)
			scr_put(t->win, y, t->x + sx, scr_vbar(), 1, TA_LEFT, a | scr_attr(ROLE_BORDER));
	}
}

void table_draw(struct table *t, int all)
{
	if (t->win == NULL || t->h < 1)
		return;
	if (all || t->dirty_all) {
		table_line(t, 0, -1);
		for (int i = 0; i < t->view.height; i++)
			table_line(t, i + 1, (long long)(t->view.top + (size_t)i));
		if (t->view.count == 0 && t->h > 1)
			scr_put(t->win, t->y + 1, t->x, t->empty, t->w, TA_CENTER, A_NORMAL);
	} else {
		if (t->dirty_header)
			table_line(t, 0, -1);
		for (int i = 0; i < t->ndirty; i++) {
			int line = tview_line(&t->view, t->dirty_row[i]);
			if (line >= 0)
				table_line(t, line + 1, (long long)t->dirty_row[i]);
		}
	}
	t->dirty_all = t->dirty_header = 0;
	t->ndirty = 0;
}

size_t table_selected(const struct table *t)
{
	return t->view.count ? t->view.selected : (size_t)-1;
}

const char *table_position(const struct table *t, char *buf, size_t size)
{
	size_t sel = t->view.count ? t->view.selected + 1 : 0;
	/* "+" and not "≥" or "…": those are ambiguous-width characters */
	const char *more = t->count_partial ? "+" : "";
	if (t->max_first > 0)   /* columns hidden at the sides: say where we are */
		snprintf(buf, size, "%s %zu/%zu%s  %s %d/%d", tr("row"), sel, t->view.count, more,
		         tr("columns"), t->first + 1, t->max_first + 1);
	else
		snprintf(buf, size, "%s %zu/%zu%s", tr("row"), sel, t->view.count, more);
	return buf;
}

void table_go(struct table *t, size_t row)
{
	struct tview old = t->view;
	tview_go(&t->view, row);
	if (old.top != t->view.top) {
		t->dirty_all = 1;
	} else if (old.selected != t->view.selected) {
		t->dirty_row[0] = old.selected;
		t->dirty_row[1] = t->view.selected;
		t->ndirty = 2;
	}
}
