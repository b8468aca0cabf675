/* backup.c: backup and restore with SQLite's online backup (see backup.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/backup.h"
#include "core/check.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/turn.h"
#include "core/util.h"

#define RESTORE_WAIT_MS 2000   /* how long restore waits for a save to end */

/* Copy all of src into dst, retrying while a writer holds a lock the copy
 * needs, up to wait_ms.  The SQLite result. */
static int copy_all(sqlite3 *dst, sqlite3 *src, int wait_ms)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL)
		return sqlite3_errcode(dst);
	int rc, slept = 0;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (slept >= wait_ms)
			break;
		struct timespec ts = { 0, 20 * 1000000L };
		nanosleep(&ts, NULL);
		slept += 20;
	}
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

static int quick_ok(sqlite3 *h, const char *pragma)
{
	sqlite3_stmt *st = NULL;
	int ok = sqlite3_prepare_v2(h, pragma, -1, &st, NULL) == SQLITE_OK &&
	         sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL &&
	         strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	return ok;
}

int backup_to(struct db *db, const char *file, char **err)
{
	struct stat sb;
	if (stat(file, &sb) == 0 && sb.st_dev == db->dev && sb.st_ino == db->ino) {
		err_set(err, "%s: that is the ledger itself; name another file", file);
		return ST_USAGE;
	}
	char *dir = xstrdup(file), *slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else
		slash[slash == dir] = '\0';
	char *tmp = xasprintf("%s/.innotrack-backup.XXXXXX", dir);
	free(dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(err, "%s: %s", file, errno_text(errno));
		free(tmp);
		return ST_DB;
	}
	fchmod(fd, 0640);
	close(fd);
	sqlite3 *h = NULL;
	int rc = ST_DB;
	/* a new, empty file: SQLite makes a database of it */
	if (sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		err_set(err, "%s: %s", file, sqlite3_errmsg(h));
		goto out;
	}
	int src = copy_all(h, db->h, (int)(db_wait_limit() * 1000));
	if (src != SQLITE_OK) {
		err_set(err, "%s: the copy failed: %s", file,
		        (src & 0xff) == SQLITE_BUSY ? tr("database is locked") : sqlite3_errstr(src));
		goto out;
	}
	/* the copy stands alone: one file, no log beside it */
	if (sqlite3_exec(h, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK ||
	    !quick_ok(h, "PRAGMA quick_check")) {
		err_set(err, "%s: the copy does not pass its check: %s", file, sqlite3_errmsg(h));
		goto out;
	}
	sqlite3_close_v2(h);
	h = NULL;
	if (rename(tmp, file) != 0) {
		err_set(err, "%s: %s", file, errno_text(errno));
		goto out;
	}
	rc = ST_OK;
out:
	sqlite3_close_v2(h);
	if (rc != ST_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

static void no_finding(void *ctx, const char *text)
{
	(void)ctx;
	(void)text;
}

int backup_check(const char *file, char **err)
{
	struct db *b = NULL;
	if (db_open(file, DB_READONLY | DB_CHECK, &b, err) != ST_OK)
		return ST_DB;
	int rc = check_ledger_all(b, no_finding, NULL, err);
	if (rc == ST_DATA)
		rc = ST_OK;   /* the figures' own faults travel with the copy */
	else if (rc != ST_OK && err != NULL && *err == NULL)
		err_set(err, "%s: the copy is damaged (run: innotrack --db %s check)", file, file);
	db_close(b);
	return rc;
}

int backup_restore(struct db *db, const char *file, char **err)
{
	struct db *b = NULL;
	if (db_open(file, DB_READONLY | DB_CHECK, &b, err) != ST_OK)
		return ST_DB;
	if (turn_try(db, TURN_RESTORE, err) != ST_OK) {
		db_close(b);
		return ST_DB;
	}
	/* a save in progress: wait a moment for it (copy_all's own short
	 * wait, not the long one of the clerks' writes), then refuse */
	sqlite3_busy_timeout(db->h, 0);
	int r = copy_all(db->h, b->h, RESTORE_WAIT_MS);
	db_wait_restore(db);
	int rc = ST_OK;
	if ((r & 0xff) == SQLITE_BUSY || (r & 0xff) == SQLITE_LOCKED) {
		err_set(err, "%s: other clerks are writing or reading in a way that holds the ledger; "
		        "nothing was restored, try again when they are done", db->path);
		rc = ST_DB;
	} else if (r != SQLITE_OK) {
		err_set(err, "%s: the restore failed: %s", db->path, sqlite3_errstr(r));
		rc = ST_DB;
	}
	turn_give(db);
	db_close(b);
	return rc;
}
