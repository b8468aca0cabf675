/* form.h: a form in a window over the screen: a few lines about the
 * record, then labelled fields (tui/field.h), and under them an area for
 * a choice's list or a conflict.  Each field is checked as the clerk
 * leaves it (Tab, Down, Up, Enter), the reason on the status line; Enter
 * on the last field or F2 anywhere saves; Esc asks before throwing changes
 * away.  The form reads the keys itself until it closes (form_run), and
 * keeps what was typed through a terminal resize.
 *
 * What a save means is the caller's (struct form_ops): the observation
 * and target forms of the indicator screen, later the registers'.  When
 * another clerk saved the record since the form was opened, the save
 * reports a conflict; the form shows who, when and their value, and the
 * clerk takes theirs (reload) or keeps their own (saves over it).  When
 * the other clerk deleted it, the form says who and when (if the audit
 * knows) and the clerk adds it again or leaves it deleted. */
#ifndef INNOTRACK_FORM_H
#define INNOTRACK_FORM_H

#include "core/edit.h"
#include "tui/field.h"
#include "tui/frame.h"

#define FORM_MAX_INFO 3     /* lines about the record above the fields */
#define FORM_AREA 5         /* lines under the fields */

struct form;

enum { FORM_SAVED = 0, FORM_FAILED = 1, FORM_CONFLICT = 2 };

struct form_ops {
	/* Save what the fields hold (each has passed its check).  FORM_SAVED;
	 * FORM_FAILED with *msg set (shown on the status line; the form frees
	 * it); FORM_CONFLICT with *c filled. */
	int (*save)(void *ctx, struct form *fm, struct edit_conflict *c, char **msg);
	/* Put the record as it is now into the fields (form_set). */
	void (*reload)(void *ctx, struct form *fm);
	/* Keep mine: the next save goes over the version in *c. */
	void (*overrule)(void *ctx, const struct edit_conflict *c);
	/* Field i was left changed and valid (NULL: nothing to do).  It may
	 * say something with form_message. */
	void (*left)(void *ctx, struct form *fm, int i);
	/* Tab in field i, before it moves on: 1 if it was taken (a file
	 * name completed, say).  NULL: Tab only moves. */
	int (*tab)(void *ctx, struct form *fm, int i);
};

/* A form titled `title` (translated).  ops and ctx must outlive it. */
struct form *form_new(const char *title, const struct form_ops *ops, void *ctx);
void form_free(struct form *fm);

/* A line about the record above the fields (up to FORM_MAX_INFO). */
void form_info(struct form *fm, const char *line);

/* Add a field; returns its index.  Set limits through form_field. */
int form_add(struct form *fm, enum field_kind kind, const char *label, const char *text);

/* Field i (valid until the next form_add). */
struct field *form_field(struct form *fm, int i);

/* Replace field i's text, as the record now has it (not a change). */
void form_set(struct form *fm, int i, const char *text);

/* What F2 does, when it is not "Save": its label on the key bar and in
 * the form's hint, and what the help says (English; translated when
 * shown).  The strings must outlive the form. */
void form_save_as(struct form *fm, const char *label, const char *what);

/* Show field i's text selected, so that typing replaces it and any other
 * key keeps it (a file name from last time). */
void form_select(struct form *fm, int i);

/* Start in field i. */
void form_focus(struct form *fm, int i);

/* A message on the status line while the form is open.  printf-style. */
void form_message(struct form *fm, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Open the form over the frame and run it until it is saved (returns 1)
 * or closed without saving (0), or closed because another clerk deleted
 * the record and the clerk chose to leave it deleted (2: show it again). */
int form_run(struct form *fm, struct frame *f);

#endif
