/* dataset.h: a register (enterprises, observations, import batches, ...)
 * seen as rows that are sorted, filtered and paged in SQL, so that a
 * screen can show a million rows while holding only the visible ones. */
#ifndef INNOTRACK_DATASET_H
#define INNOTRACK_DATASET_H

#include "core/db.h"

/* One column of a register. */
struct ds_col {
	const char *key;      /* stable name, for scripts and tests */
	const char *title;    /* in the UI language when the register opened */
	const char *expr;     /* SQL expression over the register's FROM */
	int         numeric;  /* right-aligned, compared as numbers */
	int         width;    /* usual display width in cells */
	const char *order;    /* sort by this instead of expr (an indexed
	                         expression with the same order); NULL: expr */
	int         joined;   /* expr reads a joined table, not the register's own */
	int         fmt;      /* DS_FMT_*: how a value is written */
};

enum { DS_FMT_TEXT = 0, DS_FMT_REAL, DS_FMT_CENTS };

struct profile;

struct dataset;

/* Open the register of kind `name` (core/profile.h: every kind has one)
 * on db.  NULL with *err set if there is none. */
struct dataset *dataset_open(struct db *db, const char *name, char **err);
void dataset_close(struct dataset *ds);

const char *dataset_title(const struct dataset *ds);   /* the kind's name, UI language */
/* The kind of record the register lists. */
const struct profile *dataset_profile(const struct dataset *ds);
/* The column whose key is `key`; -1 if none. */
int dataset_col_index(const struct dataset *ds, const char *key);
int dataset_ncols(const struct dataset *ds);
const struct ds_col *dataset_col(const struct dataset *ds, int i);

/* Sort by column i (ties by id); desc for descending. */
void dataset_sort(struct dataset *ds, int col, int desc);
int dataset_sort_col(const struct dataset *ds, int *desc);

/* Add a condition on column i.  `cond` is what a clerk types: "abc"
 * (contains), "=abc" (equals), ">10", ">=10", "<10", "<=10", "!=abc",
 * "empty".  Returns ST_USAGE with *err set if it cannot be understood. */
int dataset_filter(struct dataset *ds, int col, const char *cond, char **err);
void dataset_filter_clear(struct dataset *ds);
int dataset_nfilters(const struct dataset *ds);
/* The filters as text: "地区 = 乐平市; 名称 ~ 陶瓷".  Caller frees. */
char *dataset_filter_text(const struct dataset *ds);
/* Filter i (0 <= i < dataset_nfilters): its column, its operator as shown
 * ("~" for contains, "=", ">=", ...) and its value ("" for empty).  The
 * strings belong to the dataset until the filters change. */
void dataset_filter_at(const struct dataset *ds, int i, int *col, const char **op,
                       const char **value);

/* Rows that pass the filters (counted once, then cached until the
 * filters change or dataset_refresh; a new sort keeps it).  In one
 * statement, however long it takes; -1 on error. */
long dataset_count(struct dataset *ds, char **err);

/* The same count made in slices, for a screen that answers keys between
 * them: each slice counts a range of ids in a statement of its own, so
 * that no read snapshot is held from one slice to the next, and takes
 * about DATASET_SLICE_MS.  dataset_count_step does one slice: 1 when the
 * count is known, 0 if more slices are needed, -1 with *err on error. */
#define DATASET_SLICE_MS 10
int dataset_count_step(struct dataset *ds, char **err);

/* The count if it is known, else -1; *at_least (may be NULL) gets the
 * count or, while it is not known, as many rows as are known to pass
 * (counted by the slices so far, or reached by a page). */
long dataset_count_known(const struct dataset *ds, long *at_least);

/* Rows (ids, for counting) per slice, fixed; 0 (the default) sizes the
 * slices by time.  For tests. */
void dataset_set_slice(struct dataset *ds, long rows);

/* Has this program changed the database (a form saved, an import or an
 * undo ran) since the rows were last counted?  Then the register refreshes
 * itself; other clerks' changes wait for F5. */
int dataset_stale(const struct dataset *ds);

/* Forget cached counts, e.g. after another clerk's change (F5). */
void dataset_refresh(struct dataset *ds);

/* Hand rows [first, first+n) to fn, in order (fewer at the end).  It
 * does not need the count: while that is not known, the rows are read
 * forwards, and a page that comes back short makes the count known.  cells[i] is column i as
 * text ("" for NULL); id is the row's id.  The strings live only for the
 * call.  Returns ST_OK, or ST_DB with *err set. */
typedef void (*dataset_row_fn)(void *ctx, long index, long long id, const char *const *cells);
int dataset_fetch(struct dataset *ds, long first, int n, dataset_row_fn fn, void *ctx, char **err);

/* The index of the next row after `from` (dir > 0) or before it (dir < 0)
 * in which some column contains `text`; -1 if none.  Wraps around, and
 * looks at `from` itself last.  All at once (dataset_search_begin gives
 * the same in slices). */
long dataset_search(struct dataset *ds, long from, int dir, const char *text, char **err);

/* A search in slices of about DATASET_SLICE_MS each, with nothing held
 * between them, so that a screen can give it up when a key comes.  It
 * starts at row `at` whose id is at_id (at = -1: from the top, or from the
 * end if dir < 0) and goes down (dir > 0) or up, round the end, back to
 * `at`; `at` itself is looked at first if inclusive, else last.  The
 * dataset must not be sorted or filtered again while the search lives.
 * dataset_search_step does one slice: 0 while there is more to read; 1
 * when done, with *hit the index of the row found or -1 if none; -1 with
 * *err on error. */
struct ds_search;
struct ds_search *dataset_search_begin(struct dataset *ds, long at, long long at_id, int dir,
                                       int inclusive, const char *text);
int dataset_search_step(struct ds_search *q, long *hit, char **err);
void dataset_search_free(struct ds_search *q);

/* The index of the row with this id under the current order, -1 if it is
 * filtered out or gone. */
long dataset_index_of(struct dataset *ds, long long id, char **err);

#endif
