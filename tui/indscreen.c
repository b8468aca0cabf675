/* indscreen.c: the indicator table (see indscreen.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/edit.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/indview.h"
#include "core/period.h"
#include "core/region.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/grid.h"
#include "tui/indedit.h"
#include "tui/indscreen.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/screen.h"
#include "tui/spark.h"
#include "tui/table.h"

enum { COL_NAME, COL_UNIT, COL_BASE, COL_TARGET, COL_ACTUAL, COL_PROGRESS,
       COL_EXPECTED, COL_STATUS, COL_HISTORY, NCOLS };

static const char *const ind_col_titles[NCOLS] = {
	[COL_NAME] = N_("Indicator"), [COL_UNIT] = N_("Unit"), [COL_BASE] = N_("Baseline"),
	[COL_TARGET] = N_("Target"), [COL_ACTUAL] = N_("Actual"), [COL_PROGRESS] = N_("Progress"),
	[COL_EXPECTED] = N_("Expected"), [COL_STATUS] = N_("Status"), [COL_HISTORY] = N_("History"),
};

/* Periods the history column shows (the latest ones, of the screen's
 * length: years or quarters). */
#define IND_HISTORY 8

/* The indicator column gives way down to this many cells (four Chinese
 * characters and the ellipsis) before the others scroll sideways; with
 * the history and then the expected share left out for want of room,
 * the status fits at 80 columns. */
#define IND_NAME_MIN 10
#define IND_NAME_MAX 60

struct indscreen {
	struct db *db;                    /* not owned */
	struct region_list regions;       /* owned */
	size_t region;                    /* index in regions (if regions.n > 0) */
	struct period period;
	struct ind_set set;               /* owned */
	struct grid grid;                 /* the cells shown, one row per indicator; owned */
	struct table_col cols[NCOLS];
	struct table table;
	char *error;                      /* the last load's error; owned */
	struct frame *frame;              /* for forms opened from a popup; not owned */
	size_t popup_row;                 /* the row whose targets the popup lists */
	long long *popup_ids;             /* their target ids, in the popup's order; owned */
	int sort_col;                     /* -1: the documents' order */
	int sort_desc;
	char *titles[NCOLS];              /* translated, with the sort mark; owned */
	char *search;                     /* the last search (n/N); owned */
	long search_from;                 /* the row the search prompt started on */
};

static const struct binding ind_keys[] = {
	{ 4, N_("Edit"), "e  F4", N_("Correct the figure of the indicator (this period's, else the latest)") },
	{ 5, N_("Refresh"), "F5", N_("Read the figures again (other clerks' changes)") },
	{ 7, N_("Add"), "a  Insert  F7", N_("Add a figure for the indicator (region and period can be changed)") },
	{ 8, N_("Delete"), "d  Delete  F8", N_("Delete the figure (asks first)") },
	{ 0, N_("Region"), "r", N_("Choose the region") },
	{ 0, N_("Period"), "[ ]  Shift-Left/Right", N_("Previous or next period") },
	{ 0, N_("Qtr/Yr"), "{ }  Shift-Down/Up", N_("Quarters or years") },
	{ 0, N_("Target"), "t", N_("Edit the target in force, or add one") },
	{ 3, N_("Search"), "/  F3  n N", N_("Search the indicators as you type; n and N go to the next and previous") },
	{ 0, NULL, "s", N_("Sort by the current column (again: the other way)") },
	{ 0, NULL, "Esc", N_("Back to the documents' order, and forget the search") },
	{ 0, NULL, "Up Down  j k", N_("Previous or next indicator") },
	{ 0, NULL, "PgUp PgDn", N_("A screenful up or down") },
	{ 0, NULL, "Home End  g G", N_("First or last indicator") },
	{ 0, NULL, "Left Right  h l", N_("Scroll the columns sideways (the indicator stays)") },
	{ 0, NULL, "Enter", N_("Every target of the indicator, with its document") },
	{ 0, NULL, "*", N_("(after a target) other documents set a different target for that year") },
	{ 0, NULL, "Σ", N_("(after an actual) made from the counties' figures: the city reported none") },
	{ 0, NULL, "#", N_("(after an actual) counted from a register that is complete for the region") },
	{ 0, NULL, "!", N_("(after an actual) the register counts otherwise, but is not complete: the official figure stands") },
	{ 0, NULL, NULL, NULL }
};

