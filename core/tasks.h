/* tasks.h: the county and park task tables as the assessment reads them:
 * for one year or one plan's span, regions down and tasks across, each
 * cell the target, the actual (counted from a register, core/counter.h,
 * or entered by a county clerk in task_actual), last year's actual, the
 * completion and any sub-target inside the cell; the totals row where
 * the document has one; a score per region from the year's weights and
 * caps, and a rank.  The matrix screen and the report's tasks section
 * both read it. */
#ifndef INNOTRACK_TASKS_H
#define INNOTRACK_TASKS_H

#include <stddef.h>

#include "core/counter.h"
#include "core/db.h"
#include "core/profile.h"

struct task_col {
	long long id;
	char *code, *name, *unit;           /* owned */
	const struct counter *counter;      /* NULL: entered by the counties */
	int used;                           /* its register holds anything (else no actual) */
	int totals;                         /* the document adds this task up */
	double weight, cap_pct;             /* the assessment's (task_weight), 1 and 100 if none */
};

struct task_cell {
	int has_target;
	double target;
	char cmp[4];
	int has_actual;
	double actual;
	int has_last;                       /* the year before's actual */
	double last;
	int has_pct;
	double pct;                         /* completion, not capped */
	char *sub_name;                     /* a sub-target inside the cell; NULL if none; owned */
	double sub_target;
	int has_sub_actual;
	double sub_actual;
	int met;                            /* target and sub-target reached */
	long long entry_id;                 /* an entered task's row for the year; 0 if none */
};

struct task_row {
	long long region_id;
	char *region;                       /* its name; owned */
	char *responsible;                  /* who answers for it ("" if the region); owned */
	int outside;                        /* outside the totals and the ranking */
	struct task_cell *c;                /* one per column; owned */
	int has_score;
	double score;                       /* 0..100 (or above, where a cap allows) */
	int rank;                           /* 1 = best; ties share a rank */
};

struct task_grid {
	int from, to;                       /* the span (from == to: a year) */
	int as_of;                          /* actuals counted up to the end of this year */
	struct task_col *col;
	size_t ncol;
	struct task_row *row;
	size_t nrow;
	int has_totals;
	struct task_cell *tot;              /* the totals row, ncol cells (has_target where added) */
};

struct task_span {
	int from, to;
};

/* The spans the task targets have, years first then longer spans, in
 * order.  Caller frees *out.  ST_OK, ST_DB. */
int tasks_spans(struct db *db, struct task_span **out, size_t *n, char **err);

/* The grid of one span, actuals up to the end of year as_of (clamped to
 * the span).  Free with tasks_free, even on error.  ST_OK, ST_DB. */
int tasks_load(struct db *db, int from, int to, int as_of, struct task_grid *g, char **err);
void tasks_free(struct task_grid *g);

/* Completion in percent of actual against target under comparator cmp
 * ("<=": at or under the target is 100). */
double task_completion(const char *cmp, double target, double actual);

/* Score and rank the rows from the cells' completion: the weighted mean
 * of each task's completion, capped at its cap; a task without an
 * actual counts 0.  Rows outside the totals are not ranked. */
void tasks_score(struct task_grid *g);

/* The records behind cell (row, col): the counted rows of its register,
 * or the entered task_actual rows.  *p the kind; caller frees *ids.
 * ST_OK, ST_DB. */
int tasks_cell_records(struct db *db, const struct task_grid *g, size_t row, size_t col,
                       const struct profile **p, long long **ids, size_t *n, char **err);

#endif
