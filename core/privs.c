/* privs.c: the clerk's ids for the clerk's files, the group's for the
 * ledger; the environment of a setgid run. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/privs.h"
#include "core/util.h"

static mode_t clerk_umask = 022;
/* the effective group id is the process's, shared by every thread: one
 * thread at a time takes the clerk's */
static pthread_mutex_t ids_lock = PTHREAD_MUTEX_INITIALIZER;

int privs_setgid(void)
{
	return getegid() != getgid();
}

mode_t privs_clerk_umask(void)
{
	return clerk_umask;
}

/* --- the environment of a setgid run ------------------------------------ */

/* No '/' (a locale or terminal name must not be a path) and no "..". */
static int plain_name(const char *v)
{
	return *v != '\0' && strlen(v) < 128 && strchr(v, '/') == NULL && strstr(v, "..") == NULL &&
	       strchr(v, '%') == NULL;
}

static int digits(const char *v)
{
	if (*v == '\0' || strlen(v) > 6)
		return 0;
	for (; *v; v++)
		if (*v < '0' || *v > '9')
			return 0;
	return 1;
}

/* TERM: letters, digits and . _ + - only (xterm-256color, screen.xterm). */
static int term_name(const char *v)
{
	if (*v == '\0' || strlen(v) > 64 || *v == '.')
		return 0;
	for (; *v; v++)
		if (!((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9') ||
		      strchr("._+-", *v) != NULL))
			return 0;
	return 1;
}

/* TZ: a zone name (Asia/Shanghai) or rule, never a file named by path. */
static int tz_name(const char *v)
{
	if (*v == ':')
		v++;
	return *v != '\0' && *v != '/' && strlen(v) < 128 && strstr(v, "..") == NULL;
}

/* Any value: the program only passes it on or reads it as text. */
static int any(const char *v)
{
	return strlen(v) < 4096;
}

static const struct keep {
	const char *name;     /* a name, or a prefix ending in '_' with prefix set */
	int         prefix;
	int       (*ok)(const char *);
} keep[] = {
	{ "LANG", 0, plain_name }, { "LANGUAGE", 0, plain_name }, { "LC_", 1, plain_name },
	{ "TERM", 0, term_name }, { "COLUMNS", 0, digits }, { "LINES", 0, digits },
	{ "ESCDELAY", 0, digits }, { "TZ", 0, tz_name }, { "NO_COLOR", 0, any },
	/* read only to find the clerk's own configuration, with the clerk's ids */
	{ "HOME", 0, any }, { "XDG_CONFIG_HOME", 0, any },
	{ "USER", 0, any }, { "LOGNAME", 0, any },
	{ "INNOTRACK_ASCII", 0, any }, { "INNOTRACK_TIMING", 0, any },
};

static int kept(const char *entry)
{
	const char *eq = strchr(entry, '=');
	if (eq == NULL)
		return 0;
	size_t n = (size_t)(eq - entry);
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		size_t k = strlen(keep[i].name);
		if (keep[i].prefix ? n > k && strncmp(entry, keep[i].name, k) == 0
		                   : n == k && strncmp(entry, keep[i].name, k) == 0)
			return keep[i].ok(eq + 1);
	}
	return 0;
}

extern char **environ;

static void sanitize_env(int *dropped_db)
{
	size_t n = 0;
	for (char **e = environ; e != NULL && *e != NULL; e++)
		n++;
	char **save = xcalloc(n + 1, sizeof *save);
	size_t m = 0;
	for (char **e = environ; e != NULL && *e != NULL; e++) {
		if (strncmp(*e, "INNOTRACK_DB=", 13) == 0 && (*e)[13] != '\0')
			*dropped_db = 1;
		if (kept(*e))
			save[m++] = xstrdup(*e);
	}
	clearenv();
	/* nothing is run, but a PATH of the system's own is the custom */
	setenv("PATH", "/usr/bin:/bin", 1);
	for (size_t i = 0; i < m; i++) {
		char *eq = strchr(save[i], '=');
		*eq = '\0';
		setenv(save[i], eq + 1, 1);
		free(save[i]);
	}
	free(save);
}

void privs_init(int *dropped_db)
{
	*dropped_db = 0;
	clerk_umask = umask(007);
	if (!privs_setgid())
		return;
	/* a closed 0, 1 or 2 would let the next open file take its place
	 * and receive what is printed */
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && open("/dev/null", O_RDWR) != fd)
			_exit(127);
	sanitize_env(dropped_db);
}

/* --- the clerk's ids, for a moment -------------------------------------- */

gid_t privs_clerk_begin(void)
{
	gid_t mine = getegid();
	pthread_mutex_lock(&ids_lock);
	if (mine != getgid() && setegid(getgid()) != 0)
		abort();   /* cannot happen: the real id is always allowed */
	return mine;
}

void privs_clerk_end(gid_t mine)
{
	int e = errno;
	if (mine != getegid() && setegid(mine) != 0)
		abort();   /* the saved set-group-id is always allowed */
	pthread_mutex_unlock(&ids_lock);
	errno = e;
}

FILE *privs_fopen_clerk(const char *path, const char *mode)
{
	gid_t g = privs_clerk_begin();
	FILE *f = fopen(path, mode);
	privs_clerk_end(g);
	return f;
}

DIR *privs_opendir_clerk(const char *path)
{
	gid_t g = privs_clerk_begin();
	DIR *d = opendir(path);
	privs_clerk_end(g);
	return d;
}

int privs_out_create(const char *target, char **tmp)
{
	*tmp = xasprintf("%s.XXXXXX", target);
	gid_t g = privs_clerk_begin();
	int fd = mkstemp(*tmp);
	/* mkstemp makes it 0600: give it a new file's mode */
	if (fd >= 0 && fchmod(fd, 0666 & ~clerk_umask) != 0) {
		int e = errno;
		close(fd);
		unlink(*tmp);
		fd = -1;
		errno = e;
	}
	privs_clerk_end(g);
	if (fd < 0) {
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

int privs_out_commit(const char *tmp, const char *target)
{
	gid_t g = privs_clerk_begin();
	int rc = rename(tmp, target);
	if (rc != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
	}
	privs_clerk_end(g);
	return rc;
}

void privs_out_discard(const char *tmp)
{
	gid_t g = privs_clerk_begin();
	unlink(tmp);
	privs_clerk_end(g);
}