/* The targets popup: choose the one in force, edit, add. */
static const struct binding ind_target_keys[] = {
	{ 4, N_("Edit"), "Enter  e  F4", N_("Edit the target and its document") },
	{ 7, N_("Add"), "a  F7", N_("Add a target (another document)") },
	{ 0, N_("In force"), "c", N_("Make this target the one in force") },
	{ 0, NULL, NULL, NULL }
};

/* "2025" or "2025 Q3"; in Chinese 2025年, 2025年第3季度. */
static void ind_period_text(struct period p, char *buf, size_t size)
{
	int zh = i18n_get() == LANG_ZH;
	if (p.quarter)
		snprintf(buf, size, zh ? "%d年第%d季度" : "%d Q%d", p.year, p.quarter);
	else
		snprintf(buf, size, zh ? "%d年" : "%d", p.year);
}

/* Do other documents set a different figure for the year in force? */
static int ind_clash(const struct ind_row *r)
{
	for (size_t i = 0; i < r->n_others; i++)
		if (fabs(r->others[i].value - r->target.value) > 1e-9 ||
		    strcmp(r->others[i].cmp, r->target.cmp) != 0)
			return 1;
	return 0;
}

/* "300 (2025)", ">=50 (2025)". */
static char *ind_target_text(const struct ind_target *t, int decimals)
{
	char num[32];
	return xasprintf("%s%s (%d)", strcmp(t->cmp, "=") != 0 ? t->cmp : "",
	                 fmt_num(num, sizeof num, t->value, decimals), t->year);
}

/* The latest IND_HISTORY figures of the row up to the screen's period,
 * of its length (years or quarters), as a one-line chart. */
static char *ind_history(struct indscreen *s, const struct ind_row *r)
{
	char (*periods)[12] = NULL, end[16], pend[16];
	double *values = NULL;
	size_t n = 0, k = 0;
	if (indview_history(s->db, r->indicator_id, r->region_id, &periods, &values, &n, NULL) != ST_OK)
		return xstrdup("");
	period_end(s->period, end, sizeof end);
	for (size_t i = 0; i < n; i++) {
		struct period p;
		if (period_parse(periods[i], &p) != 0 || (p.quarter != 0) != (s->period.quarter != 0) ||
		    strcmp(period_end(p, pend, sizeof pend), end) > 0)
			continue;
		values[k++] = values[i];
	}
	char *t = spark_text(values, k, IND_HISTORY, scr_ascii());
	free(periods);
	free(values);
	return t;
}

/* Σ is as wide as the terminal's CJK setting says: with --ascii, "+". */
static char *ind_ascii_marks(char *text)
{
	char *at;
	if (text == NULL || !scr_ascii())
		return text;
	while ((at = strstr(text, "Σ")) != NULL) {
		*at = '+';
		memmove(at + 1, at + strlen("Σ"), strlen(at + strlen("Σ")) + 1);
	}
	return text;
}

