/* funnel.c: the ladder's funnel and the certificate and gazelle views
 * (see funnel.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/choice.h"
#include "core/goal.h"
#include "core/i18n.h"
#include "core/ladder.h"
#include "core/period.h"
#include "core/profile.h"
#include "core/region.h"
#include "core/report.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/funnel.h"
#include "tui/grid.h"
#include "tui/hbar.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/recedit.h"
#include "tui/screen.h"
#include "tui/table.h"

#define FUN_BAR 10            /* cells of a bar */
#define FUN_MAXCOLS 9
#define FUN_WITHIN 90         /* days after the period a certificate's lapse is listed */

enum view { V_FUNNEL, V_CERTS, V_VALID, V_GAZELLE, V_TALENTS, NVIEWS };

/* One row of the funnel view: a region and a rung (or the 高成长性 sum). */
struct frow {
	long long region_id;
	const char *region;          /* in s->regions */
	const char *tier;            /* CH_TIER value; NULL for gazelle + unicorn */
};

struct funnel {
	struct db *db;               /* not owned */
	struct frame *frame;         /* not owned */
	struct region_list regions;  /* the city and the regions under it; owned */
	struct period period;
	enum view view;
	int within;                  /* certificates: days after the period */
	struct grid grid;            /* the cells shown; owned */
	struct table_col cols[FUN_MAXCOLS];
	int ncols;
	struct table table;
	WINDOW *win;
	int h, w, focused;
	struct frow *rows;           /* V_FUNNEL: what each row counts; owned */
	long long *ids;              /* V_GAZELLE: the firm of each row; owned */
	size_t nrows;
	char *note;                  /* a line about the view (criteria, date); owned */
	int note_dirty;              /* the note changed since it was drawn */
	char *error;                 /* owned */
	/* the firms popup */
	struct ladder_firm *firms;
	size_t nfirms;
	size_t firms_row;
};

static const struct binding fun_keys[] = {
	{ 5, N_("Refresh"), "F5", N_("Count again (other clerks' changes)") },
	{ 0, N_("Funnel"), "f", N_("The funnel: firms on each rung per region, against the targets") },
	{ 0, N_("Lapsing"), "c", N_("High-tech certificates lapsed in the period or lapsing soon, with whom to call") },
	{ 0, N_("Valid"), "v", N_("Valid certificates per region and the share that lapse next year") },
	{ 0, N_("Gazelle"), "z", N_("Candidates for the gazelle reserve pool (the criteria of the database)") },
	{ 0, N_("Talents"), "t", N_("Talents brought in this year per region and category, against the targets") },
	{ 0, N_("Period"), "[ ]  Shift-Left/Right", N_("Previous or next period") },
	{ 0, NULL, "{ }", N_("Quarters or years") },
	{ 0, NULL, "+ -", N_("(Lapsing) 30 days more or fewer after the period") },
	{ 0, NULL, "Enter", N_("The firms counted (funnel), or the firm (gazelle); Enter on a firm opens it, m moves it") },
	{ 0, NULL, "Up Down  j k  PgUp PgDn", N_("Move in the list") },
	{ 0, NULL, NULL, NULL }
};

static const struct binding fun_firm_keys[] = {
	{ 0, N_("Open"), "Enter", N_("The firm's record: its history; m moves it on the ladder") },
	{ 0, NULL, NULL, NULL }
};

/* ---- the columns of each view ---- */

static void fun_cols(struct funnel *s, const char *const *titles, const enum table_align *al, int n)
{
	memset(s->cols, 0, sizeof s->cols);
	s->ncols = n;
	for (int c = 0; c < n; c++) {
		s->cols[c].title = tr(titles[c]);
		s->cols[c].align = al[c];
		s->cols[c].frozen = c == 0;
	}
	grid_free(&s->grid);
	grid_init(&s->grid, n);
}

/* Columns as wide as their widest cell, never cut (the table scrolls). */
static void fun_fit(struct funnel *s)
{
	for (int c = 0; c < s->ncols; c++) {
		int w = grid_width(&s->grid, c), tw = width_str(s->cols[c].title);
		s->cols[c].min = s->cols[c].max = w > tw ? w : tw;
	}
	if (s->ncols > 1 && s->view != V_FUNNEL && s->cols[0].max > 24)
		s->cols[0].min = 12;
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, s->ncols, src);
	if (s->win != NULL)
		table_place(&s->table, s->win, 1, 0, s->h - 1, s->w);
	table_focus(&s->table, s->focused);
}

