/* db.c: open the SQLite file, set per-connection pragmas, apply the
 * numbered migrations compiled in from assets/migrations/, start the
 * session. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/assets.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/session.h"
#include "core/users.h"
#include "core/util.h"

#define BUSY_TIMEOUT_MS 8000
#define PAGE_SIZE "16384"

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

/* What to do about a busy database, or "". */
static const char *busy_hint(struct db *db)
{
	int code = sqlite3_errcode(db->h) & 0xff;   /* extended codes are on */
	return code == SQLITE_BUSY || code == SQLITE_LOCKED
	    ? tr(" (another clerk is writing; try again)") : "";
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

int db_begin_write(struct db *db, char **err)
{
	if (db_exec(db, "BEGIN IMMEDIATE", err) != ST_OK)
		return ST_DB;
	/* the role and region as they are now, not as they were at start-up:
	 * an admin may have revoked them while this program ran */
	if (db->session != NULL && session_read(db, db->session, err) != ST_OK) {
		db_rollback(db);
		return ST_DB;
	}
	return ST_OK;
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

static int migrate(struct db *db, char **err)
{
	int have = db_schema_version(db);
	int latest = db_schema_latest();
	if (have < 0)
		return db_fail(db, "cannot read the schema version", err);
	if (have > latest) {
		err_set(err, "%s: this database has schema version %d, made by a newer "
		        "innotrack; this program knows up to version %d. Use the newer program.",
		        db->path, have, latest);
		return ST_DB;
	}
	if (have == latest)
		return ST_OK;
	/* version 0 with tables in it: some other program's database */
	if (have == 0 && db_scalar(db, "SELECT count(*) FROM sqlite_schema", NULL) > 0) {
		err_set(err, "%s: this is not an innotrack database (it has tables but no "
		        "innotrack schema version)", db->path);
		return ST_DB;
	}
	/* not db_begin_write: the session's table may not be there yet */
	if (db_exec(db, "BEGIN IMMEDIATE", err) != ST_OK)
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

int db_open(const char *path, int flags, struct db **out, char **err)
{
	struct stat sb;
	int exists = stat(path, &sb) == 0;
	*out = NULL;
	if (exists && (flags & DB_MUSTNEW)) {
		err_set(err, "%s: a database is already there; innotrack will not overwrite it", path);
		return ST_DB;
	}
	if (!exists && !(flags & DB_CREATE)) {
		err_set(err, "%s: no such database (create one with: innotrack --db %s init)", path, path);
		return ST_DB;
	}
	if (!exists && (make_parent(path, err) != ST_OK || create_shared_file(path, err) != ST_OK))
		return ST_DB;

	/* SQLite need not count its memory: the count takes a mutex at every
	 * allocation (0.1 s of a million-row import).  Refused, harmlessly,
	 * once SQLite has started. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	struct db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->created = !exists;
	/* One thread uses a connection (the import's digest thread never
	 * touches SQLite): no mutex around every call, which cost an import
	 * of a million rows about 0.4 s. */
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (exists ? 0 : SQLITE_OPEN_CREATE);
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		db_fail(db, "cannot open", err);
		db_close(db);
		if (!exists)
			unlink(path);
		return ST_DB;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
	/* A new file gets pages of PAGE_SIZE (it stays with the file).  The
	 * registers hold up to a million rows: bigger pages make fewer of them
	 * to write, log and check point (a million-row import took 8% less
	 * time than with SQLite's 4 KiB). */
	if (!exists && db_exec(db, "PRAGMA page_size=" PAGE_SIZE, err) != ST_OK) {
		db_close(db);
		unlink(path);
		return ST_DB;
	}
	/* journal_mode=WAL persists in the file; the others are per connection. */
	if (db_exec(db, "PRAGMA journal_mode=WAL", err) != ST_OK ||
	    db_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
	                "PRAGMA journal_size_limit=67108864", err) != ST_OK ||
	    (db->session = session_new()) == NULL ||
	    migrate(db, err) != ST_OK ||
	    session_read(db, db->session, err) != ST_OK) {
		db_close(db);
		if (!exists)
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