static void ind_fill_row(struct indscreen *s, const struct ind_row *r)
{
	char num[32];
	char *cells[NCOLS] = { 0 };
	cells[COL_NAME] = xstrdup(r->name);
	cells[COL_UNIT] = xstrdup(r->unit ? r->unit : "");
	cells[COL_BASE] = r->has_baseline
	    ? xasprintf("%s (%d)", fmt_num(num, sizeof num, r->baseline, r->decimals), r->baseline_year)
	    : xstrdup("-");
	/* the mark keeps its cell, so that the figures stay aligned */
	if (r->has_target) {
		char *t = ind_target_text(&r->target, r->decimals);
		cells[COL_TARGET] = xasprintf("%s%s", t, ind_clash(r) ? "*" : " ");
		free(t);
	} else {
		cells[COL_TARGET] = xstrdup("- ");
	}
	/* how the figure was had (Σ, #, !; the status line tells the
	 * selected one's numbers), and without an official figure the
	 * incomplete register's count, for what it is worth */
	const char *mark = indview_mark(r);
	char counted[64] = "";
	if (r->has_counted && !r->register_full && !r->has_actual)
		snprintf(counted, sizeof counted, tr(" reg. %s"),
		         fmt_num(num, sizeof num, r->counted, 0));
	cells[COL_ACTUAL] = r->has_actual
	    ? xasprintf("%s (%s)%s%s%s", fmt_num(num, sizeof num, r->actual, r->decimals),
	                r->actual_period, *mark ? " " : "", mark, counted)
	    : xasprintf("-%s", counted);
	ind_ascii_marks(cells[COL_ACTUAL]);
	cells[COL_PROGRESS] = r->has_progress
	    ? xasprintf("%s%%", fmt_num(num, sizeof num, r->progress_pct, 1))
	    : xstrdup("-");
	cells[COL_EXPECTED] = r->has_expected
	    ? xasprintf("%s%%", fmt_num(num, sizeof num, r->expected_pct, 0))
	    : xstrdup("-");
	cells[COL_STATUS] = xstrdup(ind_status_label(r->status));
	cells[COL_HISTORY] = ind_history(s, r);
	grid_add(&s->grid, (const char *const *)cells);
	for (int c = 0; c < NCOLS; c++)
		free(cells[c]);
}

/* ---- sorting: the set is sorted in place, so that row i of the table
 * is row i of the set everywhere (forms, refresh) ---- */

static int sort_col, sort_desc;   /* for the comparison; qsort has no context */

/* The figure a column sorts by; 0 if the row has none (those go last). */
static int ind_sort_value(const struct ind_row *r, int col, double *v)
{
	switch (col) {
	case COL_BASE:     *v = r->baseline; return r->has_baseline;
	case COL_TARGET:   *v = r->target.value; return r->has_target;
	case COL_ACTUAL:   *v = r->actual; return r->has_actual;
	case COL_PROGRESS: *v = r->progress_pct; return r->has_progress;
	case COL_EXPECTED: *v = r->expected_pct; return r->has_expected;
	case COL_STATUS:
		/* most in need of attention first: at risk, behind, on track, met */
		*v = r->status == IND_AT_RISK ? 0 : r->status == IND_BEHIND ? 1 :
		     r->status == IND_ON_TRACK ? 2 : r->status == IND_MET ? 3 : 4;
		return r->status != IND_NO_TARGET && r->status != IND_NO_DATA;
	}
	return -1;
}

static int ind_cmp(const void *a, const void *b)
{
	const struct ind_row *x = a, *y = b;
	double vx, vy;
	int hx = ind_sort_value(x, sort_col, &vx), hy = ind_sort_value(y, sort_col, &vy);
	int c;
	if (hx < 0) {              /* a text column */
		const char *tx = sort_col == COL_UNIT ? x->unit : x->name;
		const char *ty = sort_col == COL_UNIT ? y->unit : y->name;
		c = strcmp(tx ? tx : "", ty ? ty : "");
	} else if (hx != hy) {
		return hx ? -1 : 1;    /* rows without a figure last, either way */
	} else {
		c = !hx ? 0 : vx < vy ? -1 : vx > vy ? 1 : 0;
	}
	if (sort_desc)
		c = -c;
	/* ties keep the documents' order */
	return c ? c : (x->indicator_id < y->indicator_id ? -1 : x->indicator_id > y->indicator_id);
}

static void ind_titles(struct indscreen *s)
{
	for (int c = 0; c < NCOLS; c++) {
		free(s->titles[c]);
		s->titles[c] = c == s->sort_col
		    ? xasprintf("%s %s", tr(ind_col_titles[c]),
		                s->sort_desc ? "v" : "^")
		    : xstrdup(tr(ind_col_titles[c]));
		s->cols[c].title = s->titles[c];
	}
}

/* Format the set into the grid and size the columns to it. */
static void ind_fill(struct indscreen *s)
{
	grid_free(&s->grid);
	for (size_t i = 0; i < s->set.n; i++)
		ind_fill_row(s, &s->set.rows[i]);
	for (int c = 0; c < NCOLS; c++) {
		int w = grid_width(&s->grid, c), tw = width_str(s->cols[c].title);
		s->cols[c].max = w;
		/* figures and titles are never cut: the columns scroll instead */
		s->cols[c].min = w > tw ? w : tw;
	}
	if (s->cols[COL_NAME].max > IND_NAME_MAX)
		s->cols[COL_NAME].max = IND_NAME_MAX;
	s->cols[COL_NAME].min = IND_NAME_MIN;
	table_reload(&s->table);
	table_relayout(&s->table);
}