static void fun_num(char *buf, size_t size, int has, double v)
{
	if (has)
		fmt_num(buf, size, v, 0);
	else
		snprintf(buf, size, "-");
}

/* ---- the funnel ---- */

/* A row of the funnel: what it counts, and the target of its counter. */
static void fun_add_row(struct funnel *s, const struct region_item *r, const char *tier,
                        const char *counter, struct goal *g)
{
	char *err = NULL;
	if (goal_find(s->db, counter, r->id, s->period.year, g, &err) != ST_OK) {
		free(s->error);
		s->error = err;
	}
	s->rows = xrealloc(s->rows, (s->nrows + 1) * sizeof *s->rows);
	s->rows[s->nrows++] = (struct frow){ r->id, r->name, tier };
}

static void fun_load_funnel(struct funnel *s)
{
	static const char *const titles[] = { N_("Region"), N_("Rung"), N_("Firms"), N_("Count"),
	                                      N_("Target"), N_("Missing") };
	static const enum table_align al[] = { TA_LEFT, TA_LEFT, TA_LEFT, TA_RIGHT, TA_RIGHT, TA_RIGHT };
	size_t per = ladder_nrungs + 1, total = s->regions.n * per;
	long long *counts = xcalloc(total + 1, sizeof *counts), biggest[LADDER_COUNTS] = { 0 };
	long long (*byreg)[LADDER_COUNTS] = xcalloc(s->regions.n + 1, sizeof *byreg);
	struct goal *goals = xcalloc(total + 1, sizeof *goals);
	char *err = NULL;
	fun_cols(s, titles, al, 6);
	if (ladder_counts(s->db, &s->regions, s->period, byreg, &err) != ST_OK) {
		free(s->error);
		s->error = err;
	}
	for (size_t i = 0; i < s->regions.n; i++) {
		const struct region_item *r = &s->regions.items[i];
		for (size_t k = 0; k < per; k++) {
			size_t at = s->nrows;
			fun_add_row(s, r, k < ladder_nrungs ? ladder_rungs[k].tier : NULL,
			            k < ladder_nrungs ? ladder_rungs[k].counter : "high_growth", &goals[at]);
			counts[at] = byreg[i][k];
			if (counts[at] > biggest[k])
				biggest[k] = counts[at];
		}
	}
	free(byreg);
	for (size_t i = 0; i < s->nrows; i++) {
		const struct frow *fr = &s->rows[i];
		size_t k = i % per;
		char c[32], t[32], m[32];
		/* against the target; without one, against the biggest region */
		double scale = goals[i].has && goals[i].value > 0 ? goals[i].value
		             : biggest[k] > 0 ? (double)biggest[k] : 1;
		char *bar = hbar_text(counts[i] / scale, FUN_BAR, scr_ascii());
		const char *rung = fr->tier ? choice_label(choice_by_value(&CH_TIER, fr->tier))
		                            : tr("High-growth");
		fmt_num(c, sizeof c, (double)counts[i], 0);
		fun_num(t, sizeof t, goals[i].has, goals[i].value);
		fun_num(m, sizeof m, goals[i].has, goal_missing(&goals[i], (double)counts[i]));
		const char *row[] = { fr->region, rung, bar, c, t, m };
		grid_add(&s->grid, row);
		free(bar);
	}
	free(counts);
	free(goals);
	char end[16];
	s->note = xasprintf(tr("Firms on each rung on %s; high-tech: certificates valid that day. "
	                       "Enter lists the firms."), period_end(s->period, end, sizeof end));
}

/* ---- certificates ---- */

static void fun_load_certs(struct funnel *s)
{
	struct report_ctx c = { .db = s->db, .p = s->period, .within_days = s->within };
	struct rtable t;
	char *err = NULL;
	static const enum table_align al[] = { TA_LEFT, TA_LEFT, TA_LEFT, TA_LEFT, TA_LEFT,
	                                       TA_LEFT, TA_RIGHT, TA_LEFT, TA_LEFT };
	static const int order[] = { 1, 2, 5, 6, 7, 8, 3, 4, 0 };   /* name first */
	int rc = rep_certificates_rows(&c, &t, &err);
	const char *titles[FUN_MAXCOLS];
	enum table_align a[FUN_MAXCOLS];
	for (int k = 0; k < t.ncol && k < FUN_MAXCOLS; k++) {
		titles[k] = t.keys[order[k]];
		a[k] = al[order[k]];
	}
	fun_cols(s, titles, a, t.ncol < FUN_MAXCOLS ? t.ncol : FUN_MAXCOLS);
	if (rc != ST_OK) {
		s->error = err;
	} else {
		for (size_t i = 0; i < t.n; i++) {
			const char *row[FUN_MAXCOLS];
			for (int k = 0; k < s->ncols; k++)
				row[k] = t.cells[i * (size_t)t.ncol + (size_t)order[k]].text;
			grid_add(&s->grid, row);
		}
		char end[16];
		s->note = xasprintf(tr("Lapsed since the period began or lapsing by %d days after %s "
		                       "(+ - change it); valid three years from issue"), s->within,
		                    period_end(s->period, end, sizeof end));
	}
	rt_free(&t);
}

