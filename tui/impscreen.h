/* impscreen.h: the imports screen: the history of import batches, and
 * importing a file: choose it (Tab completes the name) and its kind (or
 * let the header tell), see the dry run (new, changed, unchanged, each
 * error with its line and column), apply it, undo a batch. */
#ifndef INNOTRACK_IMPSCREEN_H
#define INNOTRACK_IMPSCREEN_H

#include "core/db.h"
#include "tui/frame.h"

extern const struct section_ops impscreen_ops;

void *impscreen_new(struct db *db);
void impscreen_free(void *self);

#endif
