/* batch.c: the list of import batches, and undo.  An import wrote one
 * audit row per row it changed, with the row's image before and after,
 * and one audit row per run of ids it added (row_id .. row_last; older
 * batches wrote one per added row, row_last NULL) (see stage.c).  Undo
 * compares each changed row's image now with the image after (a row the
 * batch added must be as it came: the batch's batch_id, and version 1 plus
 * the audit rows written for it since, all by batches undone since), and
 * restores the image before.  Undo's own audit rows carry the undone
 * batch's id. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/batch.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/profile.h"
#include "core/stage.h"
#include "core/turn.h"
#include "core/util.h"

#define MAX_CONFLICTS 50

static const char *text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

int batch_list(struct db *db, void (*fn)(void *ctx, const struct batch_info *b), void *ctx,
               char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT id, kind, file_name, file_size, sha256, encoding, rows_new, rows_changed,"
	    " rows_unchanged, warnings, login, started_at, undone_at FROM import_batch ORDER BY id", err);
	int rc;
	if (st == NULL)
		return ST_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct batch_info b = {
			.id = sqlite3_column_int64(st, 0), .kind = text(st, 1), .file_name = text(st, 2),
			.file_size = sqlite3_column_int64(st, 3), .sha256 = text(st, 4),
			.encoding = text(st, 5), .rows_new = sqlite3_column_int(st, 6),
			.rows_changed = sqlite3_column_int(st, 7), .rows_unchanged = sqlite3_column_int(st, 8),
			.warnings = sqlite3_column_int(st, 9), .login = text(st, 10),
			.started_at = text(st, 11),
			.undone_at = sqlite3_column_type(st, 12) == SQLITE_NULL ? NULL : text(st, 12)
		};
		fn(ctx, &b);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "import batches", err);
}

/* The last audit row written before this undo began: undo's own audit
 * rows (which carry the batch's id too) come after it. */
static long long audit_mark;

/* Run sql with ?1 batch, ?2 now, ?3 login, ?4 audit_mark.  Changes made, or -1. */
static long run(struct db *db, const char *sql, long long batch, const char *now, char **err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, batch);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, db_login(db), -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_int64(st, 4, audit_mark);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if ((sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_CONSTRAINT)
			err_set(err, "some rows this batch added are now referred to by other records "
			        "(a talent's enterprise, a platform's institute...); change those first");
		else
			db_fail(db, "undo", err);
		return -1;
	}
	return sqlite3_changes(db->h);
}

/* The batch's audit rows of tbl, one per row: a run of added ids is
 * spread out to one row per id, with the run's audit id.  Columns id,
 * tbl, row_id, action, before, after, batch_id, as in audit. */
#define AUDIT_ROWS(tbl_) \
	"WITH RECURSIVE a(id, tbl, row_id, action, before, after, batch_id, last) AS (" \
	" SELECT id, tbl, row_id, action, before, after, batch_id, coalesce(row_last, row_id)" \
	"  FROM audit WHERE batch_id = ?1 AND tbl = '" tbl_ "'" \
	" UNION ALL SELECT id, tbl, row_id + 1, action, before, after, batch_id, last FROM a" \
	"  WHERE row_id < last) "

/* Who changed a row last, from column i of st (the id of the audit row
 * that says so): " by import batch 7", " by clerk1 at ...", or "".
 * Caller frees. */
static char *changed_by(struct db *db, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return xstrdup("");
	sqlite3_stmt *q = db_prepare(db, "SELECT batch_id, login, at FROM audit WHERE id = ?", NULL);
	char *s = NULL;
	if (q == NULL)
		return xstrdup("");
	sqlite3_bind_int64(q, 1, sqlite3_column_int64(st, i));
	if (sqlite3_step(q) == SQLITE_ROW) {
		if (sqlite3_column_type(q, 0) != SQLITE_NULL)
			s = xasprintf(tr(" by import batch %lld"), (long long)sqlite3_column_int64(q, 0));
		else
			s = xasprintf(tr(" by %s at %s"), text(q, 1), text(q, 2));
	}
	sqlite3_finalize(q);
	return s ? s : xstrdup("");
}

