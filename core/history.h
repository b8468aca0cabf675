/* history.h: the audit read back for people: who changed what and when,
 * one line per field changed (time, login, kind, record, action, field,
 * before, after, import batch), filtered by date, login, kind and record.
 * `innotrack audit` and the history screen read it; nothing here writes.
 * Values are shown as a clerk reads them (record_show: names for
 * references, labels for choices). */
#ifndef INNOTRACK_HISTORY_H
#define INNOTRACK_HISTORY_H

#include "core/db.h"
#include "core/profile.h"

struct history_filter {
	const char           *since;     /* "YYYY-MM-DD": from that day on; NULL: all */
	const char           *until;     /* "YYYY-MM-DD": up to that day; NULL: all */
	const char           *login;     /* NULL: everyone */
	const char           *table;     /* a table (history_table); NULL: every kind */
	long long             row_id;    /* with table: one record; 0: every record */
	int                   newest_first;
	long                  limit;     /* audit rows at most; 0: all */
};

struct history_line {
	long long   audit_id;
	const char *at, *login;
	const char *kind;       /* the kind's name in the UI language (its table if none) */
	const char *kind_key;   /* its command-line name (enterprises, users) */
	const char *table;
	long long   row_id;
	long long   row_last;   /* an import's run of added records: row_id .. row_last; else 0 */
	const char *action;     /* insert, update, delete */
	const char *action_label;   /* 添加, 修改, 删除 / added, changed, deleted */
	const char *record;     /* the record's label now, or "" */
	const char *field;      /* the field's name in the UI language; "" for the whole record */
	const char *field_key;  /* its key (the English header, as export writes it) */
	const char *before, *after;   /* as shown; "" for none */
	long long   batch_id;   /* 0: a clerk's own edit */
};

/* The table a --kind word names: a kind's command-line name, its table,
 * or its name in either language ("企业", "用户").  NULL
 * if none.  Static. */
const char *history_table(const char *word);

/* "enterprises, talents, ..., users": the kinds the audit knows.  Caller frees. */
char *history_kinds(void);

/* Call fn for each line, oldest first (or newest).  The strings live only
 * during the call.  ST_OK or ST_DB. */
int history_each(struct db *db, const struct history_filter *f,
                 void (*fn)(void *ctx, const struct history_line *l), void *ctx, char **err);

#endif
