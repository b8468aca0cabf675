/* tasks.c: the task matrix of one year or span (see tasks.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/tasks.h"
#include "core/util.h"

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

int tasks_spans(struct db *db, struct task_span **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT DISTINCT year_from, year_to FROM task_target"
	                                  " ORDER BY year_to > year_from, year_from, year_to", err);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[*n].from = sqlite3_column_int(st, 0);
		(*out)[(*n)++].to = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "task_target", err);
}

static void cell_free(struct task_cell *c)
{
	free(c->sub_name);
}

void tasks_free(struct task_grid *g)
{
	for (size_t i = 0; i < g->ncol; i++) {
		free(g->col[i].code);
		free(g->col[i].name);
		free(g->col[i].unit);
	}
	for (size_t r = 0; r < g->nrow; r++) {
		for (size_t i = 0; i < g->ncol; i++)
			cell_free(&g->row[r].c[i]);
		free(g->row[r].c);
		free(g->row[r].region);
		free(g->row[r].responsible);
	}
	for (size_t i = 0; g->tot != NULL && i < g->ncol; i++)
		cell_free(&g->tot[i]);
	free(g->tot);
	free(g->col);
	free(g->row);
	memset(g, 0, sizeof *g);
}

double task_completion(const char *cmp, double target, double actual)
{
	if (strcmp(cmp, "<=") == 0)
		return actual <= target ? 100.0 : actual > 0 ? 100.0 * target / actual : 0.0;
	if (target <= 0)
		return 100.0;
	return 100.0 * actual / target;
}

static int load_cols(struct db *db, struct task_grid *g, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT k.id, k.code, k.name, k.unit, k.counter, k.totals, w.weight, w.cap_pct"
	    " FROM task k LEFT JOIN task_weight w ON w.task_id = k.id AND w.year = ?2"
	    " WHERE EXISTS (SELECT 1 FROM task_target x WHERE x.task_id = k.id"
	    "               AND x.year_from = ?1 AND x.year_to = ?2)"
	    " ORDER BY k.sort, k.id", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int(st, 1, g->from);
	sqlite3_bind_int(st, 2, g->to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		g->col = xrealloc(g->col, (g->ncol + 1) * sizeof *g->col);
		struct task_col *c = &g->col[g->ncol++];
		c->id = sqlite3_column_int64(st, 0);
		c->code = col_dup(st, 1);
		c->name = col_dup(st, 2);
		c->unit = col_dup(st, 3);
		c->counter = counter_find((const char *)sqlite3_column_text(st, 4));
		c->used = c->counter != NULL && counter_used(db, c->counter) > 0;
		c->totals = sqlite3_column_int(st, 5);
		c->weight = sqlite3_column_type(st, 6) == SQLITE_NULL ? 1.0 : sqlite3_column_double(st, 6);
		c->cap_pct = sqlite3_column_type(st, 7) == SQLITE_NULL ? 100.0 : sqlite3_column_double(st, 7);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "task", err);
}

/* One row per region and side of the totals, the regions' order; the
 * city departments' row (outside the totals) after the others. */
static int load_rows(struct db *db, struct task_grid *g, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT x.region_id, r.name, x.outside_total, max(x.responsible)"
	    " FROM task_target x JOIN region r ON r.id = x.region_id"
	    " WHERE x.year_from = ?1 AND x.year_to = ?2"
	    " GROUP BY x.region_id, x.outside_total ORDER BY x.outside_total, r.sort, r.id", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int(st, 1, g->from);
	sqlite3_bind_int(st, 2, g->to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		g->row = xrealloc(g->row, (g->nrow + 1) * sizeof *g->row);
		struct task_row *w = &g->row[g->nrow++];
		memset(w, 0, sizeof *w);
		w->region_id = sqlite3_column_int64(st, 0);
		w->region = col_dup(st, 1);
		w->outside = sqlite3_column_int(st, 2);
		w->responsible = col_dup(st, 3);
		w->c = xcalloc(g->ncol ? g->ncol : 1, sizeof *w->c);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "task_target", err);
}

/* An entered figure (the value, or the sub-target's) summed over the
 * years from..to; *has 0 when no year was entered. */
