/* backup.h: the administrator's copies of the ledger, made and put back
 * with SQLite's online backup while the clerks work. */
#ifndef INNOTRACK_BACKUP_H
#define INNOTRACK_BACKUP_H

#include "core/db.h"

/* Copy the ledger to `file`: one consistent snapshot, however the clerks
 * write meanwhile, written to a temporary file beside it, checked, and
 * renamed over it (a symlink at `file` is replaced, never followed).
 * ST_OK, ST_USAGE (file is the ledger itself), ST_DB. */
int backup_to(struct db *db, const char *file, char **err);

/* Is `file` a ledger this program can restore: an innotrack ledger whose
 * integrity check passes?  ST_OK, or ST_DB with *err saying why not. */
int backup_check(const char *file, char **err);

/* Put the ledger back to the copy in `file` (backup_check it first):
 * refused at once (ST_DB, naming who) while another clerk imports or
 * saves.  Every clerk's next read sees the restored ledger. */
int backup_restore(struct db *db, const char *file, char **err);

#endif
