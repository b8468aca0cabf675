/* regscreen.c: a register as a section of the frame (see regscreen.h).
 * Only the rows on screen are held: when the view moves past them, the
 * next screenful is fetched from the dataset, which pages, sorts and
 * filters in SQL.
 *
 * Nothing a key does waits for every row to be read.  A new filter shows
 * its first screenful at once; the count follows in slices between keys
 * (the position says "行 1/3000+" until it is known).  A search reads a
 * slice at once and the rest between keys, and is given up when a key
 * comes that makes it moot. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dataset.h"
#include "core/i18n.h"
#include "core/profile.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/keys.h"
#include "tui/regscreen.h"
#include "tui/screen.h"
#include "tui/table.h"

struct regscreen {
	struct dataset *ds;                  /* owned; NULL if it could not be opened */
	int ncols;
	struct table_col cols[TABLE_MAX_COLS];
	char *titles[TABLE_MAX_COLS];        /* translated, with the sort mark; owned */
	struct table table;

	/* the rows on screen: [page_first, page_first + page_n) */
	long page_first;
	int page_n, page_cap;
	char **page;                         /* page_n * ncols strings; owned */
	long long *page_id;                  /* their ids; owned */

	char *search;                        /* what n and N look for; owned, NULL if none */
	long search_from;                    /* the row where / started */
	long long search_from_id;            /* its id */
	struct ds_search *job;               /* a search under way; owned, NULL if none */
	int job_dir;                         /* 0: as you type (/); else n (1) or N (-1) */
	long job_at;                         /* the row it started from */
	int want_end;                        /* G came before the count: go when it is known */
	int announce;                        /* F5: say the count when it is known */
	int filter_col;                      /* the column f is filtering */
	char *error;                         /* the last error; owned */
	struct db *db;                       /* for the record editor; not owned */
};

static const struct binding reg_keys[] = {
	/* the record editor's (see reg_record_key) */
	{ 0, N_("View"), "Enter", N_("See the record and its changes (e edits it, d deletes it there)") },
	{ 4, N_("Edit"), "e  F4", N_("Edit this record") },
	{ 7, N_("Add"), "a  Insert  F7", N_("Add a record") },
	{ 8, N_("Delete"), "d  Delete  F8", N_("Delete this record (asks first)") },
	{ 0, NULL, "Up Down  j k", N_("Previous or next row") },
	{ 0, NULL, "PgUp PgDn", N_("A screenful up or down") },
	{ 0, NULL, "Home End  g G", N_("First or last row") },
	{ 0, NULL, "Left Right  h l", N_("Previous or next column (the first column stays)") },
	{ 3, N_("Search"), "/  F3", N_("Search as you type; Enter keeps the row, Esc goes back") },
	{ 0, NULL, "n  N", N_("Next or previous match") },
	{ 0, NULL, "s", N_("Sort by this column; again to reverse (^ ascending, v descending)") },
	{ 0, NULL, "f", N_("Filter by this column: =value, !=value, >10, <=2024-06-30, "
	                   "text it contains, or empty") },
	{ 0, NULL, "Esc", N_("Clear the filters and the search") },
	{ 5, N_("Refresh"), "F5", N_("Count again and redraw (other clerks change the data)") },
	{ 0, NULL, NULL, NULL }
};

/* --- the rows on screen ---------------------------------------------- */

static void reg_set_error(struct regscreen *s, char *err)
{
	free(s->error);
	s->error = err;
}

static void reg_drop_page(struct regscreen *s)
{
	for (int i = 0; i < s->page_n * s->ncols; i++)
		free(s->page[i]);
	s->page_n = 0;
}

static void reg_take_row(void *ctx, long index, long long id, const char *const *cells)
{
	struct regscreen *s = ctx;
	int k = (int)(index - s->page_first);
	if (k != s->page_n || k >= s->page_cap)
		return;
	for (int c = 0; c < s->ncols; c++)
		s->page[k * s->ncols + c] = xstrdup(cells[c]);
	s->page_id[k] = id;
	s->page_n++;
}

