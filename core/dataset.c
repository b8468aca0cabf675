/* dataset.c: registers paged, sorted and filtered in SQL (see dataset.h).
 * Only the visible rows are ever fetched; a page far down a large register
 * is read backwards from the end so that End costs no more than Home. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/dataset.h"
#include "core/util.h"

#define MAX_FILTERS 8

struct reg_spec {
	const char          *name;
	const char          *title;
	const char          *from;    /* FROM clause, joins included */
	const char          *base;    /* FROM that counts the same rows when no
	                                 filter reads a joined table (the joins
	                                 are LEFT JOINs on a key); NULL if none */
	const char          *id;      /* the row's id expression */
	const struct ds_col *cols;    /* ends with a NULL key */
};

static const struct ds_col enterprise_cols[] = {
	{ "uscc", "USCC", "e.uscc", 0, 18, NULL, 0 },
	{ "name", "Name", "e.name", 0, 24, NULL, 0 },
	/* regions sort in the order the city lists them (their id), which is
	 * also what the region index gives */
	{ "region", "Region", "r.name", 0, 8, "e.region_id", 1 },
	{ "industry", "Industry", "e.industry", 0, 10, NULL, 0 },
	/* tiers sort by rank, as migration 002 indexes them */
	{ "tier", "Tier", "CASE e.tier WHEN 'tech_sme' THEN '科技型中小企业' WHEN 'high_tech' THEN"
	  " '高新技术企业' WHEN 'gazelle' THEN '瞪羚企业' WHEN 'unicorn' THEN '独角兽企业' ELSE '' END",
	  0, 12, "CASE e.tier WHEN 'none' THEN 0 WHEN 'tech_sme' THEN 1 WHEN 'high_tech' THEN 2"
	  " WHEN 'gazelle' THEN 3 WHEN 'unicorn' THEN 4 END", 0 },
	{ "hte_cert_date", "Certified", "e.hte_cert_date", 0, 10, NULL, 0 },
	{ "hte_valid_to", "Valid to", "date(e.hte_cert_date, '+3 years')", 0, 10,
	  "e.hte_cert_date", 0 },
	{ "updated_at", "Updated", "e.updated_at", 0, 19, NULL, 0 },
	{ NULL, NULL, NULL, 0, 0, NULL, 0 }
};

static const struct ds_col observation_cols[] = {
	{ "indicator", "Indicator", "i.name", 0, 24, NULL, 0 },
	{ "region", "Region", "r.name", 0, 8, NULL, 0 },
	{ "period", "Period", "o.period", 0, 7, NULL, 0 },
	{ "value", "Value", "o.value", 1, 10, NULL, 0 },
	{ "unit", "Unit", "i.unit", 0, 4, NULL, 0 },
	{ "batch", "Batch", "o.batch_id", 1, 5, NULL, 0 },
	{ "updated_by", "By", "o.updated_by", 0, 8, NULL, 0 },
	{ "updated_at", "Updated", "o.updated_at", 0, 19, NULL, 0 },
	{ NULL, NULL, NULL, 0, 0, NULL, 0 }
};

static const struct ds_col target_cols[] = {
	{ "indicator", "Indicator", "i.name", 0, 24, NULL, 0 },
	{ "region", "Region", "r.name", 0, 8, NULL, 0 },
	{ "year", "Year", "t.year", 1, 4, NULL, 0 },
	{ "comparator", "Cmp", "t.comparator", 0, 3, NULL, 0 },
	{ "value", "Target", "t.value", 1, 8, NULL, 0 },
	{ "baseline_year", "Base year", "t.baseline_year", 1, 4, NULL, 0 },
	{ "baseline", "Baseline", "t.baseline", 1, 8, NULL, 0 },
	{ "doc", "Document", "coalesce(d.number, d.short_name)", 0, 20, NULL, 0 },
	{ "issued_on", "Issued", "d.issued_on", 0, 10, NULL, 0 },
	{ NULL, NULL, NULL, 0, 0, NULL, 0 }
};

static const struct ds_col import_cols[] = {
	{ "id", "Batch", "b.id", 1, 5, NULL, 0 },
	{ "kind", "Kind", "b.kind", 0, 12, NULL, 0 },
	{ "file", "File", "b.file_name", 0, 24, NULL, 0 },
	{ "new", "New", "b.rows_new", 1, 6, NULL, 0 },
	{ "changed", "Changed", "b.rows_changed", 1, 6, NULL, 0 },
	{ "unchanged", "Unchanged", "b.rows_unchanged", 1, 6, NULL, 0 },
	{ "login", "By", "b.login", 0, 8, NULL, 0 },
	{ "at", "At", "b.started_at", 0, 19, NULL, 0 },
	{ "undone", "Undone", "b.undone_at", 0, 19, NULL, 0 },
	{ NULL, NULL, NULL, 0, 0, NULL, 0 }
};

