/* popup.c: a bordered window holding a small table (see popup.h). */
#include "config.h"

#include <stdlib.h>

#include "core/util.h"
#include "core/width.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/screen.h"

struct popup *popup_new(const char *title, int ncols, const char *const *titles,
                        const enum table_align *align)
{
	struct popup *p = xcalloc(1, sizeof *p);
	if (ncols > POPUP_MAX_COLS)
		ncols = POPUP_MAX_COLS;
	p->title = xstrdup(title);
	grid_init(&p->grid, ncols);
	for (int i = 0; i < ncols; i++) {
		p->cols[i].title = titles[i];
		p->cols[i].align = align[i];
		p->cols[i].frozen = i == 0;
	}
	struct table_source src = { grid_count, grid_row, &p->grid };
	table_init(&p->table, p->cols, ncols, src);
	table_focus(&p->table, 1);
	return p;
}

void popup_ready(struct popup *p, size_t row)
{
	for (int i = 0; i < p->grid.ncols; i++) {
		p->cols[i].max = grid_width(&p->grid, i);
		/* text may give way down to ten cells; short cells never do */
		p->cols[i].min = p->cols[i].max < 10 ? p->cols[i].max : 10;
	}
	table_reload(&p->table);
	tview_go(&p->table.view, row);
}

void popup_place(struct popup *p)
{
	int tw = width_str(p->title) + 4;
	int w = table_full_width(&p->table);
	int h = (int)p->grid.nrows + 1;
	if (w < tw)
		w = tw;
	if (w > COLS - 6)
		w = COLS - 6;
	if (h < 2)
		h = 2;
	if (h > LINES - 6)
		h = LINES - 6;
	if (p->win != NULL)
		delwin(p->win);
	p->win = newwin(h + 2, w + 2, (LINES - h - 2) / 2, (COLS - w - 2) / 2);
	if (p->win == NULL)
		return;
	table_place(&p->table, p->win, 1, 1, h, w);
}

void popup_draw(struct popup *p, int all)
{
	if (p->win == NULL)
		return;
	if (all) {
		int w = getmaxx(p->win);
		werase(p->win);
		scr_border(p->win);
		int tw = width_str(p->title);
		if (tw > w - 4)
			tw = w - 4;
		mvwaddstr(p->win, 0, 1, " ");
		scr_put(p->win, 0, 2, p->title, tw, -1, A_BOLD);
		mvwaddstr(p->win, 0, 2 + tw, " ");
	}
	table_draw(&p->table, all);
}

int popup_key(struct popup *p, int key)
{
	if (p->key != NULL) {
		int r = p->key(p, key);
		if (r == 1)
			return POPUP_KEPT;
		if (r == 2)
			return POPUP_CLOSE;
	}
	switch (key) {
	case KC_ESC: case 'q': case KC_F(10):
		return POPUP_CLOSE;
	case '\n':
		if (p->pick != NULL && table_selected(&p->table) != (size_t)-1)
			p->pick(p->ctx, table_selected(&p->table));
		return POPUP_CLOSE;
	default:
		return table_key(&p->table, key) ? POPUP_KEPT : POPUP_IGNORED;
	}
}

void popup_free(struct popup *p)
{
	if (p == NULL)
		return;
	if (p->win != NULL)
		delwin(p->win);
	grid_free(&p->grid);
	free(p->title);
	free(p);
}
