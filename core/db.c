/* db.c: open the SQLite file, set per-connection pragmas, apply the
 * numbered migrations compiled in from assets/migrations/, start the
 * session. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/assets.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/session.h"
#include "core/turn.h"
#include "core/users.h"
#include "core/util.h"

#define PAGE_SIZE "16384"
#define WAIT_DEFAULT_S  600.0              /* 10 minutes */
#define QUICK_CHECK_MAX (32LL << 20)       /* files up to this size are checked on open */

static double wait_limit_s = -1;           /* unset: $INNOTRACK_WAIT or the default */

double db_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

double db_parse_minutes(const char *s)
{
	char *end;
	double m = s != NULL && *s != '\0' ? strtod(s, &end) : -1;
	if (s == NULL || *s == '\0' || *end != '\0' || !(m >= 0) || m > 24 * 60)
		return -1;
	return m * 60;
}

void db_set_wait_limit(double seconds)
{
	wait_limit_s = seconds;
}

double db_wait_limit(void)
{
	if (wait_limit_s < 0) {
		double s = db_parse_minutes(getenv("INNOTRACK_WAIT"));
		wait_limit_s = s >= 0 ? s : WAIT_DEFAULT_S;
	}
	return wait_limit_s;
}

void db_on_wait(struct db *db, void (*fn)(void *ctx, const char *text), void *ctx)
{
	db->waiting = fn;
	db->wait_ctx = ctx;
}

double db_waited(const struct db *db)
{
	return db->waited;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

/* SQLite calls this while another connection holds the lock it needs:
 * wait (1 ms, growing to 50 ms a try) up to the wait limit, telling the
 * clerk about once a second once the wait is longer than one. */
static int on_busy(void *ctx, int count)
{
	struct db *db = ctx;
	double now = db_clock();
	if (count == 0) {
		db->busy_since = now;
		db->busy_told = 0;
	}
	double waited = now - db->busy_since;
	if (waited >= db_wait_limit()) {
		if (db->busy_told > 0 && db->waiting)
			db->waiting(db->wait_ctx, NULL);
		return 0;
	}
	if (db->waiting && waited >= 1.0 && now - db->busy_told >= 1.0) {
		char *t = turn_waiting_text(db, waited);
		db->waiting(db->wait_ctx, t);
		free(t);
		db->busy_told = now;
	}
	long ms = count < 6 ? 1L << count : 50;
	struct timespec ts = { 0, ms * 1000000L };
	nanosleep(&ts, NULL);
	db->waited += db_clock() - now;
	return 1;
}

/* The wait is over: take the line away. */
static void busy_over(struct db *db)
{
	if (db->busy_told > 0 && db->waiting)
		db->waiting(db->wait_ctx, NULL);
	db->busy_told = 0;
}

char *db_default_path(void)
{
	const char *p = getenv("INNOTRACK_DB");
	if (p != NULL && *p != '\0')
		return xstrdup(p);
	p = getenv("XDG_DATA_HOME");
	if (p != NULL && *p != '\0')
		return xasprintf("%s/innotrack/innotrack.db", p);
	p = getenv("HOME");
	return xasprintf("%s/.local/share/innotrack/innotrack.db", p && *p ? p : ".");
}

/* mkdir -p of the folder that will hold `path`. */
static int make_parent(const char *path, char **err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = ST_OK;
	if (slash == NULL || slash == dir)
		goto out;
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0770) != 0 && errno != EEXIST) {
				err_set(err, "%s: cannot create folder: %s", dir, errno_text(errno));
				rc = ST_DB;
				goto out;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
out:
	free(dir);
	return rc;
}

/* Create the new ledger file 0660, whatever the umask: the clerks' group
 * (or, installed setgid, the program's) shares it.  SQLite gives the -wal
 * and -shm it makes the mode of this file, so they are group-writable
 * too, whoever opens the ledger first and whether to read or to write. */
