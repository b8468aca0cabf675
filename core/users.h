/* users.h: the users of a ledger (app_user): who they are, their role and
 * region scope (core/access.h says what each may do), and granting and
 * revoking, which only an admin may and which the audit records like any
 * other change.  The command line (users, grant, revoke) and the admin
 * screen call these. */
#ifndef INNOTRACK_USERS_H
#define INNOTRACK_USERS_H

#include <stddef.h>

#include "core/choice.h"
#include "core/db.h"

struct user_item {
	char                *login;       /* owned */
	const struct choice *role;        /* in CH_ROLE */
	long long            region_id;   /* 0: every region */
	char                *region;      /* its name, or NULL; owned */
	char                *updated_by;  /* who granted it last, when; NULL if not known; owned */
	char                *updated_at;
};

/* Every user, admins first, then by login.  ST_OK or ST_DB. */
int users_list(struct db *db, struct user_item **out, size_t *n, char **err);
void users_free(struct user_item *u, size_t n);

/* The role a word names: its stored value (admin, city, county, viewer),
 * its label or an alias in either language (管理员, 市级, 县级, 只读);
 * NULL if none. */
const struct choice *users_role(const char *word);

/* Give login the role (with region_id for a county clerk, 0 otherwise),
 * adding the user or changing their role, in one write transaction with
 * an audit row.  ST_OK; ST_USAGE with *err for a bad login, a county
 * clerk without a region or another role with one; ST_DATA when refused
 * (not an admin; taking the role from the last admin); ST_DB. */
int users_grant(struct db *db, const char *login, const struct choice *role, long long region_id,
                char **err);

/* Remove login from the users (it then reads only).  ST_OK; ST_USAGE if
 * there is no such user; ST_DATA when refused (not an admin; the last
 * admin); ST_DB. */
int users_revoke(struct db *db, const char *login, char **err);

/* "root, boss": the admins' logins, for a message.  Caller frees. */
char *users_admins(struct db *db);

/* Inside the transaction that creates or upgrades the schema: if the
 * ledger has no admin, the login of this process becomes one. */
int users_first_admin(struct db *db, char **err);

#endif
