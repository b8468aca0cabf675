/* check.h: `innotrack check`: is the ledger whole, and do its figures
 * hold together?  SQLite's integrity and foreign key checks, then the
 * ledger's own: targets whose document is gone, figures for periods that
 * do not exist, and counted indicators whose imported (official) figure
 * differs from what the register counts. */
#ifndef INNOTRACK_CHECK_H
#define INNOTRACK_CHECK_H

#include "core/db.h"

/* Call finding(ctx, text) for each fault, one line each.  Returns ST_OK
 * (no findings), ST_DATA (findings), or ST_DB (the file is damaged: the
 * integrity check failed, or it could not be read). */
int check_ledger_all(struct db *db, void (*finding)(void *ctx, const char *text), void *ctx,
                     char **err);

#endif
