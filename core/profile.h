/* profile.h: what each kind of import file holds.  A profile names the
 * table, its fields with their types, which are required, which make the
 * natural key, and the header names (English, Chinese, aliases) that mean
 * each field.  The header/row mapper, the checker, the sink and export all
 * read these tables; nothing else knows the columns of a kind. */
#ifndef INNOTRACK_PROFILE_H
#define INNOTRACK_PROFILE_H

#include <stddef.h>

enum ftype {
	FT_TEXT,        /* free text */
	FT_INT,         /* whole number */
	FT_REAL,        /* number, "1,234.5", "2.2%" */
	FT_CENTS,       /* money in yuan (or the header's 万元/亿元), kept as integer cents */
	FT_DATE,        /* YYYY-MM-DD */
	FT_BOOL,        /* 是/否 */
	FT_USCC,        /* unified social credit code, check character verified */
	FT_PERIOD,      /* 2025 or 2025Q3 */
	FT_PERIOD_END,  /* derived: the last day of the period field */
	FT_ENUM,        /* one of a list; labels map to stored values */
	FT_YEAR,        /* 1900..2999 */
	FT_REGION,      /* region id, by name, alias or code */
	FT_REGION_CODE, /* region id, by code first (a region's parent) */
	FT_INDICATOR,   /* indicator id, by name, alias or code */
	FT_INSTITUTE,   /* institute id, by name or alias */
	FT_ENTERPRISE,  /* enterprise id, by USCC or name */
	FT_DOC,         /* policy_doc id, by code, number or short name */
	FT_TASK         /* task id, by code or name */
};

#define PF_REQ     0x1   /* must have a value */
#define PF_KEY     0x2   /* part of the natural key */
#define PF_DERIVED 0x4   /* computed, never read from the file */

struct pfield {
	const char *col;     /* the table's column (and the staging column) */
	const char *names;   /* header names, '|' separated: English, Chinese, aliases */
	enum ftype  type;
	unsigned    flags;
	const char *dflt;    /* value stored when the cell is empty (NOT NULL columns) */
	const char *enums;   /* FT_ENUM: "stored:label|label;stored:label..." */
	int         maxlen;  /* FT_TEXT: most characters allowed; 0 for no limit */
};

struct profile {
	const char          *kind;    /* "enterprises" */
	const char          *table;   /* "enterprise" */
	const struct pfield *f;
	size_t               n;
	const char          *order;   /* ORDER BY of export (columns of t) */
	const char          *label;   /* SQL naming row t in messages */
};

extern const struct profile *const profiles[];   /* NULL-terminated */

const struct profile *profile_find(const char *kind);

/* The field whose header names include `header` (after folding full-width
 * forms and spaces and removing a trailing unit in brackets); -1 if none.
 * *unit (if not NULL) gets the unit that was in brackets, or NULL.  Caller
 * frees *unit. */
int profile_match(const struct profile *p, const char *header, char **unit);

/* A header cell folded for matching, without its unit.  Caller frees. */
char *profile_fold_header(const char *header, char **unit);

/* The English or Chinese name of a field (for messages and export). */
char *profile_name(const struct pfield *f, int chinese);   /* caller frees */

/* FT_ENUM: the stored value for a cell (label or stored value, folded);
 * NULL if none.  Returns a pointer into a static buffer of the profile. */
const char *profile_enum_value(const struct pfield *f, const char *folded, char *buf, size_t size);
/* FT_ENUM: the first label of a stored value (for export); the value itself
 * if there is none. */
const char *profile_enum_label(const struct pfield *f, const char *stored, char *buf, size_t size);
/* FT_ENUM: "label, label, ..." for a message.  Caller frees. */
char *profile_enum_list(const struct pfield *f);

#endif
