/* pipe.c: moves along stages and their history (see pipe.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db_internal.h"
#include "core/edit.h"
#include "core/i18n.h"
#include "core/ladder.h"
#include "core/parse.h"
#include "core/pipe.h"
#include "core/talent.h"
#include "core/util.h"

/* Where each kind keeps its stage and its history. */
static const struct pipe_kind {
	const char *table;            /* the record's table */
	const char *col;              /* its stage column */
	const struct choice_set *stages;
	const char *history;          /* SELECT on, from, to, reason, login, batch of ?1, latest first */
	const char *last_on;          /* the day of its latest move */
	const char *insert;           /* ?1 id, ?2 from, ?3 to, ?4 on, ?5 reason, ?6 login */
	int form_moves;               /* a stage changed in the record's form is a move here, checked
	                                 by the rules; 0: the schema records a tier corrected in the
	                                 form, unchecked (migration 008, enterprise_tier_edit) */
} kinds[] = {
	{ "enterprise", "tier", &CH_TIER,
	  "SELECT entered_on, from_tier, tier, note, coalesce(login, ''), coalesce(batch_id, 0)"
	  " FROM enterprise_stage WHERE enterprise_id = ?1 ORDER BY entered_on DESC, id DESC",
	  "SELECT max(entered_on) FROM enterprise_stage WHERE enterprise_id = ?1",
	  "INSERT INTO enterprise_stage(enterprise_id, from_tier, tier, entered_on, note, login)"
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", 0 },
	{ "talent", "stage", &CH_TALENT_STAGE,
	  "SELECT s.on_date, (SELECT p.stage FROM talent_stage p WHERE p.talent_id = s.talent_id"
	  "  AND (p.on_date < s.on_date OR (p.on_date = s.on_date AND p.id < s.id))"
	  "  ORDER BY p.on_date DESC, p.id DESC LIMIT 1), s.stage, s.note, coalesce(s.login, ''),"
	  " coalesce(s.batch_id, 0)"
	  " FROM talent_stage s WHERE s.talent_id = ?1 ORDER BY s.on_date DESC, s.id DESC",
	  "SELECT max(on_date) FROM talent_stage WHERE talent_id = ?1",
	  "INSERT INTO talent_stage(talent_id, stage, on_date, note, login)"
	  " VALUES (?1, ?3, ?4, ?5, ?6)", 1 },
};

static const struct pipe_kind *kind_of(const struct profile *p)
{
	for (size_t i = 0; p != NULL && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].table, p->table) == 0)
			return &kinds[i];
	return NULL;
}

const struct choice_set *pipe_stages(const struct profile *p)
{
	const struct pipe_kind *k = kind_of(p);
	return k ? k->stages : NULL;
}

int pipe_stage_field(const struct profile *p)
{
	const struct pipe_kind *k = kind_of(p);
	return k ? profile_field(p, k->col) : -1;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

int pipe_history(struct db *db, const struct profile *p, long long id,
                 struct pipe_step **out, size_t *n, char **err)
{
	const struct pipe_kind *k = kind_of(p);
	*out = NULL;
	*n = 0;
	if (k == NULL)
		return ST_OK;
	sqlite3_stmt *st = db_prepare(db, k->history, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct pipe_step *s = &(*out)[(*n)++];
		s->on = col_dup(st, 0);
		s->from = col_dup(st, 1);
		s->to = col_dup(st, 2);
		s->reason = col_dup(st, 3);
		s->login = col_dup(st, 4);
		s->batch_id = sqlite3_column_int64(st, 5);
		if (s->reason == NULL)
			s->reason = xstrdup("");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "history", err);
}

void pipe_history_free(struct pipe_step *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].on);
		free(s[i].from);
		free(s[i].to);
		free(s[i].reason);
		free(s[i].login);
	}
	free(s);
}

char *pipe_stage_of(struct db *db, const struct profile *p, long long id)
{
	const struct pipe_kind *k = kind_of(p);
	if (k == NULL)
		return NULL;
	char *sql = xasprintf("SELECT %s FROM %s WHERE id = ?1", k->col, k->table);
	char *v = db_text_of(db, sql, id);
	free(sql);
	return v;
}

/* The rule of the kind for this move: NULL, or why not (English). */
static const char *move_rule(struct db *db, const struct pipe_kind *k, long long id,
                             const char *from, const char *to, const char *day, const char *reason)
{
	if (strcmp(k->table, "talent") == 0)
		return talent_rule(from, to);
	char *issued = db_text_of(db, "SELECT hte_cert_date FROM enterprise WHERE id = ?1", id);
	int valid = issued != NULL && cert_valid_on(issued, day) == 1;
	free(issued);
	return ladder_rule(from, to, valid, reason);
}

static int step_row(struct db *db, const struct pipe_kind *k, long long id, const char *from,
                    const char *to, const char *day, const char *reason, char **err)
{
	sqlite3_stmt *st = db_prepare(db, k->insert, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, reason ? reason : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, db_login(db), -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "history", err);
}