/* Fetch n rows from `first` on, in place of those held. */
static void reg_fetch(struct regscreen *s, long first, int n)
{
	char *err = NULL;
	reg_drop_page(s);
	if (n > s->page_cap) {
		s->page = xrealloc(s->page, (size_t)n * (size_t)s->ncols * sizeof *s->page);
		s->page_id = xrealloc(s->page_id, (size_t)n * sizeof *s->page_id);
		s->page_cap = n;
	}
	s->page_first = first;
	if (dataset_fetch(s->ds, first, n, reg_take_row, s, &err) != ST_OK)
		reg_set_error(s, err);
}

/* Make sure the rows the view shows are held.  While the count is not
 * known, the view's count is a lower bound and the page is fetched whole:
 * more rows may be there. */
static void reg_cover_view(struct regscreen *s)
{
	const struct tview *v = &s->table.view;
	long top = (long)v->top, n = v->height;
	if (s->ds == NULL)
		return;
	if (dataset_count_known(s->ds, NULL) >= 0) {
		if ((size_t)(top + n) > v->count)
			n = (long)v->count - top;
		if (n <= 0)
			return;
	}
	if (top >= s->page_first && top + n <= s->page_first + s->page_n)
		return;
	reg_fetch(s, top, v->height);
}

/* The count, or while counting the rows known so far. */
static size_t reg_count(void *ctx)
{
	struct regscreen *s = ctx;
	long lo = 0;
	if (s->ds != NULL)
		dataset_count_known(s->ds, &lo);
	return (size_t)lo;
}

/* The view's count from what the dataset knows now; while counting it
 * only grows (a search may have found rows past the lower bound). */
static void reg_sync(struct regscreen *s)
{
	struct tview *v = &s->table.view;
	long lo = 0, n = s->ds != NULL ? dataset_count_known(s->ds, &lo) : 0;
	size_t c = n >= 0 || (size_t)lo > v->count ? (size_t)lo : v->count;
	s->table.count_partial = n < 0;
	if (c != v->count) {
		tview_set(v, c, v->height);
		s->table.dirty_all = 1;
	}
}

/* The id of row `index`: on screen, or else fetched with its page in
 * place of the page held; -1 if none. */
static long long reg_id_at(struct regscreen *s, long index)
{
	if (index < s->page_first || index >= s->page_first + s->page_n)
		reg_fetch(s, index, s->table.view.height);
	long k = index - s->page_first;
	return k >= 0 && k < s->page_n ? s->page_id[k] : -1;
}

static void reg_row(void *ctx, size_t index, const char **cells)
{
	struct regscreen *s = ctx;
	long i = (long)index;
	if (i < s->page_first || i >= s->page_first + s->page_n) {
		/* not on screen (a caller outside the draw): fetch around it */
		long first = i < s->page_first ? i - s->table.view.height + 1 : i;
		reg_fetch(s, first < 0 ? 0 : first, s->table.view.height);
	}
	long k = i - s->page_first;
	for (int c = 0; c < s->ncols; c++)
		cells[c] = k >= 0 && k < s->page_n ? s->page[k * s->ncols + c] : "";
}

/* The rows changed (sort, filter, refresh): redraw, with the selection
 * on `row` (clamped).  Only the page around it is read now; the count
 * follows between keys. */
static void reg_reload(struct regscreen *s, size_t row)
{
	reg_drop_page(s);
	free(s->error);
	s->error = NULL;
	s->table.empty = s->ds != NULL && dataset_nfilters(s->ds) > 0
	    ? tr("No rows match the filters (Esc clears them)")
	    : tr("This register has no rows yet");
	if (s->ds != NULL) {
		long h = s->table.view.height, first = (long)row - h + 1;
		reg_fetch(s, first > 0 ? first : 0, (int)h);
	}
	table_reload(&s->table);
	s->table.count_partial = s->ds != NULL && dataset_count_known(s->ds, NULL) < 0;
	tview_go(&s->table.view, row);
}

/* --- columns and their titles ---------------------------------------- */

/* Titles with "^" or "v" on the sorted column. */
static void reg_titles(struct regscreen *s)
{
	int desc, sorted = s->ds ? dataset_sort_col(s->ds, &desc) : -1;
	for (int c = 0; c < s->ncols; c++) {
		const struct ds_col *dc = dataset_col(s->ds, c);
		free(s->titles[c]);
		if (c == sorted)
			s->titles[c] = xasprintf("%s %s", tr(dc->title), desc ? "v" : "^");
		else
			s->titles[c] = xstrdup(tr(dc->title));
		s->cols[c].title = s->titles[c];
	}
}

