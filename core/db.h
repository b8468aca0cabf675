/* db.h: the one database module, as the rest of the program sees it.
 * struct db is opaque here: tui/ opens and closes the ledger and hands the
 * handle to core, which alone reaches SQLite (through core/db_internal.h),
 * so that another backend can be added behind this interface later. */
#ifndef INNOTRACK_DB_H
#define INNOTRACK_DB_H

/* Exit statuses of DESIGN.md, used as return codes across core. */
enum {
	ST_OK = 0,       /* done */
	ST_DATA = 1,     /* data rejected, nothing written */
	ST_USAGE = 2,    /* wrong usage */
	ST_DB = 3        /* database could not be opened, busy, or damaged */
};

#define DB_CREATE   0x1   /* create the file (and its folder) if missing */
#define DB_MUSTNEW  0x2   /* refuse an existing file (init) */
#define DB_READONLY 0x4   /* a command that only reads: works on a read-only
                           * file or in a read-only folder, writes nothing */
#define DB_CHECK    0x8   /* innotrack check and restore's copy: as the file
                           * is (no quick check, no upgrade, no session) */

struct db;
struct session;

/* Where the database lives when --db is not given: $INNOTRACK_DB, else
 * $XDG_DATA_HOME/innotrack/innotrack.db, else ~/.local/share/innotrack/innotrack.db.
 * Caller frees. */
char *db_default_path(void);

/* Open (and with DB_CREATE create) the file, set the per-connection
 * pragmas, bring the schema up to date and start the session (who is
 * working, see core/session.h).  Returns ST_OK or ST_DB with *err set
 * (caller frees).  Refused, and never written: an empty file, a file
 * that is not SQLite or is damaged ("run innotrack check"), an SQLite
 * database that is not a ledger, a schema version that is negative or
 * from a newer program.  Only DB_CREATE|DB_MUSTNEW (init) makes a ledger. */
int db_open(const char *path, int flags, struct db **out, char **err);
void db_close(struct db *db);

/* How long a write waits for other clerks' writes before it gives up, in
 * seconds, for every handle of this process: $INNOTRACK_WAIT (minutes)
 * unless set here; 10 minutes by default. */
void db_set_wait_limit(double seconds);
double db_wait_limit(void);
/* Parse a number of minutes ("10", "0.5") into seconds; -1 if it is not one. */
double db_parse_minutes(const char *s);

/* While a write waits for another's, fn is called about once a second
 * with a line to show ("waiting for clerk2's import to finish (12 s)"),
 * and with NULL when the wait is over. */
void db_on_wait(struct db *db, void (*fn)(void *ctx, const char *text), void *ctx);

/* The seconds this handle has waited for other clerks' writes so far. */
double db_waited(const struct db *db);

/* The file name the handle was opened with. */
const char *db_path(const struct db *db);

/* The session this handle works for: every write in core takes the login
 * (and later the right to write) from it.  Owned by db; never NULL after
 * a successful db_open. */
const struct session *db_session(const struct db *db);

/* The schema version the file has, and the newest this program knows. */
int db_schema_version(struct db *db);
int db_schema_latest(void);

/* meta table: key/value facts of this database.  Caller frees. */
char *db_meta_get(struct db *db, const char *key);
int db_meta_set(struct db *db, const char *key, const char *value, char **err);

#endif
