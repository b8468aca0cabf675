/* indview.c: the indicator dataset (see indview.h): target in force,
 * conflicting targets, latest actual, progress and status. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/counter.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/indview.h"
#include "core/regfull.h"
#include "core/util.h"

/* Behind by this many points or more of expected progress: at risk. */
#define RISK_GAP 25.0

static char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static void target_free(struct ind_target *t)
{
	free(t->source);
	free(t->issued_on);
}

static void row_free(struct ind_row *r)
{
	free(r->code);
	free(r->name);
	free(r->unit);
	free(r->category);
	free(r->region);
	free(r->baseline_source);
	free(r->ratio_of[0]);
	free(r->ratio_of[1]);
	if (r->has_target)
		target_free(&r->target);
	for (size_t i = 0; i < r->n_others; i++)
		target_free(&r->others[i]);
	free(r->others);
}

void indview_free(struct ind_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		row_free(&s->rows[i]);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

/* Which year's targets apply at period p: the earliest year >= p.year,
 * else the latest before it.  0 if the cell has no target. */
static int target_year(struct db *db, long long ind, long long reg, int year, char **err)
{
	static const char sql[] =
	    "SELECT coalesce((SELECT min(year) FROM target WHERE indicator_id = ?1 AND region_id = ?2"
	    "                  AND year >= ?3),"
	    "                (SELECT max(year) FROM target WHERE indicator_id = ?1 AND region_id = ?2), 0)";
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int y = -1;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, ind);
	sqlite3_bind_int64(st, 2, reg);
	sqlite3_bind_int(st, 3, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		y = sqlite3_column_int(st, 0);
	else
		db_fail(db, "targets", err);
	sqlite3_finalize(st);
	return y;
}

/* All targets of the cell for that year, the one in force first: a
 * clerk's choice, else the document issued last. */
static int load_targets(struct db *db, struct ind_row *r, int year, char **err)
{
	static const char sql[] =
	    "SELECT t.id, t.year, t.value, t.comparator, coalesce(d.number, d.short_name), d.issued_on,"
	    "       t.baseline_year, t.baseline"
	    " FROM target t JOIN policy_doc d ON d.id = t.doc_id"
	    " LEFT JOIN target_choice c ON c.indicator_id = t.indicator_id"
	    "      AND c.region_id = t.region_id AND c.year = t.year"
	    " WHERE t.indicator_id = ?1 AND t.region_id = ?2 AND t.year = ?3"
	    " ORDER BY (c.target_id = t.id) DESC, d.issued_on DESC, t.id DESC";
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, r->indicator_id);
	sqlite3_bind_int64(st, 2, r->region_id);
	sqlite3_bind_int(st, 3, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ind_target t = { 0 };
		t.id = sqlite3_column_int64(st, 0);
		t.year = sqlite3_column_int(st, 1);
		t.value = sqlite3_column_double(st, 2);
		snprintf(t.cmp, sizeof t.cmp, "%s", (const char *)sqlite3_column_text(st, 3));
		t.source = col_text(st, 4);
		t.issued_on = col_text(st, 5);
		if (!r->has_target) {
			r->target = t;
			r->has_target = 1;
		} else {
			r->others = xrealloc(r->others, (r->n_others + 1) * sizeof *r->others);
			r->others[r->n_others++] = t;
		}
		/* a document that sets no baseline takes another's, with
		 * that document named as its source */
		if (!r->has_baseline && sqlite3_column_type(st, 6) != SQLITE_NULL) {
			r->has_baseline = 1;
			r->baseline_year = sqlite3_column_int(st, 6);
			r->baseline = sqlite3_column_double(st, 7);
			r->baseline_source = col_text(st, 4);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "targets", err);
}

/* The latest observation at or before the end of p. */
static int load_actual(struct db *db, struct ind_row *r, struct period p, char **err)
{
	static const char sql[] =
	    "SELECT period, value FROM observation"
	    " WHERE indicator_id = ?1 AND region_id = ?2 AND period_end <= ?3 AND value IS NOT NULL"
	    " ORDER BY period_end DESC, length(period) ASC LIMIT 1";
	char end[16];
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, r->indicator_id);
	sqlite3_bind_int64(st, 2, r->region_id);
	sqlite3_bind_text(st, 3, period_end(p, end, sizeof end), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->has_actual = 1;
		snprintf(r->actual_period, sizeof r->actual_period, "%s",
		         (const char *)sqlite3_column_text(st, 0));
		r->actual = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, "observations", err);
}