static void fun_load_valid(struct funnel *s)
{
	static const char *const titles[] = { N_("Region"), N_("Valid certificates"),
	                                      N_("Lapse next year"), N_("Share") };
	static const enum table_align al[] = { TA_LEFT, TA_RIGHT, TA_RIGHT, TA_RIGHT };
	fun_cols(s, titles, al, 4);
	for (size_t i = 0; i < s->regions.n; i++) {
		long long valid = 0, lapse = 0;
		char *err = NULL;
		if (cert_counts(s->db, s->regions.items[i].id, s->period, &valid, &lapse, &err) != ST_OK) {
			s->error = err;
			return;
		}
		char v[32], l[32], share[32], pct[40];
		snprintf(v, sizeof v, "%lld", valid);
		snprintf(l, sizeof l, "%lld", lapse);
		if (valid)
			snprintf(pct, sizeof pct, "%s%%", fmt_num(share, sizeof share, 100.0 * lapse / valid, 1));
		else
			snprintf(pct, sizeof pct, "-");
		const char *row[] = { s->regions.items[i].name, v, l, pct };
		grid_add(&s->grid, row);
	}
	char end[16];
	s->note = xasprintf(tr("Valid on %s; lapsing in %d"), period_end(s->period, end, sizeof end),
	                    s->period.year + 1);
}

static void fun_load_gazelle(struct funnel *s)
{
	static const char *const titles[] = { N_("Enterprise"), N_("Region"), N_("Rung"), N_("Years"),
	                                      N_("Yearly growth"), N_("R&D share"), N_("In the pool") };
	static const enum table_align al[] = { TA_LEFT, TA_LEFT, TA_LEFT, TA_LEFT, TA_RIGHT,
	                                       TA_RIGHT, TA_LEFT };
	struct gazelle *g;
	size_t n;
	char *err = NULL;
	fun_cols(s, titles, al, 7);
	if (gazelle_candidates(s->db, 0, s->period, &g, &n, &err) != ST_OK) {
		s->error = err;
		return;
	}
	s->ids = xcalloc(n + 1, sizeof *s->ids);
	for (size_t i = 0; i < n; i++) {
		char years[32], gr[32], rnd[32];
		snprintf(years, sizeof years, "%d-%d", g[i].year_from, g[i].year_to);
		fmt_num(gr, sizeof gr, g[i].growth_pct, 1);
		if (g[i].rnd_pct < 0)
			snprintf(rnd, sizeof rnd, "-");
		else
			fmt_num(rnd, sizeof rnd, g[i].rnd_pct, 1);
		const char *row[] = { g[i].name, g[i].region,
		                      choice_label(choice_by_value(&CH_TIER, g[i].tier)), years, gr, rnd,
		                      g[i].in_pool ? tr("yes") : tr("no") };
		grid_add(&s->grid, row);
		s->ids[i] = g[i].id;
	}
	s->nrows = n;
	gazelle_free(g, n);
	char *crit = gazelle_criteria_text(s->db);
	s->note = xasprintf(tr("Criteria: %s"), crit);
	free(crit);
}

/* The talents section of the report, with a bar of each count against
 * its target. */
static void fun_load_talents(struct funnel *s)
{
	static const char *const titles[] = { N_("Region"), N_("Category"), N_("Talents"), N_("Count"),
	                                      N_("Target"), N_("Missing") };
	static const enum table_align al[] = { TA_LEFT, TA_LEFT, TA_LEFT, TA_RIGHT, TA_RIGHT, TA_RIGHT };
	struct report_ctx c = { .db = s->db, .p = s->period };
	struct rtable t;
	char *err = NULL;
	fun_cols(s, titles, al, 6);
	rt_init(&t, report_talents.columns);
	if (report_talents.fill(&c, &t, &err) != ST_OK) {
		s->error = err;
		rt_free(&t);
		return;
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct rcell *r = &t.cells[i * (size_t)t.ncol];
		char *bar = hbar_text(r[3].text ? r[2].num / (r[3].num > 0 ? r[3].num : 1) : 0, FUN_BAR,
		                      scr_ascii());
		const char *row[] = { r[0].text, r[1].text, bar, r[2].text,
		                      r[3].text ? r[3].text : "-", r[4].text ? r[4].text : "-" };
		grid_add(&s->grid, row);
		free(bar);
	}
	rt_free(&t);
	char end[16];
	s->note = xasprintf(tr("Came on duty from %d-01-01 to %s; brokers and the city's foreign "
	                       "experts: on duty"), s->period.year, period_end(s->period, end, sizeof end));
}

