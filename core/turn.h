/* turn.h: the writer's turn.  Imports, undoing one and restores take it
 * one at a time, before their write transaction, so that a clerk whose
 * import waits is told whose it waits for ("waiting for clerk2's import
 * to finish").  It is a POSIX lock on the file PATH-lock beside the
 * database, which holds the holder's pid, what it does and its login;
 * the kernel drops the lock when the holder dies, so a killed import
 * leaves nothing to clean. */
#ifndef INNOTRACK_TURN_H
#define INNOTRACK_TURN_H

#include "core/db.h"

/* What a turn is taken for; the words of the waiting message. */
enum turn_what { TURN_IMPORT, TURN_UNDO, TURN_RESTORE };

/* Wait for the turn (up to db_wait_limit, telling the clerk through
 * db_on_wait), then hold it.  ST_OK, or ST_DB with *err set. */
int turn_take(struct db *db, enum turn_what what, char **err);
/* Take it only if no one holds it: ST_OK, or ST_DB naming the holder. */
int turn_try(struct db *db, enum turn_what what, char **err);
/* Give it back (nothing if not held). */
void turn_give(struct db *db);

/* The line to show while waiting `secs` for another's write: whose
 * import (if another process holds the turn) or another clerk's save.
 * Caller frees. */
char *turn_waiting_text(struct db *db, double secs);

#endif
