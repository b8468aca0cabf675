/* record.h: one record of any kind (core/profile.h) as a clerk edits it:
 * read by id, checked, saved (insert or update) or deleted in one short
 * write transaction with its row version and an audit row, and its
 * history read back from the audit.  Values travel as text in the form
 * the table stores them ("tech_sme", "1" for yes, an id for a
 * reference, cents for money); record_show turns one into what a clerk
 * reads.  If another clerk saved or deleted the record since it was
 * read, nothing is written and the caller learns who, when and what they
 * changed, and may take theirs (read again) or save over it
 * (record_overrule, then save again). */
#ifndef INNOTRACK_RECORD_H
#define INNOTRACK_RECORD_H

#include <stddef.h>

#include "core/db.h"
#include "core/edit.h"       /* ST_CONFLICT */
#include "core/profile.h"

struct record {
	const struct profile *p;   /* not owned */
	long long id;              /* 0: not in the database yet */
	long long version;         /* as read; 0 for a new one */
	char *updated_by;          /* who saved it last, when; NULL if not known; owned */
	char *updated_at;
	char **v;                  /* p->n values as stored, as text; NULL for SQL NULL; owned */
	char **was;                /* the values as read (all NULL for a new one); owned */
};

/* A new record of kind p: every value NULL except the fields' defaults. */
void record_init(struct record *r, const struct profile *p);
void record_free(struct record *r);

/* Set value i (copied; NULL for none). */
void record_set(struct record *r, size_t i, const char *value);

/* The index of the field whose column is col, or -1. */
int record_field(const struct profile *p, const char *col);

/* Read record id of kind p into *r (initialised here; free with
 * record_free even on error).  ST_OK; ST_DATA with *err if there is no
 * such record; ST_DB. */
int record_read(struct db *db, const struct profile *p, long long id, struct record *r, char **err);

/* One field that changed: from `before` to `after` (stored values; NULL
 * for none). */
struct record_change {
	int   field;               /* index into p->f */
	char *before, *after;      /* owned */
};

/* Another clerk saved or deleted the record since it was read. */
struct record_conflict {
	long long version;         /* the version now; 0 if they deleted it */
	char by[64];               /* who, when ("" if not known) */
	char at[32];
	struct record_change *ch;  /* what they changed, against the values as read; owned */
	size_t nch;
};
void record_conflict_free(struct record_conflict *c);

/* Check the values and write them the stored way (trimmed text, upper-case
 * USCC, YYYY-MM-DD, 2025Q3, the enum's stored value for a label, defaults
 * for empty fields): required fields, numbers, dates, enum values, USCC
 * check character, text length, references that exist, and the natural
 * key (PF_KEY fields) not taken by another record.  ST_OK, or ST_DATA
 * with *err naming the field in the UI language; ST_DB. */
int record_check(struct db *db, struct record *r, char **err);

/* Insert (r->id 0) or update r at the version read, after record_check,
 * with version + 1, updated_by (the login), updated_at and an audit row
 * in the same transaction (BEGIN IMMEDIATE).  ST_OK: r is read again
 * (id, version, values as stored).  ST_CONFLICT: *c filled (free it with
 * record_conflict_free), nothing written.  ST_DATA, ST_DB: *err set. */
int record_save(struct db *db, struct record *r, struct record_conflict *c, char **err);

/* Keep mine: the next save goes over the version in c (a record they
 * deleted is added anew). */
void record_overrule(struct record *r, const struct record_conflict *c);

/* A table whose rows refer to a record, and how many do. */
struct record_referrer {
	char     *table;           /* owned */
	char     *col;             /* owned */
	long long n;
};
/* Every row of another table whose foreign key points at record id of
 * kind p (found from the schema: PRAGMA foreign_key_list of every table),
 * but not the detail rows that belong to the record (enterprise_year,
 * enterprise_stage, talent_stage, target_choice).  Tables with no such
 * rows are left out. */
int record_referrers(struct db *db, const struct profile *p, long long id,
                     struct record_referrer **out, size_t *n, char **err);
void record_referrers_free(struct record_referrer *refs, size_t n);

/* Delete r if it is still at the version read, with its detail rows and
 * an audit row in the same transaction.  ST_OK; ST_CONFLICT with *c;
 * ST_DATA with *err naming the referrers ("「乐平市」被 12 条实际值、
 * 3 家企业引用，不能删除"); ST_DB. */
int record_delete(struct db *db, const struct record *r, struct record_conflict *c, char **err);

/* One audit row of a record. */
struct record_event {
	char     *at, *login;      /* owned */
	char     *action;          /* insert, update, delete; owned */
	long long batch_id;        /* 0: a clerk's own edit */
	int       run;             /* added by an import with a run of other rows (no image) */
	struct record_change *ch;  /* the fields it changed (insert: those it set, delete:
	                              those it had, other than empty or the default); owned */
	size_t    nch;
};
/* The audit rows of record id of kind p, newest first (import runs that
 * added it included). */
int record_history(struct db *db, const struct profile *p, long long id,
                   struct record_event **out, size_t *n, char **err);
void record_history_free(struct record_event *ev, size_t n);

/* A stored value as a clerk reads it: a reference's name, an enum's
 * label, 是/否, money in yuan ("1234.50"), other values as they are; ""
 * for NULL.  Caller frees. */
char *record_show(struct db *db, const struct profile *p, size_t i, const char *stored);

/* "名称：甲 改为 乙；行业：… " for a list of changes.  Caller frees. */
char *record_changes_text(struct db *db, const struct profile *p,
                          const struct record_change *ch, size_t n);

/* The record as messages name it (the profile's label).  Caller frees;
 * NULL if there is no such record (or its label is NULL). */
char *record_label(struct db *db, const struct profile *p, long long id);

/* The field's name in the UI language.  Caller frees. */
char *record_field_name(const struct profile *p, size_t i);

#endif

/* One record that refers to another: its kind and id. */
struct record_ref {
	const struct profile *p;
	long long id;
};
/* Every record of a described kind whose foreign key points at record id
 * of kind p, through a link table too (a row of a table no kind
 * describes, such as event_party, names the record of its other foreign
 * key); the schema's foreign keys say which.  In the order of the kinds,
 * then by id.  Caller frees *out.  ST_OK, ST_DB. */
int record_referring(struct db *db, const struct profile *p, long long id,
                     struct record_ref **out, size_t *n, char **err);