static void fun_load(struct funnel *s)
{
	free(s->rows);
	free(s->ids);
	free(s->note);
	free(s->error);
	s->rows = NULL;
	s->ids = NULL;
	s->note = s->error = NULL;
	s->nrows = 0;
	size_t keep = table_selected(&s->table);
	switch (s->view) {
	case V_FUNNEL:  fun_load_funnel(s); break;
	case V_CERTS:   fun_load_certs(s); break;
	case V_VALID:   fun_load_valid(s); break;
	case V_TALENTS: fun_load_talents(s); break;
	default:        fun_load_gazelle(s); break;
	}
	fun_fit(s);
	s->note_dirty = 1;
	if (keep != (size_t)-1)
		table_go(&s->table, keep);
}

/* ---- the firms a row counts ---- */

static void fun_firms_fill(struct funnel *s, struct popup *p)
{
	const struct frow *fr = &s->rows[s->firms_row];
	char *err = NULL;
	ladder_firms_free(s->firms, s->nfirms);
	s->firms = NULL;
	s->nfirms = 0;
	grid_free(&p->grid);
	grid_init(&p->grid, 4);
	const char *tiers[2] = { fr->tier, NULL };
	if (fr->tier == NULL) {
		tiers[0] = "gazelle";
		tiers[1] = "unicorn";
	}
	for (int k = 0; k < 2 && tiers[k]; k++) {
		struct ladder_firm *f;
		size_t n;
		if (ladder_firms(s->db, tiers[k], fr->region_id, s->period, &f, &n, &err) != ST_OK) {
			frame_message(s->frame, "%s", err);
			free(err);
			return;
		}
		s->firms = xrealloc(s->firms, (s->nfirms + n + 1) * sizeof *s->firms);
		memcpy(s->firms + s->nfirms, f, n * sizeof *f);
		s->nfirms += n;
		free(f);
	}
	for (size_t i = 0; i < s->nfirms; i++) {
		const char *row[] = { s->firms[i].name, s->firms[i].uscc, s->firms[i].region,
		                      s->firms[i].valid_to ? s->firms[i].valid_to : "" };
		grid_add(&p->grid, row);
	}
}

static void fun_open_firm(struct funnel *s, long long id)
{
	if (recedit_view(s->frame, s->db, profile_find("enterprises"), id) != RECEDIT_NONE)
		fun_load(s);
}

static int fun_firms_key(struct popup *p, int key)
{
	struct funnel *s = p->ctx;
	size_t k = table_selected(&p->table);
	if (key != '\n' || k == (size_t)-1 || k >= s->nfirms)
		return 0;
	fun_open_firm(s, s->firms[k].id);
	fun_firms_fill(s, p);
	popup_ready(p, k);
	popup_place(p);
	frame_uncover(s->frame);
	return 1;
}

static void fun_firms_popup(struct funnel *s)
{
	static const enum table_align al[] = { TA_LEFT, TA_LEFT, TA_LEFT, TA_LEFT };
	const char *titles[] = { tr("Enterprise"), tr("USCC"), tr("Region"), tr("Certificate valid to") };
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1 || i >= s->nrows)
		return;
	const struct frow *fr = &s->rows[i];
	const char *rung = fr->tier ? choice_label(choice_by_value(&CH_TIER, fr->tier))
	                            : tr("High-growth");
	char *title = xasprintf("%s %s", fr->region, rung);
	struct popup *p = popup_new(title, 4, titles, al);
	free(title);
	s->firms_row = i;
	fun_firms_fill(s, p);
	p->key = fun_firms_key;
	p->ctx = s;
	p->bindings = fun_firm_keys;
	popup_ready(p, 0);
	frame_popup(s->frame, p);
}

/* ---- the section ---- */

void *funnel_new(struct db *db)
{
	struct funnel *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	s->db = db;
	s->period = period_now(0);
	s->within = FUN_WITHIN;
	grid_init(&s->grid, 1);
	if (region_list_under(db, 0, &s->regions, &err) != ST_OK)
		s->error = err;
	fun_load(s);
	return s;
}

