/* dataset.c: registers paged, sorted and filtered in SQL (see dataset.h).
 * Only the visible rows are ever fetched; a page far down a large register
 * is read backwards from the end so that End costs no more than Home. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dataset.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/profile.h"
#include "core/reftype.h"
#include "core/util.h"

#define MAX_FILTERS 8

/* A register's SQL, derived from its kind's description when it opens. */
struct reg_spec {
	const struct profile *p;
	char          *from;    /* FROM clause, joins included */
	char          *base;    /* FROM that counts the same rows when no filter
	                           reads a joined table (every join is a LEFT JOIN
	                           on a key, so the joins never change the count) */
	char          *table;   /* the register's own table and alias, whose
	                           integer id orders the count's slices */
	const char    *id;      /* the row's id expression */
	struct ds_col *cols;
	int            ncols;
};

/* What a reference shows (the referenced row j's name, core/reftype.h)
 * and what it sorts by.  Regions sort in the order the city lists them,
 * which their ids follow and the region index of the referring table
 * gives. */
static void ref_sql(const struct reftype *r, const char *j, const char *col, char **expr,
                    char **order)
{
	*expr = reftype_expr(r->name, j);
	if (r->type == FT_REGION)
		*order = xasprintf("t.%s", col);
	else
		*order = r->rank ? reftype_expr(r->rank, j) : NULL;
}

/* The usual width of a column of type t, in cells. */
static int type_width(const struct pfield *f)
{
	if (f->width > 0)
		return f->width;
	switch (f->type) {
	case FT_DATE:                       return 10;
	case FT_INT: case FT_YEAR:          return 6;
	case FT_REAL: case FT_CENTS:        return 10;
	case FT_BOOL:                       return 4;
	case FT_PERIOD:                     return 7;
	case FT_ENUM: case FT_KIND:         return 8;
	case FT_REGION: case FT_REGION_CODE: return 8;
	case FT_DOC: case FT_INDICATOR: case FT_TASK: case FT_EVENT: return 20;
	case FT_INSTITUTE: case FT_ENTERPRISE: return 16;
	default:                            return 12;
	}
}

/* "CASE t.kind WHEN 'enterprises' THEN '企业' ... END": the kinds' names. */
static char *kind_label_sql(const char *expr)
{
	struct sbuf b = { 0 };
	sbuf_printf(&b, "CASE %s", expr);
	for (const struct profile *const *k = profiles; *k; k++)
		sbuf_printf(&b, " WHEN '%s' THEN '%s'", (*k)->kind, profile_title(*k));
	sbuf_printf(&b, " ELSE %s END", expr);
	return sbuf_take(&b);
}

/* Column c shows field f of the kind (or a computed column). */
static void col_from_field(struct ds_col *c, const struct pfield *f, struct sbuf *joins, int *nj)
{
	c->key = f->key;
	c->title = profile_field_title(f);
	c->width = type_width(f);
	c->order = f->sort ? xstrdup(f->sort) : NULL;
	const struct reftype *ref = reftype_of(f->type);
	if (f->expr != NULL) {
		c->expr = f->type == FT_KIND ? kind_label_sql(f->expr) : xstrdup(f->expr);
	} else if (ref != NULL) {
		char j[16];
		snprintf(j, sizeof j, "j%d", (*nj)++);
		sbuf_printf(joins, " LEFT JOIN %s %s ON %s.id = t.%s", ref->table, j, j, f->col);
		char *expr, *order;
		ref_sql(ref, j, f->col, &expr, &order);
		c->expr = expr;
		if (c->order == NULL)
			c->order = order;
		else
			free(order);
		c->joined = 1;
		return;
	} else {
		char *t = xasprintf("t.%s", f->col);
		switch (f->type) {
		case FT_ENUM:
			c->expr = choice_label_sql(f->choices, t);
			if (c->order == NULL)
				c->order = choice_rank_sql(f->choices, t);
			free(t);
			break;
		case FT_BOOL:
			c->expr = xasprintf("CASE %s WHEN 1 THEN '%s' WHEN 0 THEN '%s' END", t,
			                    i18n_get() == LANG_ZH ? "是" : "yes",
			                    i18n_get() == LANG_ZH ? "否" : "no");
			c->order = t;
			break;
		default:
			c->expr = t;
			break;
		}
	}
	switch (f->type) {
	case FT_INT: case FT_YEAR:
		c->numeric = 1;
		break;
	case FT_REAL:
		c->numeric = 1;
		c->fmt = DS_FMT_REAL;
		break;
	case FT_CENTS:
		c->numeric = 1;
		c->fmt = DS_FMT_CENTS;
		break;
	default:
		break;
	}
}