/* Flows: the amount expected for the period's year.  The target's own
 * year and later: the target; before it, the point on the line from the
 * baseline to the target (the target when there is no baseline). */
static double flow_goal(const struct ind_row *r, int year)
{
	const struct ind_target *t = &r->target;
	if (year >= t->year || !r->has_baseline || r->baseline_year >= t->year)
		return t->value;
	if (year <= r->baseline_year)
		return r->baseline;
	return r->baseline + (t->value - r->baseline) * (year - r->baseline_year)
	                     / (t->year - r->baseline_year);
}

static enum ind_status judge(const struct ind_row *r, int met)
{
	if (met)
		return IND_MET;
	if (r->progress_pct >= r->expected_pct)
		return IND_ON_TRACK;
	if (r->progress_pct > r->expected_pct - RISK_GAP)
		return IND_BEHIND;
	return IND_AT_RISK;
}

/* A flow's year to date against the share of its year's goal due, at
 * the figure's own period (a year's report may hold a 1-9月 figure). */
static void assess_flow(struct ind_row *r, struct period p)
{
	struct period own;
	if (r->has_actual && period_parse(r->actual_period, &own) == 0) {
		p = own;
	}
	r->has_goal = 1;
	r->goal_year = p.year;
	r->goal = flow_goal(r, p.year);
	r->share_last_year = p.quarter && r->has_last_share;
	r->year_share = !p.quarter ? 1.0 : r->share_last_year ? r->last_share : p.quarter / 4.0;
	r->has_expected = 1;
	r->expected_pct = 100.0 * r->year_share;
	if (!r->has_actual) {
		r->status = IND_NO_DATA;
		return;
	}
	const struct ind_target *t = &r->target;
	int last = p.year >= t->year;   /* the target's year: its figure is the goal */
	int met = last && (r->lower_better ? !p.quarter && r->actual <= r->goal
	                                   : r->actual >= r->goal);
	r->has_progress = 1;
	if (r->goal > 0)
		r->progress_pct = 100.0 * r->actual / r->goal;
	else
		r->progress_pct = r->actual <= 0 ? 100.0 : 0.0;
	if (r->lower_better) {
		/* spending less than the share due is on track */
		double over = r->progress_pct - r->expected_pct;
		r->status = met ? IND_MET : over <= 0 ? IND_ON_TRACK
		          : over < RISK_GAP ? IND_BEHIND : IND_AT_RISK;
		return;
	}
	r->status = judge(r, met);
}

/* A stock's level against the line from its baseline to its target. */
static void assess_stock(struct ind_row *r, struct period p)
{
	const struct ind_target *t = &r->target;
	int issued = t->issued_on ? atoi(t->issued_on) : t->year;
	int base_year = r->has_baseline ? r->baseline_year
	                : (issued - 1 < t->year - 1 ? issued - 1 : t->year - 1);
	r->has_expected = 1;
	r->expected_pct = 100.0 * period_elapsed(p, base_year, t->year);
	if (!r->has_actual) {
		r->status = IND_NO_DATA;
		return;
	}
	int met = r->lower_better ? r->actual <= t->value : r->actual >= t->value;
	double span = r->has_baseline ? t->value - r->baseline : 0;
	r->has_progress = 1;
	if (r->has_baseline && fabs(span) > 1e-12)
		r->progress_pct = 100.0 * (r->actual - r->baseline) / span;
	else if (r->has_baseline || t->value == 0 || r->actual == 0)
		r->progress_pct = met ? 100.0 : 0.0;
	else if (r->lower_better)
		r->progress_pct = 100.0 * t->value / r->actual;
	else
		r->progress_pct = 100.0 * r->actual / t->value;
	r->status = judge(r, met);
}

void indview_assess(struct ind_row *r, struct period p)
{
	r->has_progress = r->has_expected = r->has_goal = 0;
	if (!r->has_target) {
		r->status = IND_NO_TARGET;
		return;
	}
	if (r->sem.nature == IND_FLOW)
		assess_flow(r, p);
	else
		assess_stock(r, p);
}

/* The regions whose figures make a region's: those directly below it
 * that divide it.  Where there are counties, county-level cities and
 * districts, they do, and the parks among them, which lie inside them
 * and report on their own, are left out; elsewhere (a county-level
 * city's 区镇, zones and towns; a county's townships) every region below. */
