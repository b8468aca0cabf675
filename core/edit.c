/* edit.c: saving a clerk's edits with row versions and an audit trail. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_internal.h"
#include "core/edit.h"
#include "core/indsem.h"
#include "core/period.h"
#include "core/util.h"

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, n, "%s", t ? (const char *)t : "");
}

int obs_read(struct db *db, long long indicator_id, long long region_id,
             const char *period, struct obs_rec *out, char **err)
{
	memset(out, 0, sizeof *out);
	out->indicator_id = indicator_id;
	out->region_id = region_id;
	snprintf(out->period, sizeof out->period, "%s", period);
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT id, version, value, note, updated_by, updated_at FROM observation"
	    " WHERE indicator_id = ? AND region_id = ? AND period = ?", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, indicator_id);
	sqlite3_bind_int64(st, 2, region_id);
	sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->version = sqlite3_column_int64(st, 1);
		out->has_value = sqlite3_column_type(st, 2) != SQLITE_NULL;
		out->value = sqlite3_column_double(st, 2);
		copy_col(out->note, sizeof out->note, st, 3);
		copy_col(out->updated_by, sizeof out->updated_by, st, 4);
		copy_col(out->updated_at, sizeof out->updated_at, st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, "observation", err);
}

/* Inside a write transaction: is the row still at `version`?  Fills *c
 * when it is not.  `id` 0 means the form made a new record, which must
 * still not exist (another clerk may have added the same cell). */
static int check_version(struct db *db, const char *sql_now, long long id_or_key,
                         long long version, struct edit_conflict *c, sqlite3_stmt *key_st)
{
	sqlite3_stmt *st = key_st;
	int rc, result = ST_OK;
	if (st == NULL) {
		if (sqlite3_prepare_v2(db->h, sql_now, -1, &st, NULL) != SQLITE_OK)
			return ST_DB;
		sqlite3_bind_int64(st, 1, id_or_key);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		long long now = sqlite3_column_int64(st, 0);
		if (now != version) {
			c->version = now;
			copy_col(c->by, sizeof c->by, st, 1);
			copy_col(c->at, sizeof c->at, st, 2);
			copy_col(c->value, sizeof c->value, st, 3);
			result = ST_CONFLICT;
		}
	} else if (rc == SQLITE_DONE) {
		if (version != 0) {        /* it was deleted meanwhile */
			memset(c, 0, sizeof *c);
			result = ST_CONFLICT;
		}
	} else {
		result = ST_DB;
	}
	if (key_st == NULL)
		sqlite3_finalize(st);
	else
		sqlite3_reset(st);
	return result;
}

/* The row was deleted meanwhile: who deleted it and when, if the audit
 * knows (c->by and c->at stay empty if not). */
static void deleted_by(struct db *db, const char *tbl, long long id, struct edit_conflict *c)
{
	memset(c, 0, sizeof *c);
	audit_deleted_by(db, tbl, id, c->by, sizeof c->by, c->at, sizeof c->at);
}