static struct reg_spec *spec_new(const struct profile *p)
{
	static const struct pfield stamp[] = {
		{ .col = "updated_by", .key = "updated_by", .en = "By", .zh = "修改人",
		  .type = FT_TEXT, .width = 8 },
		{ .col = "updated_at", .key = "updated_at", .en = "Updated", .zh = "修改时间",
		  .type = FT_TEXT, .width = 19 },
	};
	struct reg_spec *sp = xcalloc(1, sizeof *sp);
	struct sbuf joins = { 0 };
	int nj = 0;
	sp->p = p;
	sp->cols = xcalloc(p->n + p->nview + 2, sizeof *sp->cols);
	/* the field that names the record first: it stays when the view scrolls */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < p->n; i++)
			if (!(p->f[i].flags & PF_DERIVED) && ((p->f[i].flags & PF_NAME) ? 0 : 1) == pass)
				col_from_field(&sp->cols[sp->ncols++], &p->f[i], &joins, &nj);
	for (size_t i = 0; i < p->nview; i++)
		col_from_field(&sp->cols[sp->ncols++], &p->view[i], &joins, &nj);
	/* who changed a row last, kept by every kind a clerk edits */
	for (size_t i = 0; i < 2 && (p->flags & PK_EDIT); i++)
		col_from_field(&sp->cols[sp->ncols++], &stamp[i], &joins, &nj);
	sp->table = xasprintf("%s t", p->table);
	sp->base = xstrdup(sp->table);
	sp->from = xasprintf("%s%s", sp->table, joins.s ? joins.s : "");
	sbuf_free(&joins);
	sp->id = "t.id";
	return sp;
}

static void spec_free(struct reg_spec *sp)
{
	for (int i = 0; i < sp->ncols; i++) {
		free((char *)sp->cols[i].expr);
		free((char *)sp->cols[i].order);
	}
	free(sp->cols);
	free(sp->from);
	free(sp->base);
	free(sp->table);
	free(sp);
}

enum op { OP_CONTAINS, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_EMPTY };

struct filter {
	int   col;
	enum op op;
	char *value;    /* owned */
};

struct dataset {
	struct db             *db;
	struct reg_spec       *spec;        /* owned */
	int                    ncols;
	int                    sort_col;    /* -1: by id */
	int                    sort_desc;
	struct filter          filters[MAX_FILTERS];
	int                    nfilters;
	char                  *where;       /* " WHERE ..." or ""; owned, rebuilt on change */
	sqlite3_stmt          *fwd, *rev;   /* page statements, prepared on first use */
	sqlite3_stmt          *afwd, *arev; /* the same from the anchor */

	/* a row whose index is known, with its sort key: a page near it is
	 * read from there (by keyset), not by OFFSET from the top or end */
	long                   anc_index;   /* -1: none */
	long long              anc_id;
	sqlite3_value         *anc_k;       /* owned; NULL when sorted by id */

	/* the count of the rows that pass the filters, exact or on its way */
	long                   count;       /* -1: not known yet */
	long                   seen;        /* rows known to exist: a page reached this far */
	int                    counting;    /* slices have begun: the fields below hold */
	long                   counted;     /* rows that passed in the slices so far */
	long long              count_lo;    /* the next slice counts ids above this */
	long long              count_hi;    /* the largest id when counting began */
	long                   count_ids;   /* ids per slice, sized to take DATASET_SLICE_MS */
	long                   slice_rows;  /* fixed rows per slice (tests); 0: sized by time */
	long long              changes;     /* this connection's changes when last counted */
};

static void anchor_clear(struct dataset *ds)
{
	sqlite3_value_free(ds->anc_k);
	ds->anc_k = NULL;
	ds->anc_index = -1;
}

/* The rows changed (a filter, or another clerk's edit): count afresh. */
static void forget_count(struct dataset *ds)
{
	ds->changes = sqlite3_total_changes64(ds->db->h);
	anchor_clear(ds);
	ds->count = -1;
	ds->seen = 0;
	ds->counting = 0;
	ds->counted = 0;
	ds->count_ids = 16384;     /* other filters, other speed: learn it again */
}

/* The statements no longer fit (a new sort or filter). */
static void forget_sql(struct dataset *ds)
{
	free(ds->where);
	ds->where = NULL;
	sqlite3_finalize(ds->fwd);
	sqlite3_finalize(ds->rev);
	sqlite3_finalize(ds->afwd);
	sqlite3_finalize(ds->arev);
	ds->fwd = ds->rev = ds->afwd = ds->arev = NULL;
	anchor_clear(ds);
}

static void invalidate(struct dataset *ds)
{
	forget_count(ds);
	forget_sql(ds);
}

struct dataset *dataset_open(struct db *db, const char *name, char **err)
{
	const struct profile *p = profile_find(name);
	if (p != NULL) {
		struct dataset *ds = xcalloc(1, sizeof *ds);
		ds->db = db;
		ds->spec = spec_new(p);
		ds->ncols = ds->spec->ncols;
		ds->sort_col = -1;
		ds->anc_index = -1;
		forget_count(ds);
		return ds;
	}
	err_set(err, "no register called %s", name);
	return NULL;
}

void dataset_close(struct dataset *ds)
{
	if (ds == NULL)
		return;
	dataset_filter_clear(ds);
	invalidate(ds);
	spec_free(ds->spec);
	free(ds);
}

const char *dataset_title(const struct dataset *ds)
{
	return profile_title(ds->spec->p);
}

int dataset_stale(const struct dataset *ds)
{
	return sqlite3_total_changes64(ds->db->h) != ds->changes;
}

const struct profile *dataset_profile(const struct dataset *ds)
{
	return ds->spec->p;
}

int dataset_col_index(const struct dataset *ds, const char *key)
{
	for (int i = 0; i < ds->ncols; i++)
		if (strcmp(ds->spec->cols[i].key, key) == 0)
			return i;
	return -1;
}

int dataset_ncols(const struct dataset *ds)
{
	return ds->ncols;
}

const struct ds_col *dataset_col(const struct dataset *ds, int i)
{
	return i >= 0 && i < ds->ncols ? &ds->spec->cols[i] : NULL;
}