void funnel_free(void *self)
{
	struct funnel *s = self;
	if (s == NULL)
		return;
	region_list_free(&s->regions);
	grid_free(&s->grid);
	ladder_firms_free(s->firms, s->nfirms);
	free(s->rows);
	free(s->ids);
	free(s->note);
	free(s->error);
	free(s);
}

static void fun_view(struct funnel *s, enum view v)
{
	if (s->view == v)
		return;
	s->view = v;
	table_go(&s->table, 0);
	fun_load(s);
}

static void fun_period(struct funnel *s, struct period p)
{
	if (p.year < 1900 || p.year > 2999)
		return;
	s->period = p;
	fun_load(s);
}

static int fun_key(void *self, struct frame *f, int key, int focused)
{
	struct funnel *s = self;
	s->frame = f;
	switch (key) {
	case KC_F(5): fun_load(s); return 1;
	case 'f': fun_view(s, V_FUNNEL); return 1;
	case 'c': fun_view(s, V_CERTS); return 1;
	case 'v': fun_view(s, V_VALID); return 1;
	case 'z': fun_view(s, V_GAZELLE); return 1;
	case 't': fun_view(s, V_TALENTS); return 1;
	case '[': case KC_KEY(KEY_SLEFT): fun_period(s, period_step(s->period, -1)); return 1;
	case ']': case KC_KEY(KEY_SRIGHT): fun_period(s, period_step(s->period, 1)); return 1;
	case '{':
		if (s->period.quarter == 0)
			fun_period(s, period_as_quarter(s->period));
		return 1;
	case '}':
		if (s->period.quarter)
			fun_period(s, period_as_year(s->period));
		return 1;
	case '+': case '-':
		if (s->view == V_CERTS && (key == '+' || s->within > 30)) {
			s->within += key == '+' ? 30 : -30;
			fun_load(s);
		}
		return 1;
	case '\n':
		if (!focused)
			return 0;
		if (s->view == V_FUNNEL)
			fun_firms_popup(s);
		else if (s->view == V_GAZELLE && table_selected(&s->table) < s->nrows)
			fun_open_firm(s, s->ids[table_selected(&s->table)]);
		return 1;
	default:
		return focused && table_key(&s->table, key);
	}
}

static void fun_place(void *self, WINDOW *win, int h, int w)
{
	struct funnel *s = self;
	s->win = win;
	s->h = h;
	s->w = w;
	table_place(&s->table, win, 1, 0, h - 1, w);
}

static void fun_draw(void *self, int all)
{
	struct funnel *s = self;
	if ((all || s->note_dirty) && s->win != NULL) {
		s->note_dirty = 0;
		wmove(s->win, 0, 0);
		wclrtoeol(s->win);
		scr_put(s->win, 0, 0, s->note ? s->note : "", s->w, TA_LEFT, scr_attr(ROLE_NORMAL));
	}
	table_draw(&s->table, all);
}

static void fun_status(void *self, char *buf, size_t size)
{
	struct funnel *s = self;
	static const char *const names[NVIEWS] = {
		N_("Funnel"), N_("Lapsing certificates"), N_("Valid certificates"), N_("Gazelle candidates"),
		N_("Talents brought in")
	};
	char p[32];
	if (s->error != NULL) {
		snprintf(buf, size, "%s", s->error);
		return;
	}
	if (s->period.quarter)
		snprintf(p, sizeof p, i18n_get() == LANG_ZH ? "%d年第%d季度" : "%d Q%d", s->period.year,
		         s->period.quarter);
	else
		snprintf(p, sizeof p, i18n_get() == LANG_ZH ? "%d年" : "%d", s->period.year);
	snprintf(buf, size, "%s%s%s", tr(names[s->view]), scr_sep(), p);
}

static void fun_position(void *self, char *buf, size_t size)
{
	struct funnel *s = self;
	table_position(&s->table, buf, size);
}

/* Coming back to the screen counts again: the clerk may have moved a
 * firm or added a talent elsewhere meanwhile. */
static void fun_focus(void *self, int on)
{
	struct funnel *s = self;
	if (on && !s->focused)
		fun_load(s);
	s->focused = on;
	table_focus(&s->table, on);
}

const struct section_ops funnel_ops = {
	.label = N_("Ladder funnel"),
	.bindings = fun_keys,
	.place = fun_place,
	.draw = fun_draw,
	.key = fun_key,
	.status = fun_status,
	.position = fun_position,
	.focus = fun_focus,
};