#define DIVIDING "kind IN ('county','county_city','district')"
#define KIDS "SELECT id FROM region WHERE parent_id = ?2 AND (" DIVIDING \
	" OR NOT EXISTS (SELECT 1 FROM region WHERE parent_id = ?2 AND " DIVIDING "))"

/* The sum of the counties' figures of indicator ind, at `period` if it is
 * not NULL, else at the latest period ending by `end` for which every
 * county has one.  1 found (into *v, *n, got), 0 not, -1 on error. */
static int rolled_sum(struct db *db, long long ind, long long region, const char *end,
                      const char *period, double *v, int *n, char *got, size_t got_size)
{
	static const char sql[] =
	    "WITH kids AS (" KIDS ")"
	    " SELECT o.period, sum(o.value), count(*) FROM observation o"
	    " WHERE o.indicator_id = ?1 AND o.region_id IN (SELECT id FROM kids)"
	    "   AND o.period_end <= ?3 AND o.value IS NOT NULL AND (?4 IS NULL OR o.period = ?4)"
	    " GROUP BY o.period HAVING count(*) = (SELECT count(*) FROM kids)"
	    " ORDER BY max(o.period_end) DESC, length(o.period) ASC LIMIT 1";
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, ind);
	sqlite3_bind_int64(st, 2, region);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_STATIC);
	if (period)
		sqlite3_bind_text(st, 4, period, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = 0;
	if (rc == SQLITE_ROW) {
		found = 1;
		if (got)
			snprintf(got, got_size, "%s", (const char *)sqlite3_column_text(st, 0));
		*v = sqlite3_column_double(st, 1);
		*n = sqlite3_column_int(st, 2);
	} else if (rc != SQLITE_DONE) {
		found = -1;
	}
	sqlite3_finalize(st);
	return found;
}

/* The region's own figure of indicator ind at exactly `period`.  1, 0, -1. */
static int reported(struct db *db, long long ind, long long region, const char *period, double *v)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM observation WHERE indicator_id = ?1"
	                              " AND region_id = ?2 AND period = ?3 AND value IS NOT NULL", NULL);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, ind);
	sqlite3_bind_int64(st, 2, region);
	sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	if (found == 1)
		*v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return found;
}

/* The region's figure at exactly `period`: its own, else (sum) its
 * counties'.  1, 0, -1. */
static int figure_at(struct db *db, long long ind, enum ind_rollup how, long long region,
                     const char *period, double *v)
{
	int n, f = reported(db, ind, region, period, v);
	if (f != 0 || how != IND_ROLL_SUM)
		return f;
	return rolled_sum(db, ind, region, "9999-12-31", period, v, &n, NULL, 0);
}

/* The indicator named `code` (its code or its name): its id and roll-up;
 * 0 if there is none. */
static long long ind_by_code(struct db *db, const char *code, enum ind_rollup *how)
{
	struct ind_sem sem;
	long long id = db_scalar(db, "SELECT id FROM indicator WHERE code = ?1 OR name = ?1", code);
	if (id <= 0 || indsem_load(db, id, &sem, NULL) != ST_OK)
		return 0;
	*how = sem.rollup;
	return id;
}

/* A ratio's figure for the region: 100 x numerator / denominator (for a
 * percent), both the region's own or its counties' sums, at the latest
 * period ending by `end` where both are known.  1, 0, -1. */
static int rolled_ratio(struct db *db, struct ind_row *r, const char *end)
{
	enum ind_rollup hn = IND_ROLL_NONE, hd = IND_ROLL_NONE;
	long long num = ind_by_code(db, r->sem.numerator, &hn);
	long long den = ind_by_code(db, r->sem.denominator, &hd);
	if (num == 0 || den == 0)
		return 0;
	sqlite3_stmt *st = db_prepare(db,
	    "WITH kids AS (" KIDS ")"
	    " SELECT period FROM observation WHERE indicator_id = ?1 AND period_end <= ?3"
	    "   AND (region_id = ?2 OR region_id IN (SELECT id FROM kids)) AND value IS NOT NULL"
	    " GROUP BY period ORDER BY max(period_end) DESC, length(period) ASC LIMIT 8", NULL);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, num);
	sqlite3_bind_int64(st, 2, r->region_id);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_STATIC);
	int rc, found = 0;
	while (found == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *period = (const char *)sqlite3_column_text(st, 0);
		double a, b;
		int fa = figure_at(db, num, hn, r->region_id, period, &a);
		int fb = fa == 1 ? figure_at(db, den, hd, r->region_id, period, &b) : fa;
		if (fa < 0 || fb < 0)
			found = -1;
		else if (fa == 1 && fb == 1 && b != 0) {
			found = 1;
			r->actual = (r->sem.percent ? 100.0 : 1.0) * a / b;
			static const char name[] = "SELECT name FROM indicator WHERE id = ?1";
			r->ratio_of[0] = db_text_of(db, name, num);
			r->ratio_of[1] = db_text_of(db, name, den);
			snprintf(r->actual_period, sizeof r->actual_period, "%s", period);
		}
	}
	sqlite3_finalize(st);
	return found;
}

