/* stage.h: the sink of import.  Checked rows go into a TEMP staging table
 * (which locks nothing in the main database), duplicates of the natural
 * key are found there, and then one short BEGIN IMMEDIATE compares the
 * staged rows with the table, applies them, and records the batch, one
 * audit row (before/after images as JSON) per row changed and one per run
 * of ids added (audit.row_id .. audit.row_last; see batch.c for undo). */
#ifndef INNOTRACK_STAGE_H
#define INNOTRACK_STAGE_H

#include "core/db.h"
#include "core/profile.h"

struct stage;

/* present[i] is nonzero for each field of p that the file gives (the
 * others keep their values in changed rows and defaults in new ones).
 * Returns NULL with *err set (caller frees). */
struct stage *stage_new(struct db *db, const struct profile *p, const int *present, char **err);
void stage_free(struct stage *s);   /* drops the staging table */

/* Bind field i of the next row (stage_pos(s, i) is 0 when the field is
 * not staged: do not bind it), then call stage_row. */
int stage_pos(const struct stage *s, size_t field);
void stage_bind_text(struct stage *s, size_t field, const char *v, int len);
void stage_bind_int(struct stage *s, size_t field, long long v);
void stage_bind_double(struct stage *s, size_t field, double v);
void stage_bind_null(struct stage *s, size_t field);
/* Store the bound row (the binds stand for the next row too, until
 * bound again).  0, or -1 on a database error (*err). */
int stage_row(struct stage *s, long line, char **err);
/* The rows stored so far are all in the staging table (stage_row keeps a
 * few to insert them together): call before reading the table.  The
 * functions below call it themselves.  0, or -1 (*err). */
int stage_flush(struct stage *s, char **err);

/* After the last row: fn for each row whose key an earlier row has, with
 * that earlier row's line.  Returns how many, or -1 (*err). */
typedef void (*stage_dup_fn)(void *ctx, long line, long first);
int stage_duplicates(struct stage *s, stage_dup_fn fn, void *ctx, char **err);
long stage_count(const struct stage *s);

struct stage_counts {
	long rows_new, rows_changed, rows_unchanged;
};

/* Where each staged row stands against the table.  Runs in the caller's
 * transaction (or its own read). */
int stage_classify(struct stage *s, struct stage_counts *c, char **err);

/* Take the row staged from `line` out again (a total row that turned
 * out to be no record).  0, or -1 with *err. */
int stage_drop(struct stage *s, long line, char **err);

/* Call fn for the first `max` (-1: every) new (which 1) or changed (2)
 * rows (after stage_classify): line, "new" or "changed", the row's label (NULL if
 * none), and for a changed row each field that differs as "name: old ->
 * new; ..." (names, labels and yuan as a clerk reads them). */
typedef void (*stage_change_fn)(void *ctx, long line, const char *what,
                                const char *label, const char *cols);
int stage_changes(struct stage *s, int which, long max, stage_change_fn fn, void *ctx, char **err);

/* Call fn for every changed row whose row in the table was last changed
 * after `since` ("YYYY-MM-DD HH:MM:SS"; NULL: after the end of the row's
 * own period_end) by a clerk (not by an import, or after it): line, label, the fields as for
 * stage_changes, and who changed the row and when. */
typedef void (*stage_newer_fn)(void *ctx, long line, const char *label, const char *cols,
                               const char *who, const char *when);
int stage_newer(struct stage *s, const char *since, stage_newer_fn fn, void *ctx, char **err);

struct stage_batch {
	const char *kind, *file_name, *sha256, *encoding;
	long long   file_size;
	long        warnings;
	const char *period_end;   /* the last day of the file's period; NULL if none */
};

/* A big load whose references staging knows (core/refcheck.h): turn the
 * connection's foreign-key checks off, so that stage_apply checks each
 * distinct id once instead of SQLite each row; 1 if done.  Call outside a
 * transaction (SQLite ignores the pragma inside one), and stage_refs_on
 * (also outside) when the transaction is over; stage_free does too. */
int stage_refs_off(struct stage *s);
void stage_refs_on(struct stage *s);

/* Inside a write transaction the caller began (after stage_classify in
 * it): record the batch, apply new and changed rows with the audit rows
 * of the new ones (the changed ones' come from stage_audit_changes).
 * *batch_id gets the batch.  With b NULL (a data pack) no batch and no
 * audit rows are recorded: the rows' batch_id is NULL, *batch_id 0.
 * ST_OK or ST_DB. */
int stage_apply(struct stage *s, const struct stage_batch *b, const struct stage_counts *c,
                long long *batch_id, char **err);

/* The JSON image of row t of a profile's table, as audit keeps it.
 * Caller frees. */
/* After stage_apply, and after anything else the batch sets in the rows
 * it changed: an audit row for each changed row with its image before and
 * after.  Nothing for a data pack (batch 0).  ST_OK or ST_DB. */
int stage_audit_changes(struct stage *s, long long batch, char **err);

/* After stage_classify, for each region the rows to be written touch
 * (once per region and per new or changed, at the first line it is
 * on): fn(ctx, line, region id (0: none), 1 if added).  `field` is the
 * kind's region field, or -1 if it has none (every row is then of no
 * region).  The changed rows' regions now are given too (as changed).
 * Stops at the first status fn returns other than ST_OK and returns it. */
typedef int (*stage_region_fn)(void *ctx, long line, long long region_id, int added);
int stage_regions(struct stage *s, int field, stage_region_fn fn, void *ctx, char **err);

char *stage_image_sql(const struct profile *p, const char *alias);

#endif