static const struct ds_col region_cols[] = {
	{ "code", "Code", "g.code", 0, 8, NULL, 0 },
	{ "name", "Name", "g.name", 0, 10, NULL, 0 },
	{ "kind", "Kind", "g.kind", 0, 10, NULL, 0 },
	{ "parent", "Parent", "p.name", 0, 10, NULL, 1 },
	{ "aliases", "Aliases", "g.aliases", 0, 20, NULL, 0 },
	{ NULL, NULL, NULL, 0, 0, NULL, 0 }
};

static const struct reg_spec specs[] = {
	{ "enterprises", "Enterprises",
	  "enterprise e LEFT JOIN region r ON r.id = e.region_id", "enterprise e", "e.id",
	  enterprise_cols },
	{ "observations", "Observations",
	  "observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id",
	  NULL, "o.id", observation_cols },
	{ "targets", "Targets",
	  "target t JOIN indicator i ON i.id = t.indicator_id JOIN region r ON r.id = t.region_id"
	  " JOIN policy_doc d ON d.id = t.doc_id", NULL, "t.id", target_cols },
	{ "imports", "Imports", "import_batch b", "import_batch b", "b.id", import_cols },
	{ "regions", "Regions", "region g LEFT JOIN region p ON p.id = g.parent_id", "region g",
	  "g.id", region_cols },
};

const char *const dataset_names[] = {
	"enterprises", "observations", "targets", "imports", "regions", NULL
};

enum op { OP_CONTAINS, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_EMPTY };

struct filter {
	int   col;
	enum op op;
	char *value;    /* owned */
};

struct dataset {
	struct db             *db;
	const struct reg_spec *spec;
	int                    ncols;
	int                    sort_col;    /* -1: by id */
	int                    sort_desc;
	struct filter          filters[MAX_FILTERS];
	int                    nfilters;
	long                   count;       /* -1: not counted yet */
	char                  *where;       /* " WHERE ..." or ""; owned, rebuilt on change */
	sqlite3_stmt          *fwd, *rev;   /* page statements, prepared on first use */
};

static void invalidate(struct dataset *ds)
{
	ds->count = -1;
	free(ds->where);
	ds->where = NULL;
	sqlite3_finalize(ds->fwd);
	sqlite3_finalize(ds->rev);
	ds->fwd = ds->rev = NULL;
}

struct dataset *dataset_open(struct db *db, const char *name, char **err)
{
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		if (strcmp(specs[i].name, name) != 0)
			continue;
		struct dataset *ds = xcalloc(1, sizeof *ds);
		ds->db = db;
		ds->spec = &specs[i];
		while (ds->spec->cols[ds->ncols].key != NULL)
			ds->ncols++;
		ds->sort_col = -1;
		ds->count = -1;
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
	free(ds);
}

