/* indedit.h: the forms of the indicator screen: an observation (added or
 * corrected), deleting one with a confirmation that names it, and a
 * target with its document.  Each returns 1 when the database changed,
 * so that the screen reads the row again. */
#ifndef INNOTRACK_INDEDIT_H
#define INNOTRACK_INDEDIT_H

#include "core/db.h"
#include "core/indview.h"
#include "core/period.h"
#include "core/region.h"
#include "tui/frame.h"

/* The observation of row r's indicator and region at `period` (both
 * region and period can be changed in the form).  With `correct`, the one recorded for that
 * period, else the latest before it; without, a new figure (if the cell
 * already has one, the form says so and saving replaces it). */
int indedit_obs(struct frame *f, struct db *db, const struct region_list *regions,
                const struct ind_row *r, struct period period, int correct);

/* Delete the observation `correct` would edit, after asking. */
int indedit_obs_delete(struct frame *f, struct db *db, const struct ind_row *r,
                       struct period period);

/* Edit target `target_id` of row r, or add one (target_id 0). */
int indedit_target(struct frame *f, struct db *db, const struct ind_row *r, long long target_id);

#endif