static long long ind_region_id(const struct indscreen *s)
{
	return s->regions.n ? s->regions.items[s->region].id : 0;
}

/* Load the set for the region and period; on failure keep what is shown
 * and say why on the status line. */
static void ind_load(struct indscreen *s)
{
	struct ind_set set;
	char *err = NULL;
	free(s->error);
	s->error = NULL;
	if (indview_load(s->db, s->period, ind_region_id(s), &set, &err) != ST_OK) {
		s->error = err;
		return;
	}
	indview_free(&s->set);
	s->set = set;
	if (s->sort_col >= 0) {
		sort_col = s->sort_col;
		sort_desc = s->sort_desc;
		qsort(s->set.rows, s->set.n, sizeof *s->set.rows, ind_cmp);
	}
	ind_fill(s);
}

void *indscreen_new(struct db *db)
{
	static const enum table_align align[NCOLS] = {
		[COL_NAME] = TA_LEFT, [COL_UNIT] = TA_LEFT, [COL_BASE] = TA_RIGHT,
		[COL_TARGET] = TA_RIGHT, [COL_ACTUAL] = TA_RIGHT, [COL_PROGRESS] = TA_RIGHT,
		[COL_EXPECTED] = TA_RIGHT, [COL_STATUS] = TA_LEFT, [COL_HISTORY] = TA_LEFT,
	};
	struct indscreen *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	s->db = db;
	s->period = period_now(0);
	grid_init(&s->grid, NCOLS);
	s->sort_col = -1;
	for (int c = 0; c < NCOLS; c++) {
		s->cols[c].align = align[c];
		s->cols[c].frozen = c == COL_NAME;
	}
	/* the least needed give way first: the history, then the share of the
	 * time gone (the status already compares it with the progress) */
	s->cols[COL_HISTORY].drop = 2;
	s->cols[COL_EXPECTED].drop = 1;
	ind_titles(s);
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, NCOLS, src);
	table_colcursor(&s->table, 1);
	s->table.scroll_at_once = 1;   /* Right shows more columns at once */
	if (region_list_load(db, &s->regions, &err) != ST_OK) {
		s->error = err;
		return s;
	}
	ind_load(s);
	return s;
}

void indscreen_free(void *self)
{
	struct indscreen *s = self;
	if (s == NULL)
		return;
	region_list_free(&s->regions);
	indview_free(&s->set);
	grid_free(&s->grid);
	free(s->error);
	free(s->popup_ids);
	free(s->search);
	for (int c = 0; c < NCOLS; c++)
		free(s->titles[c]);
	free(s);
}