static int create_shared_file(const char *path, char **err)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);
	if (fd < 0 || fchmod(fd, 0660) != 0) {
		err_set(err, "%s: cannot create the database: %s", path, errno_text(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return ST_DB;
	}
	close(fd);
	return ST_OK;
}

const char *db_errmsg(struct db *db)
{
	const char *en = sqlite3_errmsg(db->h);
	if (i18n_get() == LANG_EN)
		return en;
	switch (sqlite3_errcode(db->h) & 0xff) {
	case SQLITE_BUSY: case SQLITE_LOCKED: return tr("database is locked");
	case SQLITE_READONLY: return tr("attempt to write a readonly database");
	case SQLITE_CANTOPEN: return tr("unable to open database file");
	case SQLITE_NOTADB: return tr("file is not a database");
	case SQLITE_CORRUPT: return tr("database disk image is malformed");
	case SQLITE_FULL: return tr("database or disk is full");
	case SQLITE_IOERR: return tr("disk I/O error");
	case SQLITE_PERM: return tr("access permission denied");
	case SQLITE_NOMEM: return tr("out of memory");
	case SQLITE_CONSTRAINT: return tr("a record breaks a rule of the database (a duplicate or a missing reference)");
	default: return en;
	}
}

/* What to do about a busy or damaged database, or "". */
static const char *busy_hint(struct db *db)
{
	int code = sqlite3_errcode(db->h) & 0xff;   /* extended codes are on */
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return tr(" (the database is damaged: run innotrack check)");
	return code == SQLITE_BUSY || code == SQLITE_LOCKED
	    ? tr(" (other clerks kept writing for longer than the wait limit; try again later)") : "";
}

int db_fail(struct db *db, const char *what, char **err)
{
	err_set(err, "%s: %s: %s%s", db->path, tr(what), db_errmsg(db), busy_hint(db));
	return ST_DB;
}

int db_exec(struct db *db, const char *sql, char **err)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, "%s: %s%s", db->path, i18n_get() == LANG_EN && msg ? msg : db_errmsg(db),
		        busy_hint(db));
		sqlite3_free(msg);
		return ST_DB;
	}
	return ST_OK;
}

sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(db, "prepare", err);
		return NULL;
	}
	return st;
}

int db_same_file(struct db *db, char **err)
{
	struct stat sb;
	if (stat(db->path, &sb) == 0 && sb.st_dev == db->dev && sb.st_ino == db->ino)
		return ST_OK;
	err_set(err, "%s: the database file was deleted or replaced while innotrack was running; "
	        "nothing was saved. Keep what you typed, tell the administrator, and start "
	        "innotrack again", db->path);
	return ST_DB;
}

int db_begin_write(struct db *db, char **err)
{
	if (db->readonly) {
		err_set(err, "%s: opened for reading only", db->path);
		return ST_DB;
	}
	if (db_same_file(db, err) != ST_OK)
		return ST_DB;
	int rc = db_exec(db, "BEGIN IMMEDIATE", err);
	busy_over(db);
	if (rc != ST_OK)
		return rc;
	/* the role and region as they are now, not as they were at start-up:
	 * an admin may have revoked them while this program ran */
	if (db->session != NULL && session_read(db, db->session, err) != ST_OK) {
		db_rollback(db);
		return ST_DB;
	}
	return ST_OK;
}

void db_wait_restore(struct db *db)
{
	sqlite3_busy_handler(db->h, on_busy, db);
}