void dataset_sort(struct dataset *ds, int col, int desc)
{
	ds->sort_col = col >= 0 && col < ds->ncols ? col : -1;
	ds->sort_desc = desc;
	forget_sql(ds);            /* the same rows in another order: the count holds */
}

int dataset_sort_col(const struct dataset *ds, int *desc)
{
	if (desc != NULL)
		*desc = ds->sort_desc;
	return ds->sort_col;
}

int dataset_filter(struct dataset *ds, int col, const char *cond, char **err)
{
	static const struct { const char *s; enum op op; } ops[] = {
		{ ">=", OP_GE }, { "<=", OP_LE }, { "!=", OP_NE }, { ">", OP_GT },
		{ "<", OP_LT }, { "=", OP_EQ },
	};
	if (col < 0 || col >= ds->ncols) {
		err_set(err, "no such column");
		return ST_USAGE;
	}
	if (ds->nfilters == MAX_FILTERS) {
		err_set(err, "at most %d filters; Esc clears them", MAX_FILTERS);
		return ST_USAGE;
	}
	while (*cond == ' ')
		cond++;
	enum op op = OP_CONTAINS;
	if (strcmp(cond, "empty") == 0 || strcmp(cond, "空") == 0) {
		op = OP_EMPTY;
		cond = "";
	} else {
		for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
			if (strncmp(cond, ops[i].s, strlen(ops[i].s)) == 0) {
				op = ops[i].op;
				cond += strlen(ops[i].s);
				break;
			}
	}
	while (*cond == ' ')
		cond++;
	if (op != OP_EMPTY && *cond == '\0') {
		err_set(err, "the condition has no value");
		return ST_USAGE;
	}
	if (ds->spec->cols[col].numeric && op != OP_CONTAINS && op != OP_EMPTY) {
		char *end;
		strtod(cond, &end);
		if (end == cond || *end != '\0') {
			err_set(err, "\"%s\" is not a number", cond);
			return ST_USAGE;
		}
	}
	struct filter *f = &ds->filters[ds->nfilters++];
	f->col = col;
	f->op = op;
	f->value = xstrdup(cond);
	invalidate(ds);
	return ST_OK;
}

void dataset_filter_clear(struct dataset *ds)
{
	for (int i = 0; i < ds->nfilters; i++)
		free(ds->filters[i].value);
	ds->nfilters = 0;
	invalidate(ds);
}

int dataset_nfilters(const struct dataset *ds)
{
	return ds->nfilters;
}

static const char *op_text(enum op op)
{
	static const char *t[] = { "~", "=", "!=", "<", "<=", ">", ">=", "=" };
	return t[op];
}

char *dataset_filter_text(const struct dataset *ds)
{
	struct sbuf b = { 0 };
	for (int i = 0; i < ds->nfilters; i++) {
		const struct filter *f = &ds->filters[i];
		sbuf_printf(&b, "%s%s %s %s", i ? "; " : "", ds->spec->cols[f->col].key,
		            op_text(f->op), f->op == OP_EMPTY ? "''" : f->value);
	}
	return sbuf_take(&b);
}

void dataset_filter_at(const struct dataset *ds, int i, int *col, const char **op,
                       const char **value)
{
	const struct filter *f = &ds->filters[i];
	*col = f->col;
	*op = op_text(f->op);
	*value = f->value;
}

/* " WHERE ..." with one ?NNN per filter value, numbered from 10. */
static const char *where(struct dataset *ds)
{
	if (ds->where != NULL)
		return ds->where;
	struct sbuf b = { 0 };
	sbuf_puts(&b, "");
	for (int i = 0; i < ds->nfilters; i++) {
		const struct filter *f = &ds->filters[i];
		const struct ds_col *c = &ds->spec->cols[f->col];
		sbuf_puts(&b, i ? " AND " : " WHERE ");
		int p = 10 + i;
		switch (f->op) {
		case OP_CONTAINS:
			/* NULL contains nothing: instr gives NULL, which fails as 0
			 * would (the value is never empty).  Without coalesce the
			 * text is not copied: a third faster on a million rows. */
			sbuf_printf(&b, "instr(%s, ?%d) > 0", c->expr, p);
			break;
		case OP_EMPTY:
			sbuf_printf(&b, "coalesce(%s, '') = '' AND ?%d = ''", c->expr, p);
			break;
		default:
			if (c->numeric)
				sbuf_printf(&b, "%s %s CAST(?%d AS REAL)", c->expr,
				            f->op == OP_NE ? "<>" : op_text(f->op), p);
			else
				sbuf_printf(&b, "%s %s ?%d", c->expr, f->op == OP_NE ? "<>" : op_text(f->op), p);
		}
	}
	ds->where = sbuf_take(&b);
	return ds->where;
}

static void bind_filters(struct dataset *ds, sqlite3_stmt *st)
{
	for (int i = 0; i < ds->nfilters; i++)
		sqlite3_bind_text(st, 10 + i, ds->filters[i].value, -1, SQLITE_STATIC);
}

/* ORDER BY for the current sort, reversed if rev. */
static char *order_by(struct dataset *ds, int rev)
{
	int desc = ds->sort_desc ^ rev;
	const char *dir = desc ? "DESC" : "ASC";
	if (ds->sort_col < 0)
		return xasprintf(" ORDER BY %s %s", ds->spec->id, dir);
	const struct ds_col *c = &ds->spec->cols[ds->sort_col];
	return xasprintf(" ORDER BY %s %s, %s %s", c->order ? c->order : c->expr, dir,
	                 ds->spec->id, dir);
}

