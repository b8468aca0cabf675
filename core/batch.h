/* batch.h: import batches: the list, and undoing one. */
#ifndef INNOTRACK_BATCH_H
#define INNOTRACK_BATCH_H

#include "core/db.h"

struct batch_info {
	long long   id;
	const char *kind, *file_name, *sha256, *encoding, *login, *started_at, *undone_at;
	long long   file_size;
	long        rows_new, rows_changed, rows_unchanged, warnings;
};

/* Call fn for each batch, oldest first.  The strings live only during the
 * call.  ST_OK or ST_DB. */
int batch_list(struct db *db, void (*fn)(void *ctx, const struct batch_info *b), void *ctx,
               char **err);

/* Undo batch `id` in one write transaction: rows it inserted are deleted,
 * rows it changed get their earlier values back.  If a row has changed
 * since (another batch, a clerk), nothing is done: `conflict` is called
 * for each such row (up to 50) with a description, and ST_DATA returned.
 * ST_USAGE if there is no such batch or it is undone already. *err says why. */
int batch_undo(struct db *db, long long id,
               void (*conflict)(void *ctx, const char *text), void *ctx,
               long *restored, long *deleted, char **err);

#endif