void db_checkpoint(struct db *db)
{
	/* it waits for every reader to leave the log: a second at most, the
	 * next big write tries again */
	sqlite3_busy_timeout(db->h, 1000);
	sqlite3_exec(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_busy_handler(db->h, on_busy, db);
}

int db_commit(struct db *db, char **err)
{
	return db_exec(db, "COMMIT", err);
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

long long db_scalar(struct db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *db_text_of(struct db *db, const char *sql, long long id)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int db_schema_version(struct db *db)
{
	return (int)db_scalar(db, "PRAGMA user_version", NULL);
}

/* Migrations are the assets named migrations/NNN_*.sql, NNN from 1 up. */
static const struct asset *migration(int n)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "migrations/%03d_", n);
	for (const struct asset *a = assets_table; a->name != NULL; a++)
		if (strncmp(a->name, prefix, strlen(prefix)) == 0)
			return a;
	return NULL;
}

int db_schema_latest(void)
{
	int n = 0;
	while (migration(n + 1) != NULL)
		n++;
	return n;
}

/* A damaged file: the message every such refusal ends with. */
static int damaged(const char *path, const char *what, char **err)
{
	err_set(err, "%s: the database is damaged (%s); nothing was done. Run: innotrack --db %s check",
	        path, tr(what), path);
	return ST_DB;
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Before SQLite touches it: the file is not empty, starts as an SQLite
 * database does, and is as long as its header says.  Cheap, and it means
 * a text file or a zeroed header is never opened (and so never written). */
static int check_header(const char *path, char **err)
{
	unsigned char h[100];
	struct stat sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_set(err, "%s: %s", path, errno_text(errno));
		return ST_DB;
	}
	ssize_t n = fstat(fd, &sb) == 0 ? pread(fd, h, sizeof h, 0) : -1;
	close(fd);
	if (n == 0) {
		err_set(err, "%s: the file is empty: it is not an innotrack database, and innotrack will "
		        "not make it one (a new one is made with: innotrack --db %s init)", path, path);
		return ST_DB;
	}
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		if (n >= 16 && memcmp(h, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16) == 0)
			return damaged(path, N_("its first bytes are zero"), err);
		err_set(err, "%s: this is not an innotrack database: not SQLite at all, or a damaged "
		        "one (run: innotrack --db %s check)", path, path);
		return ST_DB;
	}
	unsigned ps = be16(h + 16);
	long long page = ps == 1 ? 65536 : ps;
	if (page < 512 || page > 65536 || (page & (page - 1)) != 0 || (h[18] != 1 && h[18] != 2) ||
	    (h[19] != 1 && h[19] != 2) || h[21] != 64 || h[22] != 32 || h[23] != 32)
		return damaged(path, N_("its header is not valid"), err);
	/* The length against the header's page count (valid when the two
	 * counters agree): only when no write-ahead log has anything in it,
	 * since a checkpoint copying the log into the file writes the new
	 * count before the file has grown to it. */
	char *wal = xasprintf("%s-wal", path);
	struct stat ws;
	int quiet = stat(wal, &ws) != 0 || ws.st_size == 0;
	free(wal);
	if (!quiet)
		return ST_OK;   /* the quick check looks, under SQLite's locks */
	if (be32(h + 24) == be32(h + 92) && (long long)be32(h + 28) * page > (long long)sb.st_size)
		return damaged(path, N_("the file is shorter than its header says: truncated"), err);
	if (sb.st_size % page != 0)
		return damaged(path, N_("its length is not a whole number of pages"), err);
	return ST_OK;
}

/* The file is an innotrack ledger: a schema version this program knows
 * and the meta table.  *have gets the version. */
static int check_ledger(struct db *db, int *have, char **err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta'",
	                            -1, &st, NULL);
	long long meta = -1;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		meta = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (meta < 0) {
		int code = sqlite3_errcode(db->h) & 0xff;
		if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
			return damaged(db->path, N_("its list of tables cannot be read"), err);
		return db_fail(db, "cannot read the database", err);
	}
	*have = db_schema_version(db);
	int latest = db_schema_latest();
	if (*have < 0) {
		err_set(err, "%s: the schema version is %d, which no innotrack ever wrote: the file is "
		        "damaged or was changed by hand (run: innotrack --db %s check)", db->path, *have,
		        db->path);
		return ST_DB;
	}
	if (*have > latest) {
		err_set(err, "%s: this database has schema version %d, made by a newer "
		        "innotrack; this program knows up to version %d. Use the newer program.",
		        db->path, *have, latest);
		return ST_DB;
	}
	if (*have == 0 || meta == 0) {
		err_set(err, "%s: this is not an innotrack database: an SQLite file without innotrack's "
		        "schema version or meta table; innotrack will not change it", db->path);
		return ST_DB;
	}
	return ST_OK;
}

