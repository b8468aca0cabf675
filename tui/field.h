/* field.h: one field of a form: its kind, what is typed (a line editor),
 * the check made when the clerk leaves it, and for a choice the list
 * narrowed to what is typed.  No curses here (tests/unit/test_form.c). */
#ifndef INNOTRACK_FIELD_H
#define INNOTRACK_FIELD_H

#include <stddef.h>

#include "core/period.h"
#include "tui/lineedit.h"

enum field_kind {
	FIELD_TEXT,      /* free text; le.maxchars is its limit */
	FIELD_INT,       /* a whole number, within min..max when min <= max */
	FIELD_DECIMAL,   /* 1234.5, 1,234.5, １２３４．５, 2.2% */
	FIELD_DATE,      /* 2023-12-02, 2023/12/2, 2023年12月2日 */
	FIELD_PERIOD,    /* 2025, 2025Q3, 2025年第三季度 */
	FIELD_CHOICE     /* one of choices[]; typing narrows the list */
};

struct field {
	char *label;              /* shown before it (translated); owned */
	enum field_kind kind;
	int required;             /* empty is refused */
	long long min, max;       /* FIELD_INT range, used when min <= max */
	struct lineedit le;       /* the text; owned */
	char *initial;            /* the text it was given, to tell a change; owned */

	/* FIELD_CHOICE */
	char **choices;           /* labels; owned */
	size_t nchoices;
	size_t *match;            /* indices of the choices the text matches; owned */
	size_t nmatch;
	size_t hl;                /* the highlighted one, an index into match */
	int narrowing;            /* the clerk typed: the list follows the text */

	int selected;             /* the whole text is selected (a prefilled
	                             file name): typing replaces it */

	/* The value, set by field_check when it passes (has_value 0: empty). */
	int has_value;
	double num;               /* FIELD_DECIMAL */
	int percent;              /* FIELD_DECIMAL: a % sign was typed */
	long long integer;        /* FIELD_INT */
	struct period period;     /* FIELD_PERIOD */
	char date[11];            /* FIELD_DATE: YYYY-MM-DD */
	size_t choice;            /* FIELD_CHOICE: index into choices */
};

/* A field of `kind` labelled `label` holding `text` (NULL: empty). */
void field_init(struct field *f, enum field_kind kind, const char *label, const char *text);
void field_free(struct field *f);

/* The list of a FIELD_CHOICE (copied).  The text, if it names one,
 * chooses it. */
void field_set_choices(struct field *f, const char *const *labels, size_t n);

/* Replace the text (a reload); `rebase` makes it the unchanged state. */
void field_set_text(struct field *f, const char *text, int rebase);

/* Is nothing but spaces typed? */
int field_empty(const struct field *f);

/* Does the text differ from what the field was given? */
int field_changed(const struct field *f);

/* Check the text.  NULL when it is valid (the value is set, and the text
 * written the standard way: 2023-12-02, 2025Q3, the choice's label);
 * else why not, in the UI language (caller frees). */
char *field_check(struct field *f);

/* A key is about to edit a selected text: a character typed or a
 * deletion (`replace`) empties the field first; any other key only ends
 * the selection.  Returns 1 if the text was emptied. */
int field_end_selection(struct field *f, int replace);

/* FIELD_CHOICE: the clerk typed or deleted: narrow the list to the
 * choices whose label holds the text (full-width forms and case folded). */
void field_narrow(struct field *f);

/* FIELD_CHOICE: move the highlight in the narrowed list by delta. */
void field_move(struct field *f, int delta);

#endif
