/* indscreen.h: the indicator section: for one region and period, each
 * indicator with its baseline, the target in force, a mark when other
 * documents set a different target, the latest actual, progress, the
 * progress expected by now, status (core/indview.h) and a small history.
 * Enter lists every target of the indicator with its document (choose
 * the one in force, edit, add); r, [ ], { } switch the region and the
 * period; a, e, d add, correct and delete a figure and t edits a target,
 * through forms (tui/indedit.h). */
#ifndef INNOTRACK_INDSCREEN_H
#define INNOTRACK_INDSCREEN_H

#include "core/db.h"
#include "tui/frame.h"

extern const struct section_ops indscreen_ops;

/* The section for the top region (the city) and the current year.
 * Load errors are shown on the status line.  db must outlive it. */
void *indscreen_new(struct db *db);
void indscreen_free(void *self);

#endif