/* PRAGMA quick_check on files small enough for it to be quick. */
static int quick_check(struct db *db, char **err)
{
	struct stat sb;
	if (stat(db->path, &sb) != 0 || sb.st_size > QUICK_CHECK_MAX)
		return ST_OK;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA quick_check(1)", -1, &st, NULL);
	const char *v = NULL;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		v = (const char *)sqlite3_column_text(st, 0);
	int ok = v != NULL && strcmp(v, "ok") == 0;
	int busy = (sqlite3_errcode(db->h) & 0xff) == SQLITE_BUSY;
	sqlite3_finalize(st);
	if (ok)
		return ST_OK;
	if (busy)
		return db_fail(db, "cannot read the database", err);
	return damaged(db->path, N_("the quick check found faults"), err);
}

static int migrate(struct db *db, char **err)
{
	int have = db_schema_version(db);
	int latest = db_schema_latest();
	if (have < 0)
		return db_fail(db, "cannot read the schema version", err);
	if (have == latest)
		return ST_OK;
	/* version 0 with tables in it: some other program's database */
	if (have == 0 && db_scalar(db, "SELECT count(*) FROM sqlite_schema", NULL) > 0) {
		err_set(err, "%s: this is not an innotrack database (it has tables but no "
		        "innotrack schema version)", db->path);
		return ST_DB;
	}
	/* not db_begin_write: the session's table may not be there yet */
	if (db_same_file(db, err) != ST_OK || db_exec(db, "BEGIN IMMEDIATE", err) != ST_OK)
		return ST_DB;
	/* Someone else may have migrated while we waited for the lock. */
	have = db_schema_version(db);
	for (int n = have + 1; n <= latest; n++) {
		const struct asset *m = migration(n);
		char *msg = NULL;
		if (sqlite3_exec(db->h, (const char *)m->data, NULL, NULL, &msg) != SQLITE_OK) {
			err_set(err, "%s: migration %s failed: %s", db->path, m->name,
			        i18n_get() == LANG_EN && msg ? msg : db_errmsg(db));
			sqlite3_free(msg);
			db_rollback(db);
			return ST_DB;
		}
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", n);
		if (db_exec(db, sql, err) != ST_OK) {
			db_rollback(db);
			return ST_DB;
		}
	}
	/* the login that creates (or upgrades) a ledger with no admin is its admin */
	if (have < latest && users_first_admin(db, err) != ST_OK) {
		db_rollback(db);
		return ST_DB;
	}
	return db_commit(db, err);
}

/* sqlite3_open_v2 with our settings.  The handle is kept even on failure
 * (db_close frees it). */
static int open_handle(struct db *db, const char *name, int oflags, char **err)
{
	/* One thread uses a connection (the import's digest thread never
	 * touches SQLite): no mutex around every call, which cost an import
	 * of a million rows about 0.4 s. */
	if (sqlite3_open_v2(name, &db->h, oflags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL)
	    != SQLITE_OK)
		return db_fail(db, "cannot open", err);
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_handler(db->h, on_busy, db);
	return ST_OK;
}

/* A reader's connection.  In a folder the reader may not write, SQLite
 * cannot make the -shm file a WAL database needs; when there is no -wal
 * with anything in it, the file is all there is, and it is read as an
 * unchanging file. */
static int open_reader(struct db *db, char **err)
{
	if (open_handle(db, db->path, SQLITE_OPEN_READONLY, err) != ST_OK)
		return ST_DB;
	int rc = sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
		return ST_OK;   /* open, or an error the checks will name */
	char *wal = xasprintf("%s-wal", db->path);
	struct stat sb;
	int wal_used = stat(wal, &sb) == 0 && sb.st_size > 0;
	free(wal);
	if (wal_used)
		return db_fail(db, "cannot open", err);
	sqlite3_close_v2(db->h);
	db->h = NULL;
	char *uri = sqlite3_mprintf("file:%q?immutable=1", db->path);
	/* a file name with '?' or '#' would need escaping in a URI */
	rc = strpbrk(db->path, "?#%") == NULL ? open_handle(db, uri, SQLITE_OPEN_READONLY, err)
	                                     : db_fail(db, "cannot open", err);
	sqlite3_free(uri);
	return rc;
}