static char *select_list(struct dataset *ds)
{
	struct sbuf b = { 0 };
	sbuf_puts(&b, ds->spec->id);
	for (int i = 0; i < ds->ncols; i++)
		sbuf_printf(&b, ", %s", ds->spec->cols[i].expr);
	return sbuf_take(&b);
}

/* FROM for counting: without the joins when no filter needs them, so that
 * SQLite counts the rows of one table (or one index range) without
 * visiting the others. */
static const char *count_from(const struct dataset *ds)
{
	const char *from = ds->spec->base;
	for (int i = 0; i < ds->nfilters && from != NULL; i++)
		if (ds->spec->cols[ds->filters[i].col].joined)
			from = NULL;
	return from ? from : ds->spec->from;
}

/* The filters' WHERE with one more condition (may be ""); caller frees. */
static char *where_and(struct dataset *ds, const char *cond)
{
	const char *w = where(ds);
	if (*cond == '\0')
		return xstrdup(w);
	return *w ? xasprintf("%s AND (%s)", w, cond) : xasprintf(" WHERE (%s)", cond);
}

long dataset_count(struct dataset *ds, char **err)
{
	if (ds->count >= 0)
		return ds->count;
	char *sql = xasprintf("SELECT count(*) FROM %s%s", count_from(ds), where(ds));
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	bind_filters(ds, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		ds->count = sqlite3_column_int64(st, 0);
	else
		db_fail(ds->db, "count", err);
	sqlite3_finalize(st);
	return ds->count;
}

long dataset_count_known(const struct dataset *ds, long *at_least)
{
	if (at_least != NULL)
		*at_least = ds->count >= 0 ? ds->count
		            : ds->counted > ds->seen ? ds->counted : ds->seen;
	return ds->count;
}

void dataset_set_slice(struct dataset *ds, long rows)
{
	ds->slice_rows = rows > 0 ? rows : 0;
}

static double ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The next slice's size: the last asked for n, and `got` of them took ms. */
static long slice_size(long n, long got, double ms, long least)
{
	long next = ms > 0.05 ? (long)((double)got * DATASET_SLICE_MS / ms) : n * 2;
	if (next > n * 2)
		next = n * 2;
	if (next < n / 4)
		next = n / 4;
	return next < least ? least : next;
}

/* A slice's statement is stopped at its deadline (the guess of its size
 * can be wrong where the rows differ): SQLite asks every 1000 steps. */
static int past_deadline(void *deadline)
{
	return ms_now() > *(double *)deadline;
}

static void deadline_set(struct dataset *ds, double *deadline, double ms)
{
	*deadline = ms_now() + ms;
	sqlite3_progress_handler(ds->db->h, 1000, past_deadline, deadline);
}

static void deadline_clear(struct dataset *ds)
{
	sqlite3_progress_handler(ds->db->h, 0, NULL, NULL);
}

/* The whole count in one statement, if it takes no longer than a slice or
 * two (no filter, or one an index answers).  1 if it did, 0 if it was
 * stopped, -1 on error. */
static int count_at_once(struct dataset *ds, char **err)
{
	char *sql = xasprintf("SELECT count(*) FROM %s%s", count_from(ds), where(ds));
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	double deadline;
	free(sql);
	if (st == NULL)
		return -1;
	bind_filters(ds, st);
	deadline_set(ds, &deadline, 2 * DATASET_SLICE_MS);
	int rc = sqlite3_step(st);
	deadline_clear(ds);
	if (rc == SQLITE_ROW)
		ds->count = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_INTERRUPT)
		db_fail(ds->db, "count", err);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_INTERRUPT ? 0 : -1;
}

/* Where the slices start and end: the ids there are now.  Returns 0, or
 * -1 on error. */
static int count_begin(struct dataset *ds, char **err)
{
	/* min and max apart: together they are not read from the ends of the
	 * table but by scanning all of it */
	char *sql = xasprintf("SELECT (SELECT min(%s) FROM %s), (SELECT max(%s) FROM %s)",
	                      ds->spec->id, ds->spec->table, ds->spec->id, ds->spec->table);
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			ds->count = 0;                  /* no rows at all */
		} else {
			ds->count_lo = sqlite3_column_int64(st, 0) - 1;
			ds->count_hi = sqlite3_column_int64(st, 1);
			ds->counted = 0;
			ds->counting = 1;
		}
	} else {
		db_fail(ds->db, "count", err);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int dataset_count_step(struct dataset *ds, char **err)
{
	if (ds->count >= 0)
		return 1;
	if (!ds->counting && !ds->slice_rows) {
		int r = count_at_once(ds, err);
		if (r != 0)
			return r;
	}
	if (!ds->counting && count_begin(ds, err) != 0)
		return -1;
	if (ds->count >= 0)
		return 1;
	long ids = ds->slice_rows ? ds->slice_rows : ds->count_ids;
	/* the last slice has no upper end: rows added since counting began
	 * are counted too */
	int last = ds->count_lo + ids >= ds->count_hi;
	char *cond = last ? xasprintf("%s > ?1", ds->spec->id)
	             : xasprintf("%s > ?1 AND %s <= ?2", ds->spec->id, ds->spec->id);
	char *w = where_and(ds, cond);
	char *sql = xasprintf("SELECT count(*) FROM %s%s", count_from(ds), w);
	free(cond);
	free(w);
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	bind_filters(ds, st);
	sqlite3_bind_int64(st, 1, ds->count_lo);
	if (!last)
		sqlite3_bind_int64(st, 2, ds->count_lo + ids);
	double t0 = ms_now(), deadline;
	int stoppable = !ds->slice_rows && ids > 1024;
	if (stoppable)
		deadline_set(ds, &deadline, 2 * DATASET_SLICE_MS);
	int rc = sqlite3_step(st);
	if (stoppable)
		deadline_clear(ds);
	if (rc == SQLITE_ROW)
		ds->counted += (long)sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_INTERRUPT)
		db_fail(ds->db, "count", err);
	sqlite3_finalize(st);          /* one statement a slice: no snapshot kept */
	if (rc == SQLITE_INTERRUPT) {  /* too many ids for the time: fewer next time */
		ds->count_ids = ids / 4 > 1024 ? ids / 4 : 1024;
		return 0;
	}
	if (rc != SQLITE_ROW)
		return -1;
	ds->count_ids = slice_size(ids, ids, ms_now() - t0, 1024);
	if (last) {
		ds->count = ds->counted;
		ds->counting = 0;
		return 1;
	}
	ds->count_lo += ids;
	return 0;
}

