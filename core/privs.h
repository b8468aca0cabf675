/* privs.h: the two sets of ids innotrack runs with.  Installed setgid to
 * the ledger's group on a shared server, the program reaches the database
 * with that group while the clerk who runs it is not in it; every file of
 * the clerk's own (an import's CSV, an -o output, the user configuration)
 * is opened with the clerk's ids instead, here and nowhere else.  Run
 * without setgid, the two sets are the same and these are plain calls. */
#ifndef INNOTRACK_PRIVS_H
#define INNOTRACK_PRIVS_H

#include <dirent.h>
#include <stdio.h>
#include <sys/types.h>

/* 1 when the program runs setgid (effective group not the real one). */
int privs_setgid(void);

/* Called first thing in main.  Records the clerk's umask (for the files
 * written for the clerk) and sets 007 for the ledger's own files.  When
 * setgid: makes sure descriptors 0-2 are open, and keeps only the
 * environment variables the program reads and that are harmless to a
 * setgid program, each checked (LANG and LC_* without '/', TERM a plain
 * name, COLUMNS/LINES/ESCDELAY digits); the loader's, terminfo's,
 * SQLite's and the temporary folders' variables are dropped.
 * *dropped_db is set to 1 if INNOTRACK_DB was dropped (the caller says so). */
void privs_init(int *dropped_db);

/* The clerk's umask, as it was when the program started. */
mode_t privs_clerk_umask(void);

/* Take the clerk's ids until privs_clerk_end(the value returned), for
 * what the calls below do not cover (a file SQLite opens for the clerk,
 * say).  One thread at a time: another thread's privs_clerk_begin waits.
 * Only opening, creating, renaming and removing files check the ids:
 * keep to those between the two calls. */
gid_t privs_clerk_begin(void);
void privs_clerk_end(gid_t program_gid);

/* fopen(path, mode) for reading a clerk's file, with the clerk's ids. */
FILE *privs_fopen_clerk(const char *path, const char *mode);

/* opendir(path) with the clerk's ids (the import screen's completion). */
DIR *privs_opendir_clerk(const char *path);

/* A clerk's output file, written safely: a temporary file made by mkstemp
 * beside `target` (never a name another user could have planted), which
 * privs_out_commit renames over the target.  rename replaces a symbolic
 * link at the target, never writes through it.  All with the clerk's ids;
 * the result has the mode of a new file (0666 & ~umask).
 * privs_out_create returns an open descriptor and *tmp (caller frees), or
 * -1 with errno set. */
int privs_out_create(const char *target, char **tmp);
/* 0, or -1 with errno set (the temporary is then removed). */
int privs_out_commit(const char *tmp, const char *target);
void privs_out_discard(const char *tmp);

#endif
