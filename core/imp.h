/* imp.h: the stages of import (core/import.c drives them), and the state
 * they share while one file is read:
 *   imp_header.c  finding the header row, mapping columns to fields,
 *                 units, long or wide observations;
 *   imp_cell.c    checking and binding each cell, by the field's type
 *                 (one checker per type, in a table), rows long and wide;
 *   imp_lookup.c  names to ids (regions, indicators, documents, ...) and
 *                 the cache of cells already looked up;
 *   imp_total.c   Excel's habits: note lines and 合计/小计 rows, checked
 *                 against the column sums.
 * Nothing here is for other modules: they call import_file. */
#ifndef INNOTRACK_IMP_H
#define INNOTRACK_IMP_H

#include <stddef.h>

#include "core/csvread.h"
#include "core/db_internal.h"
#include "core/import.h"
#include "core/period.h"
#include "core/profile.h"
#include "core/stage.h"
#include "core/util.h"

#define CHUNK (256 * 1024)
#define MAX_TITLE_ROWS 30        /* rows looked at for the header */
#define MAX_KEPT_WARNINGS 1000   /* warnings recorded with a batch */
#define COMMIT_EVERY 50000       /* staged rows per staging transaction */
#define PROGRESS_EVERY 8192

/* Per field: folded cell -> what it gave (an id, or an enum's stored
 * value), for cells that repeat.  Open addressing; at most SEEN_MAX kept. */
#define SEEN_SLOTS 256
#define SEEN_MAX 192
struct seen {
	char     *key[SEEN_SLOTS];
	long long id[SEEN_SLOTS];
	char      val[SEEN_SLOTS][64];
	size_t    n;
};

/* A name -> id map, sorted by folded name. */
struct lk {
	char     *key;   /* folded; owned */
	long long id;
	size_t    seq;   /* order of loading: the first wins */
};
struct lkmap {
	struct lk *v;
	size_t     n, cap;
};

struct imp {
	struct db                *db;
	const struct import_opts *o;
	const struct profile     *p;
	struct import_result     *res;
	struct stage             *st;
	char                     *err;           /* a fatal error; owned */
	int                       obs;           /* the kind is observations */
	int                       fi_end;        /* the field period_end, or -1 */

	/* lookups */
	struct lkmap maps[FT_KIND + 1];   /* per reference type (core/reftype.h) */
	sqlite3_stmt *q_ent_uscc, *q_ent_name, *q_ind_kind;

	/* the header */
	int     have_header;
	long    header_line;
	size_t  ncol;
	int    *colfield;      /* field of each column, -1 if none */
	long long *colind;     /* wide observations: indicator of each column */
	double *colfactor;     /* unit conversion of each column */
	char  **colname;       /* header text of each column; owned */
	int    *colsum;        /* column takes part in 合计 checks */
	double *sum_all, *sum_sec;
	int     fieldcol[32];  /* column of each field, -1 if none */
	int     present[32];
	int     wide;          /* observations, regions down and indicators across */
	int     title_rows;
	struct sbuf title;     /* text of the title lines */
	long    best_line;     /* the row most like a header, for the message */
	int     best_hits;
	char   *best_missing;  /* owned */

	/* options */
	int           has_period;
	struct period period;
	char          period_s[16];
	long long     region_id;

	/* while reading */
	struct period cur_period;
	int           cur_has_period;
	int           notes;        /* note lines have begun */
	long          extra_lines;  /* lines taken by quoted line breaks so far */
	long          excel_row;    /* the current row as Excel numbers it */
	long          line;         /* the current row's first line */
	long long     bytes;        /* read so far */
	long long     total;        /* the file's size */
	long          next_progress;
	long          since_commit;
	int           in_txn;

	/* cells of each field already looked up and what they gave: the
	 * same few region names, tiers and flags come again on every row */
	struct seen *seen[32];

	/* parents named by the code of an earlier row of the same file
	 * (FT_REGION_CODE): staged as NULL, set after the rows are applied */
	const struct csv_row *row;    /* the row being checked */
	char  **codes;                /* of the rows so far: folded, as stored; ... */
	size_t  ncodes, capcodes;
	struct pending { long line; char *code; char *parent; } *pend;
	size_t  npend;

	/* warnings kept for the batch record */
	struct kept { long line; char *col; char *msg; } *kept;
	size_t nkept;
};

/* --- import.c: messages ---------------------------------------------- */

/* "FILE:LINE: column NAME: what" to the caller, counted; fmt is English
 * (translated here). */
void imp_say(struct imp *m, enum import_sev sev, long line, const char *col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* --- imp_lookup.c ----------------------------------------------------- */

int imp_lookups_load(struct imp *m);
void imp_lookups_free(struct imp *m);
long long imp_lk_find_folded(const struct lkmap *map, const char *folded);
/* The row a (folded) cell of reference type t names; 0 if none, with
 * *what (English, what it should be) and, where a short list helps,
 * *known (caller frees) set. */
long long imp_ref_find(struct imp *m, enum ftype t, const char *v, const char **what, char **known);
struct seen *imp_seen_find(struct imp *m, size_t f, const char *k, size_t *at);
void imp_seen_add(struct imp *m, size_t f, const char *k, long long id, const char *val);
void imp_seen_free(struct imp *m);

/* Which earlier row of this file has code v (folded), or -1. */
long imp_code_seen(const struct imp *m, const char *v);

/* --- imp_header.c ----------------------------------------------------- */

const char *imp_cell(const struct csv_row *row, size_t c);
int imp_blank(const char *s);
int imp_field(const struct imp *m, const char *col);
int imp_supplied(const struct imp *m, size_t f);
/* Try row as the header: 1 if it is one (the columns are then mapped). */
int imp_header_try(struct imp *m, const struct csv_row *row);
/* The header was found: say what was understood, set up staging.  0 or -1. */
int imp_header_begin(struct imp *m, const struct csv_row *row);
void imp_header_free(struct imp *m);

/* --- imp_cell.c ------------------------------------------------------- */

/* A cell folded (value_fold), without the guard export puts before a
 * formula-like text ("'=x" is "=x"), in buf or *heap (caller frees). */
char *imp_fold_cell(const char *raw, char *buf, size_t size, char **heap);
char *imp_trimmed(const char *s);
/* Check and stage a data row; 0, or -1 on a database error (m->err). */
int imp_check_long(struct imp *m, const struct csv_row *row);
int imp_check_wide(struct imp *m, const struct csv_row *row);
void imp_on_duplicate(void *ctx, long line, long first);

/* --- imp_total.c ------------------------------------------------------ */

/* A note line or a total row (checked against the sums): 1 if the row
 * was one and is skipped. */
int imp_excel_row(struct imp *m, const struct csv_row *row, const char *first, int nonempty);
void imp_add_sums(struct imp *m, const struct csv_row *row);

#endif
