/* recedit.h: the record editor: a form for a record of any kind, built
 * from its profile (core/profile.h) over the form widget (tui/form.h),
 * saved through core/record.h; a view of a record with its history; and
 * deleting one after asking.  No SQL here. */
#ifndef INNOTRACK_RECEDIT_H
#define INNOTRACK_RECEDIT_H

#include "core/db.h"
#include "core/profile.h"
#include "tui/frame.h"

/* What recedit_view did. */
enum { RECEDIT_NONE = 0, RECEDIT_SAVED = 1, RECEDIT_DELETED = 2 };

/* A form for a new record of kind p.  Returns its id once saved, 0 if
 * the clerk gave up. */
long long recedit_add(struct frame *f, struct db *db, const struct profile *p);
/* The same with some fields given: preset is column, value, column,
 * value, ..., NULL (values as stored: an id for a reference). */
long long recedit_add_preset(struct frame *f, struct db *db, const struct profile *p,
                             const char *const *preset);

/* The form for record id.  Returns 1 if it was saved (or found deleted:
 * the register needs reading again), 0 if not. */
int recedit_edit(struct frame *f, struct db *db, const struct profile *p, long long id);

/* Ask, naming the record, then delete it.  Returns 1 if it is gone (or
 * changed meanwhile: read again), 0 if not; the status line says why. */
int recedit_delete(struct frame *f, struct db *db, const struct profile *p, long long id);

/* Every field of record id, then its history (when, who, what changed),
 * in a window over the screen; e edits it, d deletes it.  Returns
 * RECEDIT_SAVED if it was changed, RECEDIT_DELETED if deleted. */
int recedit_view(struct frame *f, struct db *db, const struct profile *p, long long id);

#endif
