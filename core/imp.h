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

/* An indicator, as the checks of figures need it (imp_sense.c). */
struct imp_ind {
	long long id;
	char     *name, *unit;   /* owned */
	int       count;         /* counts things (家, 个, 人, ...): never negative */
	int       whole;         /* and whole (not an average per head) */
	int       pct;           /* a percent within 0-100 */
	int       sums;          /* the counties' figures add up to the city's */
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
	struct imp_ind *inds;            /* every indicator; owned */
	size_t          ninds;
	sqlite3_stmt   *q_prev;          /* the region's previous figure */

	/* the header */
	int     have_header;
	long    header_line;
	size_t  ncol;
	int    *colfield;      /* field of each column, -1 if none */
	long long *colind;     /* wide observations: indicator of each column */
	double *colfactor;     /* unit conversion of each column */
	char  **colname;       /* header text of each column; owned */
	int    *colsum;        /* column takes part in 合计 checks */
	int    *coldup;        /* an earlier column of the same meaning, or -1 */
	double *sum_all, *sum_sec;
	int     fieldcol[32];  /* column of each field, -1 if none */
	int     present[32];
	int     wide;          /* observations, regions down and indicators across */
	int     title_rows;
	struct sbuf title;     /* text of the title lines */
	int     title_year;    /* the year a title line names, or 0 */
	long    best_line;     /* the row most like a header, for the message */
	int     best_hits;
	char   *best_missing;  /* owned */

	struct period file_period;    /* for warn_newer */
	char          file_period_s[16];

	/* options */
	int           has_period;
	struct period period;
	char          period_s[16];
	long long     region_id;

	/* while reading */
	struct period cur_period;
	int           cur_has_period;
	long long     cur_ind;      /* the row's (or column's) indicator, or 0 */
	long long     cur_region;   /* the row's region, or 0 */
	long long     force_region; /* a total row taken as this region's figures */
	long          data_rows;    /* rows checked (for a total line's count) */
	long          data_rows_sec;   /* ... up to the last 小计 */
	long long    *rowreg;       /* regions named by the rows of a wide sheet; owned */
	size_t        nrowreg;
	/* rows of a long sheet whose region is 全市 (1) or 合计 (2): checked
	 * against their counties once every row is staged */
	struct cityrow { long line; int word; } *cityrows;
	size_t        ncityrows;
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

/* "column 4 数值: " for column c (0-based) of the header. */
void imp_col_label(const struct imp *m, struct sbuf *b, const char *col);
/* Cells right of the header's last column: an error for each row that
 * has one (naming line and column number).  1 if the row had one. */
int imp_beyond_header(struct imp *m, const struct csv_row *row);

const char *imp_cell(const struct csv_row *row, size_t c);
int imp_blank(const char *s);
int imp_field(const struct imp *m, const char *col);
int imp_supplied(const struct imp *m, size_t f);
/* The period the file is of: --period, else its title's.  0 if known. */
int imp_file_period(const struct imp *m, struct period *p);
/* Try row as the header: 1 if it is one (the columns are then mapped). */
int imp_header_try(struct imp *m, const struct csv_row *row);
/* The header was found: say what was understood, set up staging.  0 or -1. */
int imp_header_begin(struct imp *m, const struct csv_row *row);
void imp_header_free(struct imp *m);

/* --- imp_cell.c ------------------------------------------------------- */

char *imp_fold_cell(const char *raw, char *buf, size_t size, char **heap);
char *imp_trimmed(const char *s);
/* Check and stage a data row; 0, or -1 on a database error (m->err). */
int imp_check_long(struct imp *m, const struct csv_row *row);
int imp_check_wide(struct imp *m, const struct csv_row *row);
void imp_on_duplicate(void *ctx, long line, long first);

/* --- imp_sense.c ------------------------------------------------------ */

int imp_inds_load(struct imp *m);
void imp_inds_free(struct imp *m);
const struct imp_ind *imp_ind_of(const struct imp *m, long long id);
/* Yuan per unit of a money unit (元, 万元, 亿元, ...); 0 if it is not one. */
double imp_money_unit(const char *u);
/* v (folded) as a number and a unit after it ("46家"): 0 with the number
 * in num and *unit pointing into v; -1 if there is no unit. */
int imp_split_unit(const char *v, char *num, size_t size, const char **unit);
/* What a figure in unit `from` is multiplied by to be in `to`; 0 if it
 * cannot be converted. */
double imp_unit_factor(const char *from, const char *to);
/* The unit field f's figures are kept in (the row's indicator's, yuan
 * for money); NULL if none is known. */
const char *imp_cell_target_unit(const struct imp *m, size_t f);
/* A number cell with a unit after its figure: 0 with the figure in *d and
 * the factor to the column's unit in *factor; -1 after saying why not. */
int imp_cell_unit(struct imp *m, size_t f, const char *raw, const char *v, const char *col,
                  double *d, double *factor);
/* The figure of a (folded) cell of column c in the unit the column is
 * written in (for the sums a total row is checked against): 0, or -1 if
 * it is none. */
int imp_cell_figure(const struct imp *m, size_t c, const char *v, double *d);
/* An observation's figure checked for sense: 0, or -1 after saying why. */
int imp_sense(struct imp *m, double v, const char *raw, const char *col);

/* --- imp_total.c ------------------------------------------------------ */

/* A note line or a total row (checked against the sums): 1 if the row
 * was one and is skipped (or staged as the city's), -1 on a database error
 * (m->err). */
int imp_excel_row(struct imp *m, const struct csv_row *row, const char *first, int nonempty);
void imp_add_sums(struct imp *m, const struct csv_row *row);
/* 1 if a region cell names the whole city (全市, 全市合计), 2 if it is a
 * sum of the rows (合计, 总计), else 0. */
int imp_total_word(const char *v);
/* The 全市 and 合计 rows of a long sheet against the counties' rows of the
 * same indicator and period: a 合计 without every county is dropped (it is
 * no city figure); a disagreeing sum is warned of.  0 or -1 (m->err). */
int imp_check_city_rows(struct imp *m);
/* A region a row of a wide sheet names (for whole_city). */
void imp_note_region(struct imp *m, long long id);

#endif