static const char *ind_kind_label(const char *kind)
{
	static const struct { const char *kind, *label; } kinds[] = {
		{ "province", N_("Province") }, { "city", N_("City") }, { "county", N_("County") },
		{ "county_city", N_("County-level city") }, { "district", N_("District") },
		{ "park", N_("Park") }, { "township", N_("Township") },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return tr(kinds[i].label);
	return kind;
}

static void ind_pick_region(void *ctx, size_t row)
{
	struct indscreen *s = ctx;
	if (row < s->regions.n && row != s->region) {
		s->region = row;
		ind_load(s);
	}
}

static void ind_region_popup(struct indscreen *s, struct frame *f)
{
	static const enum table_align align[] = { TA_LEFT, TA_LEFT };
	const char *titles[] = { tr("Region"), tr("Kind") };
	if (s->regions.n == 0) {
		frame_message(f, "%s", tr("This database has no regions"));
		return;
	}
	struct popup *p = popup_new(tr("Choose the region"), 2, titles, align);
	for (size_t i = 0; i < s->regions.n; i++) {
		const struct region_item *it = &s->regions.items[i];
		char *name = xasprintf("%*s%s", 2 * it->depth, "", it->name);
		const char *row[] = { name, ind_kind_label(it->kind) };
		grid_add(&p->grid, row);
		free(name);
	}
	p->pick = ind_pick_region;
	p->ctx = s;
	popup_ready(p, s->region);
	frame_popup(f, p);
}

/* The row's targets into the popup's grid, the one in force first. */
static void ind_targets_fill(struct indscreen *s, struct popup *p)
{
	const struct ind_row *r = &s->set.rows[s->popup_row];
	grid_free(&p->grid);
	free(s->popup_ids);
	s->popup_ids = xcalloc(r->n_others + 1, sizeof *s->popup_ids);
	for (size_t k = 0; r->has_target && k <= r->n_others; k++) {
		const struct ind_target *t = k == 0 ? &r->target : &r->others[k - 1];
		char *value = ind_target_text(t, r->decimals);
		char *v = xasprintf("%s %s", value, r->unit ? r->unit : "");
		char year[16];
		snprintf(year, sizeof year, "%d", t->year);
		const char *row[] = { t->source, t->issued_on, year, v,
		                      k == 0 ? tr("in force") : tr("not in force") };
		grid_add(&p->grid, row);
		s->popup_ids[k] = t->id;
		free(value);
		free(v);
	}
}

/* Read the row again after a save, and show it (only its figures are
 * read; curses sends only the cells that changed). */
static void ind_refresh_row(struct indscreen *s, size_t i)
{
	char *err = NULL;
	if (indview_reload_row(s->db, s->period, &s->set.rows[i], &err) != ST_OK) {
		frame_message(s->frame, "%s", err);
		free(err);
	}
	ind_fill(s);
}

static int ind_targets_key(struct popup *p, int key)
{
	struct indscreen *s = p->ctx;
	size_t k = table_selected(&p->table);
	const struct ind_row *r = &s->set.rows[s->popup_row];
	char *err = NULL;
	int changed = 0;
	if (k == (size_t)-1)
		return 0;
	switch (key) {
	case 'c':
		if (target_choose(s->db, s->popup_ids[k], &err) != ST_OK) {
			frame_message(s->frame, "%s", err);
			free(err);
			return 1;
		}
		frame_message(s->frame, tr("In force now: %s"), grid_cell(&p->grid, k, 0));
		changed = 1;
		k = 0;
		break;
	case '\n': case 'e': case KC_F(4):
		changed = indedit_target(s->frame, s->db, r, s->popup_ids[k]);
		break;
	case 'a': case KC_F(7):
		changed = indedit_target(s->frame, s->db, r, 0);
		break;
	default:
		return 0;
	}
	if (changed) {
		ind_refresh_row(s, s->popup_row);
		ind_targets_fill(s, p);
		popup_ready(p, k);
		popup_place(p);
	}
	frame_uncover(s->frame);
	return 1;
}

/* Enter: every target the documents set for the indicator's year in
 * force; c makes one the target in force, Enter or e edits it, a adds. */
static void ind_targets_popup(struct indscreen *s, struct frame *f)
{
	static const enum table_align align[] = { TA_LEFT, TA_LEFT, TA_RIGHT, TA_RIGHT, TA_LEFT };
	const char *titles[] = { tr("Document"), tr("Issued"), tr("Year"), tr("Target"), tr("Status") };
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1 || i >= s->set.n)
		return;
	const struct ind_row *r = &s->set.rows[i];
	if (!r->has_target) {
		if (indedit_target(f, s->db, r, 0))
			ind_refresh_row(s, i);
		return;
	}
	char *title = xasprintf(tr("%s (%s)"), r->name, r->region);
	struct popup *p = popup_new(title, 5, titles, align);
	s->popup_row = i;
	ind_targets_fill(s, p);
	p->key = ind_targets_key;
	p->ctx = s;
	p->bindings = ind_target_keys;
	popup_ready(p, 0);
	frame_popup(f, p);
	free(title);
}

static void ind_set_period(struct indscreen *s, struct period p)
{
	if (p.year < 1900 || p.year > 2999)
		return;
	s->period = p;
	ind_load(s);
}

/* Quarters: the current quarter in the current year, else the fourth. */
static void ind_quarters(struct indscreen *s)
{
	struct period now = period_now(1);
	if (s->period.quarter == 0)
		ind_set_period(s, now.year == s->period.year ? now : period_as_quarter(s->period));
}