/* No figure of its own: the region's made from its counties' (Σ). */
static int roll_up(struct db *db, struct ind_row *r, struct period p)
{
	char end[16];
	int n = 0, f = 0;
	period_end(p, end, sizeof end);
	if (r->sem.rollup == IND_ROLL_SUM)
		f = rolled_sum(db, r->indicator_id, r->region_id, end, NULL, &r->actual, &n,
		               r->actual_period, sizeof r->actual_period);
	else if (r->sem.rollup == IND_ROLL_RATIO)
		f = rolled_ratio(db, r, end);
	if (f < 0)
		return db_fail(db, "indicators", NULL);
	if (f == 1) {
		r->has_actual = 1;
		r->actual_rolled = 1;
		r->rolled_from = n;
	}
	return ST_OK;
}

/* Flows at a quarter: last year's figure at the same quarter over last
 * year's whole, when both are known and make a share. */
static void last_share(struct db *db, struct ind_row *r, struct period p)
{
	char q[16], y[16];
	double a, b;
	r->has_last_share = 0;
	if (r->sem.nature != IND_FLOW || !p.quarter || p.quarter == 4)
		return;
	snprintf(q, sizeof q, "%dQ%d", p.year - 1, p.quarter);
	snprintf(y, sizeof y, "%d", p.year - 1);
	if (figure_at(db, r->indicator_id, r->sem.rollup, r->region_id, q, &a) == 1 &&
	    figure_at(db, r->indicator_id, r->sem.rollup, r->region_id, y, &b) == 1 &&
	    b > 0 && a >= 0 && a <= b) {
		r->has_last_share = 1;
		r->last_share = a / b;
	}
}

/* Counted indicators: the register's count stands for the region's figure
 * where the register is complete for it; elsewhere the official figure
 * stands and the count is kept beside it. */
static int count_row(struct db *db, struct ind_row *r, struct period p, char **err)
{
	char first[16], end[16];
	int has;
	snprintf(first, sizeof first, "%04d-01-01", p.year);
	period_end(p, end, sizeof end);
	if (counter_value(db, r->counter, r->region_id, 0, first, end, &r->counted, &has, err) != ST_OK)
		return ST_DB;
	if (!has) {             /* a share of nothing: no figure */
		r->has_counted = 0;
		return ST_OK;
	}
	int full = regfull_is(db, r->counter->reg, r->region_id, end);
	if (full < 0)
		return db_fail(db, "registers", err);
	r->register_full = full;
	if (!full)
		return ST_OK;
	if (r->has_actual) {
		r->has_official = 1;
		r->official = r->actual;
	}
	r->has_actual = 1;
	r->actual_counted = 1;
	r->actual_rolled = 0;
	r->actual = r->counted;
	period_format(p, r->actual_period, sizeof r->actual_period);
	return ST_OK;
}

static int fill_row(struct db *db, struct ind_row *r, struct period p, char **err)
{
	int y = target_year(db, r->indicator_id, r->region_id, p.year, err);
	if (y < 0)
		return ST_DB;
	if (y > 0 && load_targets(db, r, y, err) != ST_OK)
		return ST_DB;
	if (load_actual(db, r, p, err) != ST_OK)
		return ST_DB;
	if (!r->has_actual && r->sem.rollup != IND_ROLL_NONE && roll_up(db, r, p) != ST_OK)
		return db_fail(db, "indicators", err);
	if (r->has_counted && count_row(db, r, p, err) != ST_OK)
		return ST_DB;
	struct period own = p;
	if (r->has_actual)
		period_parse(r->actual_period, &own);
	last_share(db, r, own);
	indview_assess(r, p);
	return ST_OK;
}

