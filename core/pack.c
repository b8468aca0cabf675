/* pack.c: fill a new database from a data pack (assets/packs/NAME/ CSV files,
 * compiled in, or a folder of the same files).  Every problem is reported
 * as FILE:LINE: column NAME: what is wrong, and nothing is kept. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/assets.h"
#include "core/csvread.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/pack.h"
#include "core/util.h"

const char *const pack_names[] = { "jingdezhen", "kunshan", "nanchang", NULL };

struct pack_file;

/* What is being loaded: one file at a time. */
struct loader {
	struct db              *db;
	const struct pack_file *file;
	const char             *fname;     /* for messages: pack/file.csv */
	int                     col[16];   /* header position of each spec column */
	int                     have_header;
	long                    line;
	const struct csv_row   *row;
	sqlite3_stmt           *st;
	char                   *err;       /* first error; owned */
	int                     rows;      /* data rows loaded */
};

typedef int (*row_fn)(struct loader *ld);

struct pack_file {
	const char *name;
	const char *cols[16];   /* NULL-terminated; the header names */
	const char *sql;        /* INSERT with one ? per bind made by fn */
	row_fn      fn;
};

/* The row's value of spec column i; NULL if empty. */
static const char *val(struct loader *ld, int i)
{
	int c = ld->col[i];
	if (c < 0 || (size_t)c >= ld->row->n)
		return NULL;
	const char *v = ld->row->f[c];
	return v && *v ? v : NULL;
}

static int fail(struct loader *ld, int i, const char *fmt, const char *v)
{
	char *what = xasprintf(tr(fmt), v ? v : "");   /* fmt is English (an xgettext keyword) */
	err_set(&ld->err, "%s:%ld: column %s: %s", ld->fname, ld->line, ld->file->cols[i], what);
	free(what);
	return -1;
}

