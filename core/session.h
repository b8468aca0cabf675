/* session.h: who is working.  The login comes from the real user id, the
 * role and region scope from the app_user table; db_open starts one per
 * handle and db_session() hands it to every core module, so that the
 * login written into audit, updated_by and import_batch is taken in one
 * place, and so that one place in core can later check every write
 * against role and region (nothing checks them yet). */
#ifndef INNOTRACK_SESSION_H
#define INNOTRACK_SESSION_H

struct db;
struct session;

enum session_role {
	SESSION_ADMIN,    /* app_user role 'admin' */
	SESSION_CLERK,    /* 'clerk', and a login app_user does not list */
	SESSION_VIEWER    /* 'viewer' */
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
 * is, for now, a clerk of every region (as before users were kept).
 * Returns NULL with *err set on a database error.  Caller frees with
 * session_free (db_open and db_close do it for the handle's session). */
struct session *session_start(struct db *db, char **err);
void session_free(struct session *s);

/* The login: never NULL, never empty. */
const char *session_login(const struct session *s);
enum session_role session_role(const struct session *s);
/* The region the login is limited to (region.id), or 0 for every region. */
long long session_region(const struct session *s);
/* 1 if app_user lists the login, 0 if it was given the default. */
int session_listed(const struct session *s);
/* "admin", "clerk", "viewer": the words of app_user.role. */
const char *session_role_name(enum session_role r);

#endif
