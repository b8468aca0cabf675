/* pipeedit.h: moving a record along its stages from the record view (a
 * firm up or down the ladder, a talent towards on duty): a small form of
 * the stage, the day and the reason, saved through core/pipe.h; and the
 * record's moves as rows of the view.  No SQL here. */
#ifndef INNOTRACK_PIPEEDIT_H
#define INNOTRACK_PIPEEDIT_H

#include "core/db.h"
#include "core/profile.h"
#include "tui/frame.h"
#include "tui/grid.h"

/* The form for moving record id of kind p.  1 if it moved. */
int pipeedit_move(struct frame *f, struct db *db, const struct profile *p, long long id);

/* The record's moves, latest first, as two-column rows under a heading
 * ("梯次变动"); nothing for a kind without stages. */
void pipeedit_history(struct frame *f, struct db *db, const struct profile *p, long long id,
                      struct grid *g);

/* The move key's label for kind p (translated), NULL for a kind without
 * stages. */
const char *pipeedit_label(const struct profile *p);

#endif