/* Rows of the batch that changed since: 0 if none, -1 on error. */
static long conflicts(struct db *db, const struct profile *p, long long id,
                      void (*fn)(void *ctx, const char *text), void *ctx, char **err)
{
	char *img = stage_image_sql(p, "t");
	char *with = xasprintf(AUDIT_ROWS("%s"), p->table);
	char *sql = xasprintf(
	    "%sSELECT a.row_id, t.id IS NULL, %s,"
	    " (SELECT max(b.id) FROM audit b WHERE b.tbl = a.tbl AND b.row_id = a.row_id"
	    "   AND b.id > a.id)"
	    " FROM a LEFT JOIN main.%s t ON t.id = a.row_id"
	    " WHERE a.action IN ('insert', 'update')"
	    "   AND (t.id IS NULL OR CASE a.action WHEN 'insert'"
	    "        THEN t.batch_id IS NOT a.batch_id OR t.version IS NOT 1 +"
	    "             (SELECT count(*) FROM audit b WHERE b.tbl = a.tbl AND b.row_id = a.row_id"
	    "              AND b.id > a.id)"
	    "          OR EXISTS (SELECT 1 FROM audit b WHERE b.tbl = a.tbl AND b.row_id = a.row_id"
	    "              AND b.id > a.id AND (b.batch_id IS NULL OR b.batch_id NOT IN"
	    "              (SELECT id FROM import_batch WHERE undone_at IS NOT NULL)))"
	    "        ELSE %s IS NOT a.after END) ORDER BY a.id, a.row_id",
	    with, p->label, p->table, img);
	free(with);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	long n = 0;
	int rc;
	free(sql);
	free(img);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (++n > MAX_CONFLICTS)
			continue;
		const char *label = sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : text(st, 2);
		char *by = changed_by(db, st, 3);
		char *msg = xasprintf(tr("%s row %lld%s%s: %s%s"),
		                      i18n_get() == LANG_EN ? p->table : tr(p->kind),
		                      (long long)sqlite3_column_int64(st, 0),
		                      label ? " " : "", label ? label : "",
		                      sqlite3_column_int(st, 1) ? tr("deleted since") : tr("changed since"),
		                      by);
		fn(ctx, msg);
		free(msg);
		free(by);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "undo", err), -1;
	if (n > MAX_CONFLICTS) {
		char *msg = xasprintf(tr("... and %ld more rows"), n - MAX_CONFLICTS);
		fn(ctx, msg);
		free(msg);
	}
	return n;
}

static int restore(struct db *db, const struct profile *p, long long id, const char *now,
                   long *restored, long *deleted, char **err)
{
	const char *T = p->table;
	char *img = stage_image_sql(p, "t");
	struct sbuf b = { 0 };
	long n;
	/* rows the batch added: recorded, then deleted */
	sbuf_printf(&b, "INSERT INTO audit(at, login, tbl, row_id, action, before, after, batch_id)"
	            " SELECT ?2, ?3, '%s', t.id, 'delete', %s, NULL, ?1 FROM audit a"
	            " JOIN main.%s t ON t.id BETWEEN a.row_id AND coalesce(a.row_last, a.row_id)"
	            " WHERE a.batch_id = ?1 AND a.tbl = '%s' AND a.action = 'insert'", T, img, T, T);
	n = run(db, b.s, id, now, err);
	sbuf_free(&b);
	if (n >= 0) {
		sbuf_printf(&b, "DELETE FROM main.%s WHERE id IN (" AUDIT_ROWS("%s")
		            "SELECT row_id FROM a WHERE action = 'insert' AND id <= ?4)", T, T);
		n = run(db, b.s, id, now, err);
		sbuf_free(&b);
		*deleted = n;
	}
	/* rows the batch changed: recorded, then given their image before */
	if (n >= 0) {
		sbuf_printf(&b, "INSERT INTO audit(at, login, tbl, row_id, action, before, after, batch_id)"
		            " SELECT ?2, ?3, '%s', t.id, 'update', %s, a.before, ?1 FROM audit a"
		            " JOIN main.%s t ON t.id = a.row_id"
		            " WHERE a.batch_id = ?1 AND a.tbl = '%s' AND a.action = 'update' AND a.id <= ?4",
		            T, img, T, T);
		n = run(db, b.s, id, now, err);
		sbuf_free(&b);
	}
	if (n >= 0) {
		sbuf_printf(&b, "UPDATE main.%s AS t SET ", T);
		for (size_t i = 0; i < p->n; i++)
			sbuf_printf(&b, "%s = json_extract(a.before, '$.%s'), ", p->f[i].col, p->f[i].col);
		sbuf_printf(&b, "batch_id = json_extract(a.before, '$.batch_id'),"
		            " updated_by = json_extract(a.before, '$.updated_by'),"
		            " updated_at = json_extract(a.before, '$.updated_at'), version = t.version + 1"
		            " FROM audit a WHERE a.batch_id = ?1 AND a.tbl = '%s' AND a.action = 'update'"
		            " AND a.id <= ?4 AND t.id = a.row_id", T);
		n = run(db, b.s, id, now, err);
		sbuf_free(&b);
		*restored = n;
	}
	if (n >= 0)
		n = run(db, "UPDATE import_batch SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
		        id, now, err);
	free(img);
	return n >= 0 ? ST_OK : ST_DB;
}