static int entered(struct db *db, long long task, long long region, const char *col, int from,
                   int to, double *v, int *has, char **err)
{
	char *sql = xasprintf("SELECT sum(%s), count(%s) FROM task_actual WHERE task_id = ?1"
	                      " AND region_id = ?2 AND length(period) = 4"
	                      " AND CAST(period AS INTEGER) BETWEEN ?3 AND ?4", col, col);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(sql);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int64(st, 2, region);
	sqlite3_bind_int(st, 3, from);
	sqlite3_bind_int(st, 4, to);
	int rc = ST_OK;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*has = sqlite3_column_int(st, 1) > 0;
		*v = sqlite3_column_double(st, 0);
	} else {
		rc = db_fail(db, "task_actual", err);
	}
	sqlite3_finalize(st);
	return rc;
}

static int counted(struct db *db, const struct counter *c, const struct task_row *w, int from,
                   int to, double *v, int *has, char **err)
{
	char first[16], last[16];
	snprintf(first, sizeof first, "%04d-01-01", from);
	snprintf(last, sizeof last, "%04d-12-31", to);
	return counter_value(db, c, w->region_id, w->outside, first, last, v, has, err);
}

/* The actual over the years from..to, counted or entered. */
static int actual(struct db *db, const struct task_col *k, const struct task_row *w, int from,
                  int to, double *v, int *has, char **err)
{
	*has = 0;
	if (to < from)
		return ST_OK;
	if (k->counter != NULL)
		return !k->used ? ST_OK : counted(db, k->counter, w, from, to, v, has, err);
	return entered(db, k->id, w->region_id, "value", from, to, v, has, err);
}

/* The entered row of a task, region and year; 0 if none. */
static long long entry_of(struct db *db, long long task, long long region, int year)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM task_actual WHERE task_id = ?1"
	                                  " AND region_id = ?2 AND period = ?3", NULL);
	long long id = 0;
	char y[16];
	if (st == NULL)
		return 0;
	snprintf(y, sizeof y, "%d", year);
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int64(st, 2, region);
	sqlite3_bind_text(st, 3, y, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static int load_cell(struct db *db, struct task_grid *g, size_t r, size_t i, char **err)
{
	struct task_row *w = &g->row[r];
	struct task_cell *c = &w->c[i];
	const struct task_col *k = &g->col[i];
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT value, comparator, sub_name, sub_value, sub_counter FROM task_target"
	    " WHERE task_id = ?1 AND region_id = ?2 AND year_from = ?3 AND year_to = ?4"
	    " AND outside_total = ?5", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, k->id);
	sqlite3_bind_int64(st, 2, w->region_id);
	sqlite3_bind_int(st, 3, g->from);
	sqlite3_bind_int(st, 4, g->to);
	sqlite3_bind_int(st, 5, w->outside);
	const struct counter *sub = NULL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->has_target = 1;
		c->target = sqlite3_column_double(st, 0);
		snprintf(c->cmp, sizeof c->cmp, "%s", (const char *)sqlite3_column_text(st, 1));
		const char *sn = (const char *)sqlite3_column_text(st, 2);
		if (sn != NULL && *sn && sqlite3_column_type(st, 3) != SQLITE_NULL) {
			c->sub_name = xstrdup(sn);
			c->sub_target = sqlite3_column_double(st, 3);
			sub = counter_find((const char *)sqlite3_column_text(st, 4));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "task_target", err);
	if (!c->has_target)
		return ST_OK;
	int end = g->as_of < g->to ? g->as_of : g->to;
	if (actual(db, k, w, g->from, end, &c->actual, &c->has_actual, err) != ST_OK)
		return ST_DB;
	/* last year's: a year's the year before; a span's as it stood a year earlier */
	if (g->from == g->to
	    ? actual(db, k, w, g->from - 1, g->to - 1, &c->last, &c->has_last, err) != ST_OK
	    : actual(db, k, w, g->from, end - 1, &c->last, &c->has_last, err) != ST_OK)
		return ST_DB;
	if (c->sub_name != NULL) {
		int has = 0;
		if ((sub != NULL ? counted(db, sub, w, g->from, end, &c->sub_actual, &has, err)
		                 : entered(db, k->id, w->region_id, "sub_value", g->from, end,
		                           &c->sub_actual, &has, err)) != ST_OK)
			return ST_DB;
		c->has_sub_actual = has;
	}
	if (c->has_actual) {
		c->has_pct = 1;
		c->pct = task_completion(c->cmp, c->target, c->actual);
	}
	c->met = c->has_pct && c->pct >= 100.0 - 1e-9 &&
	         (c->sub_name == NULL || (c->has_sub_actual && c->sub_actual >= c->sub_target));
	if (k->counter == NULL && g->from == g->to)
		c->entry_id = entry_of(db, k->id, w->region_id, g->from);
	return ST_OK;
}

