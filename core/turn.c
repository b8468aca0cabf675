/* turn.c: the writer's turn (see turn.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/turn.h"
#include "core/util.h"

static const char *const what_names[] = {
	[TURN_IMPORT] = N_("import"),
	[TURN_UNDO] = N_("undo of an import"),
	[TURN_RESTORE] = N_("restore"),
};

static char *turn_path(const struct db *db)
{
	return xasprintf("%s-lock", db->path);
}

static int lock_fd(int fd, int type)
{
	struct flock l = { .l_type = (short)type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	return fcntl(fd, F_SETLK, &l);
}

/* Who holds the turn, if another process does: "clerk2" and what it
 * does, from the file.  Returns 1 and fills login/what, or 0. */
static int holder(struct db *db, char *login, size_t n, int *what)
{
	int fd = db->turn_fd, own = 0;
	if (fd < 0) {
		/* never close a second descriptor of a file this process locks:
		 * that drops the lock, which is why the held one is used above */
		char *p = turn_path(db);
		fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		free(p);
		if (fd < 0)
			return 0;
		own = 1;
	}
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	int held = fcntl(fd, F_GETLK, &l) == 0 && l.l_type != F_UNLCK;
	char buf[160];
	ssize_t got = held ? pread(fd, buf, sizeof buf - 1, 0) : 0;
	if (own)
		close(fd);
	if (!held)
		return 0;
	long pid = 0;
	int w = 0;
	char name[64] = "";
	buf[got > 0 ? got : 0] = '\0';
	if (sscanf(buf, "%ld %d %63s", &pid, &w, name) == 3 && pid == (long)l.l_pid &&
	    w >= 0 && w <= TURN_RESTORE) {
		snprintf(login, n, "%s", name);
		*what = w;
	} else {
		/* the holder has not written its name yet */
		snprintf(login, n, "%s", tr("another clerk"));
		*what = TURN_IMPORT;
	}
	return 1;
}

char *turn_waiting_text(struct db *db, double secs)
{
	char login[64];
	int what;
	int who = holder(db, login, sizeof login, &what);
	if (secs < 1)   /* said at once: no "0 s" */
		return who ? xasprintf(tr("waiting for %s's %s to finish"), login, tr(what_names[what]))
		           : xstrdup(tr("waiting for another clerk's save to finish"));
	if (who)
		return xasprintf(tr("waiting for %s's %s to finish (%.0f s)"), login,
		                 tr(what_names[what]), secs);
	return xasprintf(tr("waiting for another clerk's save to finish (%.0f s)"), secs);
}

/* Open the file and try the lock once: 0 taken, 1 held by another, -1 error. */
static int try_once(struct db *db, char **err)
{
	if (db->turn_fd < 0) {
		char *p = turn_path(db);
		db->turn_fd = open(p, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0660);
		if (db->turn_fd < 0) {
			err_set(err, "%s: %s", p, errno_text(errno));
			free(p);
			return -1;
		}
		free(p);
	}
	if (lock_fd(db->turn_fd, F_WRLCK) == 0)
		return 0;
	if (errno == EAGAIN || errno == EACCES)
		return 1;
	err_set(err, "%s-lock: %s", db->path, errno_text(errno));
	return -1;
}

static void write_name(struct db *db, enum turn_what what)
{
	char buf[160];
	int n = snprintf(buf, sizeof buf, "%ld %d %s\n", (long)getpid(), (int)what, db_login(db));
	if (ftruncate(db->turn_fd, 0) != 0 || pwrite(db->turn_fd, buf, (size_t)n, 0) != n) {
		/* the name is only for the messages of those who wait */
	}
}

static void close_turn(struct db *db)
{
	if (db->turn_fd >= 0)
		close(db->turn_fd);
	db->turn_fd = -1;
}

int turn_try(struct db *db, enum turn_what what, char **err)
{
	int r = try_once(db, err);
	if (r == 0) {
		write_name(db, what);
		return ST_OK;
	}
	if (r > 0) {
		char login[64];
		int w = TURN_IMPORT;
		if (!holder(db, login, sizeof login, &w))
			snprintf(login, sizeof login, "%s", tr("another clerk"));
		err_set(err, "%s: %s's %s is writing now; try again when it is done", db->path, login,
		        tr(what_names[w]));
		close_turn(db);
	}
	return ST_DB;
}

int turn_take(struct db *db, enum turn_what what, char **err)
{
	double start = db_clock(), told = 0, limit = db_wait_limit();
	unsigned seed = (unsigned)getpid();
	for (;;) {
		int r = try_once(db, err);
		if (r < 0)
			break;
		if (r == 0) {
			write_name(db, what);
			if (told > 0 && db->waiting)
				db->waiting(db->wait_ctx, NULL);
			return ST_OK;
		}
		double now = db_clock(), waited = now - start;
		if (waited >= limit) {
			char login[64];
			int w = TURN_IMPORT;
			if (!holder(db, login, sizeof login, &w))
				snprintf(login, sizeof login, "%s", tr("another clerk"));
			err_set(err, "%s: waited %.0f minutes for %s's %s to finish; nothing was written, "
			        "try again later", db->path, limit / 60, login, tr(what_names[w]));
			break;
		}
		if (db->waiting && (told == 0 || now - told >= 1.0)) {
			char *t = turn_waiting_text(db, waited);
			db->waiting(db->wait_ctx, t);
			free(t);
			told = now;
		}
		/* 20-60 ms, different in each process so that they do not all
		 * wake together */
		struct timespec ts = { 0, (20 + (long)(rand_r(&seed) % 40)) * 1000000L };
		nanosleep(&ts, NULL);
		db->waited += db_clock() - now;
	}
	if (told > 0 && db->waiting)
		db->waiting(db->wait_ctx, NULL);
	close_turn(db);
	return ST_DB;
}

void turn_give(struct db *db)
{
	if (db->turn_fd < 0)
		return;
	if (ftruncate(db->turn_fd, 0) != 0) {
		/* only the name goes stale; the lock is what counts */
	}
	lock_fd(db->turn_fd, F_UNLCK);
	close_turn(db);
}
