/* audit.h: who did what.  Every change a clerk makes is one audit row
 * with the record as it was before and after, as JSON objects. */
#ifndef INNOTRACK_AUDIT_H
#define INNOTRACK_AUDIT_H

#include <stddef.h>

#include "core/db.h"

/* The whole row `id` of `table` as a JSON object; NULL if there is no
 * such row.  `table` is one of the schema's tables (never data).  Caller frees. */
char *audit_snapshot(struct db *db, const char *table, long long id);

/* Record a change (inside the caller's write transaction).  before/after
 * may be NULL (insert / delete).  batch_id 0 for a clerk's own edit. */
int audit_log(struct db *db, const char *table, long long id, const char *action,
              const char *before, const char *after, long long batch_id, char **err);

/* Who deleted row `id` of `table` and when, into by and at ("" each if
 * the audit does not say).  Only the row's last audit entry counts:
 * SQLite may give a deleted row's id to a new row. */
void audit_deleted_by(struct db *db, const char *table, long long id, char *by, size_t by_size,
                      char *at, size_t at_size);

#endif
