/* funnel.h: the ladder's funnel: for the city and each county and park,
 * the firms on each rung on the period's last day as a bar with the
 * count, the target in force and what is missing (core/ladder.h,
 * core/goal.h); Enter lists the firms counted and opens one (to move it).
 * Other views of the same screen: the high-tech certificates that lapsed
 * or lapse soon, with whom to call; the valid certificates per region and
 * the share that lapse next year; the candidates for the gazelle reserve
 * pool; the talents brought in per region and category against the
 * targets (a county's five foreign experts a year). */
#ifndef INNOTRACK_FUNNEL_H
#define INNOTRACK_FUNNEL_H

#include "core/db.h"
#include "tui/frame.h"

extern const struct section_ops funnel_ops;

/* The section for the current year.  db must outlive it. */
void *funnel_new(struct db *db);
void funnel_free(void *self);

#endif
