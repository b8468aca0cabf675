/* goal.c: the target in force for a counted figure (see goal.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/goal.h"

static int goal_query(struct db *db, const char *sql, const char *counter, long long region_id,
                      int year, struct goal *g, char **err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, counter, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, region_id);
	sqlite3_bind_int(st, 3, year);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		g->has = 1;
		g->value = sqlite3_column_double(st, 0);
		snprintf(g->cmp, sizeof g->cmp, "%s", (const char *)sqlite3_column_text(st, 1));
		g->year = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, "targets", err);
}

int goal_find(struct db *db, const char *counter, long long region_id, int year,
              struct goal *g, char **err)
{
	static const char task_sql[] =
	    "SELECT tt.value, tt.comparator, tt.year_to FROM task_target tt"
	    " JOIN task k ON k.id = tt.task_id LEFT JOIN policy_doc d ON d.id = tt.doc_id"
	    " WHERE k.counter = ?1 AND tt.region_id = ?2 AND (?3 BETWEEN tt.year_from AND tt.year_to"
	    "  OR (tt.year_from = tt.year_to AND tt.year_to < ?3))"
	    " ORDER BY ?3 BETWEEN tt.year_from AND tt.year_to DESC, tt.year_to - tt.year_from,"
	    "  tt.year_to DESC, d.issued_on DESC, tt.id DESC LIMIT 1";
	static const char ind_sql[] =
	    "WITH c AS (SELECT t.* FROM target t JOIN indicator i ON i.id = t.indicator_id"
	    "           WHERE i.counter = ?1 AND t.region_id = ?2),"
	    " y AS (SELECT coalesce((SELECT min(year) FROM c WHERE year >= ?3),"
	    "                       (SELECT max(year) FROM c)) AS year)"
	    " SELECT c.value, c.comparator, c.year FROM c JOIN policy_doc d ON d.id = c.doc_id"
	    " WHERE c.year = (SELECT year FROM y)"
	    " ORDER BY d.issued_on DESC, c.id DESC LIMIT 1";
	memset(g, 0, sizeof *g);
	if (counter == NULL)
		return ST_OK;
	int rc = goal_query(db, task_sql, counter, region_id, year, g, err);
	if (rc == ST_OK && !g->has)
		rc = goal_query(db, ind_sql, counter, region_id, year, g, err);
	return rc;
}

double goal_missing(const struct goal *g, double count)
{
	if (!g->has || strcmp(g->cmp, "<=") == 0 || count >= g->value)
		return 0;
	return g->value - count;
}
