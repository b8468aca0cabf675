/* region.c: the region tree, and finding a region by what a sheet calls it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/fold.h"
#include "core/region.h"
#include "core/util.h"

int region_list_load(struct db *db, struct region_list *out, char **err)
{
	/* depth-first by sort order: the city, then its counties, each
	 * followed by its own townships */
	static const char sql[] =
	    "WITH RECURSIVE t(id, name, kind, depth, path) AS ("
	    "  SELECT id, name, kind, 0, printf('%08d', sort) FROM region WHERE parent_id IS NULL"
	    "  UNION ALL"
	    "  SELECT r.id, r.name, r.kind, t.depth + 1, t.path || printf('/%08d', r.sort)"
	    "  FROM region r JOIN t ON r.parent_id = t.id)"
	    " SELECT id, name, kind, depth FROM t ORDER BY path";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->items = xrealloc(out->items, cap * sizeof *out->items);
		}
		struct region_item *it = &out->items[out->n++];
		it->id = sqlite3_column_int64(st, 0);
		it->name = xstrdup((const char *)sqlite3_column_text(st, 1));
		it->kind = xstrdup((const char *)sqlite3_column_text(st, 2));
		it->depth = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		region_list_free(out);
		return db_fail(db, "regions", err);
	}
	return ST_OK;
}

void region_list_free(struct region_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].name);
		free(l->items[i].kind);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

long long region_find(struct db *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	long long id = 0;
	char *f = fold_name(name);
	if (*f == '\0' || sqlite3_prepare_v2(db->h,
	        "SELECT id, name, code, aliases FROM region ORDER BY sort, id", -1, &st, NULL) != SQLITE_OK)
		goto out;
	while (id == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 1);
		const char *code = (const char *)sqlite3_column_text(st, 2);
		const char *aliases = (const char *)sqlite3_column_text(st, 3);
		if (fold_match(f, n, aliases) || fold_match(f, code, NULL))
			id = sqlite3_column_int64(st, 0);
	}
out:
	sqlite3_finalize(st);
	free(f);
	return id;
}

long long region_top(struct db *db)
{
	long long id = db_scalar(db,
	    "SELECT id FROM region WHERE parent_id IS NULL ORDER BY sort, id LIMIT 1", NULL);
	return id < 0 ? 0 : id;
}

int region_list_under(struct db *db, long long id, struct region_list *out, char **err)
{
	struct region_list all;
	int rc = region_list_load(db, &all, err);
	memset(out, 0, sizeof *out);
	if (rc != ST_OK)
		return rc;
	size_t at = 0;
	while (at < all.n && id != 0 && all.items[at].id != id)
		at++;
	out->items = xcalloc(all.n ? all.n : 1, sizeof *out->items);
	for (size_t i = at; i < all.n; i++) {
		struct region_item *it = &all.items[i];
		if (i > at && it->depth <= all.items[at].depth)
			break;
		if (i == at || it->depth == all.items[at].depth + 1) {
			out->items[out->n++] = *it;
			it->name = it->kind = NULL;
		}
	}
	region_list_free(&all);
	return ST_OK;
}