int db_open(const char *path, int flags, struct db **out, char **err)
{
	struct stat sb;
	int exists = stat(path, &sb) == 0, have = 0;
	*out = NULL;
	/* init may fill an empty file made beforehand (with the group and mode
	 * the administrator chose); nothing else makes a ledger of it */
	int prepared = exists && (flags & DB_MUSTNEW) && S_ISREG(sb.st_mode) && sb.st_size == 0;
	if (prepared)
		exists = 0;
	if (exists && (flags & DB_MUSTNEW)) {
		err_set(err, "%s: a database is already there; innotrack will not overwrite it", path);
		return ST_DB;
	}
	if (!exists && !(flags & DB_CREATE)) {
		err_set(err, "%s: no such database (create one with: innotrack --db %s init)", path, path);
		return ST_DB;
	}
	if (exists && check_header(path, err) != ST_OK)
		return ST_DB;
	if (!exists && !prepared &&
	    (make_parent(path, err) != ST_OK || create_shared_file(path, err) != ST_OK))
		return ST_DB;

	/* SQLite need not count its memory: the count takes a mutex at every
	 * allocation (0.1 s of a million-row import).  Refused, harmlessly,
	 * once SQLite has started. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	struct db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->created = !exists;
	db->turn_fd = -1;
	int rc;
	if (flags & DB_READONLY) {
		db->readonly = 1;
		rc = open_reader(db, err);
	} else {
		rc = open_handle(db, path, SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE), err);
	}
	if (rc == ST_OK && stat(path, &sb) == 0) {
		db->dev = sb.st_dev;
		db->ino = sb.st_ino;
	}
	if (rc == ST_OK && exists) {
		rc = check_ledger(db, &have, err);
		if (rc == ST_OK && !(flags & DB_CHECK))
			rc = quick_check(db, err);
	}
	/* a reader of a ledger from an older program: it must be brought up
	 * to date first, which needs a writer */
	if (rc == ST_OK && db->readonly && have < db_schema_latest() && !(flags & DB_CHECK)) {
		db_close(db);
		return db_open(path, flags & ~DB_READONLY, out, err);
	}
	/* A new file gets pages of PAGE_SIZE (it stays with the file).  The
	 * registers hold up to a million rows: bigger pages make fewer of them
	 * to write, log and check point (a million-row import took 8% less
	 * time than with SQLite's 4 KiB). */
	if (rc == ST_OK && !exists && !db->readonly)
		rc = db_exec(db, "PRAGMA page_size=" PAGE_SIZE, err);
	/* journal_mode=WAL persists in the file; the others are per connection. */
	if (rc == ST_OK && !db->readonly)
		rc = db_exec(db, "PRAGMA journal_mode=WAL", err);
	if (rc == ST_OK)
		rc = db_exec(db, "PRAGMA foreign_keys=ON", err);
	if (rc == ST_OK && !db->readonly)
		rc = db_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864", err);
	/* the login first: the one that creates (or upgrades) a ledger with no
	 * admin becomes its admin; check looks at a ledger as it is, whoever
	 * works on it */
	if (rc == ST_OK && !(flags & DB_CHECK) && (db->session = session_new()) == NULL)
		rc = ST_DB;
	if (rc == ST_OK && !db->readonly)
		rc = migrate(db, err);
	if (rc == ST_OK && db->session != NULL)
		rc = session_read(db, db->session, err);
	if (rc != ST_OK) {
		db_close(db);
		if (prepared && truncate(path, 0) == 0)
			;   /* left empty, as it was */
		else if (!exists)
			unlink(path);
		return ST_DB;
	}
	*out = db;
	return ST_OK;
}

void db_close(struct db *db)
{
	if (db == NULL)
		return;
	turn_give(db);
	session_free(db->session);
	sqlite3_close_v2(db->h);
	free(db->path);
	free(db);
}

const struct session *db_session(const struct db *db)
{
	return db->session;
}

const char *db_login(const struct db *db)
{
	return session_login(db->session);
}

char *db_meta_get(struct db *db, const char *key)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int db_meta_set(struct db *db, const char *key, const char *value, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT INTO meta(key, value) VALUES (?, ?) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? ST_OK : db_fail(db, "meta", err);
	sqlite3_finalize(st);
	return rc;
}
