/* profile.h: the one description of each kind of record.  A profile
 * names the table, the kind's names in both languages, and its fields:
 * the column, the header names that mean it in a file (the English key,
 * the Chinese name, aliases), the type, which are required, which make
 * the natural key, the closed list a field takes its values from
 * (core/choice.h), and the field's width on a register.  Import (header
 * matching, cell checks), export, the register screens and their menu,
 * the record forms, the command line's list of kinds and the loading of
 * data packs all read these tables; nothing else knows the columns of a
 * kind.  tests/unit/test_profile.c holds each against the schema. */
#ifndef INNOTRACK_PROFILE_H
#define INNOTRACK_PROFILE_H

#include <stddef.h>

#include "core/choice.h"

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
	FT_ENUM,        /* one of a choice set */
	FT_YEAR,        /* 1900..2999 */
	FT_REGION,      /* region id, by name, alias or code */
	FT_REGION_CODE, /* region id, by code first (a region's parent) */
	FT_INDICATOR,   /* indicator id, by name, alias or code */
	FT_INSTITUTE,   /* institute id, by name or alias */
	FT_ENTERPRISE,  /* enterprise id, by USCC or name */
	FT_DOC,         /* policy_doc id, by code, number or short name */
	FT_TASK,        /* task id, by code or name */
	FT_EVENT,       /* event id, by title */
	FT_KIND         /* the name of a kind of record (an import batch's) */
};

#define PF_REQ     0x1   /* must have a value */
#define PF_KEY     0x2   /* part of the natural key */
#define PF_DERIVED 0x4   /* computed from another field, never read from a file */
#define PF_VIEW    0x8   /* computed (expr): shown on the register, never imported or edited */
#define PF_NAME    0x10  /* names the record: the register's first, fixed column */
#define PF_OWNER   0x20  /* a reference to the record this one belongs to (a firm's yearly
                            figures, an event's party): for a kind without a region field,
                            the region it refers to is the record's (core/access.h) */

struct pfield {
	const char *col;      /* the table's column (and the staging column) */
	const char *key;      /* English header and stable name (export, scripts) */
	const char *en;       /* English title on screens */
	const char *zh;       /* Chinese title, header and name in messages */
	const char *aliases;  /* other header names, '|' separated; may be NULL */
	enum ftype  type;
	unsigned    flags;
	const char *dflt;     /* value stored when the cell is empty (NOT NULL columns) */
	const struct choice_set *choices;   /* FT_ENUM */
	int         maxlen;   /* FT_TEXT: most characters allowed; 0 for no limit */
	int         width;    /* cells on a register; 0: the type's usual width */
	const char *expr;     /* PF_VIEW: SQL over the kind's row `t` */
	const char *sort;     /* sort by this SQL over `t` (an indexed expression
	                         with the same order) instead of what is shown */
};

#define PK_IMPORT 0x1    /* imported, exported and loaded from packs */
#define PK_EDIT   0x2    /* a clerk adds, corrects and deletes records */
#define PK_LOCAL_ADD 0x4 /* no region, yet a county clerk may add one (core/access.h) */

/* A heading of the program's menu, over the registers of one area of work. */
struct menu_group {
	const char *en, *zh;
};

struct profile {
	const char          *kind;    /* "enterprises": the command line's name */
	const char          *table;   /* "enterprise" */
	const char          *en;      /* "Enterprises" */
	const char          *zh;      /* "企业" */
	const struct pfield *f;
	size_t               n;
	const char          *order;   /* ORDER BY of export (columns of t) */
	const char          *label;   /* SQL naming row t in messages */
	unsigned             flags;   /* PK_* */
	const struct pfield *view;    /* more columns for the register (PF_VIEW) */
	size_t               nview;
	const struct menu_group *group;   /* where the menu lists it; NULL: not there */
};

/* Every kind, NULL-terminated, in the order of the menu (and of the
 * command line's list of kinds). */
extern const struct profile *const profiles[];

/* The kind called `kind` (its command-line name or its table); NULL. */
const struct profile *profile_find(const char *kind);
/* The description of an audited table: a kind's (profile_find), or one of
 * the tables the audit names that is not a kind of record (the marks of a
 * complete register); NULL. */
const struct profile *profile_audited(const char *table);

/* The kind's name in the UI language. */
const char *profile_title(const struct profile *p);
/* The menu heading it stands under, in the UI language; NULL if none. */
const char *profile_group(const struct profile *p);

/* "observations, targets, ..." : the importable kinds.  Static. */
const char *profile_import_kinds(void);

/* The field whose header names include `header` (after folding full-width
 * forms and spaces and removing a trailing unit in brackets); -1 if none.
 * *unit (if not NULL) gets the unit that was in brackets, or NULL.  Caller
 * frees *unit. */
int profile_match(const struct profile *p, const char *header, char **unit);

/* The field whose column is `col`; -1 if none. */
int profile_field(const struct profile *p, const char *col);

/* A header cell folded for matching, without its unit.  Caller frees. */
char *profile_fold_header(const char *header, char **unit);

/* The header name of a field: its key, or its Chinese name.  Caller frees. */
char *profile_name(const struct pfield *f, int chinese);

/* A field's title in the UI language (static). */
const char *profile_field_title(const struct pfield *f);

/* FT_ENUM: the stored value for a cell (label, alias or stored value,
 * folded); NULL if none.  The result is copied into buf. */
const char *profile_enum_value(const struct pfield *f, const char *folded, char *buf, size_t size);
/* FT_ENUM: the Chinese label of a stored value (what export writes); the
 * value itself if there is none. */
const char *profile_enum_label(const struct pfield *f, const char *stored, char *buf, size_t size);
/* FT_ENUM: "label, label, ..." for a message.  Caller frees. */
char *profile_enum_list(const struct pfield *f);

#endif