/* A talent arriving gets its introduced_on if it has none. */
static int arrival(struct db *db, const struct pipe_kind *k, long long id, const char *to,
                   const char *day, char **err)
{
	if (strcmp(k->table, "talent") != 0 || strcmp(to, "on_duty") != 0)
		return ST_OK;
	sqlite3_stmt *st = db_prepare(db, "UPDATE talent SET introduced_on = ?2"
	                                  " WHERE id = ?1 AND introduced_on IS NULL", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, k->table, err);
}

/* The record's stage, version, who and when. */
static int stage_set(struct db *db, const struct pipe_kind *k, long long id, const char *to,
                     char **err)
{
	char *sql = xasprintf("UPDATE %s SET %s = ?2, version = version + 1, updated_by = ?3,"
	                      " updated_at = ?4 WHERE id = ?1", k->table, k->col);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(sql);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, util_now(), -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, k->table, err);
}

/* May the record move from `from` to `to` on `day`: not before its
 * latest move, and by the kind's rule?  ST_OK, or ST_DATA with *err. */
static int move_allowed(struct db *db, const struct pipe_kind *k, long long id, const char *from,
                        const char *to, const char *day, const char *reason, char **err)
{
	char *last = db_text_of(db, k->last_on, id);
	int before = last != NULL && strcmp(day, last) < 0;
	if (before)
		err_set(err, tr("the day is before its latest move (%s)"), last);
	free(last);
	if (before)
		return ST_DATA;
	const char *why = move_rule(db, k, id, from, to, day, reason);
	if (why != NULL) {
		err_set(err, "%s", tr(why));
		return ST_DATA;
	}
	return ST_OK;
}

/* The checks of a move inside the transaction: ST_OK with *from set
 * (caller frees), or why not. */
static int move_check(struct db *db, const struct pipe_kind *k, long long id, long long version,
                      const char *to, const char *day, const char *reason, char **from, char **err)
{
	char *sql = xasprintf("SELECT version FROM %s WHERE id = ?1", k->table);
	char *ver = db_text_of(db, sql, id);
	free(sql);
	*from = NULL;
	if (ver == NULL) {
		err_set(err, "%s", tr("Another clerk deleted it already"));
		return ST_CONFLICT;
	}
	long long now = strtoll(ver, NULL, 10);
	free(ver);
	if (now != version) {
		err_set(err, "%s", tr("Not saved: the record changed meanwhile"));
		return ST_CONFLICT;
	}
	sql = xasprintf("SELECT %s FROM %s WHERE id = ?1", k->col, k->table);
	*from = db_text_of(db, sql, id);
	free(sql);
	return move_allowed(db, k, id, *from, to, day, reason, err);
}

int pipe_move(struct db *db, const struct profile *p, long long id, long long version,
              const char *to, const char *on, const char *reason, char **err)
{
	const struct pipe_kind *k = kind_of(p);
	char day[11];
	if (k == NULL || choice_by_value(k->stages, to) == NULL) {
		err_set(err, "%s", tr("no such stage"));
		return ST_DATA;
	}
	if (on == NULL || parse_date(on, day) != 0) {
		err_set(err, tr("\"%s\" is not a date (like 2023-12-02)"), on ? on : "");
		return ST_DATA;
	}
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	char *from = NULL;
	rc = access_check_row(db, p, id, ACCESS_CHANGE, err);
	if (rc == ST_OK)
		rc = move_check(db, k, id, version, to, day, reason, &from, err);
	char *before = rc == ST_OK ? audit_snapshot(db, k->table, id) : NULL;
	/* the history row first: the schema records a tier changed without
	 * one (a correction in the form) as a move of its own */
	if (rc == ST_OK)
		rc = step_row(db, k, id, from, to, day, reason, err);
	if (rc == ST_OK)
		rc = stage_set(db, k, id, to, err);
	if (rc == ST_OK)
		rc = arrival(db, k, id, to, day, err);
	if (rc == ST_OK) {
		char *after = audit_snapshot(db, k->table, id);
		rc = audit_log(db, k->table, id, "update", before, after, 0, err);
		free(after);
	}
	free(before);
	free(from);
	if (rc == ST_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

int pipe_form_move(struct db *db, const struct profile *p, long long id, const char *from,
                   const char *to, char **err)
{
	const struct pipe_kind *k = kind_of(p);
	char day[11];
	if (k == NULL || !k->form_moves || to == NULL ||
	    (from != NULL && strcmp(from, to) == 0))
		return ST_OK;
	snprintf(day, sizeof day, "%.10s", util_now());
	int rc = move_allowed(db, k, id, from, to, day, "", err);
	if (rc == ST_OK)
		rc = step_row(db, k, id, from, to, day, "", err);
	if (rc == ST_OK)
		rc = arrival(db, k, id, to, day, err);
	return rc;
}