int obs_save(struct db *db, struct obs_rec *r, struct edit_conflict *c, char **err)
{
	struct period p;
	char end[16];
	if (period_parse(r->period, &p) != 0) {
		err_set(err, "\"%s\" is not a year (2025) or a quarter (2025Q3)", r->period);
		return ST_DATA;
	}
	if (r->has_value) {
		char *why = indicator_value_check(db, r->indicator_id, r->value);
		if (why != NULL) {
			err_set(err, "%s", why);
			free(why);
			return ST_DATA;
		}
	}
	period_format(p, r->period, sizeof r->period);
	period_end(p, end, sizeof end);
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT version, updated_by, updated_at, value, id FROM observation"
	    " WHERE indicator_id = ? AND region_id = ? AND period = ?", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, r->indicator_id);
	sqlite3_bind_int64(st, 2, r->region_id);
	sqlite3_bind_text(st, 3, r->period, -1, SQLITE_STATIC);
	long long existing = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		existing = sqlite3_column_int64(st, 4);
	sqlite3_reset(st);
	/* the version the form expects; -1 when another clerk added the
	 * same cell after this form was opened as a new one */
	long long want = r->id ? r->version : 0;
	if (existing && existing != r->id)
		want = -1;
	rc = check_version(db, NULL, 0, want, c, st);
	sqlite3_finalize(st);
	if (rc == ST_CONFLICT && c->version == 0)
		deleted_by(db, "observation", r->id, c);
	if (rc != ST_OK) {
		db_rollback(db);
		if (rc == ST_DB)
			return db_fail(db, "observation", err);
		return rc;
	}
	char *before = existing ? audit_snapshot(db, "observation", existing) : NULL;
	st = db_prepare(db, existing
	    ? "UPDATE observation SET value = ?4, note = ?5, updated_by = ?6, updated_at = ?7,"
	      " version = version + 1, batch_id = NULL WHERE id = ?8"
	    : "INSERT INTO observation(indicator_id, region_id, period, period_end, value, note,"
	      " updated_by, updated_at) VALUES (?1, ?2, ?3, ?9, ?4, ?5, ?6, ?7)", err);
	if (st == NULL) {
		free(before);
		goto fail;
	}
	if (!existing) {
		sqlite3_bind_int64(st, 1, r->indicator_id);
		sqlite3_bind_int64(st, 2, r->region_id);
		sqlite3_bind_text(st, 3, r->period, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, end, -1, SQLITE_STATIC);
	}
	if (r->has_value)
		sqlite3_bind_double(st, 4, r->value);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, r->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, util_now(), -1, SQLITE_TRANSIENT);
	if (existing)
		sqlite3_bind_int64(st, 8, existing);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(before);
		goto fail;
	}
	long long id = existing ? existing : sqlite3_last_insert_rowid(db->h);
	char *after = audit_snapshot(db, "observation", id);
	rc = audit_log(db, "observation", id, existing ? "update" : "insert", before, after, 0, err);
	free(before);
	free(after);
	if (rc != ST_OK)
		goto fail;
	if ((rc = db_commit(db, err)) != ST_OK)
		goto fail;
	char saved[sizeof r->period];          /* obs_read clears *r first */
	snprintf(saved, sizeof saved, "%s", r->period);
	return obs_read(db, r->indicator_id, r->region_id, saved, r, err);
fail:
	if (err != NULL && *err == NULL)
		db_fail(db, "saving the observation", err);
	db_rollback(db);
	return ST_DB;
}

int obs_delete(struct db *db, const struct obs_rec *r, struct edit_conflict *c, char **err)
{
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	rc = check_version(db, "SELECT version, updated_by, updated_at, value FROM observation WHERE id = ?",
	                   r->id, r->version, c, NULL);
	if (rc == ST_CONFLICT && c->version == 0)
		deleted_by(db, "observation", r->id, c);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc == ST_DB ? db_fail(db, "observation", err) : rc;
	}
	char *before = audit_snapshot(db, "observation", r->id);
	char *sql = xasprintf("DELETE FROM observation WHERE id = %lld", r->id);
	rc = db_exec(db, sql, err);
	free(sql);
	if (rc == ST_OK)
		rc = audit_log(db, "observation", r->id, "delete", before, NULL, 0, err);
	free(before);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK)
		db_rollback(db);
	return rc;
}

int target_read(struct db *db, long long id, struct target_rec *out, char **err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT id, version, indicator_id, region_id, doc_id, year, comparator, value,"
	    " baseline_year, baseline, note FROM target WHERE id = ?", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->version = sqlite3_column_int64(st, 1);
		out->indicator_id = sqlite3_column_int64(st, 2);
		out->region_id = sqlite3_column_int64(st, 3);
		out->doc_id = sqlite3_column_int64(st, 4);
		out->year = sqlite3_column_int(st, 5);
		copy_col(out->cmp, sizeof out->cmp, st, 6);
		out->value = sqlite3_column_double(st, 7);
		out->has_baseline = sqlite3_column_type(st, 8) != SQLITE_NULL;
		out->baseline_year = sqlite3_column_int(st, 8);
		out->baseline = sqlite3_column_double(st, 9);
		copy_col(out->note, sizeof out->note, st, 10);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, "target %lld is gone", id);
		return ST_DATA;
	}
	return rc == SQLITE_ROW ? ST_OK : db_fail(db, "target", err);
}