/* The selected row, or NULL (and a message) when there is none. */
static const struct ind_row *ind_current(struct indscreen *s, size_t *index)
{
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1 || i >= s->set.n) {
		frame_message(s->frame, "%s", tr("No indicator here"));
		return NULL;
	}
	*index = i;
	return &s->set.rows[i];
}

/* a, e, d and t on the selected indicator. */
static void ind_edit(struct indscreen *s, int what)
{
	size_t i;
	const struct ind_row *r = ind_current(s, &i);
	int changed = 0;
	if (r == NULL)
		return;
	switch (what) {
	case 'a': changed = indedit_obs(s->frame, s->db, &s->regions, r, s->period, 0); break;
	case 'e': changed = indedit_obs(s->frame, s->db, &s->regions, r, s->period, 1); break;
	case 'd': changed = indedit_obs_delete(s->frame, s->db, r, s->period); break;
	case 't': changed = indedit_target(s->frame, s->db, r, r->has_target ? r->target.id : 0); break;
	}
	if (changed)
		ind_refresh_row(s, i);
}

/* ---- search and sort ---- */


/* The next row after `from` (dir > 0) or before it whose indicator or
 * unit holds text (full-width forms, spaces and case folded), wrapping;
 * -1 if none. */
static long ind_find(struct indscreen *s, long from, int dir, const char *text)
{
	long n = (long)s->set.n;
	char *want = fold_name(text);
	long hit = -1;
	for (long k = 1; k <= n && hit < 0 && *want; k++) {
		long i = ((from + dir * k) % n + n) % n;
		const struct ind_row *r = &s->set.rows[i];
		char *a = fold_name(r->name), *b = fold_name(r->unit ? r->unit : "");
		if (strstr(a, want) || strstr(b, want))
			hit = i;
		free(a);
		free(b);
	}
	free(want);
	return hit;
}

static void ind_search_changed(void *ctx, struct frame *f, const char *text)
{
	struct indscreen *s = ctx;
	long hit = *text ? ind_find(s, s->search_from - 1, 1, text) : s->search_from;
	if (hit >= 0)
		table_go(&s->table, (size_t)hit);
	frame_prompt_label(f, hit >= 0 ? tr("Search: ") : tr("Search (not found): "));
}

static void ind_search_done(void *ctx, struct frame *f, const char *text)
{
	struct indscreen *s = ctx;
	(void)f;
	if (*text) {
		free(s->search);
		s->search = xstrdup(text);
	}
}

static void ind_search_cancel(void *ctx, struct frame *f)
{
	struct indscreen *s = ctx;
	(void)f;
	table_go(&s->table, (size_t)s->search_from);
}

static const struct prompt_ops ind_search_ops = {
	ind_search_changed, ind_search_done, ind_search_cancel
};

static void ind_search_start(struct indscreen *s, struct frame *f)
{
	if (s->set.n == 0)
		return;
	s->search_from = (long)s->table.view.selected;
	frame_prompt(f, tr("Search: "), "", &ind_search_ops, s);
}

static void ind_search_next(struct indscreen *s, struct frame *f, int dir)
{
	long at = (long)s->table.view.selected;
	if (s->search == NULL) {
		frame_message(f, "%s", tr("Nothing to search for yet: press / first"));
		return;
	}
	long hit = s->set.n ? ind_find(s, at, dir, s->search) : -1;
	if (hit < 0) {
		frame_message(f, tr("Not found: %s"), s->search);
		return;
	}
	if ((dir > 0 && hit <= at) || (dir < 0 && hit >= at))
		frame_message(f, "%s", dir > 0 ? tr("Passed the end, went on from the top")
		                               : tr("Passed the top, went on from the end"));
	table_go(&s->table, (size_t)hit);
}

/* Sort by column col (again: the other way), keeping the selected
 * indicator selected. */