void dataset_refresh(struct dataset *ds)
{
	forget_count(ds);
}

static const char *order_key(const struct dataset *ds);

/* The page statement: from the top or (rev) the end, with LIMIT ?1
 * OFFSET ?2; or from the anchor (?3 its id, ?4 its key) forwards or
 * (rev) backwards, the anchor itself at offset 0.  The columns: the id,
 * the cells, the sort key. */
static sqlite3_stmt *page_stmt(struct dataset *ds, int anchored, int rev, char **err)
{
	sqlite3_stmt **slot = anchored ? (rev ? &ds->arev : &ds->afwd) : rev ? &ds->rev : &ds->fwd;
	if (*slot != NULL)
		return *slot;
	const char *x = order_key(ds), *id = ds->spec->id;
	int desc = ds->sort_desc ^ rev;
	char *cond = !anchored ? xstrdup("")
	             : x == NULL ? xasprintf("%s %s ?3", id, desc ? "<=" : ">=")
	             : xasprintf("%s %s ?4 AND (%s, %s) %s (?4, ?3)", x, desc ? "<=" : ">=", x, id,
	                         desc ? "<=" : ">=");
	char *sel = select_list(ds), *ord = order_by(ds, rev), *w = where_and(ds, cond);
	char *sql = xasprintf("SELECT %s, %s FROM %s%s%s LIMIT ?1 OFFSET ?2", sel, x ? x : "NULL",
	                      ds->spec->from, w, ord);
	*slot = db_prepare(ds->db, sql, err);
	free(sql);
	free(sel);
	free(ord);
	free(w);
	free(cond);
	return *slot;
}

/* Row `index` with this id and sort key is where later pages may start. */
static void anchor_set(struct dataset *ds, long index, long long id, sqlite3_value *k)
{
	if (order_key(ds) != NULL && (k == NULL || sqlite3_value_type(k) == SQLITE_NULL))
		return;           /* the rows around a NULL key are not one range */
	anchor_clear(ds);
	ds->anc_index = index;
	ds->anc_id = id;
	ds->anc_k = order_key(ds) != NULL ? sqlite3_value_dup(k) : NULL;
}

/* Column i of st as the register shows it: figures as every screen
 * writes them (46, not 46.0), money in yuan. */
static char *cell_text(const struct ds_col *c, sqlite3_stmt *st, int i)
{
	char buf[64];
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return xstrdup("");
	if (c->fmt == DS_FMT_REAL)
		return xstrdup(fmt_num(buf, sizeof buf, sqlite3_column_double(st, i), 6));
	if (c->fmt == DS_FMT_CENTS)
		return xstrdup(fmt_num(buf, sizeof buf, (double)sqlite3_column_int64(st, i) / 100.0, 2));
	return xstrdup((const char *)sqlite3_column_text(st, i));
}

/* Up to n rows of st into ids and rows (each ncols strings, caller
 * frees); the first row read becomes the anchor at index `at0`.  The
 * rows read, or -1 on error.  The statement is reset at once: a pinned
 * read snapshot starves the WAL checkpoint of every other clerk's writes. */
static int page_read(struct dataset *ds, sqlite3_stmt *st, int n, long long *ids, char ***rows,
                     long at0, int rev, char **err)
{
	int rc = SQLITE_DONE, k = 0;
	while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids[k] = sqlite3_column_int64(st, 0);
		rows[k] = xcalloc((size_t)ds->ncols, sizeof **rows);
		for (int c = 0; c < ds->ncols; c++)
			rows[k][c] = cell_text(&ds->spec->cols[c], st, c + 1);
		if (k == 0 && !rev)
			anchor_set(ds, at0, ids[0], sqlite3_column_value(st, ds->ncols + 1));
		else if (rev && k + 1 == n)
			anchor_set(ds, at0 - k, ids[k], sqlite3_column_value(st, ds->ncols + 1));
		k++;
	}
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	if (!ok)
		db_fail(ds->db, "page", err);
	sqlite3_reset(st);
	return ok ? k : -1;
}

