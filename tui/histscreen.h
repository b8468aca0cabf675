/* histscreen.h: the history screen: the audit, one line per field a
 * change touched (when, who, kind, record, what, field, before, after),
 * newest first, filtered by login, kind, record and dates
 * (core/history.h reads it; nothing here writes). */
#ifndef INNOTRACK_HISTSCREEN_H
#define INNOTRACK_HISTSCREEN_H

#include "core/db.h"
#include "tui/frame.h"

extern const struct section_ops histscreen_ops;

void *histscreen_new(struct db *db);
void histscreen_free(void *self);

#endif
