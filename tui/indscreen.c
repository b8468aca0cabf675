/* indscreen.c: the indicator table (see indscreen.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/indview.h"
#include "core/period.h"
#include "core/region.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/grid.h"
#include "tui/indscreen.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/screen.h"
#include "tui/table.h"

enum { COL_NAME, COL_UNIT, COL_BASE, COL_TARGET, COL_CLASH, COL_ACTUAL, COL_PROGRESS,
       COL_STATUS, NCOLS };

/* The indicator column gives way down to this many cells before the
 * others scroll sideways. */
#define IND_NAME_MIN 12   /* so that the status still fits at 80 columns */
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
};

static const struct binding ind_keys[] = {
	{ 0, NULL, "Up Down  j k", "Previous or next indicator" },
	{ 0, NULL, "PgUp PgDn", "A screenful up or down" },
	{ 0, NULL, "Home End  g G", "First or last indicator" },
	{ 0, NULL, "Left Right  h l", "Scroll the columns sideways (the indicator stays)" },
	{ 0, NULL, "Enter", "Every target of the indicator, with its document" },
	{ 5, "Region", "r  F5", "Choose the region" },
	{ 7, "Prev", "[  Shift-Left  F7", "Previous period" },
	{ 8, "Next", "]  Shift-Right  F8", "Next period" },
	{ 9, "Yr/Qtr", "{ }  Shift-Up/Down  F9", "Switch between years and quarters" },
	{ 0, NULL, "*", "(Conflict column) other documents set a different target for that year" },
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

static void ind_fill_row(struct indscreen *s, const struct ind_row *r)
{
	char num[32];
	char *cells[NCOLS] = { 0 };
	cells[COL_NAME] = xstrdup(r->name);
	cells[COL_UNIT] = xstrdup(r->unit ? r->unit : "");
	cells[COL_BASE] = r->has_baseline
	    ? xasprintf("%s (%d)", fmt_num(num, sizeof num, r->baseline, r->decimals), r->baseline_year)
	    : xstrdup("-");
	cells[COL_TARGET] = r->has_target ? ind_target_text(&r->target, r->decimals) : xstrdup("-");
	cells[COL_CLASH] = xstrdup(r->has_target && ind_clash(r) ? "*" : "");
	cells[COL_ACTUAL] = r->has_actual
	    ? xasprintf("%s (%s)", fmt_num(num, sizeof num, r->actual, r->decimals), r->actual_period)
	    : xstrdup("-");
	cells[COL_PROGRESS] = r->has_progress
	    ? xasprintf("%s%%", fmt_num(num, sizeof num, r->progress_pct, 1))
	    : xstrdup("-");
	cells[COL_STATUS] = xstrdup(ind_status_label(r->status));
	grid_add(&s->grid, (const char *const *)cells);
	for (int c = 0; c < NCOLS; c++)
		free(cells[c]);
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
	ind_fill(s);
}

void *indscreen_new(struct db *db)
{
	static const struct { const char *title; enum table_align align; } defs[NCOLS] = {
		[COL_NAME]     = { "Indicator", TA_LEFT },
		[COL_UNIT]     = { "Unit", TA_LEFT },
		[COL_BASE]     = { "Baseline", TA_RIGHT },
		[COL_TARGET]   = { "Target", TA_RIGHT },
		[COL_CLASH]    = { "Conflict", TA_CENTER },
		[COL_ACTUAL]   = { "Actual", TA_RIGHT },
		[COL_PROGRESS] = { "Progress", TA_RIGHT },
		[COL_STATUS]   = { "Status", TA_LEFT },
	};
	struct indscreen *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	s->db = db;
	s->period = period_now(0);
	grid_init(&s->grid, NCOLS);
	for (int c = 0; c < NCOLS; c++) {
		s->cols[c].title = tr(defs[c].title);
		s->cols[c].align = defs[c].align;
		s->cols[c].frozen = c == COL_NAME;
	}
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, NCOLS, src);
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
	free(s);
}

static const char *ind_kind_label(const char *kind)
{
	static const struct { const char *kind, *label; } kinds[] = {
		{ "province", "Province" }, { "city", "City" }, { "county", "County" },
		{ "county_city", "County-level city" }, { "district", "District" },
		{ "park", "Park" }, { "township", "Township" },
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

/* Enter: every target the documents set for the indicator's year in force. */
static void ind_targets_popup(struct indscreen *s, struct frame *f)
{
	static const enum table_align align[] = { TA_LEFT, TA_LEFT, TA_RIGHT, TA_RIGHT, TA_LEFT };
	const char *titles[] = { tr("Document"), tr("Issued"), tr("Year"), tr("Target"), tr("Status") };
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1 || i >= s->set.n)
		return;
	const struct ind_row *r = &s->set.rows[i];
	if (!r->has_target) {
		frame_message(f, "%s", tr("No target for this indicator in this region"));
		return;
	}
	char *title = xasprintf("%s (%s)", r->name, r->region);
	struct popup *p = popup_new(title, 5, titles, align);
	for (size_t k = 0; k <= r->n_others; k++) {
		const struct ind_target *t = k == 0 ? &r->target : &r->others[k - 1];
		char *value = ind_target_text(t, r->decimals);
		char *v = xasprintf("%s %s", value, r->unit ? r->unit : "");
		char year[16];
		snprintf(year, sizeof year, "%d", t->year);
		const char *row[] = { t->source, t->issued_on, year, v,
		                      k == 0 ? tr("in force") : tr("not in force") };
		grid_add(&p->grid, row);
		free(value);
		free(v);
	}
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

/* Years to quarters (the current quarter in the current year, else the
 * fourth) and back. */
static void ind_toggle_quarter(struct indscreen *s)
{
	struct period p = s->period;
	if (p.quarter) {
		p = period_as_year(p);
	} else {
		struct period now = period_now(1);
		p = now.year == p.year ? now : period_as_quarter(p);
	}
	ind_set_period(s, p);
}

static int ind_key(void *self, struct frame *f, int key, int focused)
{
	struct indscreen *s = self;
	switch (key) {
	case 'r': case KC_F(5):
		ind_region_popup(s, f);
		return 1;
	case '[': case KC_KEY(KEY_SLEFT): case KC_F(7):
		ind_set_period(s, period_step(s->period, -1));
		return 1;
	case ']': case KC_KEY(KEY_SRIGHT): case KC_F(8):
		ind_set_period(s, period_step(s->period, 1));
		return 1;
	case '{': case '}': case KC_KEY(KEY_SR): case KC_KEY(KEY_SF): case KC_F(9):
		ind_toggle_quarter(s);
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
	.label = "Indicators",
	.bindings = ind_keys,
	.place = ind_place,
	.draw = ind_draw,
	.key = ind_key,
	.status = ind_status,
	.position = ind_position,
	.focus = ind_focus,
};
