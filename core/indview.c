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
		if (!r->has_baseline && sqlite3_column_type(st, 6) != SQLITE_NULL) {
			r->has_baseline = 1;
			r->baseline_year = sqlite3_column_int(st, 6);
			r->baseline = sqlite3_column_double(st, 7);
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

/* Progress from baseline to target, the share expected by now, status. */
static void assess(struct ind_row *r, struct period p)
{
	if (!r->has_target) {
		r->status = IND_NO_TARGET;
		return;
	}
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
	if (met)
		r->status = IND_MET;
	else if (r->progress_pct >= r->expected_pct)
		r->status = IND_ON_TRACK;
	else if (r->progress_pct > r->expected_pct - RISK_GAP)
		r->status = IND_BEHIND;
	else
		r->status = IND_AT_RISK;
}

/* Counted indicators: the register's figure beside the imported one, or
 * in its place when none was imported. */
static int count_row(struct db *db, struct ind_row *r, struct period p, char **err)
{
	long long n;
	if (counter_count(db, r->counter, r->region_id, p, &n, err) != ST_OK)
		return ST_DB;
	r->counted = (double)n;
	if (!r->has_actual) {
		r->has_actual = 1;
		r->actual_counted = 1;
		r->actual = r->counted;
		period_format(p, r->actual_period, sizeof r->actual_period);
	}
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
	if (r->has_counted && count_row(db, r, p, err) != ST_OK)
		return ST_DB;
	assess(r, p);
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
	r->has_target = r->has_baseline = r->has_actual = 0;
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