static void page_free(struct dataset *ds, char ***rows, int k)
{
	for (int j = 0; j < k; j++) {
		for (int c = 0; c < ds->ncols; c++)
			free(rows[j][c]);
		free(rows[j]);
	}
}

int dataset_fetch(struct dataset *ds, long first, int n, dataset_row_fn fn, void *ctx, char **err)
{
	/* without a count, pages are read forwards: the first screen of a
	 * filtered register needs only its first rows, not all of them */
	long count = ds->count;
	if (first < 0)
		first = 0;
	if (count >= 0 && first + n > count)
		n = (int)(count - first);
	if (n <= 0)
		return ST_OK;
	/* start where the fewest rows are stepped over: the top, the end, or
	 * the anchor (the last page or search hit), forwards or backwards */
	long d_top = first, d_end = count >= 0 ? count - (first + n) : -1, d_anc = -1;
	int anc_rev = 0;
	if (ds->anc_index >= 0 && first >= ds->anc_index) {
		d_anc = first - ds->anc_index;
	} else if (ds->anc_index >= 0 && first + n - 1 <= ds->anc_index) {
		d_anc = ds->anc_index - (first + n - 1);
		anc_rev = 1;
	}
	long long *ids = xcalloc((size_t)n, sizeof *ids);
	char ***rows = xcalloc((size_t)n, sizeof *rows);
	int k = -1, rev = 0;
	if (d_anc >= 0 && d_anc < d_top && (d_end < 0 || d_anc < d_end)) {
		long long aid = ds->anc_id;
		sqlite3_value *ak = ds->anc_k ? sqlite3_value_dup(ds->anc_k) : NULL;
		sqlite3_stmt *st = page_stmt(ds, 1, anc_rev, err);
		if (st != NULL) {
			bind_filters(ds, st);
			sqlite3_bind_int(st, 1, n);
			sqlite3_bind_int64(st, 2, d_anc);
			sqlite3_bind_int64(st, 3, aid);
			if (ak != NULL)
				sqlite3_bind_value(st, 4, ak);
			rev = anc_rev;
			k = page_read(ds, st, n, ids, rows, rev ? first + n - 1 : first, rev, err);
		}
		sqlite3_value_free(ak);
		/* short: the end, if the rows after a key are one range (going
		 * up, or down towards NULL keys, they are not): else read again
		 * from the top or end */
		int pure = order_key(ds) == NULL || !(ds->sort_desc ^ anc_rev);
		if (k >= 0 && k < n && !(pure && !anc_rev)) {
			page_free(ds, rows, k);
			k = -1;
		} else if (k < 0) {
			free(ids);
			free(rows);
			return ST_DB;
		}
	}
	if (k < 0) {
		/* past the middle, read backwards from the end: OFFSET stays small */
		rev = count >= 0 && first > count / 2;
		sqlite3_stmt *st = page_stmt(ds, 0, rev, err);
		if (st == NULL) {
			free(ids);
			free(rows);
			return ST_DB;
		}
		bind_filters(ds, st);
		sqlite3_bind_int(st, 1, n);
		sqlite3_bind_int64(st, 2, rev ? d_end : first);
		k = page_read(ds, st, n, ids, rows, rev ? first + n - 1 : first, rev, err);
		if (k < 0) {
			free(ids);
			free(rows);
			return ST_DB;
		}
	}
	if (k > 0 && first + k > ds->seen)
		ds->seen = first + k;
	/* a short page found the end: that is the count */
	if (!rev && ds->count < 0 && k < n && (k > 0 || first == 0)) {
		ds->count = first + k;
		ds->counting = 0;
	}
	/* rows read backwards came last-first: hand them over in order */
	for (int j = 0; j < k; j++) {
		int r = rev ? k - 1 - j : j;
		fn(ctx, first + j, ids[r], (const char *const *)rows[r]);
	}
	page_free(ds, rows, k);
	free(ids);
	free(rows);
	return ST_OK;
}

/* Row numbers (from 0) under the current order, for index_of. */
static char *numbered(struct dataset *ds)
{
	char *sel = select_list(ds), *ord = order_by(ds, 0);
	char *sql = xasprintf("SELECT row_number() OVER (%s) - 1 AS rn, %s FROM %s%s",
	                      ord + 1, sel, ds->spec->from, where(ds));
	free(sel);
	free(ord);
	return sql;
}

/* --- search in slices ----------------------------------------------------
 *
 * A search reads the rows in order from where it starts, a slice at a
 * time.  Each slice is one statement that starts after the last row the
 * one before read: by its sort key and id ("keyset" paging), which an
 * index finds at once, where OFFSET would step over every row before it.
 * So a slice costs the rows it reads wherever it starts, and nothing is
 * held between slices.  Under ORDER BY x, id the rows after (k, i) are
 *   x >= k AND (x, id) > (k, i)     (the first part lets SQLite seek
 *                                    even on an indexed expression)
 * except that NULLs sort first (last when descending) and compare with
 * nothing: so the rows after a NULL key are the NULL ones with a larger
 * id, then every non-NULL one from the start, which are separate steps. */

enum keyset {
	KS_TOP,         /* from the first row */
	KS_AFTER,       /* after the key k, id i (k not NULL) */
	KS_AFTER_NULL,  /* after the NULL key with id i */
	KS_NONNULL,     /* the non-NULL keys from the first (ascending, after the NULLs) */
	KS_NULLS,       /* the NULL keys from the first (descending, after the others) */
	KS_END
};