static int bind_text(struct loader *ld, int pos, int i, int required)
{
	const char *v = val(ld, i);
	if (v == NULL && required)
		return fail(ld, i, "is empty but required", NULL);
	if (v == NULL)
		return sqlite3_bind_null(ld->st, pos) == SQLITE_OK ? 0 : -1;
	return sqlite3_bind_text(ld->st, pos, v, -1, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : -1;
}

/* Empty text columns with a NOT NULL DEFAULT '' are bound as ''. */
static int bind_text0(struct loader *ld, int pos, int i)
{
	const char *v = val(ld, i);
	return sqlite3_bind_text(ld->st, pos, v ? v : "", -1, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : -1;
}

static int bind_num(struct loader *ld, int pos, int i, int required, int integer)
{
	const char *v = val(ld, i);
	if (v == NULL) {
		if (required)
			return fail(ld, i, "is empty but required", NULL);
		sqlite3_bind_null(ld->st, pos);
		return 0;
	}
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	if (end == v || *end != '\0' || errno != 0)
		return fail(ld, i, "\"%s\" is not a number", v);
	if (integer) {
		if (d != (long long)d)
			return fail(ld, i, "\"%s\" is not a whole number", v);
		sqlite3_bind_int64(ld->st, pos, (long long)d);
	} else {
		sqlite3_bind_double(ld->st, pos, d);
	}
	return 0;
}

static int one_of(struct loader *ld, int i, const char *const *allowed, int required)
{
	const char *v = val(ld, i);
	if (v == NULL)
		return required ? fail(ld, i, "is empty but required", NULL) : 0;
	for (const char *const *a = allowed; *a; a++)
		if (strcmp(*a, v) == 0)
			return 0;
	struct sbuf b = { 0 };
	for (const char *const *a = allowed; *a; a++)
		sbuf_printf(&b, "%s%s", a == allowed ? "" : ", ", *a);
	char *msg = xasprintf(tr("\"%%s\" is not one of: %s"), b.s);
	int rc = fail(ld, i, msg, v);
	free(msg);
	sbuf_free(&b);
	return rc;
}

/* The pack's file that fills a table. */
static const char *pack_file_of(const char *table)
{
	return strcmp(table, "region") == 0 ? "regions.csv"
	     : strcmp(table, "indicator") == 0 ? "indicators.csv"
	     : strcmp(table, "policy_doc") == 0 ? "docs.csv"
	     : strcmp(table, "task") == 0 ? "tasks.csv" : table;
}

/* Bind the id of the row of `table` whose code is column i. */
static int bind_ref(struct loader *ld, int pos, int i, const char *table, int required)
{
	const char *v = val(ld, i);
	if (v == NULL) {
		if (required)
			return fail(ld, i, "is empty but required", NULL);
		sqlite3_bind_null(ld->st, pos);
		return 0;
	}
	char *sql = xasprintf("SELECT id FROM %s WHERE code = ?", table);
	long long id = db_scalar(ld->db, sql, v);
	free(sql);
	if (id < 0) {
		char *msg = xasprintf(tr("\"%%s\" is not the code of any row of %s"), pack_file_of(table));
		int rc = fail(ld, i, msg, v);
		free(msg);
		return rc;
	}
	sqlite3_bind_int64(ld->st, pos, id);
	return 0;
}

static int check_date(struct loader *ld, int i)
{
	const char *v = val(ld, i);
	int y, m, d;
	char tail;
	if (v == NULL)
		return 0;
	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return fail(ld, i, "\"%s\" is not a date written YYYY-MM-DD", v);
	return 0;
}

static const char *const region_kinds[] = { "province", "city", "county", "county_city",
	"district", "park", "township", NULL };
static const char *const directions[] = { "higher", "lower", NULL };
static const char *const ind_kinds[] = { "count", "amount", "percent", "ratio", "rank", NULL };
static const char *const comparators[] = { "=", ">=", "<=", "~", NULL };
static const char *const designations[] = { "innovative_county", "innovative_township", NULL };
static const char *const levels[] = { "national", "provincial", "municipal", NULL };

static int row_region(struct loader *ld)
{
	if (one_of(ld, 2, region_kinds, 1))
		return -1;
	if (ld->rows > 0 && val(ld, 3) == NULL)
		return fail(ld, 3, "is empty: only the first region (the top one) has no parent", NULL);
	if (ld->rows == 0 && val(ld, 3) != NULL)
		return fail(ld, 3, "\"%s\": the first region is the top one and has no parent", val(ld, 3));
	sqlite3_bind_int(ld->st, 6, ld->rows);
	return bind_text(ld, 1, 0, 1) || bind_text(ld, 2, 1, 1) || bind_text(ld, 3, 2, 1) ||
	       bind_ref(ld, 4, 3, "region", 0) || bind_text0(ld, 5, 4);
}

static int row_doc(struct loader *ld)
{
	if (check_date(ld, 5))
		return -1;
	return bind_text(ld, 1, 0, 1) || bind_text(ld, 2, 1, 0) || bind_text(ld, 3, 2, 1) ||
	       bind_text(ld, 4, 3, 1) || bind_text(ld, 5, 4, 1) || bind_text(ld, 6, 5, 1);
}

static int row_indicator(struct loader *ld)
{
	if (one_of(ld, 4, directions, 1) || one_of(ld, 5, ind_kinds, 1))
		return -1;
	sqlite3_bind_int(ld->st, 10, ld->rows);
	return bind_text(ld, 1, 0, 1) || bind_text(ld, 2, 1, 1) || bind_text0(ld, 3, 2) ||
	       bind_text0(ld, 4, 3) || bind_text(ld, 5, 4, 1) || bind_text(ld, 6, 5, 1) ||
	       bind_text(ld, 7, 6, 0) || bind_text0(ld, 8, 7) || bind_text0(ld, 9, 8);
}

static int row_target(struct loader *ld)
{
	if (one_of(ld, 3, comparators, 1))
		return -1;
	if ((val(ld, 5) == NULL) != (val(ld, 6) == NULL))
		return fail(ld, val(ld, 5) ? 6 : 5, "baseline_year and baseline go together%s", NULL);
	return bind_ref(ld, 1, 0, "indicator", 1) || bind_ref(ld, 2, 1, "region", 1) ||
	       bind_num(ld, 3, 2, 1, 1) || bind_text(ld, 4, 3, 1) || bind_num(ld, 5, 4, 1, 0) ||
	       bind_num(ld, 6, 5, 0, 1) || bind_num(ld, 7, 6, 0, 0) ||
	       bind_ref(ld, 8, 7, "policy_doc", 1) || bind_text0(ld, 9, 8);
}

static int row_task(struct loader *ld)
{
	sqlite3_bind_int(ld->st, 8, ld->rows);
	return bind_text(ld, 1, 0, 1) || bind_text(ld, 2, 1, 1) || bind_text0(ld, 3, 2) ||
	       bind_text0(ld, 4, 3) || bind_ref(ld, 5, 4, "policy_doc", 0) ||
	       bind_text(ld, 6, 5, 0) || bind_text0(ld, 7, 6);
}

static int row_task_target(struct loader *ld)
{
	if (one_of(ld, 4, comparators, 1))
		return -1;
	const char *from = val(ld, 2), *to = val(ld, 3);
	if (from && to && atoi(to) < atoi(from))
		return fail(ld, 3, "\"%s\" is before year_from", to);
	return bind_ref(ld, 1, 0, "task", 1) || bind_ref(ld, 2, 1, "region", 1) ||
	       bind_num(ld, 3, 2, 1, 1) || bind_num(ld, 4, 3, 1, 1) || bind_text(ld, 5, 4, 1) ||
	       bind_num(ld, 6, 5, 1, 0) || bind_ref(ld, 7, 6, "policy_doc", 0) ||
	       bind_text0(ld, 8, 7);
}

static int row_designation(struct loader *ld)
{
	if (one_of(ld, 1, designations, 1) || one_of(ld, 2, levels, 1) || check_date(ld, 3))
		return -1;
	return bind_ref(ld, 1, 0, "region", 1) || bind_text(ld, 2, 1, 1) ||
	       bind_text(ld, 3, 2, 1) || bind_text(ld, 4, 3, 0);
}

static const struct pack_file files[] = {
	{ "regions.csv", { "code", "name", "kind", "parent", "aliases", NULL },
	  "INSERT INTO region(code, name, kind, parent_id, aliases, sort) VALUES (?,?,?,?,?,?)",
	  row_region },
	{ "docs.csv", { "code", "number", "short_name", "title", "issuer", "issued_on", NULL },
	  "INSERT INTO policy_doc(code, number, short_name, title, issuer, issued_on) VALUES (?,?,?,?,?,?)",
	  row_doc },
	{ "indicators.csv", { "code", "name", "unit", "category", "direction", "kind", "counter",
	                      "aliases", "note", NULL },
	  "INSERT INTO indicator(code, name, unit, category, direction, kind, counter, aliases, note, sort)"
	  " VALUES (?,?,?,?,?,?,?,?,?,?)",
	  row_indicator },
	{ "targets.csv", { "indicator", "region", "year", "comparator", "value", "baseline_year",
	                   "baseline", "doc", "note", NULL },
	  "INSERT INTO target(indicator_id, region_id, year, comparator, value, baseline_year,"
	  " baseline, doc_id, note) VALUES (?,?,?,?,?,?,?,?,?)",
	  row_target },
	{ "tasks.csv", { "code", "name", "unit", "category", "doc", "counter", "note", NULL },
	  "INSERT INTO task(code, name, unit, category, doc_id, counter, note, sort) VALUES (?,?,?,?,?,?,?,?)",
	  row_task },
	{ "task_targets.csv", { "task", "region", "year_from", "year_to", "comparator", "value",
	                        "doc", "note", NULL },
	  "INSERT INTO task_target(task_id, region_id, year_from, year_to, comparator, value, doc_id, note)"
	  " VALUES (?,?,?,?,?,?,?,?)",
	  row_task_target },
	{ "designations.csv", { "region", "designation", "level", "designated_on", NULL },
	  "INSERT INTO region_designation(region_id, designation, level, designated_on) VALUES (?,?,?,?)",
	  row_designation },
};

static int header(struct loader *ld, const struct csv_row *r)
{
	const char *const *cols = ld->file->cols;
	for (int i = 0; cols[i]; i++) {
		ld->col[i] = -1;
		for (size_t c = 0; c < r->n; c++)
			if (r->f[c] && strcmp(r->f[c], cols[i]) == 0)
				ld->col[i] = (int)c;
		if (ld->col[i] < 0) {
			err_set(&ld->err, "%s:%ld: the header has no column %s", ld->fname,
			        r->line, cols[i]);
			return -1;
		}
	}
	ld->have_header = 1;
	return 0;
}

static int on_row(const struct csv_row *r, void *ctx)
{
	struct loader *ld = ctx;
	ld->line = r->line;
	ld->row = r;
	if (r->n > 0 && r->f[0] && r->f[0][0] == '#')
		return 0;
	if (!ld->have_header)
		return header(ld, r);
	sqlite3_reset(ld->st);
	sqlite3_clear_bindings(ld->st);
	if (ld->file->fn(ld) != 0) {
		if (ld->err == NULL)
			err_set(&ld->err, "%s:%ld: %s", ld->fname, ld->line, db_errmsg(ld->db));
		return -1;
	}
	if (sqlite3_step(ld->st) != SQLITE_DONE) {
		err_set(&ld->err, "%s:%ld: %s", ld->fname, ld->line, db_errmsg(ld->db));
		return -1;
	}
	ld->rows++;
	return 0;
}

/* The bytes of pack/file: a compiled-in asset, or a file of a folder.
 * *owned is set when the caller must free the result. */
static char *pack_bytes(const char *pack, const char *file, size_t *len, int *owned, char **err)
{
	if (strchr(pack, '/') == NULL) {
		char *name = xasprintf("packs/%s/%s", pack, file);
		const struct asset *a = assets_find(name);
		free(name);
		if (a == NULL) {
			err_set(err, "no built-in pack called %s (there are: jingdezhen, kunshan, nanchang; "
			        "a folder is named with a /, as ./%s)", pack, pack);
			return NULL;
		}
		*len = a->size;
		*owned = 0;
		return (char *)a->data;
	}
	char *path = xasprintf("%s/%s", pack, file);
	FILE *f = fopen(path, "rb");
	struct sbuf b = { 0 };
	if (f == NULL) {
		err_set(err, "%s: %s", path, errno_text(errno));
		free(path);
		return NULL;
	}
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(&b, buf, n);
	fclose(f);
	free(path);
	*len = b.len;
	*owned = 1;
	return b.s ? sbuf_take(&b) : xstrdup("");
}

static int load_file(struct db *db, const char *pack, const struct pack_file *pf, char **err)
{
	struct loader ld = { .db = db, .file = pf };
	size_t len;
	int owned, rc = ST_OK;
	char *bytes = pack_bytes(pack, pf->name, &len, &owned, err);
	if (bytes == NULL)
		return ST_DATA;
	char *fname = xasprintf("%s/%s", pack, pf->name);
	ld.fname = fname;
	ld.st = db_prepare(db, pf->sql, err);
	if (ld.st == NULL) {
		rc = ST_DB;
		goto out;
	}
	char *cerr = NULL;
	if (csvread_mem(bytes, len, on_row, &ld, &cerr) != 0) {
		if (ld.err == NULL)
			err_set(&ld.err, "%s:%s", fname, cerr ? cerr : "unreadable");
		free(cerr);
		err_set(err, "%s", ld.err);
		rc = ST_DATA;
	} else if (!ld.have_header) {
		err_set(err, "%s: the file is empty; it needs at least its header line", fname);
		rc = ST_DATA;
	}
out:
	sqlite3_finalize(ld.st);
	free(ld.err);
	free(fname);
	if (owned)
		free(bytes);
	return rc;
}

int pack_load(struct db *db, const char *name, char **err)
{
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	if (db_scalar(db, "SELECT count(*) FROM region", NULL) != 0) {
		err_set(err, "%s: the database already holds regions; a pack loads into an empty one",
		        db->path);
		db_rollback(db);
		return ST_DATA;
	}
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		rc = load_file(db, name, &files[i], err);
		if (rc != ST_OK) {
			db_rollback(db);
			return rc;
		}
	}
	const char *base = strrchr(name, '/');
	rc = db_meta_set(db, "pack", base ? base + 1 : name, err);
	if (rc == ST_OK)
		rc = db_meta_set(db, "created_at", util_now(), err);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
