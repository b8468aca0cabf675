/* reftype.c: what each reference type points into (see reftype.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/reftype.h"
#include "core/util.h"

/* ?1 is one of the '|' separated aliases of row t */
#define ALIAS "instr('|' || t.aliases || '|', '|' || ?1 || '|') > 0"

static const struct reftype reftypes[] = {
	{ .type = FT_REGION, .table = "region", .name = "t.name",
	  .match = "instr(t.name, ?1) > 0 OR instr(t.aliases, ?1) > 0 OR t.code = ?1",
	  .exact = "t.name = ?1 OR t.code = ?1 OR " ALIAS,
	  .order = "t.sort, t.id", .small = 1, .names = "t.name, t.aliases, t.code",
	  .cite = "t.name", .rank = "t.sort", .what = N_("a region of this database") },
	{ .type = FT_REGION_CODE, .table = "region", .name = "t.name",
	  .match = "instr(t.name, ?1) > 0 OR instr(t.aliases, ?1) > 0 OR t.code LIKE ?1 || '%'",
	  .exact = "t.code = ?1 OR t.name = ?1 OR " ALIAS,
	  .order = "t.sort, t.id", .small = 1, .names = "t.code", .cite = "t.name",
	  .rank = "t.sort", .what = N_("a region of this database") },
	{ .type = FT_INDICATOR, .table = "indicator", .name = "t.name",
	  .match = "instr(t.name, ?1) > 0 OR instr(t.aliases, ?1) > 0 OR t.code = ?1",
	  .exact = "t.name = ?1 OR t.code = ?1 OR " ALIAS,
	  .order = "t.sort, t.id", .small = 1, .names = "t.name, t.aliases, t.code",
	  .cite = "t.name", .rank = "t.sort", .what = N_("an indicator of this database") },
	{ .type = FT_INSTITUTE, .table = "institute", .name = "t.name",
	  .match = "instr(t.name, ?1) > 0 OR instr(t.aliases, ?1) > 0",
	  .exact = "t.name = ?1 OR " ALIAS,
	  .order = "t.name, t.id", .small = 0, .names = "t.name, t.aliases", .cite = "t.name",
	  .what = N_("an institute of this database (import institutes first)") },
	/* a million rows: the name index gives them in order, and the
	 * search stops after a screenful */
	{ .type = FT_ENTERPRISE, .table = "enterprise", .name = "t.name || ' ' || t.uscc",
	  .match = "instr(t.name, ?1) > 0 OR t.uscc LIKE ?1 || '%'",
	  /* by USCC, by name, or its name as shown ("name USCC"): each through an index */
	  .exact = "t.uscc = upper(?1) OR t.name = ?1 OR t.uscc = upper(substr(?1, -18))",
	  .order = "t.name, t.id", .small = 0, .cite = "t.uscc",
	  .what = N_("an enterprise of this database (by USCC or name; import enterprises first)") },
	{ .type = FT_DOC, .table = "policy_doc", .name = "coalesce(t.number, t.short_name)",
	  .match = "instr(t.number, ?1) > 0 OR instr(t.short_name, ?1) > 0"
	           " OR instr(t.title, ?1) > 0 OR t.code = ?1",
	  .exact = "t.number = ?1 OR t.short_name = ?1 OR t.code = ?1",
	  .order = "t.issued_on DESC, t.id", .small = 1,
	  .names = "t.code, t.number, t.short_name", .cite = "coalesce(t.number, t.short_name)",
	  .rank = "t.issued_on",
	  .what = N_("a policy document of this database (by code, number or short name)") },
	{ .type = FT_TASK, .table = "task", .name = "t.name",
	  .match = "instr(t.name, ?1) > 0 OR t.code = ?1",
	  .exact = "t.name = ?1 OR t.code = ?1",
	  .order = "t.sort, t.id", .small = 1, .names = "t.code, t.name", .cite = "t.name",
	  .rank = "t.sort", .what = N_("a task of this database (by code or name)") },
	{ .type = FT_EVENT, .table = "event", .name = "t.title || ' ' || t.held_on",
	  .match = "instr(t.title, ?1) > 0",
	  .exact = "t.title = ?1 OR t.title || ' ' || t.held_on = ?1",
	  .order = "t.held_on DESC, t.id", .small = 0, .names = "t.title", .cite = "t.title",
	  .what = N_("a matchmaking event of this database (by title)") },
};

