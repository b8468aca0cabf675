/* session.h: who is working.  The login comes from the real user id, the
 * role and region scope from the app_user table; db_open starts one per
 * handle and db_session() hands it to every core module, so that the
 * login written into audit, updated_by and import_batch is taken in one
 * place, and so that one place in core (core/access.c) checks every
 * write against role and region. */
#ifndef INNOTRACK_SESSION_H
#define INNOTRACK_SESSION_H

struct db;
struct session;

/* In the order of CH_ROLE (core/choice.c), whose values app_user.role holds. */
enum session_role {
	SESSION_ADMIN,    /* 'admin': writes everything, grants and revokes */
	SESSION_CITY,     /* 'city': a city clerk, writes everything */
	SESSION_COUNTY,   /* 'county': writes the records of one region and below */
	SESSION_VIEWER,   /* 'viewer': reads */
	SESSION_NONE      /* a login app_user does not list: reads */
};

/* Start the session of the person running the program on an open,
 * migrated database.  The login is the name of the real user id
 * (getpwuid(getuid()); "#UID" when the system has no name for it).
 *
 * INNOTRACK_LOGIN, if set and not empty, replaces it, for tests that
 * play two clerks in one account.  It is honoured only while the program
 * runs with its own ids (getuid() == geteuid() and getgid() == getegid()):
 * a setgid install, which guards the ledger by the real user id, never
 * takes a login from the environment.  The test lives in one function,
 * login_override() in session.c, for access control to narrow further.
 *
 * The login's app_user row gives role and region; a login with no row
 * reads only (SESSION_NONE).
 * Returns NULL with *err set on a database error.  Caller frees with
 * session_free (db_open and db_close do it for the handle's session). */
struct session *session_start(struct db *db, char **err);
void session_free(struct session *s);
/* session_start in two steps, for db_open, which needs the login while it
 * brings the schema up to date and the role after: a session with the
 * login and no role; then its role and region (again) from app_user,
 * ST_OK or ST_DB. */
struct session *session_new(void);
int session_read(struct db *db, struct session *s, char **err);

/* The login: never NULL, never empty. */
const char *session_login(const struct session *s);
enum session_role session_role(const struct session *s);
/* The region the login is limited to (region.id), or 0 for every region. */
long long session_region(const struct session *s);
/* 1 if app_user lists the login, 0 if it was given the default. */
int session_listed(const struct session *s);
/* "admin", "city", "county", "viewer": the words of app_user.role;
 * "" for SESSION_NONE. */
const char *session_role_name(enum session_role r);

/* The login of this process, by the rule above, before any database is
 * open (the one who creates a database becomes its admin).  Caller frees. */
char *session_process_login(void);

#endif
