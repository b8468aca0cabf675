/* db_internal.h: the SQLite side of the database module.  Only the files of core/
 * (and the unit tests and benchmarks that must poke at the file) include
 * it; tui/ never does, and tests/check_layers.sh fails the build's checks
 * if it starts to.  Everything here either hands out SQLite types or takes
 * SQL text. */
#ifndef INNOTRACK_DB_INTERNAL_H
#define INNOTRACK_DB_INTERNAL_H

#include <sqlite3.h>

#include "core/db.h"

struct db {
	sqlite3        *h;        /* the connection; owned */
	char           *path;     /* file name; owned */
	int             created;  /* 1 if this open created the file */
	struct session *session;  /* who is working; owned */
};

/* The login every write records (audit.login, updated_by, chosen_by,
 * import_batch.login): the session's.  The one place core asks. */
const char *db_login(const struct db *db);

/* Run SQL with no result rows.  ST_OK or ST_DB with *err set. */
int db_exec(struct db *db, const char *sql, char **err);

/* BEGIN IMMEDIATE (waits up to the busy timeout for other writers),
 * COMMIT, ROLLBACK.  Never hold a write transaction across keyboard input.
 * db_begin_write reads the session's role and region again inside the
 * transaction, so that what core/access.c checks is what app_user says
 * now (a grant or revoke while the program runs counts at once). */
int db_begin_write(struct db *db, char **err);
int db_commit(struct db *db, char **err);
void db_rollback(struct db *db);

/* Prepare or set *err.  Returns NULL on error.  Caller finalizes. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err);

/* Map an SQLite result to ST_DB with a message naming what was done
 * (English, translated here: an xgettext keyword). */
int db_fail(struct db *db, const char *what, char **err);
/* The last error of the connection in the UI language (sqlite3_errmsg
 * with the common ones translated). */
const char *db_errmsg(struct db *db);

/* Single integer from a query with optional one text bind; -1 on error. */
long long db_scalar(struct db *db, const char *sql, const char *arg);

/* The text of the first column of the first row of sql with ?1 bound to
 * id; NULL if there is no row or the value is NULL.  Caller frees. */
char *db_text_of(struct db *db, const char *sql, long long id);

#endif