const struct reftype *reftype_of(enum ftype type)
{
	for (size_t i = 0; i < sizeof reftypes / sizeof reftypes[0]; i++)
		if (reftypes[i].type == type)
			return &reftypes[i];
	return NULL;
}

char *reftype_expr(const char *expr, const char *alias)
{
	struct sbuf b = { 0 };
	for (const char *p = expr; *p; p++) {
		/* "t." where a name begins: the row's column */
		if (p[0] == 't' && p[1] == '.' && (p == expr || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
		                                                   (p[-1] >= '0' && p[-1] <= '9')))) {
			sbuf_printf(&b, "%s.", alias);
			p++;
		} else {
			sbuf_add(&b, p, 1);
		}
	}
	return sbuf_take(&b);
}

void ref_items_free(struct ref_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i].name);
	free(items);
}

/* Append the rows of `sql` (id, name; ?1 the text, ?2 the limit) not
 * already in the list. */
static int ref_collect(struct db *db, const char *sql, const char *text, size_t max,
                       struct ref_item **items, size_t *n, char **err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc = SQLITE_DONE;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, text ? text : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (long long)max);
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		size_t k;
		for (k = 0; k < *n && (*items)[k].id != id; k++)
			;
		if (k < *n)
			continue;
		*items = xrealloc(*items, (*n + 1) * sizeof **items);
		const unsigned char *name = sqlite3_column_text(st, 1);
		(*items)[*n].id = id;
		(*items)[*n].name = xstrdup(name ? (const char *)name : "");
		(*n)++;
	}
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_fail(db, "reading a list", err);
	}
	sqlite3_finalize(st);
	return ST_OK;
}

int reftype_match(struct db *db, const struct reftype *r, const char *text, size_t max,
                  struct ref_item **items, size_t *n, char **err)
{
	int rc = ST_OK;
	*items = NULL;
	*n = 0;
	if (max == 0)
		return ST_OK;
	if (text == NULL || *text == '\0') {
		char *sql = xasprintf("SELECT t.id, %s FROM %s t ORDER BY %s LIMIT ?2",
		                      r->name, r->table, r->order);
		rc = ref_collect(db, sql, "", max, items, n, err);
		free(sql);
		return rc;
	}
	char *whole = xasprintf("SELECT t.id, %s FROM %s t WHERE %s ORDER BY %s LIMIT ?2",
	                        r->name, r->table, r->exact, r->order);
	char *part = xasprintf("SELECT t.id, %s FROM %s t WHERE %s ORDER BY %s LIMIT ?2",
	                       r->name, r->table, r->match, r->order);
	rc = ref_collect(db, whole, text, max, items, n, err);
	if (rc == ST_OK)
		rc = ref_collect(db, part, text, max, items, n, err);
	free(whole);
	free(part);
	if (rc != ST_OK) {
		ref_items_free(*items, *n);
		*items = NULL;
		*n = 0;
	}
	return rc;
}

char *reftype_name(struct db *db, const struct reftype *r, long long id)
{
	char *sql = xasprintf("SELECT %s FROM %s t WHERE t.id = ?1", r->name, r->table);
	char *name = db_text_of(db, sql, id);
	free(sql);
	return name;
}

long long reftype_find(struct db *db, const struct reftype *r, const char *text)
{
	char *sql = xasprintf("SELECT t.id FROM %s t WHERE %s LIMIT 2", r->table, r->exact);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	long long id = 0;
	int found = 0;
	free(sql);
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		found++;
	}
	sqlite3_finalize(st);
	return found > 1 ? -1 : id;
}

int reftype_exists(struct db *db, const struct reftype *r, long long id)
{
	char *sql = xasprintf("SELECT 1 FROM %s WHERE id = ?", r->table);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	int yes = 0;
	free(sql);
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}
