/* audit.h: who did what.  Every change a clerk makes is one audit row
 * with the record as it was before and after, as JSON objects. */
#ifndef INNOTRACK_AUDIT_H
#define INNOTRACK_AUDIT_H

#include "core/db.h"

/* The whole row `id` of `table` as a JSON object; NULL if there is no
 * such row.  `table` is one of the schema's tables (never data).  Caller frees. */
char *audit_snapshot(struct db *db, const char *table, long long id);

/* Record a change (inside the caller's write transaction).  before/after
 * may be NULL (insert / delete).  batch_id 0 for a clerk's own edit. */
int audit_log(struct db *db, const char *table, long long id, const char *action,
              const char *before, const char *after, long long batch_id, char **err);

#endif
