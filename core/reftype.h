/* reftype.h: the reference types of profile.h (FT_REGION, FT_INDICATOR,
 * FT_ENTERPRISE, ...) and the tables they point into: which table, the
 * SQL naming a row, how typed text finds rows, and whether the whole
 * list is small enough to load at once.  One table for every module that
 * turns a reference into a name or a name into a reference (the record
 * editor, import, export and the registers). */
#ifndef INNOTRACK_REFTYPE_H
#define INNOTRACK_REFTYPE_H

#include <stddef.h>

#include "core/db.h"
#include "core/profile.h"

struct reftype {
	enum ftype  type;
	const char *table;     /* the table pointed into */
	const char *name;      /* SQL naming row t (shown in forms and messages) */
	const char *match;     /* SQL condition on row t: the text ?1 names it or is in its
	                          name or aliases */
	const char *exact;     /* SQL condition on row t: ?1 is its name, code or alias, or
	                          its name as shown, whole (through indexes where they are) */
	const char *order;     /* ORDER BY of a list (columns of t) */
	int         small;     /* the whole list may be loaded for a choice */
	const char *names;     /* columns of t whose values ('|' separated aliases too)
	                          name a row, for import's maps; NULL: looked up one by one */
	const char *cite;      /* SQL on row t that export writes and import reads back */
	const char *rank;      /* SQL on row t a register sorts by; NULL: the name */
	const char *what;      /* English: what a cell should name, for a message */
};

/* expr (SQL on row t) on the row called `alias` instead.  Caller frees. */
char *reftype_expr(const char *expr, const char *alias);

/* The reference type of a field type; NULL if it is not a reference. */
const struct reftype *reftype_of(enum ftype type);

struct ref_item {
	long long id;
	char     *name;        /* owned */
};

/* Rows whose name (or alias, code, USCC) contains `text` (all rows for
 * "" or NULL), at most `max` of them, in the type's order: whole matches
 * first.  Never reads more than it returns plus what the condition scans.
 * ST_OK with *items (caller frees with ref_items_free) or ST_DB. */
int reftype_match(struct db *db, const struct reftype *r, const char *text, size_t max,
                  struct ref_item **items, size_t *n, char **err);
void ref_items_free(struct ref_item *items, size_t n);

/* The name of row id; NULL if there is none.  Caller frees. */
char *reftype_name(struct db *db, const struct reftype *r, long long id);

/* The row that `text` names whole (name, code, alias, or its name as
 * reftype_name gives it); 0 if none, -1 if several. */
long long reftype_find(struct db *db, const struct reftype *r, const char *text);

/* Does row id exist? */
int reftype_exists(struct db *db, const struct reftype *r, long long id);

#endif