static void reg_columns(struct regscreen *s)
{
	for (int c = 0; c < s->ncols; c++) {
		const struct ds_col *dc = dataset_col(s->ds, c);
		int w = dc->width, tw = width_str(tr(dc->title)) + 2;   /* room for " ^" */
		s->cols[c].max = w > tw ? w : tw;
		/* wide text gives way down to two thirds; short cells, and the
		 * first column that names the row, never */
		s->cols[c].min = c > 0 && w >= 20 ? 2 * w / 3 : s->cols[c].max;
		s->cols[c].align = dc->numeric ? TA_RIGHT : TA_LEFT;
		s->cols[c].frozen = c == 0;
	}
	reg_titles(s);
}

void *regscreen_new(struct db *db, const char *name)
{
	struct regscreen *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	s->db = db;
	s->ds = dataset_open(db, name, &err);
	if (s->ds == NULL)
		s->error = err;
	else
		s->ncols = dataset_ncols(s->ds) < TABLE_MAX_COLS ? dataset_ncols(s->ds) : TABLE_MAX_COLS;
	reg_columns(s);
	struct table_source src = { reg_count, reg_row, s };
	table_init(&s->table, s->cols, s->ncols, src);
	table_colcursor(&s->table, 1);
	reg_reload(s, 0);
	return s;
}

void regscreen_free(void *self)
{
	struct regscreen *s = self;
	if (s == NULL)
		return;
	dataset_search_free(s->job);
	reg_drop_page(s);
	free(s->page);
	free(s->page_id);
	for (int c = 0; c < s->ncols; c++)
		free(s->titles[c]);
	free(s->search);
	free(s->error);
	dataset_close(s->ds);
	free(s);
}

/* --- search ------------------------------------------------------------ */

/* Select `row` and redraw what the move needs. */
static void reg_go(struct regscreen *s, long row)
{
	struct tview old = s->table.view;
	if ((size_t)row >= old.count)        /* found past the rows counted so far */
		tview_set(&s->table.view, (size_t)row + 1, old.height);
	tview_go(&s->table.view, (size_t)row);
	if (old.top != s->table.view.top)
		s->table.dirty_all = 1;
	else if (old.selected != s->table.view.selected) {
		s->table.dirty_row[0] = old.selected;
		s->table.dirty_row[1] = s->table.view.selected;
		s->table.ndirty = 2;
	}
}

/* Give up the search under way, if any. */
static void reg_abandon(struct regscreen *s)
{
	dataset_search_free(s->job);
	s->job = NULL;
}

/* The search under way ended (hit: the row found, or -1). */
static void reg_search_result(struct regscreen *s, struct frame *f, long hit)
{
	int dir = s->job_dir;
	long at = s->job_at;
	reg_abandon(s);
	if (dir == 0) {                       /* as you type */
		if (hit >= 0)
			reg_go(s, hit);
		frame_prompt_label(f, hit >= 0 ? tr("Search: ") : tr("Search (not found): "));
		return;
	}
	if (hit < 0) {
		frame_message(f, tr("Not found: %s"), s->search);
		return;
	}
	if ((dir > 0 && hit <= at) || (dir < 0 && hit >= at))
		frame_message(f, "%s", dir > 0 ? tr("Passed the end, went on from the top")
		                               : tr("Passed the top, went on from the end"));
	else
		frame_clear_message(f);
	reg_go(s, hit);
}

/* One slice of the search under way.  Returns 1 if it goes on. */
static int reg_search_slice(struct regscreen *s, struct frame *f)
{
	char *err = NULL;
	long hit = -1;
	int r = dataset_search_step(s->job, &hit, &err);
	if (r == 0)
		return 1;
	if (r < 0) {
		reg_set_error(s, err);
		hit = -1;
	}
	reg_search_result(s, f, hit);
	return 0;
}

/* Start a search from row `at` whose id is `id` (dir 0: as you type, from
 * `at` itself) and read its first slice at once: a near match shows with
 * the key. */
