/* session.c: the login from the real user id, role and region from app_user. */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db_internal.h"
#include "core/session.h"
#include "core/util.h"

struct session {
	char             *login;      /* owned; never empty */
	enum session_role role;
	long long         region_id;  /* 0: every region */
	int               listed;     /* 1 if app_user has the login */
};

static const char *const role_names[] = {
	[SESSION_ADMIN] = "admin",
	[SESSION_CLERK] = "clerk",
	[SESSION_VIEWER] = "viewer",
};

const char *session_role_name(enum session_role r)
{
	return role_names[r];
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
		for (size_t i = 0; i < sizeof role_names / sizeof role_names[0]; i++)
			if (role != NULL && strcmp(role, role_names[i]) == 0)
				s->role = (enum session_role)i;
		s->region_id = sqlite3_column_int64(st, 1);
		s->listed = 1;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, "app_user", err);
	sqlite3_finalize(st);
	return rc;
}

struct session *session_start(struct db *db, char **err)
{
	struct session *s = xcalloc(1, sizeof *s);
	const char *over = login_override();
	s->login = over != NULL ? xstrdup(over) : login_of_uid();
	s->role = SESSION_CLERK;
	if (read_app_user(db, s, err) != ST_OK) {
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