int target_save(struct db *db, struct target_rec *r, struct edit_conflict *c, char **err)
{
	if (strcmp(r->cmp, "=") && strcmp(r->cmp, ">=") && strcmp(r->cmp, "<=") && strcmp(r->cmp, "~")) {
		err_set(err, "\"%s\" is not one of =, >=, <=, ~", r->cmp);
		return ST_DATA;
	}
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	if (r->id) {
		rc = check_version(db, "SELECT version, updated_by, updated_at, value FROM target WHERE id = ?",
		                   r->id, r->version, c, NULL);
		if (rc == ST_CONFLICT && c->version == 0)
			deleted_by(db, "target", r->id, c);
		if (rc != ST_OK) {
			db_rollback(db);
			return rc == ST_DB ? db_fail(db, "target", err) : rc;
		}
	}
	char *before = r->id ? audit_snapshot(db, "target", r->id) : NULL;
	sqlite3_stmt *st = db_prepare(db, r->id
	    ? "UPDATE target SET indicator_id = ?1, region_id = ?2, doc_id = ?3, year = ?4,"
	      " comparator = ?5, value = ?6, baseline_year = ?7, baseline = ?8, note = ?9,"
	      " updated_by = ?10, updated_at = ?11, version = version + 1 WHERE id = ?12"
	    : "INSERT INTO target(indicator_id, region_id, doc_id, year, comparator, value,"
	      " baseline_year, baseline, note, updated_by, updated_at)"
	      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", err);
	if (st == NULL) {
		free(before);
		db_rollback(db);
		return ST_DB;
	}
	sqlite3_bind_int64(st, 1, r->indicator_id);
	sqlite3_bind_int64(st, 2, r->region_id);
	sqlite3_bind_int64(st, 3, r->doc_id);
	sqlite3_bind_int(st, 4, r->year);
	sqlite3_bind_text(st, 5, r->cmp, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 6, r->value);
	if (r->has_baseline) {
		sqlite3_bind_int(st, 7, r->baseline_year);
		sqlite3_bind_double(st, 8, r->baseline);
	}
	sqlite3_bind_text(st, 9, r->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, util_now(), -1, SQLITE_TRANSIENT);
	if (r->id)
		sqlite3_bind_int64(st, 12, r->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		int code = sqlite3_extended_errcode(db->h);
		free(before);
		if (code == SQLITE_CONSTRAINT_UNIQUE) {
			err_set(err, "this document already sets a target for that indicator, region and year");
			db_rollback(db);
			return ST_DATA;
		}
		db_fail(db, "saving the target", err);
		db_rollback(db);
		return ST_DB;
	}
	long long id = r->id ? r->id : sqlite3_last_insert_rowid(db->h);
	char *after = audit_snapshot(db, "target", id);
	rc = audit_log(db, "target", id, r->id ? "update" : "insert", before, after, 0, err);
	free(before);
	free(after);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return target_read(db, id, r, err);
}

int target_choose(struct db *db, long long target_id, char **err)
{
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT INTO target_choice(indicator_id, region_id, year, target_id, chosen_by, chosen_at)"
	    " SELECT indicator_id, region_id, year, id, ?2, ?3 FROM target WHERE id = ?1"
	    " ON CONFLICT(indicator_id, region_id, year) DO UPDATE SET target_id = excluded.target_id,"
	    " chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at", err);
	if (st == NULL) {
		db_rollback(db);
		return ST_DB;
	}
	sqlite3_bind_int64(st, 1, target_id);
	sqlite3_bind_text(st, 2, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, util_now(), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_DONE ? ST_OK : db_fail(db, "choosing the target", err);
	sqlite3_finalize(st);
	if (rc == ST_OK)
		rc = audit_log(db, "target_choice", target_id, "update", NULL, NULL, 0, err);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK)
		db_rollback(db);
	return rc;
}

int docs_list(struct db *db, struct doc_item **items, size_t *n, char **err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT id, coalesce(number, short_name), issued_on FROM policy_doc ORDER BY issued_on DESC",
	    err);
	if (st == NULL)
		return ST_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*items = xrealloc(*items, (*n + 1) * sizeof **items);
		(*items)[*n].id = sqlite3_column_int64(st, 0);
		(*items)[*n].label = xstrdup((const char *)sqlite3_column_text(st, 1));
		(*items)[*n].issued_on = xstrdup((const char *)sqlite3_column_text(st, 2));
		(*n)++;
	}
	sqlite3_finalize(st);
	return ST_OK;
}

void docs_free(struct doc_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(items[i].label);
		free(items[i].issued_on);
	}
	free(items);
}
