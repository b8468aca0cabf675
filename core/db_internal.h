/* db_internal.h: the SQLite side of the database module.  Only the files of core/
 * (and the unit tests and benchmarks that must poke at the file) include
 * it; tui/ never does, and tests/check_layers.sh fails the build's checks
 * if it starts to.  Everything here either hands out SQLite types or takes
 * SQL text. */
#ifndef INNOTRACK_DB_INTERNAL_H
#define INNOTRACK_DB_INTERNAL_H

#include <sqlite3.h>
#include <sys/types.h>

#include "core/db.h"

struct db {
	sqlite3        *h;        /* the connection; owned */
	char           *path;     /* file name; owned */
	int             created;  /* 1 if this open created the file */
	int             readonly; /* opened for reading only */
	struct session *session;  /* who is working; owned */
	dev_t           dev;      /* the file opened, to notice it replaced */
	ino_t           ino;
	double          busy_since;   /* when the current wait for a lock began */
	double          busy_told;    /* when the clerk was last told of it */
	void          (*waiting)(void *ctx, const char *text);  /* see db_on_wait */
	void           *wait_ctx;
	double          waited;   /* seconds spent waiting for others' writes */
	int             turn_fd;  /* the writer's turn held (core/turn.c), else -1 */
};

/* The login every write records (audit.login, updated_by, chosen_by,
 * import_batch.login): the session's.  The one place core asks. */
const char *db_login(const struct db *db);

/* Run SQL with no result rows.  ST_OK or ST_DB with *err set. */
int db_exec(struct db *db, const char *sql, char **err);

/* BEGIN IMMEDIATE (waits up to db_wait_limit for other writers, and
 * refuses at once if the file was deleted or replaced, db_same_file),
 * COMMIT, ROLLBACK.  Never hold a write transaction across keyboard input.
 * db_begin_write reads the session's role and region again inside the
 * transaction, so that what core/access.c checks is what app_user says
 * now (a grant or revoke while the program runs counts at once). */
int db_begin_write(struct db *db, char **err);
int db_commit(struct db *db, char **err);
void db_rollback(struct db *db);

/* Give the connection back its wait for other writers (db_wait_limit),
 * after a caller set a short one of its own with sqlite3_busy_timeout. */
void db_wait_restore(struct db *db);

/* Shrink the write-ahead log to nothing after a big write, if the
 * readers let it within a second. */
void db_checkpoint(struct db *db);

/* Prepare or set *err.  Returns NULL on error.  Caller finalizes. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err);

/* Is the file at db->path still the one opened?  ST_OK, or ST_DB with
 * *err saying it was deleted or replaced (nothing may be written). */
int db_same_file(struct db *db, char **err);

/* The seconds since some fixed point (CLOCK_MONOTONIC). */
double db_clock(void);

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
