/* taskscreen.c: the task matrix (see taskscreen.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/record.h"
#include "core/tasks.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/grid.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/recedit.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/taskscreen.h"

/* region, score, rank, then a column per task */
enum { COL_REGION, COL_SCORE, COL_RANK, COL_TASK0 };
#define MAX_TASKS (TABLE_MAX_COLS - COL_TASK0)
#define TASK_TITLE_MAX 14

struct taskscreen {
	struct db *db;                     /* not owned */
	struct task_span *spans;           /* owned */
	size_t nspan, span;
	struct task_grid g;                /* owned */
	struct grid grid;                  /* the cells shown; owned */
	long *grid_row;                    /* table row -> g.row index, -1 the totals; owned */
	struct table_col cols[TABLE_MAX_COLS];
	char *titles[TABLE_MAX_COLS];      /* owned */
	int ncols;
	struct table table;
	char *error;                       /* owned */
	struct frame *frame;               /* not owned */
	/* the records listed by the last Enter */
	char *filter;                      /* regions whose name holds this; owned */
	char *search;                      /* the last search (n/N); owned */
	long search_from;
	const struct profile *list_p;
	long long *list_ids;               /* owned */
	size_t list_n;
};

static const struct binding task_keys[] = {
	{ 5, N_("Refresh"), "F5", N_("Count and read the figures again") },
	{ 0, N_("Year"), "[ ]  Shift-Left/Right", N_("Previous or next year or plan span") },
	{ 3, N_("Search"), "/  F3  n N", N_("Search the regions as you type; n and N go to the next and previous") },
	{ 0, N_("Filter"), "f", N_("Show only the regions whose name holds a text (Esc: all again)") },
	{ 0, NULL, "Enter", N_("The records counted in the cell, or the county's entry of the figure") },
	{ 0, NULL, "Up Down  j k", N_("Previous or next region") },
	{ 0, NULL, "Left Right  h l", N_("The previous or next task (the columns scroll)") },
	{ 0, NULL, "✓ …", N_("Target reached (with what the cell holds inside it); not yet") },
	{ 0, NULL, "( )", N_("Last year's figure (a span: as it stood a year before)") },
	{ 0, NULL, NULL, NULL }
};

static const char *mark(const struct task_cell *c)
{
	if (c->met)
		return scr_ascii() ? "+" : "✓";
	return scr_ascii() ? "~" : "…";
}

static char *cell_text(const struct task_cell *c)
{
	char a[32], t[32], l[32];
	if (!c->has_target)
		return xstrdup("");
	fmt_num(t, sizeof t, c->target, 2);
	if (c->has_actual)
		fmt_num(a, sizeof a, c->actual, 2);
	else
		snprintf(a, sizeof a, "-");
	if (c->has_last)
		fmt_num(l, sizeof l, c->last, 2);
	else
		snprintf(l, sizeof l, "-");
	return xasprintf("%s/%s%s %s (%s)", a, t, c->sub_name ? "*" : "", mark(c), l);
}

static void add_row(struct taskscreen *s, const char *region, const struct task_row *w,
                    const struct task_cell *cells, long index)
{
	const char *row[TABLE_MAX_COLS] = { 0 };
	char *own[TABLE_MAX_COLS] = { 0 };
	char score[32] = "", rank[16] = "";
	if (w != NULL && w->has_score)
		fmt_num(score, sizeof score, w->score, 1);
	if (w != NULL && w->rank > 0)
		snprintf(rank, sizeof rank, "%d", w->rank);
	row[COL_REGION] = region;
	row[COL_SCORE] = score;
	row[COL_RANK] = rank;
	for (int c = COL_TASK0; c < s->ncols; c++)
		row[c] = own[c] = cell_text(&cells[c - COL_TASK0]);
	grid_add(&s->grid, row);
	for (int c = COL_TASK0; c < s->ncols; c++)
		free(own[c]);
	s->grid_row = xrealloc(s->grid_row, s->grid.nrows * sizeof *s->grid_row);
	s->grid_row[s->grid.nrows - 1] = index;
}