/* May the session undo batch id: delete the rows it added and give the
 * rows it changed their images before, in the regions they have now and
 * had before?  ST_OK; ST_DATA with *err (the first region refused); ST_DB. */
static int may_undo(struct db *db, const struct profile *p, long long id, char **err)
{
	int fi = access_region_source(p);
	if (access_writes_all(db) || fi < 0 || !access_writes_some(db))
		return access_check(db, p->table, 0, ACCESS_UNDO, err);
	const char *T = p->table, *col = p->f[fi].col;
	char *now = xasprintf("t.%s", col), *was = xasprintf("json_extract(a.before, '$.%s')", col);
	char *now_r = access_region_sql(p, now), *was_r = access_region_sql(p, was);
	char *with = xasprintf(AUDIT_ROWS("%s"), T);
	char *sql = xasprintf("%sSELECT DISTINCT coalesce(%s, 0) FROM a JOIN main.%s t ON t.id = a.row_id"
	                      " WHERE a.action IN ('insert', 'update')"
	                      " UNION SELECT coalesce(%s, 0) FROM a"
	                      " WHERE a.action = 'update'", with, now_r, T, was_r);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(now);
	free(was);
	free(now_r);
	free(was_r);
	free(with);
	free(sql);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = ST_OK, step;
	while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = access_check(db, T, sqlite3_column_int64(st, 0), ACCESS_UNDO, err);
	if (rc == ST_OK && step != SQLITE_DONE)
		rc = db_fail(db, "undo", err);
	sqlite3_finalize(st);
	return rc;
}

static int undo_in_turn(struct db *db, long long id,
                        void (*conflict)(void *ctx, const char *text), void *ctx,
                        long *restored, long *deleted, char **err)
{
	char now[32];
	int rc = ST_OK;
	*restored = *deleted = 0;
	snprintf(now, sizeof now, "%s", util_now());
	if (db_begin_write(db, err) != ST_OK)
		return ST_DB;
	sqlite3_stmt *st = db_prepare(db, "SELECT kind, undone_at FROM import_batch WHERE id = ?", err);
	if (st == NULL) {
		db_rollback(db);
		return ST_DB;
	}
	sqlite3_bind_int64(st, 1, id);
	const struct profile *p = NULL;
	if (sqlite3_step(st) != SQLITE_ROW) {
		err_set(err, "there is no import batch %lld (see: innotrack imports)", id);
		rc = ST_USAGE;
	} else if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
		err_set(err, "import batch %lld was undone already, at %s", id, text(st, 1));
		rc = ST_USAGE;
	} else if ((p = profile_find(text(st, 0))) == NULL) {
		err_set(err, "import batch %lld is of a kind this program does not know", id);
		rc = ST_USAGE;
	}
	sqlite3_finalize(st);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = may_undo(db, p, id, err)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	long n = conflicts(db, p, id, conflict, ctx, err);
	if (n != 0) {
		db_rollback(db);
		if (n < 0)
			return ST_DB;
		err_set(err, "import batch %lld is not undone: %ld of its rows have changed since "
		        "(listed above); nothing was changed", id, n);
		return ST_DATA;
	}
	audit_mark = db_scalar(db, "SELECT coalesce(max(id), 0) FROM audit", NULL);
	rc = restore(db, p, id, now, restored, deleted, err);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	if (rc != ST_OK && strstr(*err, "referred to") != NULL)
		rc = ST_DATA;
	return rc;
}

int batch_undo(struct db *db, long long id,
               void (*conflict)(void *ctx, const char *text), void *ctx,
               long *restored, long *deleted, char **err)
{
	*restored = *deleted = 0;
	if (turn_take(db, TURN_UNDO, err) != ST_OK)
		return ST_DB;
	int rc = undo_in_turn(db, id, conflict, ctx, restored, deleted, err);
	turn_give(db);
	return rc;
}
