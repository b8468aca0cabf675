/* history.c: the audit, one line per field changed (see history.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/fold.h"
#include "core/history.h"
#include "core/i18n.h"
#include "core/record.h"
#include "core/util.h"

const char *history_table(const char *word)
{
	const struct profile *p = profile_find(word);
	if (p != NULL)
		return p->table;
	char *f = fold_name(word);
	const char *t = NULL;
	for (const struct profile *const *k = profiles; *k && t == NULL; k++)
		if (fold_match(f, (*k)->zh, NULL) || fold_match(f, (*k)->en, NULL))
			t = (*k)->table;
	free(f);
	return t;
}

char *history_kinds(void)
{
	struct sbuf b = { 0 };
	for (const struct profile *const *k = profiles; *k; k++)
		if (strcmp((*k)->table, "import_batch") != 0)
			sbuf_printf(&b, "%s%s", b.len ? tr(", ") : "", (*k)->kind);
	return sbuf_take(&b);
}

static const char *kind_name(const struct profile *p, const char *table)
{
	return p != NULL ? profile_title(p) : table;
}

static const char *action_label(const char *action)
{
	if (strcmp(action, "insert") == 0)
		return tr("added");
	if (strcmp(action, "delete") == 0)
		return tr("deleted");
	return tr("changed");
}

/* The columns of an image that are the program's bookkeeping, not a field. */
static int bookkeeping(const char *col)
{
	static const char *const cols[] = { "id", "version", "batch_id", "updated_by", "updated_at",
	                                    "marked_by", "marked_at" };
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (strcmp(col, cols[i]) == 0)
			return 1;
	return 0;
}

static char *where(const struct history_filter *f)
{
	struct sbuf b = { 0 };
	sbuf_puts(&b, " WHERE 1");
	if (f->since)
		sbuf_puts(&b, " AND a.at >= ?1");
	if (f->until)
		sbuf_puts(&b, " AND a.at < date(?2, '+1 day')");
	if (f->login)
		sbuf_puts(&b, " AND a.login = ?3");
	if (f->table)
		sbuf_puts(&b, " AND a.tbl = ?4");
	if (f->table && f->row_id)
		sbuf_puts(&b, " AND (a.row_id = ?5 OR (a.row_last IS NOT NULL AND a.row_id < ?5"
		              " AND a.row_last >= ?5))");
	return sbuf_take(&b);
}

/* One audit row's columns: each key of its images, before and after. */
#define SELECT_ROWS \
	"SELECT a.id, a.at, a.login, a.tbl, a.row_id, coalesce(a.row_last, 0), a.action," \
	" coalesce(a.batch_id, 0), k.key, json_extract(a.before, '$.\"' || k.key || '\"')," \
	" json_extract(a.after, '$.\"' || k.key || '\"')" \
	" FROM (SELECT * FROM audit a%s ORDER BY a.id %s%s) a" \
	" LEFT JOIN json_each(coalesce(a.after, a.before)) k ORDER BY a.id %s, k.id"

struct cur {
	struct db                *db;
	void (*fn)(void *ctx, const struct history_line *l);
	void                     *ctx;
	struct history_line       l;
	long long                 label_of;   /* the audit row whose record label is held */
	char                     *label;
	int                       said;       /* a line was given for the audit row */
};

/* A field line of the current audit row, if the field says something. */
static void field_line(struct cur *c, const struct profile *p, const char *col,
                       const char *a, const char *z)
{
	int upd = strcmp(c->l.action, "update") == 0;
	if (col == NULL || bookkeeping(col))
		return;
	if (upd ? (a == NULL ? z == NULL : z != NULL && strcmp(a, z) == 0)
	        : (a == NULL && z == NULL) || (a != NULL && *a == '\0') || (z != NULL && *z == '\0'))
		return;
	int i = p != NULL ? profile_field(p, col) : -1;
	char *fa = i >= 0 ? record_show(c->db, p, (size_t)i, a) : xstrdup(a ? a : "");
	char *fz = i >= 0 ? record_show(c->db, p, (size_t)i, z) : xstrdup(z ? z : "");
	char *name = i >= 0 ? record_field_name(p, (size_t)i) : xstrdup(col);
	c->l.field = name;
	c->l.field_key = i >= 0 ? p->f[i].key : col;
	c->l.before = fa;
	c->l.after = fz;
	c->fn(c->ctx, &c->l);
	c->said = 1;
	free(fa);
	free(fz);
	free(name);
}

/* The whole-record line of an audit row that had no field to show. */
static void record_line(struct cur *c)
{
	if (c->said || c->l.audit_id == 0)
		return;
	c->l.field = c->l.field_key = c->l.before = c->l.after = "";
	c->fn(c->ctx, &c->l);
}

static void bind(sqlite3_stmt *st, const struct history_filter *f)
{
	if (f->since)
		sqlite3_bind_text(st, 1, f->since, -1, SQLITE_STATIC);
	if (f->until)
		sqlite3_bind_text(st, 2, f->until, -1, SQLITE_STATIC);
	if (f->login)
		sqlite3_bind_text(st, 3, f->login, -1, SQLITE_STATIC);
	if (f->table)
		sqlite3_bind_text(st, 4, f->table, -1, SQLITE_STATIC);
	if (f->table && f->row_id)
		sqlite3_bind_int64(st, 5, f->row_id);
}

int history_each(struct db *db, const struct history_filter *f,
                 void (*fn)(void *ctx, const struct history_line *l), void *ctx, char **err)
{
	char *w = where(f), lim[32] = "";
	const char *dir = f->newest_first ? "DESC" : "";
	if (f->limit > 0)
		snprintf(lim, sizeof lim, " LIMIT %ld", f->limit);
	char *sql = xasprintf(SELECT_ROWS, w, dir, lim, dir);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(w);
	free(sql);
	if (st == NULL)
		return ST_DB;
	bind(st, f);
	struct cur c = { .db = db, .fn = fn, .ctx = ctx };
	const struct profile *p = NULL;
	int rc;
	char *at = NULL, *login = NULL, *table = NULL, *action = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		if (id != c.l.audit_id) {
			record_line(&c);
			free(at), free(login), free(table), free(action);
			at = xstrdup((const char *)sqlite3_column_text(st, 1));
			login = xstrdup((const char *)sqlite3_column_text(st, 2));
			table = xstrdup((const char *)sqlite3_column_text(st, 3));
			action = xstrdup((const char *)sqlite3_column_text(st, 6));
			p = profile_audited(table);
			free(c.label);
			c.l = (struct history_line){
				.audit_id = id, .at = at, .login = login, .table = table,
				.kind = kind_name(p, table), .kind_key = p != NULL ? p->kind : table, .row_id = sqlite3_column_int64(st, 4),
				.row_last = sqlite3_column_int64(st, 5), .action = action,
				.action_label = action_label(action), .batch_id = sqlite3_column_int64(st, 7)
			};
			c.label = p != NULL && c.l.row_last == 0 ? record_label(db, p, c.l.row_id) : NULL;
			c.l.record = c.label ? c.label : "";
			c.said = 0;
		}
		field_line(&c, p, (const char *)sqlite3_column_text(st, 8),
		           (const char *)sqlite3_column_text(st, 9), (const char *)sqlite3_column_text(st, 10));
	}
	record_line(&c);
	free(at), free(login), free(table), free(action);
	free(c.label);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "audit", err);
}