static void reg_search_begin(struct regscreen *s, struct frame *f, long at, long long id,
                             int dir, const char *text)
{
	reg_abandon(s);
	s->job_dir = dir;
	s->job_at = at;
	s->job = dataset_search_begin(s->ds, id >= 0 ? at : -1, id, dir < 0 ? -1 : 1, dir == 0,
	                              text);
	if (reg_search_slice(s, f)) {
		if (dir == 0)
			frame_prompt_label(f, tr("Search (searching): "));
		else
			frame_message(f, tr("Searching for %s"), text);
	}
}

static void reg_search_changed(void *ctx, struct frame *f, const char *text)
{
	struct regscreen *s = ctx;
	if (*text == '\0') {
		reg_abandon(s);
		reg_go(s, s->search_from);
		frame_prompt_label(f, tr("Search: "));
		return;
	}
	reg_search_begin(s, f, s->search_from, s->search_from_id, 0, text);
}

/* Enter keeps the row; a search still under way goes on and moves it. */
static void reg_search_done(void *ctx, struct frame *f, const char *text)
{
	struct regscreen *s = ctx;
	(void)f;
	if (*text == '\0')
		return;
	free(s->search);
	s->search = xstrdup(text);
}

static void reg_search_cancel(void *ctx, struct frame *f)
{
	struct regscreen *s = ctx;
	(void)f;
	reg_abandon(s);
	reg_go(s, s->search_from);
}

static const struct prompt_ops reg_search_ops = {
	reg_search_changed, reg_search_done, reg_search_cancel
};

static void reg_search_start(struct regscreen *s, struct frame *f)
{
	if (s->table.view.count == 0)
		return;
	s->search_from = (long)s->table.view.selected;
	s->search_from_id = reg_id_at(s, s->search_from);   /* on screen: no page read */
	frame_prompt(f, tr("Search: "), "", &reg_search_ops, s);
}

/* n (dir > 0) or N: the next match after the selected row. */
static void reg_search_next(struct regscreen *s, struct frame *f, int dir)
{
	if (s->search == NULL) {
		frame_message(f, "%s", tr("Nothing to search for yet: press / first"));
		return;
	}
	if (s->table.view.count == 0)
		return;
	long at = (long)s->table.view.selected;
	reg_search_begin(s, f, at, reg_id_at(s, at), dir, s->search);
}

/* --- sort and filter --------------------------------------------------- */

static void reg_sort(struct regscreen *s)
{
	int desc, col = table_cur_col(&s->table);
	int sorted = dataset_sort_col(s->ds, &desc);
	dataset_sort(s->ds, col, sorted == col ? !desc : 0);
	reg_titles(s);
	table_relayout(&s->table);
	reg_reload(s, 0);
}