/* The totals row: each task the document adds up, over the regions inside the totals. */
static void add_totals(struct task_grid *g)
{
	for (size_t i = 0; i < g->ncol; i++)
		g->has_totals |= g->col[i].totals;
	if (!g->has_totals)
		return;
	g->tot = xcalloc(g->ncol ? g->ncol : 1, sizeof *g->tot);
	for (size_t i = 0; i < g->ncol; i++) {
		struct task_cell *t = &g->tot[i];
		if (!g->col[i].totals)
			continue;
		snprintf(t->cmp, sizeof t->cmp, ">=");
		for (size_t r = 0; r < g->nrow; r++) {
			const struct task_cell *c = &g->row[r].c[i];
			if (g->row[r].outside || !c->has_target)
				continue;
			t->has_target = 1;
			t->target += c->target;
			if (c->has_actual) {
				t->has_actual = 1;
				t->actual += c->actual;
			}
			if (c->has_last) {
				t->has_last = 1;
				t->last += c->last;
			}
		}
		if (t->has_actual) {
			t->has_pct = 1;
			t->pct = task_completion(t->cmp, t->target, t->actual);
			t->met = t->pct >= 100.0 - 1e-9;
		}
	}
}

void tasks_score(struct task_grid *g)
{
	for (size_t r = 0; r < g->nrow; r++) {
		struct task_row *w = &g->row[r];
		double sum = 0, weights = 0;
		w->has_score = 0;
		w->rank = 0;
		if (w->outside)
			continue;
		for (size_t i = 0; i < g->ncol; i++) {
			const struct task_cell *c = &w->c[i];
			if (!c->has_target || g->col[i].weight <= 0)
				continue;
			double pct = c->has_pct ? c->pct : 0.0;
			if (pct > g->col[i].cap_pct)
				pct = g->col[i].cap_pct;
			sum += g->col[i].weight * pct;
			weights += g->col[i].weight;
		}
		if (weights > 0) {
			w->has_score = 1;
			w->score = sum / weights;
		}
	}
	/* competition ranking: 1 + the number of rows scoring higher */
	for (size_t r = 0; r < g->nrow; r++) {
		struct task_row *w = &g->row[r];
		if (!w->has_score)
			continue;
		w->rank = 1;
		for (size_t o = 0; o < g->nrow; o++)
			if (g->row[o].has_score && g->row[o].score > w->score + 1e-9)
				w->rank++;
	}
}

int tasks_load(struct db *db, int from, int to, int as_of, struct task_grid *g, char **err)
{
	memset(g, 0, sizeof *g);
	g->from = from;
	g->to = to;
	g->as_of = as_of < from ? from : as_of > to ? to : as_of;
	if (load_cols(db, g, err) != ST_OK || load_rows(db, g, err) != ST_OK)
		return ST_DB;
	for (size_t r = 0; r < g->nrow; r++)
		for (size_t i = 0; i < g->ncol; i++)
			if (load_cell(db, g, r, i, err) != ST_OK)
				return ST_DB;
	add_totals(g);
	tasks_score(g);
	return ST_OK;
}

int tasks_cell_records(struct db *db, const struct task_grid *g, size_t row, size_t col,
                       const struct profile **p, long long **ids, size_t *n, char **err)
{
	const struct task_col *k = &g->col[col];
	const struct task_row *w = &g->row[row];
	*ids = NULL;
	*n = 0;
	if (k->counter != NULL && k->counter->ids != NULL) {
		char first[16], last[16];
		snprintf(first, sizeof first, "%04d-01-01", g->from);
		snprintf(last, sizeof last, "%04d-12-31", g->as_of);
		*p = profile_find(k->counter->table);
		return counter_ids(db, k->counter, w->region_id, w->outside, first, last, ids, n, err);
	}
	*p = profile_find("task_actual");
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM task_actual WHERE task_id = ?1"
	                                  " AND region_id = ?2 AND length(period) = 4"
	                                  " AND CAST(period AS INTEGER) BETWEEN ?3 AND ?4 ORDER BY period", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, k->id);
	sqlite3_bind_int64(st, 2, w->region_id);
	sqlite3_bind_int(st, 3, g->from);
	sqlite3_bind_int(st, 4, g->as_of);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "task_actual", err);
}
