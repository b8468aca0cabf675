/* taskscreen.h: the task matrix of the assessment (core/tasks.h):
 * regions down, tasks across, each cell actual/target with a mark (✓
 * reached, … not yet) and last year's figure in brackets; the totals row
 * where the document has one; score and rank per region.  [ ] switch
 * between the years and the plans' spans; Enter on a cell lists the
 * records counted (Enter opens one), or opens the county's entry of an
 * entered task for editing. */
#ifndef INNOTRACK_TASKSCREEN_H
#define INNOTRACK_TASKSCREEN_H

#include "core/db.h"
#include "tui/frame.h"

extern const struct section_ops taskscreen_ops;

void *taskscreen_new(struct db *db);
void taskscreen_free(void *self);

#endif
