/* regfull.c: register completeness per region (see regfull.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/counter.h"
#include "core/parse.h"
#include "core/region.h"
#include "core/db_internal.h"
#include "core/profile.h"
#include "core/access.h"
#include "core/regfull.h"
#include "core/util.h"

/* The region's own latest mark on or before date: 1, 0, or -1 for none
 * (-2 on error). */
static int own_mark(struct db *db, const char *reg, long long region_id, const char *date)
{
	static const char sql[] =
	    "SELECT complete FROM register_complete WHERE register = ?1 AND region_id = ?2"
	    " AND as_of <= ?3 AND (batch_id IS NULL OR batch_id NOT IN"
	    "      (SELECT id FROM import_batch WHERE undone_at IS NOT NULL))"
	    " ORDER BY as_of DESC, id DESC LIMIT 1";
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (st == NULL)
		return -2;
	sqlite3_bind_text(st, 1, reg, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, region_id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), v = -1;
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	else if (rc != SQLITE_DONE)
		v = -2;
	sqlite3_finalize(st);
	return v;
}

static int is_full(struct db *db, const char *reg, long long region_id, const char *date, int depth)
{
	int own = own_mark(db, reg, region_id, date);
	if (own != -1)
		return own == -2 ? -1 : own;
	if (depth > 8)
		return 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM region WHERE parent_id = ?1", NULL);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, region_id);
	long long *kids = NULL;
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kids = xrealloc(kids, (n + 1) * sizeof *kids);
		kids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	int full = rc == SQLITE_DONE ? n > 0 : -1;
	for (size_t i = 0; i < n && full == 1; i++)
		full = is_full(db, reg, kids[i], date, depth + 1);
	free(kids);
	return full;
}

int regfull_is(struct db *db, const char *reg, long long region_id, const char *date)
{
	if (reg == NULL)        /* the register is the only source */
		return 1;
	return is_full(db, reg, region_id, date, 0);
}

int regfull_mark(struct db *db, const char *reg, long long region_id, const char *as_of,
                 int complete, long long batch_id, char **err)
{
	const struct profile *p = profile_find(reg);
	if (p == NULL || !(p->flags & PK_IMPORT)) {
		err_set(err, "\"%s\" is not a kind of record", reg);
		return ST_DATA;
	}
	/* saying a region's register is complete changes that region's figures */
	int rc = access_check(db, "register_complete", region_id, ACCESS_CHANGE, err);
	if (rc != ST_OK)
		return rc;
	/* a mark of the same day is changed, and its audit says so with the old one */
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM register_complete WHERE register = ?1"
	                              " AND region_id = ?2 AND as_of = ?3", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, p->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, region_id);
	sqlite3_bind_text(st, 3, as_of, -1, SQLITE_STATIC);
	char *before = sqlite3_step(st) == SQLITE_ROW
	             ? audit_snapshot(db, "register_complete", sqlite3_column_int64(st, 0)) : NULL;
	sqlite3_finalize(st);
	st = db_prepare(db,
	    "INSERT INTO register_complete(register, region_id, as_of, complete, batch_id,"
	    " marked_by, marked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT (register, region_id, as_of) DO UPDATE SET complete = excluded.complete,"
	    " batch_id = excluded.batch_id, marked_by = excluded.marked_by,"
	    " marked_at = excluded.marked_at RETURNING id", err);
	if (st == NULL) {
		free(before);
		return ST_DB;
	}
	sqlite3_bind_text(st, 1, p->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, region_id);
	sqlite3_bind_text(st, 3, as_of, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, complete != 0);
	if (batch_id)
		sqlite3_bind_int64(st, 5, batch_id);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_text(st, 6, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, util_now(), -1, SQLITE_TRANSIENT);
	long long id = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (id == 0) {
		free(before);
		return db_fail(db, "marking the register", err);
	}
	char *after = audit_snapshot(db, "register_complete", id);
	rc = audit_log(db, "register_complete", id, before ? "update" : "insert", before, after,
	               batch_id, err);
	free(before);
	free(after);
	return rc;
}

int regfull_set(struct db *db, const char *reg, const char *region, const char *as_of,
                int complete, char **err)
{
	const struct profile *p = profile_find(reg);
	char day[11];
	if (p == NULL || !(p->flags & PK_IMPORT)) {
		err_set(err, "\"%s\" is not a kind of record", reg);
		return ST_USAGE;
	}
	if (!counter_counts_register(p->kind)) {
		char *regs = counter_registers();
		err_set(err, "no figure is counted from %s, so it is never marked complete (those counted: %s)",
		        profile_title(p), regs);
		free(regs);
		return ST_USAGE;
	}
	long long id = region_find(db, region);
	if (id == 0) {
		err_set(err, "\"%s\" is not a region of this database", region);
		return ST_USAGE;
	}
	if (as_of == NULL)
		snprintf(day, sizeof day, "%.10s", util_now());
	else if (parse_date(as_of, day) != 0) {
		err_set(err, "\"%s\" is not a date (YYYY-MM-DD)", as_of);
		return ST_USAGE;
	}
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	rc = regfull_mark(db, p->kind, id, day, complete, 0, err);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK)
		db_rollback(db);
	return rc == ST_DATA ? ST_USAGE : rc;
}