const char *dataset_title(const struct dataset *ds)
{
	return ds->spec->title;
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
	invalidate(ds);
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
			sbuf_printf(&b, "instr(coalesce(%s, ''), ?%d) > 0", c->expr, p);
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

long dataset_count(struct dataset *ds, char **err)
{
	if (ds->count >= 0)
		return ds->count;
	/* without the joins when no filter needs them: SQLite then counts the
	 * rows of one table (or one index range) without visiting the others */
	const char *from = ds->spec->base;
	for (int i = 0; i < ds->nfilters && from != NULL; i++)
		if (ds->spec->cols[ds->filters[i].col].joined)
			from = NULL;
	char *sql = xasprintf("SELECT count(*) FROM %s%s", from ? from : ds->spec->from, where(ds));
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

void dataset_refresh(struct dataset *ds)
{
	ds->count = -1;
}

static sqlite3_stmt *page_stmt(struct dataset *ds, int rev, char **err)
{
	sqlite3_stmt **slot = rev ? &ds->rev : &ds->fwd;
	if (*slot != NULL)
		return *slot;
	char *sel = select_list(ds), *ord = order_by(ds, rev);
	char *sql = xasprintf("SELECT %s FROM %s%s%s LIMIT ?1 OFFSET ?2", sel, ds->spec->from,
	                      where(ds), ord);
	*slot = db_prepare(ds->db, sql, err);
	free(sql);
	free(sel);
	free(ord);
	return *slot;
}

int dataset_fetch(struct dataset *ds, long first, int n, dataset_row_fn fn, void *ctx, char **err)
{
	long count = dataset_count(ds, err);
	if (count < 0)
		return ST_DB;
	if (first < 0)
		first = 0;
	if (first + n > count)
		n = (int)(count - first);
	if (n <= 0)
		return ST_OK;
	/* past the middle, read backwards from the end: OFFSET stays small */
	int rev = first > count / 2;
	long offset = rev ? count - (first + n) : first;
	sqlite3_stmt *st = page_stmt(ds, rev, err);
	if (st == NULL)
		return ST_DB;
	bind_filters(ds, st);
	sqlite3_bind_int(st, 1, n);
	sqlite3_bind_int64(st, 2, offset);
	const char **cells = xcalloc((size_t)ds->ncols, sizeof *cells);
	long long *ids = rev ? xcalloc((size_t)n, sizeof *ids) : NULL;
	char ***keep = rev ? xcalloc((size_t)n, sizeof *keep) : NULL;
	int rc, k = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < n) {
		if (!rev) {
			for (int c = 0; c < ds->ncols; c++) {
				const unsigned char *t = sqlite3_column_text(st, c + 1);
				cells[c] = t ? (const char *)t : "";
			}
			fn(ctx, first + k, sqlite3_column_int64(st, 0), cells);
		} else {
			/* rows come last-first: keep them to hand over in order */
			ids[k] = sqlite3_column_int64(st, 0);
			keep[k] = xcalloc((size_t)ds->ncols, sizeof **keep);
			for (int c = 0; c < ds->ncols; c++) {
				const unsigned char *t = sqlite3_column_text(st, c + 1);
				keep[k][c] = xstrdup(t ? (const char *)t : "");
			}
		}
		k++;
	}
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	if (!ok)
		db_fail(ds->db, "page", err);
	/* release the read snapshot at once (a pinned snapshot starves the
	 * WAL checkpoint of every other clerk's writes) */
	sqlite3_reset(st);
	if (rev) {
		for (int j = k - 1; j >= 0; j--) {
			fn(ctx, first + (k - 1 - j), ids[j], (const char *const *)keep[j]);
		}
		for (int j = 0; j < k; j++) {
			for (int c = 0; c < ds->ncols; c++)
				free(keep[j][c]);
			free(keep[j]);
		}
		free(keep);
		free(ids);
	}
	free(cells);
	return ok ? ST_OK : ST_DB;
}

/* Row numbers (from 0) under the current order, for search and index_of. */
static char *numbered(struct dataset *ds)
{
	char *sel = select_list(ds), *ord = order_by(ds, 0);
	char *sql = xasprintf("SELECT row_number() OVER (%s) - 1 AS rn, %s FROM %s%s",
	                      ord + 1, sel, ds->spec->from, where(ds));
	free(sel);
	free(ord);
	return sql;
}

/* Scan up to n rows in order (backwards if dir < 0) from row `first` on,
 * for one in which some column contains ?1.  Only the match is computed
 * for each row, and the rows before `first` are skipped by OFFSET, not
 * numbered: the scan stops at the first hit.  Returns its index, -1 if
 * none, -2 on error. */
static long search_scan(struct dataset *ds, long first, long n, int dir, const char *text,
                        long count, char **err)
{
	struct sbuf cond = { 0 };
	for (int i = 0; i < ds->ncols; i++)
		sbuf_printf(&cond, "%sinstr(coalesce(%s, ''), ?1) > 0", i ? " OR " : "",
		            ds->spec->cols[i].expr);
	char *ord = order_by(ds, dir < 0);
	char *sql = xasprintf("SELECT %s FROM %s%s%s LIMIT ?2 OFFSET ?3", cond.s, ds->spec->from,
	                      where(ds), ord);
	sqlite3_stmt *st = db_prepare(ds->db, sql, err);
	free(sql);
	free(ord);
	sbuf_free(&cond);
	if (st == NULL)
		return -2;
	bind_filters(ds, st);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, n);
	sqlite3_bind_int64(st, 3, dir >= 0 ? first : count - 1 - first);
	long k = 0, hit = -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 0)) {
			hit = dir >= 0 ? first + k : first - k;
			break;
		}
		k++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(ds->db, "search", err);
		hit = -2;
	}
	sqlite3_finalize(st);
	return hit;
}

long dataset_search(struct dataset *ds, long from, int dir, const char *text, char **err)
{
	if (text == NULL || *text == '\0')
		return -1;
	long count = dataset_count(ds, err);
	if (count <= 0)
		return -1;
	if (from < -1)
		from = -1;
	if (from > count)
		from = count;
	long hit;
	if (dir >= 0) {
		/* from+1 to the end, then from the top up to from */
		hit = search_scan(ds, from + 1, count - (from + 1), 1, text, count, err);
		if (hit == -1 && from >= 0)
			hit = search_scan(ds, 0, from + 1 < count ? from + 1 : count, 1, text, count, err);
	} else {
		hit = from > 0 ? search_scan(ds, from - 1, from, -1, text, count, err) : -1;
		if (hit == -1)
			hit = search_scan(ds, count - 1, count - (from > 0 ? from : 0), -1, text, count,
			                  err);
	}
	return hit < 0 ? -1 : hit;
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