struct ds_search {
	struct dataset *ds;          /* not owned; must not change while searching */
	char           *text;        /* owned */
	int             dir;         /* > 0: down the register; < 0: up */
	int             desc;        /* the scan reads ORDER BY ... DESC */
	long            at;          /* the row where the search started, -1 if none */
	long long       at_id;       /* its id */
	int             inclusive;   /* `at` itself is looked at first, not last */
	int             phase;       /* 0: key of `at` to read; 1: at to the end;
	                                2: from the other end round to `at` */
	enum keyset     ks;
	sqlite3_value  *k;           /* the last key read; owned */
	long long       kid;         /* the last id read */
	int             kincl;       /* the next slice starts at (k, kid) itself */
	long            row;         /* the index of the next row read (from the top) */
	long            from_end;    /* or, going up in phase 2, rows read from the end */
	long            hit_from_end;/* a hit found from the end, waiting for the count */
	long            n;           /* rows per slice */
	double          budget;      /* ms a slice may take before it is stopped */
};

/* The sort key expression; NULL when sorted by id alone. */
static const char *order_key(const struct dataset *ds)
{
	if (ds->sort_col < 0)
		return NULL;
	const struct ds_col *c = &ds->spec->cols[ds->sort_col];
	return c->order ? c->order : c->expr;
}

/* The condition of the keyset state (?3 the key, ?4 the id); caller frees. */
static char *keyset_cond(const struct ds_search *q)
{
	const char *x = order_key(q->ds), *id = q->ds->spec->id;
	const char *gt = q->desc ? (q->kincl ? "<=" : "<") : (q->kincl ? ">=" : ">");
	if (q->ks == KS_TOP)
		return xstrdup("");
	if (x == NULL)
		return xasprintf("%s %s ?4", id, gt);
	switch (q->ks) {
	case KS_AFTER:
		return xasprintf("%s %s ?3 AND (%s, %s) %s (?3, ?4)", x, q->desc ? "<=" : ">=",
		                 x, id, gt);
	case KS_AFTER_NULL:
		return xasprintf("%s IS NULL AND %s %s ?4", x, id, gt);
	case KS_NONNULL:
		return xasprintf("%s IS NOT NULL", x);
	default:
		return xasprintf("%s IS NULL", x);
	}
}

/* The state after a slice that came back short: the next part, or none. */
static enum keyset keyset_exhausted(const struct ds_search *q)
{
	if (order_key(q->ds) == NULL)
		return KS_END;
	switch (q->ks) {
	case KS_AFTER:      return q->desc ? KS_NULLS : KS_END;
	case KS_AFTER_NULL: return q->desc ? KS_END : KS_NONNULL;
	default:            return KS_END;   /* TOP, NONNULL, NULLS read to the end */
	}
}

struct ds_search *dataset_search_begin(struct dataset *ds, long at, long long at_id, int dir,
                                       int inclusive, const char *text)
{
	struct ds_search *q = xcalloc(1, sizeof *q);
	q->ds = ds;
	q->text = xstrdup(text ? text : "");
	q->dir = dir < 0 ? -1 : 1;
	q->at = at;
	q->at_id = at_id;
	q->inclusive = inclusive;
	q->hit_from_end = -1;
	q->n = ds->slice_rows ? ds->slice_rows : 1024;
	q->budget = 2 * DATASET_SLICE_MS;
	q->phase = at >= 0 ? 0 : 2;   /* no start row: the whole register, from its end */
	q->desc = ds->sort_desc ^ (q->dir < 0);
	q->ks = KS_TOP;
	return q;
}

void dataset_search_free(struct ds_search *q)
{
	if (q == NULL)
		return;
	sqlite3_value_free(q->k);
	free(q->text);
	free(q);
}

