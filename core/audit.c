/* audit.c: row snapshots as JSON and the audit log. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_internal.h"
#include "core/util.h"

char *audit_snapshot(struct db *db, const char *table, long long id)
{
	/* json_object('col', col, ...) over the table's own columns */
	sqlite3_stmt *st = NULL;
	char *cols = NULL, *json = NULL;
	char *q = sqlite3_mprintf("%q", table);
	char *sql = xasprintf("SELECT group_concat(quote(name) || ', \"' || name || '\"', ', ')"
	                " FROM pragma_table_info('%s')", q);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		cols = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	free(sql);
	if (cols == NULL)
		goto out;
	sql = xasprintf("SELECT json_object(%s) FROM \"%s\" WHERE id = ?", cols, q);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			json = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	free(sql);
out:
	sqlite3_free(q);
	free(cols);
	return json;
}

int audit_log(struct db *db, const char *table, long long id, const char *action,
              const char *before, const char *after, long long batch_id, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT INTO audit(at, login, tbl, row_id, action, before, after, batch_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, util_now(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	sqlite3_bind_text(st, 5, action, -1, SQLITE_STATIC);
	if (before)
		sqlite3_bind_text(st, 6, before, -1, SQLITE_STATIC);
	if (after)
		sqlite3_bind_text(st, 7, after, -1, SQLITE_STATIC);
	if (batch_id)
		sqlite3_bind_int64(st, 8, batch_id);
	int rc = sqlite3_step(st) == SQLITE_DONE ? ST_OK : db_fail(db, "audit", err);
	sqlite3_finalize(st);
	return rc;
}

void audit_deleted_by(struct db *db, const char *table, long long id, char *by, size_t by_size,
                      char *at, size_t at_size)
{
	by[0] = at[0] = '\0';
	sqlite3_stmt *st = db_prepare(db, "SELECT login, at, action FROM audit WHERE tbl = ? AND row_id = ?"
	                              " ORDER BY id DESC LIMIT 1", NULL);
	if (st == NULL)
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st, 2), "delete") == 0) {
		snprintf(by, by_size, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(at, at_size, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
}
