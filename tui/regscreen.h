/* regscreen.h: a register (enterprises, import batches, ...) as a section
 * of the frame: a table over a core dataset, fetched a screenful at a
 * time, with incremental search, sorting and filtering by the current
 * column, all done in SQL.  Read-only: forms come on top of it. */
#ifndef INNOTRACK_REGSCREEN_H
#define INNOTRACK_REGSCREEN_H

#include "core/db.h"
#include "tui/frame.h"

/* The section of register `name` (a kind of core/profile.h), or NULL
 * if there is no such register. */
const struct section_ops *regscreen_ops(const char *name);

/* The state of register `name` on db; never NULL (an error opening it is
 * shown on the status line). */
void *regscreen_new(struct db *db, const char *name);
void regscreen_free(void *self);

#endif