/* Phase 0: the key of the start row.  0, or -1 on error. */
static int search_start(struct ds_search *q, char **err)
{
	struct dataset *ds = q->ds;
	const char *x = order_key(ds);
	char *sql = xasprintf("SELECT %s FROM %s WHERE %s = ?1", x ? x : "NULL", ds->spec->from,
	                      ds->spec->id);
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, q->at_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		q->k = sqlite3_value_dup(sqlite3_column_value(st, 0));
		q->kid = q->at_id;
		q->ks = x != NULL && sqlite3_column_type(st, 0) == SQLITE_NULL ? KS_AFTER_NULL
		        : KS_AFTER;
		q->kincl = q->inclusive;
		q->row = q->dir > 0 ? q->at + !q->inclusive : q->at - !q->inclusive;
		q->phase = 1;
	} else if (rc == SQLITE_DONE) {
		q->phase = 2;                 /* the row is gone: search everything */
		q->at = -1;
		q->ks = KS_TOP;
	} else {
		db_fail(ds->db, "search", err);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The first row of phase 2 in reading order. */
static void search_wrap(struct ds_search *q)
{
	q->phase = 2;
	q->ks = KS_TOP;
	q->kincl = 0;
	q->row = 0;
	q->from_end = 0;
}

/* A hit at the current position: its index, or -1 while the count it
 * needs is not known (going up from the end). */
static long search_hit_index(struct ds_search *q)
{
	if (q->phase == 1 || q->dir > 0)
		return q->row;
	if (q->ds->count >= 0)
		return q->ds->count - 1 - q->from_end;
	q->hit_from_end = q->from_end;
	return -1;
}

int dataset_search_step(struct ds_search *q, long *hit, char **err)
{
	struct dataset *ds = q->ds;
	*hit = -1;
	if (q->hit_from_end >= 0) {          /* the hit is known; its index needs the count */
		int r = dataset_count_step(ds, err);
		if (r == 1)
			*hit = ds->count - 1 - q->hit_from_end;
		return r;
	}
	if (q->text[0] == '\0')
		return 1;
	if (q->phase == 0 && search_start(q, err) != 0)
		return -1;
	if (q->ks == KS_END) {
		if (q->phase == 1) {
			search_wrap(q);
			return 0;
		}
		return 1;                      /* round and not found */
	}
	struct sbuf m = { 0 };
	for (int i = 0; i < ds->ncols; i++)   /* NULL contains nothing (see where) */
		sbuf_printf(&m, "%sinstr(%s, ?1) > 0", i ? " OR " : "", ds->spec->cols[i].expr);
	const char *x = order_key(ds);
	char *cond = keyset_cond(q), *w = where_and(ds, cond), *ord = order_by(ds, q->dir < 0);
	char *sql = xasprintf("SELECT %s, %s, %s FROM %s%s%s LIMIT ?2", m.s, x ? x : "NULL",
	                      ds->spec->id, ds->spec->from, w, ord);
	sbuf_free(&m);
	free(cond);
	free(w);
	free(ord);
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	bind_filters(ds, st);
	sqlite3_bind_text(st, 1, q->text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, q->n);
	if (q->k != NULL)
		sqlite3_bind_value(st, 3, q->k);
	sqlite3_bind_int64(st, 4, q->kid);
	double t0 = ms_now(), deadline;
	long got = 0, asked = q->n;
	int rc, done = 0;
	if (!ds->slice_rows)
		deadline_set(ds, &deadline, q->budget);
	while (!done && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 2);
		int round = q->phase == 2 && q->at >= 0 && id == q->at_id;
		got++;
		if (round && q->inclusive) {
			done = 1;                /* back at the start, which came first */
		} else if (sqlite3_column_int(st, 0)) {
			*hit = search_hit_index(q);
			if (*hit >= 0)      /* the page shown next is around it */
				anchor_set(ds, *hit, id, sqlite3_column_value(st, 1));
			done = 1;
		} else if (round) {
			done = 1;                /* back at the start, looked at last */
		}
		if (done)
			break;
		sqlite3_value_free(q->k);
		q->k = sqlite3_value_dup(sqlite3_column_value(st, 1));
		q->kid = id;
		q->row += q->phase == 1 && q->dir < 0 ? -1 : 1;
		q->from_end++;
	}
	if (!ds->slice_rows)
		deadline_clear(ds);
	/* stopped at the deadline: the rows read so far count, and the next
	 * slice starts after them (with more time if there were none) */
	int stopped = !done && rc == SQLITE_INTERRUPT;
	int ok = done || rc == SQLITE_DONE || stopped;
	if (!ok)
		db_fail(ds->db, "search", err);
	sqlite3_finalize(st);          /* one statement a slice: no snapshot kept */
	if (!ok)
		return -1;
	if (!ds->slice_rows)
		q->n = slice_size(asked, got, ms_now() - t0, 256);
	q->budget = stopped && got == 0 ? 2 * q->budget : 2 * DATASET_SLICE_MS;
	if (done)
		return *hit >= 0 || q->hit_from_end < 0 ? 1 : 0;
	if (stopped && got == 0)
		return 0;
	if (got < asked && !stopped)
		q->ks = keyset_exhausted(q);
	else
		q->ks = x != NULL && sqlite3_value_type(q->k) == SQLITE_NULL ? KS_AFTER_NULL : KS_AFTER;
	q->kincl = 0;
	return 0;
}

/* The id of row `index` (via a page of one). */
static void take_id(void *ctx, long index, long long id, const char *const *cells)
{
	(void)index;
	(void)cells;
	*(long long *)ctx = id;
}

long dataset_search(struct dataset *ds, long from, int dir, const char *text, char **err)
{
	if (text == NULL || *text == '\0')
		return -1;
	long count = dataset_count(ds, err);
	if (count <= 0)
		return -1;
	long long id = -1;
	if (from >= 0 && from < count && dataset_fetch(ds, from, 1, take_id, &id, err) != ST_OK)
		return -1;
	struct ds_search *q = dataset_search_begin(ds, id >= 0 ? from : -1, id, dir, 0, text);
	long hit = -1;
	int r;
	while ((r = dataset_search_step(q, &hit, err)) == 0)
		;
	dataset_search_free(q);
	return r == 1 ? hit : -1;
}

long dataset_index_of(struct dataset *ds, long long id, char **err)
{
	char *inner = numbered(ds);
	struct sbuf cols = { 0 };
	sbuf_puts(&cols, "rn, id");
	for (int i = 0; i < ds->ncols; i++)
		sbuf_printf(&cols, ", column%d", i + 3);
	char *sql = xasprintf("WITH v(%s) AS (%s) SELECT rn FROM v WHERE id = ?1", cols.s, inner);
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	long rn = -1;
	if (st != NULL) {
		bind_filters(ds, st);
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			rn = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	free(sql);
	free(inner);
	sbuf_free(&cols);
	return rn;
}
