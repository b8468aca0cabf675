/* db.h: the one database module.  Every other module reaches SQLite
 * through the handle it hands out, so that another backend can be added
 * behind this interface later. */
#ifndef INNOTRACK_DB_H
#define INNOTRACK_DB_H

#include <sqlite3.h>

/* Exit statuses of DESIGN.md, used as return codes across core. */
enum {
	ST_OK = 0,       /* done */
	ST_DATA = 1,     /* data rejected, nothing written */
	ST_USAGE = 2,    /* wrong usage */
	ST_DB = 3        /* database could not be opened, busy, or damaged */
};

#define DB_CREATE   0x1   /* create the file (and its folder) if missing */
#define DB_MUSTNEW  0x2   /* refuse an existing file (init) */

struct db {
	sqlite3 *h;          /* the connection; owned */
	char    *path;       /* file name; owned */
	int      created;    /* 1 if this open created the file */
};

/* Where the database lives when --db is not given: $INNOTRACK_DB, else
 * $XDG_DATA_HOME/innotrack/innotrack.db, else ~/.local/share/innotrack/innotrack.db.
 * Caller frees. */
char *db_default_path(void);

/* Open (and with DB_CREATE create) the file, set the per-connection
 * pragmas, and bring the schema up to date.  Returns ST_OK or ST_DB with
 * *err set (caller frees).  A database from a newer program is refused. */
int db_open(const char *path, int flags, struct db **out, char **err);
void db_close(struct db *db);

/* The schema version the file has, and the newest this program knows. */
int db_schema_version(struct db *db);
int db_schema_latest(void);

/* Run SQL with no result rows.  ST_OK or ST_DB with *err set. */
int db_exec(struct db *db, const char *sql, char **err);

/* BEGIN IMMEDIATE (waits up to the busy timeout for other writers),
 * COMMIT, ROLLBACK.  Never hold a write transaction across keyboard input. */
int db_begin_write(struct db *db, char **err);
int db_commit(struct db *db, char **err);
void db_rollback(struct db *db);

/* Prepare or set *err.  Returns NULL on error. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err);

/* Map an SQLite result to ST_DB with a message naming what was done
 * (English, translated here: an xgettext keyword). */
int db_fail(struct db *db, const char *what, char **err);
/* The last error of the connection in the UI language (sqlite3_errmsg
 * with the common ones translated). */
const char *db_errmsg(struct db *db);

/* meta table: key/value facts of this database.  Caller frees. */
char *db_meta_get(struct db *db, const char *key);
int db_meta_set(struct db *db, const char *key, const char *value, char **err);

/* Single integer from a query with optional one text bind; -1 on error. */
long long db_scalar(struct db *db, const char *sql, const char *arg);

#endif