static void task_fill(struct taskscreen *s)
{
	grid_free(&s->grid);
	for (int c = 0; c < TABLE_MAX_COLS; c++) {
		free(s->titles[c]);
		s->titles[c] = NULL;
	}
	s->ncols = COL_TASK0 + (int)(s->g.ncol < MAX_TASKS ? s->g.ncol : MAX_TASKS);
	grid_init(&s->grid, s->ncols);
	s->titles[COL_REGION] = xstrdup(tr("Region"));
	s->titles[COL_SCORE] = xstrdup(tr("Score"));
	s->titles[COL_RANK] = xstrdup(tr("Rank"));
	for (int c = COL_TASK0; c < s->ncols; c++) {
		const struct task_col *k = &s->g.col[c - COL_TASK0];
		s->titles[c] = *k->unit ? xasprintf("%s(%s)", k->name, k->unit) : xstrdup(k->name);
	}
	int inside = 1;
	char *want = s->filter ? fold_name(s->filter) : NULL;
	for (size_t r = 0; r <= s->g.nrow; r++) {
		const struct task_row *w = r < s->g.nrow ? &s->g.row[r] : NULL;
		if (inside && (w == NULL || w->outside)) {
			inside = 0;
			if (s->g.has_totals && want == NULL)
				add_row(s, tr("total"), NULL, s->g.tot, -1);
		}
		if (w == NULL)
			break;
		char *folded = fold_name(w->region);
		int keep = want == NULL || strstr(folded, want) != NULL;
		free(folded);
		if (!keep)
			continue;
		char *name = *w->responsible ? xasprintf(tr("%s (%s)"), w->region, w->responsible)
		                             : xstrdup(w->region);
		add_row(s, name, w, w->c, (long)r);
		free(name);
	}
	free(want);
	for (int c = 0; c < s->ncols; c++) {
		int w = grid_width(&s->grid, c), tw = width_str(s->titles[c]);
		s->cols[c].title = s->titles[c];
		s->cols[c].align = c == COL_REGION ? TA_LEFT : TA_RIGHT;
		s->cols[c].frozen = c == COL_REGION;
		/* a task's long name gives way to its figures */
		if (c >= COL_TASK0 && tw > TASK_TITLE_MAX)
			tw = TASK_TITLE_MAX > w ? TASK_TITLE_MAX : w;
		s->cols[c].max = w > tw ? w : tw;
		s->cols[c].min = s->cols[c].max;
	}
	s->cols[COL_REGION].min = 10;
	if (s->cols[COL_REGION].max > 24)
		s->cols[COL_REGION].max = 24;
	s->table.ncols = s->ncols;
	table_reload(&s->table);
	table_relayout(&s->table);
}

static void task_load(struct taskscreen *s)
{
	char *err = NULL;
	free(s->error);
	s->error = NULL;
	tasks_free(&s->g);
	if (s->nspan == 0) {
		task_fill(s);
		return;
	}
	const struct task_span *sp = &s->spans[s->span];
	if (tasks_load(s->db, sp->from, sp->to, sp->to, &s->g, &err) != ST_OK) {
		s->error = err;
		tasks_free(&s->g);
	}
	task_fill(s);
}

void *taskscreen_new(struct db *db)
{
	struct taskscreen *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	s->db = db;
	grid_init(&s->grid, COL_TASK0);
	s->ncols = COL_TASK0;
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, COL_TASK0, src);
	table_colcursor(&s->table, 1);
	s->table.empty = N_("No task targets: load a pack or import task-targets");
	if (tasks_spans(db, &s->spans, &s->nspan, &err) != ST_OK) {
		s->error = err;
		return s;
	}
	/* the current year's table if there is one, else the latest */
	int now = period_now(0).year;
	for (size_t i = 0; i < s->nspan; i++)
		if (s->spans[i].from == s->spans[i].to && s->spans[i].from <= now)
			s->span = i;
	task_load(s);
	return s;
}

void taskscreen_free(void *self)
{
	struct taskscreen *s = self;
	if (s == NULL)
		return;
	tasks_free(&s->g);
	grid_free(&s->grid);
	free(s->grid_row);
	free(s->spans);
	free(s->error);
	free(s->list_ids);
	free(s->filter);
	free(s->search);
	for (int c = 0; c < TABLE_MAX_COLS; c++)
		free(s->titles[c]);
	free(s);
}

