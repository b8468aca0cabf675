/* refcheck.h: the references of a big load, checked once per distinct id.
 * SQLite checks a row's foreign keys as it writes the row: a million
 * enterprises naming the same few regions cost two million look-ups, a
 * fifth of writing them.  Staging (core/stage.c) hands every id it binds
 * to a reference column to refcheck_add, which keeps the distinct ones (a
 * few regions); when every foreign key of the table is known that way, the
 * load may run with the connection's foreign-key checks off, and
 * refcheck_verify looks each distinct id up once, in the same transaction
 * before the rows are written. */
#ifndef INNOTRACK_REFCHECK_H
#define INNOTRACK_REFCHECK_H

#include <stddef.h>

#include "core/db.h"
#include "core/profile.h"

struct refcheck;

/* The foreign keys of p's table; staged[f] is nonzero for the fields the
 * load writes.  NULL if the table has none.  Free with refcheck_free. */
struct refcheck *refcheck_new(struct db *db, const struct profile *p, const int *staged);
void refcheck_free(struct refcheck *r);

/* Field f was bound to id (a no-op for a field that is no reference). */
void refcheck_add(struct refcheck *r, size_t f, long long id);

/* 1 if refcheck_verify can check every reference of the rows staged: each
 * foreign key is one column, that the load either writes (with at most a
 * few hundred distinct ids) or leaves NULL, or batch_id (the load's own
 * batch). */
int refcheck_complete(const struct refcheck *r);

/* Each distinct id looked up in its table: ST_OK, or ST_DB with *err
 * saying that a record names a missing one. */
int refcheck_verify(struct refcheck *r, char **err);

#endif
