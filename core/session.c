/* session.c: the login from the real user id, role and region from app_user. */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/choice.h"
#include "core/db_internal.h"
#include "core/session.h"
#include "core/util.h"

struct session {
	char             *login;      /* owned; never empty */
	enum session_role role;
	long long         region_id;  /* 0: every region */
	int               listed;     /* 1 if app_user has the login */
};

const char *session_role_name(enum session_role r)
{
	return (size_t)r < CH_ROLE.n ? CH_ROLE.v[r].value : "";
}

/* INNOTRACK_LOGIN, when the program runs with its own ids; else NULL. */
static const char *login_override(void)
{
	if (getuid() != geteuid() || getgid() != getegid())
		return NULL;
	const char *env = getenv("INNOTRACK_LOGIN");
	return env != NULL && *env != '\0' ? env : NULL;
}

/* The name of the real user id.  Caller frees. */
static char *login_of_uid(void)
{
	uid_t uid = getuid();
	struct passwd *pw = getpwuid(uid);
	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0')
		return xstrdup(pw->pw_name);
	return xasprintf("#%lu", (unsigned long)uid);
}

/* Role and region of s->login from app_user.  ST_OK or ST_DB. */
static int read_app_user(struct db *db, struct session *s, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT role, region_id FROM app_user WHERE login = ?", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, s->login, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		const struct choice *c = choice_by_value(&CH_ROLE, role);
		s->role = c != NULL ? (enum session_role)(c - CH_ROLE.v) : SESSION_VIEWER;
		s->region_id = sqlite3_column_int64(st, 1);
		s->listed = 1;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, "app_user", err);
	sqlite3_finalize(st);
	return rc;
}

char *session_process_login(void)
{
	const char *over = login_override();
	return over != NULL ? xstrdup(over) : login_of_uid();
}

struct session *session_new(void)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->login = session_process_login();
	s->role = SESSION_NONE;
	return s;
}

int session_read(struct db *db, struct session *s, char **err)
{
	s->role = SESSION_NONE;
	s->region_id = 0;
	s->listed = 0;
	return read_app_user(db, s, err);
}

struct session *session_start(struct db *db, char **err)
{
	struct session *s = session_new();
	if (session_read(db, s, err) != ST_OK) {
		session_free(s);
		return NULL;
	}
	return s;
}

void session_free(struct session *s)
{
	if (s == NULL)
		return;
	free(s->login);
	free(s);
}

const char *session_login(const struct session *s)
{
	return s->login;
}

enum session_role session_role(const struct session *s)
{
	return s->role;
}

long long session_region(const struct session *s)
{
	return s->region_id;
}

int session_listed(const struct session *s)
{
	return s->listed;
}