static void ind_sort(struct indscreen *s, int col)
{
	if (col < 0 || col == COL_HISTORY)
		return;
	size_t sel = table_selected(&s->table);
	long long keep = sel < s->set.n ? s->set.rows[sel].indicator_id : 0;
	s->sort_desc = s->sort_col == col ? !s->sort_desc : 0;
	s->sort_col = col;
	sort_col = col;
	sort_desc = s->sort_desc;
	qsort(s->set.rows, s->set.n, sizeof *s->set.rows, ind_cmp);
	ind_titles(s);
	ind_fill(s);
	for (size_t i = 0; i < s->set.n; i++)
		if (s->set.rows[i].indicator_id == keep)
			table_go(&s->table, i);
	s->table.dirty_all = 1;
}

static void ind_unsort(struct indscreen *s)
{
	free(s->search);
	s->search = NULL;
	if (s->sort_col < 0)
		return;
	size_t sel = table_selected(&s->table);
	long long keep = sel < s->set.n ? s->set.rows[sel].indicator_id : 0;
	s->sort_col = -1;
	ind_titles(s);
	ind_load(s);
	for (size_t i = 0; i < s->set.n; i++)
		if (s->set.rows[i].indicator_id == keep)
			table_go(&s->table, i);
	s->table.dirty_all = 1;
}

static int ind_key(void *self, struct frame *f, int key, int focused)
{
	struct indscreen *s = self;
	s->frame = f;
	switch (key) {
	case 'r':
		ind_region_popup(s, f);
		return 1;
	case KC_F(5):
		ind_load(s);
		return 1;
	case '[': case KC_KEY(KEY_SLEFT):
		ind_set_period(s, period_step(s->period, -1));
		return 1;
	case ']': case KC_KEY(KEY_SRIGHT):
		ind_set_period(s, period_step(s->period, 1));
		return 1;
	case '{': case KC_KEY(KEY_SF):
		ind_quarters(s);
		return 1;
	case '}': case KC_KEY(KEY_SR):
		if (s->period.quarter)
			ind_set_period(s, period_as_year(s->period));
		return 1;
	case 'a': case KC_KEY(KEY_IC): case KC_F(7):
		ind_edit(s, 'a');
		return 1;
	case 'e': case KC_F(4):
		ind_edit(s, 'e');
		return 1;
	case 'd': case KC_KEY(KEY_DC): case KC_F(8):
		ind_edit(s, 'd');
		return 1;
	case 't':
		ind_edit(s, 't');
		return 1;
	case '/': case KC_F(3):
		ind_search_start(s, f);
		return 1;
	case 'n': case 'N':
		ind_search_next(s, f, key == 'n' ? 1 : -1);
		return 1;
	case 's':
		ind_sort(s, table_cur_col(&s->table));
		return 1;
	case KC_ESC:
		ind_unsort(s);
		return 1;
	case '\n':
		if (focused)
			ind_targets_popup(s, f);
		return focused;
	default:
		return focused && table_key(&s->table, key);
	}
}

static void ind_place(void *self, WINDOW *win, int h, int w)
{
	struct indscreen *s = self;
	table_place(&s->table, win, 0, 0, h, w);
}

static void ind_draw(void *self, int all)
{
	struct indscreen *s = self;
	table_draw(&s->table, all);
}

static void ind_status(void *self, char *buf, size_t size)
{
	struct indscreen *s = self;
	char period[32];
	if (s->error != NULL) {
		snprintf(buf, size, "%s", s->error);
		return;
	}
	ind_period_text(s->period, period, sizeof period);
	snprintf(buf, size, "%s%s%s",
	         s->regions.n ? s->regions.items[s->region].name : tr("every region"),
	         scr_sep(), period);
	/* the selected figure's marks explained */
	size_t i = table_selected(&s->table);
	char *note = ind_ascii_marks(i < s->set.n ? indview_note(&s->set.rows[i]) : NULL);
	if (note != NULL) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", scr_sep(), note);
		free(note);
	}
}

static void ind_position(void *self, char *buf, size_t size)
{
	struct indscreen *s = self;
	table_position(&s->table, buf, size);
}

static void ind_focus(void *self, int on)
{
	struct indscreen *s = self;
	table_focus(&s->table, on);
}

const struct section_ops indscreen_ops = {
	.label = N_("Indicators"),
	.bindings = ind_keys,
	.place = ind_place,
	.draw = ind_draw,
	.key = ind_key,
	.status = ind_status,
	.position = ind_position,
	.focus = ind_focus,
};