static void task_open_record(void *ctx, size_t row)
{
	struct taskscreen *s = ctx;
	if (row < s->list_n && s->list_p != NULL)
		recedit_view(s->frame, s->db, s->list_p, s->list_ids[row]);
}

/* Enter on a cell: an entered task's entry of the year opens for editing
 * (a new one if there is none); a counted one lists its records. */
static void task_enter(struct taskscreen *s, struct frame *f)
{
	size_t i = table_selected(&s->table);
	int c = table_cur_col(&s->table);
	if (i == (size_t)-1 || c < COL_TASK0 || s->grid_row[i] < 0)
		return;
	size_t r = (size_t)s->grid_row[i], k = (size_t)(c - COL_TASK0);
	const struct task_cell *cell = &s->g.row[r].c[k];
	const struct task_col *col = &s->g.col[k];
	if (!cell->has_target)
		return;
	if (col->counter == NULL && s->g.from == s->g.to) {
		const struct profile *p = profile_find("task_actual");
		char task[32], region[32], year[16];
		snprintf(task, sizeof task, "%lld", col->id);
		snprintf(region, sizeof region, "%lld", s->g.row[r].region_id);
		snprintf(year, sizeof year, "%d", s->g.from);
		/* a new entry starts with the cell's task, region and year */
		const char *const preset[] = { "task_id", task, "region_id", region, "period", year, NULL };
		int changed = cell->entry_id ? recedit_edit(f, s->db, p, cell->entry_id)
		                             : recedit_add_preset(f, s->db, p, preset) != 0;
		if (changed)
			task_load(s);
		return;
	}
	char *err = NULL;
	free(s->list_ids);
	s->list_ids = NULL;
	if (tasks_cell_records(s->db, &s->g, r, k, &s->list_p, &s->list_ids, &s->list_n, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		return;
	}
	if (s->list_n == 0) {
		frame_message(f, tr("No records counted for %s, %s"), s->g.row[r].region, col->name);
		return;
	}
	static const enum table_align align[] = { TA_LEFT };
	const char *titles[] = { profile_title(s->list_p) };
	char sa[32], st[32];
	/* a sub-target inside the cell: how far it is, beside the title */
	char *title = cell->sub_name == NULL
	    ? xasprintf("%s %s", s->g.row[r].region, col->name)
	    : xasprintf(tr("%s %s (of which %s: %s/%s)"), s->g.row[r].region, col->name, cell->sub_name,
	                cell->has_sub_actual ? fmt_num(sa, sizeof sa, cell->sub_actual, 2) : "-",
	                fmt_num(st, sizeof st, cell->sub_target, 2));
	struct popup *p = popup_new(title, 1, titles, align);
	free(title);
	for (size_t n = 0; n < s->list_n; n++) {
		char *label = record_label(s->db, s->list_p, s->list_ids[n]);
		const char *row[] = { label ? label : "" };
		grid_add(&p->grid, row);
		free(label);
	}
	p->pick = task_open_record;
	p->ctx = s;
	popup_ready(p, 0);
	frame_popup(f, p);
}

/* ---- search and filter, by the region's name ---- */

/* The next row after `from` in direction dir whose region holds text; -1. */
static long task_find(struct taskscreen *s, long from, int dir, const char *text)
{
	long n = (long)s->grid.nrows, hit = -1;
	char *want = fold_name(text);
	for (long k = 1; k <= n && hit < 0 && *want; k++) {
		long i = ((from + dir * k) % n + n) % n;
		char *a = fold_name(grid_cell(&s->grid, (size_t)i, COL_REGION));
		if (strstr(a, want))
			hit = i;
		free(a);
	}
	free(want);
	return hit;
}

static void task_search_changed(void *ctx, struct frame *f, const char *text)
{
	struct taskscreen *s = ctx;
	long hit = *text ? task_find(s, s->search_from - 1, 1, text) : s->search_from;
	if (hit >= 0)
		table_go(&s->table, (size_t)hit);
	frame_prompt_label(f, hit >= 0 ? tr("Search: ") : tr("Search (not found): "));
}

static void task_search_done(void *ctx, struct frame *f, const char *text)
{
	struct taskscreen *s = ctx;
	(void)f;
	if (*text) {
		free(s->search);
		s->search = xstrdup(text);
	}
}

static void task_search_cancel(void *ctx, struct frame *f)
{
	struct taskscreen *s = ctx;
	(void)f;
	table_go(&s->table, (size_t)s->search_from);
}

static const struct prompt_ops task_search_ops = {
	task_search_changed, task_search_done, task_search_cancel
};

static void task_search_next(struct taskscreen *s, struct frame *f, int dir)
{
	long at = (long)s->table.view.selected;
	if (s->search == NULL) {
		frame_message(f, "%s", tr("Nothing to search for yet: press / first"));
		return;
	}
	long hit = s->grid.nrows ? task_find(s, at, dir, s->search) : -1;
	if (hit < 0)
		frame_message(f, tr("Not found: %s"), s->search);
	else
		table_go(&s->table, (size_t)hit);
}

static void task_filter_changed(void *ctx, struct frame *f, const char *text)
{
	struct taskscreen *s = ctx;
	(void)f;
	free(s->filter);
	s->filter = *text ? xstrdup(text) : NULL;
	task_fill(s);
}

static void task_filter_done(void *ctx, struct frame *f, const char *text)
{
	task_filter_changed(ctx, f, text);
}

static void task_filter_cancel(void *ctx, struct frame *f)
{
	task_filter_changed(ctx, f, "");
}

static const struct prompt_ops task_filter_ops = {
	task_filter_changed, task_filter_done, task_filter_cancel
};

static void task_step(struct taskscreen *s, int d)
{
	if (s->nspan == 0)
		return;
	if ((d < 0 && s->span == 0) || (d > 0 && s->span + 1 >= s->nspan))
		return;
	s->span += (size_t)d;
	task_load(s);
}

static int task_key(void *self, struct frame *f, int key, int focused)
{
	struct taskscreen *s = self;
	s->frame = f;
	switch (key) {
	case KC_F(5):
		task_load(s);
		return 1;
	case '[': case KC_KEY(KEY_SLEFT):
		task_step(s, -1);
		return 1;
	case ']': case KC_KEY(KEY_SRIGHT):
		task_step(s, 1);
		return 1;
	case '/': case KC_F(3):
		s->search_from = (long)s->table.view.selected;
		frame_prompt(f, tr("Search: "), "", &task_search_ops, s);
		return 1;
	case 'n': case 'N':
		task_search_next(s, f, key == 'n' ? 1 : -1);
		return 1;
	case 'f': {
		char *label = xasprintf(tr("Filter %s: "), tr("Region"));
		frame_prompt(f, label, s->filter ? s->filter : "", &task_filter_ops, s);
		free(label);
		return 1;
	}
	case KC_ESC:
		if (s->filter != NULL)
			task_filter_changed(s, f, "");
		return 1;
	case '\n':
		if (focused)
			task_enter(s, f);
		return focused;
	default:
		return focused && table_key(&s->table, key);
	}
}

static void task_place(void *self, WINDOW *win, int h, int w)
{
	struct taskscreen *s = self;
	table_place(&s->table, win, 0, 0, h, w);
}

static void task_draw(void *self, int all)
{
	struct taskscreen *s = self;
	table_draw(&s->table, all);
}

static void task_status(void *self, char *buf, size_t size)
{
	struct taskscreen *s = self;
	if (s->error != NULL) {
		snprintf(buf, size, "%s", s->error);
		return;
	}
	if (s->nspan == 0) {
		snprintf(buf, size, "%s", tr("No task targets"));
		return;
	}
	const struct task_span *sp = &s->spans[s->span];
	if (sp->from == sp->to)
		snprintf(buf, size, tr("%d (last year's in brackets)"), sp->from);
	else
		snprintf(buf, size, tr("%d-%d (a year before in brackets)"), sp->from, sp->to);
}

static void task_position(void *self, char *buf, size_t size)
{
	struct taskscreen *s = self;
	table_position(&s->table, buf, size);
}

static void task_focus(void *self, int on)
{
	struct taskscreen *s = self;
	table_focus(&s->table, on);
}

const struct section_ops taskscreen_ops = {
	.label = N_("Task matrix"),
	.bindings = task_keys,
	.place = task_place,
	.draw = task_draw,
	.key = task_key,
	.status = task_status,
	.position = task_position,
	.focus = task_focus,
};
