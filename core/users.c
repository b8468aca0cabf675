/* users.c: the users of a ledger and their roles (see users.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db_internal.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/region.h"
#include "core/users.h"
#include "core/util.h"

#define LOGIN_MAX 64

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t != NULL ? xstrdup((const char *)t) : NULL;
}

int users_list(struct db *db, struct user_item **out, size_t *n, char **err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT u.login, u.role, coalesce(u.region_id, 0), r.name, u.updated_by, u.updated_at"
	    " FROM app_user u LEFT JOIN region r ON r.id = u.region_id"
	    " ORDER BY u.role <> 'admin', u.login", err);
	if (st == NULL)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct user_item *u = &(*out)[(*n)++];
		u->login = col(st, 0);
		u->role = choice_by_value(&CH_ROLE, (const char *)sqlite3_column_text(st, 1));
		if (u->role == NULL)
			u->role = &CH_ROLE.v[CH_ROLE.n - 1];
		u->region_id = sqlite3_column_int64(st, 2);
		u->region = col(st, 3);
		u->updated_by = col(st, 4);
		u->updated_at = col(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		users_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, "users", err);
	}
	return ST_OK;
}

void users_free(struct user_item *u, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(u[i].login);
		free(u[i].region);
		free(u[i].updated_by);
		free(u[i].updated_at);
	}
	free(u);
}

const struct choice *users_role(const char *word)
{
	char *f = fold_name(word);
	const struct choice *c = choice_by_word(&CH_ROLE, f);
	free(f);
	return c;
}

char *users_admins(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT login FROM app_user WHERE role = 'admin'"
	                              " ORDER BY login", NULL);
	struct sbuf b = { 0 };
	sbuf_puts(&b, "");
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		sbuf_printf(&b, "%s%s", b.len ? tr(", ") : "", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return sbuf_take(&b);
}

/* A login is a user name of the system: printable, no spaces, not too long. */
static int check_login(const char *login, char **err)
{
	size_t n = strlen(login);
	int ok = n > 0 && n <= LOGIN_MAX;
	for (const unsigned char *p = (const unsigned char *)login; ok && *p; p++)
		ok = *p > ' ' && *p != 0x7f;
	if (!ok)
		err_set(err, "\"%s\" is not a login (a user name of the system: no spaces, at most %d bytes)",
		        login, LOGIN_MAX);
	return ok ? ST_OK : ST_USAGE;
}

static int check_scope(struct db *db, const struct choice *role, long long region_id, char **err)
{
	int county = strcmp(role->value, "county") == 0;
	if (county && region_id == 0) {
		err_set(err, "a county clerk needs a region (the county, district or park they keep)");
		return ST_USAGE;
	}
	if (!county && region_id != 0) {
		err_set(err, "only a county clerk has a region; %s write or read every region",
		        choice_label(role));
		return ST_USAGE;
	}
	if (county && region_id == region_top(db)) {
		err_set(err, "a county clerk's region is a county, district or park, not the whole city; "
		        "for the whole city grant the role city");
		return ST_USAGE;
	}
	return ST_OK;
}

/* The id of login's row, 0 if none, -1 on error. */
static long long user_id(struct db *db, const char *login)
{
	long long id = db_scalar(db, "SELECT coalesce((SELECT id FROM app_user WHERE login = ?), 0)",
	                         login);
	return id;
}

/* Would the change leave the ledger without an admin? */
static int last_admin(struct db *db, const char *login, char **err)
{
	long long others = db_scalar(db, "SELECT count(*) FROM app_user WHERE role = 'admin'"
	                             " AND login <> ?", login);
	long long is = db_scalar(db, "SELECT count(*) FROM app_user WHERE role = 'admin'"
	                         " AND login = ?", login);
	if (others < 0 || is < 0)
		return db_fail(db, "users", err);
	if (is > 0 && others == 0) {
		err_set(err, "%s is the last admin: grant the admin role to another login first", login);
		return ST_DATA;
	}
	return ST_OK;
}

/* Insert or update login's row; its id in *id.  ST_OK or ST_DB. */
static int write_user(struct db *db, const char *login, const char *role, long long region_id,
                      long long *id, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT INTO app_user(login, role, region_id, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT(login) DO UPDATE SET role = excluded.role, region_id = excluded.region_id,"
	    " updated_by = excluded.updated_by, updated_at = excluded.updated_at,"
	    " version = version + 1 RETURNING id", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	if (region_id != 0)
		sqlite3_bind_int64(st, 3, region_id);
	sqlite3_bind_text(st, 4, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, util_now(), -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st) == SQLITE_ROW ? ST_OK : db_fail(db, "users", err);
	if (rc == ST_OK)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int users_grant(struct db *db, const char *login, const struct choice *role, long long region_id,
                char **err)
{
	int rc = check_login(login, err);
	if (rc == ST_OK)
		rc = check_scope(db, role, region_id, err);
	if (rc != ST_OK)
		return rc;
	if ((rc = db_begin_write(db, err)) != ST_OK)
		return rc;
	rc = access_check(db, "app_user", 0, ACCESS_USERS, err);
	if (rc == ST_OK && strcmp(role->value, "admin") != 0)
		rc = last_admin(db, login, err);
	long long id = rc == ST_OK ? user_id(db, login) : 0;
	if (id < 0)
		rc = db_fail(db, "users", err);
	char *before = rc == ST_OK && id > 0 ? audit_snapshot(db, "app_user", id) : NULL;
	long long now_id = 0;
	if (rc == ST_OK)
		rc = write_user(db, login, role->value, region_id, &now_id, err);
	if (rc == ST_OK) {
		char *after = audit_snapshot(db, "app_user", now_id);
		rc = audit_log(db, "app_user", now_id, id > 0 ? "update" : "insert", before, after, 0, err);
		free(after);
	}
	free(before);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK)
		db_rollback(db);
	return rc;
}

int users_revoke(struct db *db, const char *login, char **err)
{
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	rc = access_check(db, "app_user", 0, ACCESS_USERS, err);
	long long id = rc == ST_OK ? user_id(db, login) : 0;
	if (rc == ST_OK && id < 0)
		rc = db_fail(db, "users", err);
	if (rc == ST_OK && id == 0) {
		err_set(err, "%s is not a user of this ledger (see: innotrack users)", login);
		rc = ST_USAGE;
	}
	if (rc == ST_OK)
		rc = last_admin(db, login, err);
	char *before = rc == ST_OK ? audit_snapshot(db, "app_user", id) : NULL;
	if (rc == ST_OK) {
		char *sql = xasprintf("DELETE FROM app_user WHERE id = %lld", id);
		rc = db_exec(db, sql, err);
		free(sql);
	}
	if (rc == ST_OK)
		rc = audit_log(db, "app_user", id, "delete", before, NULL, 0, err);
	free(before);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK)
		db_rollback(db);
	return rc;
}

int users_first_admin(struct db *db, char **err)
{
	long long admins = db_scalar(db, "SELECT count(*) FROM app_user WHERE role = 'admin'", NULL);
	if (admins < 0)
		return db_fail(db, "users", err);
	if (admins > 0)
		return ST_OK;
	const char *login = db_login(db);
	long long had = user_id(db, login);
	char *before = had > 0 ? audit_snapshot(db, "app_user", had) : NULL;
	long long id = 0;
	int rc = write_user(db, login, "admin", 0, &id, err);
	if (rc == ST_OK) {
		char *after = audit_snapshot(db, "app_user", id);
		rc = audit_log(db, "app_user", id, had > 0 ? "update" : "insert", before, after, 0, err);
		free(after);
	}
	free(before);
	return rc;
}