static void reg_filter_done(void *ctx, struct frame *f, const char *text)
{
	struct regscreen *s = ctx;
	char *err = NULL;
	if (*text == '\0')
		return;
	if (dataset_filter(s->ds, s->filter_col, text, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		return;
	}
	reg_reload(s, 0);
}

static void reg_filter_cancel(void *ctx, struct frame *f)
{
	(void)ctx;
	(void)f;
}

static const struct prompt_ops reg_filter_ops = { NULL, reg_filter_done, reg_filter_cancel };

/* f: a prompt prefilled with "=" and the current cell ("empty" if it is). */
static void reg_filter_start(struct regscreen *s, struct frame *f)
{
	const char *cells[TABLE_MAX_COLS];
	int col = table_cur_col(&s->table);
	if (s->table.view.count == 0)
		return;
	reg_row(s, s->table.view.selected, cells);
	char *text = *cells[col] ? xasprintf("=%s", cells[col]) : xstrdup(tr("empty"));
	char *label = xasprintf(tr("Filter %s: "), tr(dataset_col(s->ds, col)->title));
	s->filter_col = col;
	frame_prompt(f, label, text, &reg_filter_ops, s);
	free(text);
	free(label);
}

/* Esc: no filters and no search any more. */
static void reg_clear(struct regscreen *s, struct frame *f)
{
	s->announce = 0;
	if (dataset_nfilters(s->ds) == 0 && s->search == NULL)
		return;
	dataset_filter_clear(s->ds);
	free(s->search);
	s->search = NULL;
	reg_reload(s, 0);
	frame_message(f, "%s", tr("Filters and search cleared"));
}

/* F5: other clerks may have added or removed rows.  The count comes
 * between keys, and is said when it is known. */
static void reg_refresh(struct regscreen *s, struct frame *f)
{
	dataset_refresh(s->ds);
	reg_reload(s, s->table.view.selected);
	if (dataset_count_known(s->ds, NULL) >= 0) {       /* counted at once */
		frame_message(f, tr("Counted again: %zu rows"), s->table.view.count);
		return;
	}
	s->announce = 1;
	frame_message(f, "%s", tr("Counting the rows"));
}

/* G or End before the count is known: the last row is wherever the
 * count says, so go there when it is known. */
static void reg_end(struct regscreen *s, struct frame *f)
{
	s->want_end = 1;
	frame_message(f, "%s", tr("Counting the rows"));
}

/* Down, j or PgDn at the last row known while counting: read the next
 * screenful, so that the view can move into it. */
static void reg_peek_down(struct regscreen *s)
{
	const struct tview *v = &s->table.view;
	if (v->selected + (size_t)v->height + 1 < v->count)
		return;
	reg_fetch(s, (long)(v->top + (size_t)v->height), v->height);
	reg_sync(s);
}

/* Work between keys: the search under way, then the count.  When the
 * count comes: G waiting goes to the end, F5 says it. */
static int reg_idle(void *self, struct frame *f)
{
	struct regscreen *s = self;
	char *err = NULL;
	if (s->ds == NULL)
		return 0;
	if (s->job != NULL)
		return reg_search_slice(s, f) || dataset_count_known(s->ds, NULL) < 0;
	if (dataset_count_known(s->ds, NULL) >= 0)
		return 0;
	int r = dataset_count_step(s->ds, &err);
	if (r < 0) {
		reg_set_error(s, err);
		return 0;
	}
	reg_sync(s);
	if (r == 0)
		return 1;
	if (s->want_end) {
		s->want_end = 0;
		frame_clear_message(f);
		reg_go(s, s->table.view.count ? (long)s->table.view.count - 1 : 0);
	}
	if (s->announce) {
		s->announce = 0;
		frame_message(f, tr("Counted again: %zu rows"), s->table.view.count);
	}
	return 0;
}

/* --- the section ------------------------------------------------------- */

/* The record editor's keys (tui/recedit.h). */
#include "tui/recedit.h"

/* After a save or a delete: count again and show the page with the
 * record selected where it was; only if it is not there (a new record,
 * or its sort key changed) is its place looked up.  A deleted record's
 * row goes to the one that took its place. */
static void reg_after_edit(struct regscreen *s, long long id, int gone)
{
	size_t row = s->table.view.selected;
	dataset_refresh(s->ds);
	reg_reload(s, row);
	if (gone || reg_id_at(s, (long)row) == id)
		return;
	/* in the order of ids, unfiltered, a new record is the last: counting
	 * is quicker than numbering every row */
	char *err = NULL;
	int desc, by_id = dataset_sort_col(s->ds, &desc) < 0 && !desc && dataset_nfilters(s->ds) == 0;
	long at = by_id ? dataset_count(s->ds, &err) - 1 : -1;
	if (at < 0 || reg_id_at(s, at) != id)
		at = dataset_index_of(s->ds, id, &err);
	free(err);
	if (at >= 0)
		reg_reload(s, (size_t)at);
}

/* Enter views the selected record, a adds one, e edits it, d deletes it,
 * in a register whose records have a profile.  Returns 1 if taken. */
static int reg_record_key(struct regscreen *s, struct frame *f, int key)
{
	const struct profile *p = dataset_profile(s->ds);
	int view = key == '\n', add = key == 'a' || key == KC_KEY(KEY_IC) || key == KC_F(7);
	int edit = key == 'e' || key == KC_F(4);
	int del = key == 'd' || key == KC_KEY(KEY_DC) || key == KC_F(8);
	long long id = -1;
	int done = 0;
	if (p == NULL || !(p->flags & PK_EDIT) || !(view || add || edit || del))
		return 0;
	if (!add && s->table.view.count > 0)
		id = reg_id_at(s, (long)s->table.view.selected);
	if (add)
		done = (id = recedit_add(f, s->db, p)) > 0;
	else if (id > 0 && view)
		done = recedit_view(f, s->db, p, id);
	else if (id > 0 && edit)
		done = recedit_edit(f, s->db, p, id);
	else if (id > 0 && del)
		done = recedit_delete(f, s->db, p, id) ? RECEDIT_DELETED : 0;
	if (done)
		reg_after_edit(s, id, done == RECEDIT_DELETED);
	return 1;
}

static int reg_key(void *self, struct frame *f, int key, int focused)
{
	struct regscreen *s = self;
	if (s->ds == NULL || !focused)
		return 0;
	if (reg_record_key(s, f, key))
		return 1;
	/* a key gives up a search under way, and a G waiting for the count */
	reg_abandon(s);
	s->want_end = 0;
	int counting = dataset_count_known(s->ds, NULL) < 0;
	if (counting && (key == 'G' || key == KC_KEY(KEY_END))) {
		reg_end(s, f);
		return 1;
	}
	if (counting && (key == 'j' || key == KC_KEY(KEY_DOWN) || key == KC_KEY(KEY_NPAGE)))
		reg_peek_down(s);
	switch (key) {
	case '/': case KC_F(3): reg_search_start(s, f); return 1;
	case 'n':               reg_search_next(s, f, 1); return 1;
	case 'N':               reg_search_next(s, f, -1); return 1;
	case 's':               reg_sort(s); return 1;
	case 'f':               reg_filter_start(s, f); return 1;
	case KC_ESC:            reg_clear(s, f); return 1;
	case KC_F(5):           reg_refresh(s, f); return 1;
	default:                return table_key(&s->table, key);
	}
}

static void reg_place(void *self, WINDOW *win, int h, int w)
{
	struct regscreen *s = self;
	table_place(&s->table, win, 0, 0, h, w);
	reg_drop_page(s);
}

static void reg_draw(void *self, int all)
{
	struct regscreen *s = self;
	/* the clerk's own save, import or undo shows at once */
	if (s->ds != NULL && s->job == NULL && dataset_stale(s->ds)) {
		dataset_refresh(s->ds);
		reg_reload(s, s->table.view.selected);
		all = 1;
	}
	reg_cover_view(s);
	reg_sync(s);
	table_draw(&s->table, all);
}

/* "企业 · 筛选 名称 ~ 陶瓷; 地区 = 乐平市 · 搜索 陶瓷" */
static void reg_status(void *self, char *buf, size_t size)
{
	struct regscreen *s = self;
	struct sbuf b = { 0 };
	if (s->error != NULL) {
		snprintf(buf, size, "%s", s->error);
		return;
	}
	sbuf_puts(&b, tr(dataset_title(s->ds)));
	for (int i = 0; i < dataset_nfilters(s->ds); i++) {
		int col;
		const char *op, *value;
		dataset_filter_at(s->ds, i, &col, &op, &value);
		if (i == 0)
			sbuf_printf(&b, "%s%s ", scr_sep(), tr("Filter"));
		else
			sbuf_puts(&b, "; ");
		sbuf_printf(&b, "%s %s %s", tr(dataset_col(s->ds, col)->title), op,
		            *value ? value : tr("empty"));
	}
	if (s->search != NULL)
		sbuf_printf(&b, "%s%s %s", scr_sep(), tr("Search"), s->search);
	snprintf(buf, size, "%s", b.s);
	sbuf_free(&b);
}

static void reg_position(void *self, char *buf, size_t size)
{
	struct regscreen *s = self;
	table_position(&s->table, buf, size);
}

static void reg_focus(void *self, int on)
{
	struct regscreen *s = self;
	table_focus(&s->table, on);
}

#define REG_OPS(label_) { .label = label_, .bindings = reg_keys, .place = reg_place, \
	.draw = reg_draw, .key = reg_key, .status = reg_status, .position = reg_position, \
	.focus = reg_focus, .idle = reg_idle }

/* One section per register, labelled with its kind's name. */
const struct section_ops *regscreen_ops(const char *name)
{
	static struct section_ops ops[32];
	const struct profile *p = profile_find(name);
	for (size_t i = 0; p != NULL && profiles[i] != NULL && i < 32; i++)
		if (profiles[i] == p) {
			ops[i] = (struct section_ops)REG_OPS(profile_title(p));
			return &ops[i];
		}
	return NULL;
}