int indview_load(struct db *db, struct period p, long long region_id,
                 struct ind_set *out, char **err)
{
	/* With a region: every indicator.  Without: each indicator and region
	 * that has a target or an observation, regions in tree order. */
	static const char one[] =
	    "SELECT i.id, i.code, i.name, i.unit, i.category, i.direction, r.id, r.name, i.counter"
	    " FROM indicator i, region r WHERE r.id = ?1 ORDER BY i.sort, i.id";
	static const char all[] =
	    "SELECT i.id, i.code, i.name, i.unit, i.category, i.direction, r.id, r.name, i.counter"
	    " FROM indicator i JOIN region r"
	    " WHERE EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.region_id = r.id)"
	    "    OR EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = i.id AND o.region_id = r.id)"
	    " ORDER BY i.sort, i.id, r.parent_id IS NOT NULL, r.sort, r.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db, region_id ? one : all, err);
	size_t cap = 0;
	int rc;
	if (st == NULL)
		return ST_DB;
	if (region_id)
		sqlite3_bind_int64(st, 1, region_id);
	const struct counter *last = NULL;
	int last_used = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			out->rows = xrealloc(out->rows, cap * sizeof *out->rows);
		}
		struct ind_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		r->indicator_id = sqlite3_column_int64(st, 0);
		r->code = col_text(st, 1);
		r->name = col_text(st, 2);
		r->unit = col_text(st, 3);
		r->category = col_text(st, 4);
		r->lower_better = strcmp((const char *)sqlite3_column_text(st, 5), "lower") == 0;
		r->region_id = sqlite3_column_int64(st, 6);
		r->region = col_text(st, 7);
		r->decimals = 2;
		if (indsem_load(db, r->indicator_id, &r->sem, err) != ST_OK) {
			sqlite3_finalize(st);
			indview_free(out);
			return ST_DB;
		}
		/* counters core knows; others are figures typed in or imported.
		 * An empty register counts nothing: its 0 would claim a figure
		 * nobody has reported, so it is only used once it holds data. */
		r->counter = counter_find((const char *)sqlite3_column_text(st, 8));
		if (r->counter != NULL && r->counter != last) {
			last = r->counter;
			last_used = counter_used(db, last) > 0;
		}
		r->has_counted = r->counter != NULL && last_used;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		indview_free(out);
		return db_fail(db, "indicators", err);
	}
	/* one read transaction, so every row sees the same snapshot */
	if (db_exec(db, "BEGIN", err) != ST_OK) {
		indview_free(out);
		return ST_DB;
	}
	for (size_t i = 0; i < out->n; i++)
		if (fill_row(db, &out->rows[i], p, err) != ST_OK) {
			db_rollback(db);
			indview_free(out);
			return ST_DB;
		}
	db_exec(db, "COMMIT", NULL);
	return ST_OK;
}

int indview_reload_row(struct db *db, struct period p, struct ind_row *r, char **err)
{
	if (r->has_target)
		target_free(&r->target);
	for (size_t i = 0; i < r->n_others; i++)
		target_free(&r->others[i]);
	free(r->others);
	r->others = NULL;
	r->n_others = 0;
	free(r->baseline_source);
	r->baseline_source = NULL;
	for (int k = 0; k < 2; k++) {
		free(r->ratio_of[k]);
		r->ratio_of[k] = NULL;
	}
	r->has_target = r->has_baseline = r->has_actual = 0;
	r->actual_rolled = r->rolled_from = r->actual_counted = r->has_official = 0;
	r->register_full = 0;
	r->has_progress = r->has_expected = 0;
	r->actual_period[0] = '\0';
	r->status = IND_NO_TARGET;
	if (db_exec(db, "BEGIN", err) != ST_OK)
		return ST_DB;
	if (fill_row(db, r, p, err) != ST_OK) {
		db_rollback(db);
		return ST_DB;
	}
	db_exec(db, "COMMIT", NULL);
	return ST_OK;
}

char *indview_others_text(const struct ind_row *r)
{
	struct sbuf b = { 0 };
	char num[32];
	for (size_t i = 0; i < r->n_others; i++)
		sbuf_printf(&b, "%s%s (%s)", i ? "; " : "",
		            fmt_num(num, sizeof num, r->others[i].value, 2), r->others[i].source);
	return sbuf_take(&b);
}

const char *indview_mark(const struct ind_row *r)
{
	if (!r->has_actual)
		return "";
	if (r->actual_rolled)
		return "Σ";
	if (r->actual_counted)
		return "#";
	if (r->has_counted && r->counted != r->actual)
		return "!";
	return "";
}

char *indview_note(const struct ind_row *r)
{
	struct sbuf b = { 0 };
	char a[64], c[64];
	const char *sep = i18n_get() == LANG_ZH ? "；" : "; ";
	if (r->has_actual && r->actual_rolled) {
		if (r->rolled_from > 0)
			sbuf_printf(&b, trn("Σ the sum of %d county's figures", "Σ the sum of %d counties' figures",
			                    r->rolled_from), r->rolled_from);
		else
			sbuf_printf(&b, tr("Σ %s over %s, from the counties' figures"),
			            r->ratio_of[0] ? r->ratio_of[0] : "", r->ratio_of[1] ? r->ratio_of[1] : "");
	}
	if (r->has_counted) {
		if (b.len)
			sbuf_puts(&b, sep);
		if (r->register_full && r->has_official && r->official != r->counted)
			sbuf_printf(&b, tr("# the register is complete and counts %s (the official figure "
			                   "was %s)"), fmt_num(a, sizeof a, r->counted, 4),
			            fmt_num(c, sizeof c, r->official, 4));
		else if (r->register_full)
			sbuf_printf(&b, tr("# counted from the complete register"));
		else if (r->has_actual)
			sbuf_printf(&b, tr("! the register counts %s, but it is not complete for %s: the "
			                   "official figure stands"), fmt_num(a, sizeof a, r->counted, 4),
			            r->region);
		else
			sbuf_printf(&b, tr("the register counts %s, but it is not complete for %s"),
			            fmt_num(a, sizeof a, r->counted, 4), r->region);
	}
	if (r->has_baseline && r->has_target && r->baseline_source != NULL &&
	    r->target.source != NULL && strcmp(r->baseline_source, r->target.source) != 0) {
		if (b.len)
			sbuf_puts(&b, sep);
		sbuf_printf(&b, tr("baseline %s (%d) as %s states it"),
		            fmt_num(a, sizeof a, r->baseline, 4), r->baseline_year, r->baseline_source);
	}
	if (r->has_goal && r->has_target && fabs(r->goal - r->target.value) > 1e-9) {
		if (b.len)
			sbuf_puts(&b, sep);
		sbuf_printf(&b, tr("the goal for %d is %s, on the line from the baseline to the target"),
		            r->goal_year, fmt_num(a, sizeof a, r->goal, 2));
	}
	if (r->has_goal && r->share_last_year) {
		if (b.len)
			sbuf_puts(&b, sep);
		sbuf_printf(&b, tr("expected: last year's share of the year at this quarter"));
	}
	if (b.len == 0)
		return NULL;
	return sbuf_take(&b);
}

const char *ind_status_label(enum ind_status s)
{
	switch (s) {
	case IND_NO_TARGET: return tr("no target");
	case IND_NO_DATA:   return tr("no data");
	case IND_MET:       return tr("met");
	case IND_ON_TRACK:  return tr("on track");
	case IND_BEHIND:    return tr("behind");
	case IND_AT_RISK:   return tr("at risk");
	}
	return "";
}

int indview_history(struct db *db, long long indicator_id, long long region_id,
                    char (**periods)[12], double **values, size_t *n, char **err)
{
	static const char sql[] =
	    "SELECT period, value FROM observation WHERE indicator_id = ?1 AND region_id = ?2"
	    " AND value IS NOT NULL ORDER BY period_end, length(period) DESC";
	sqlite3_stmt *st = db_prepare(db, sql, err);
	size_t cap = 0;
	int rc;
	*periods = NULL;
	*values = NULL;
	*n = 0;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, indicator_id);
	sqlite3_bind_int64(st, 2, region_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*periods = xrealloc(*periods, cap * sizeof **periods);
			*values = xrealloc(*values, cap * sizeof **values);
		}
		snprintf((*periods)[*n], 12, "%s", (const char *)sqlite3_column_text(st, 0));
		(*values)[*n] = sqlite3_column_double(st, 1);
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "history", err);
}
