/* indview.h: the indicator dataset.  For one region and period, each
 * indicator with its baseline, the target in force, the other documents'
 * targets, the latest actual, progress and status.  Both the full-screen
 * indicator table and `innotrack report` draw from this. */
#ifndef INNOTRACK_INDVIEW_H
#define INNOTRACK_INDVIEW_H

#include <stddef.h>

#include "core/counter.h"
#include "core/db.h"
#include "core/period.h"

enum ind_status {
	IND_NO_TARGET = 0,  /* no target for this indicator and region */
	IND_NO_DATA,        /* a target but no actual yet */
	IND_MET,            /* the target is reached */
	IND_ON_TRACK,       /* progress at least what the time elapsed asks */
	IND_BEHIND,         /* short of it by less than 25 points */
	IND_AT_RISK         /* short of it by 25 points or more */
};

/* One target set by one document. */
struct ind_target {
	long long id;
	int       year;
	double    value;
	char      cmp[3];        /* "=", ">=", "<=", "~" */
	char     *source;        /* document number, or its short name; owned */
	char     *issued_on;     /* owned */
};

struct ind_row {
	long long indicator_id, region_id;
	char  *code, *name, *unit, *category, *region;   /* owned */
	int    lower_better;       /* rank-like: lower is better */
	int    decimals;           /* how many places its figures need */

	int    has_baseline;
	int    baseline_year;
	double baseline;

	int    has_target;         /* then `target` is the one in force */
	struct ind_target target;
	struct ind_target *others; /* other documents' figures for the same year */
	size_t n_others;

	int    has_actual;
	char   actual_period[12];  /* "2025" or "2025Q3" */
	double actual;

	const struct counter *counter;  /* the register's counter, or NULL */
	int    has_counted;        /* counted, and the register holds data */
	double counted;            /* the register's count at the end of the period */
	int    actual_counted;     /* actual is that count (no figure was imported) */

	int    has_progress;       /* (actual - baseline) / (target - baseline) */
	double progress_pct;
	int    has_expected;       /* share of the time from baseline to target elapsed */
	double expected_pct;
	enum ind_status status;
};

struct ind_set {
	struct ind_row *rows;
	size_t          n;
};

/* Load the rows for `region_id` (0: every region that has a target) at
 * period p.  The target chosen for each indicator is the one for the
 * earliest year >= p.year, else the latest year before it; of several
 * documents for that year, a clerk's choice, else the latest issued. */
int indview_load(struct db *db, struct period p, long long region_id,
                 struct ind_set *out, char **err);
void indview_free(struct ind_set *s);

/* Read one row's targets, actual, progress and status again at period p
 * (after a clerk saved an observation or a target of it); its indicator
 * and region stay.  On failure it may lack its target or actual. */
int indview_reload_row(struct db *db, struct period p, struct ind_row *r, char **err);

/* "400 (景科字〔2022〕49号)" joined with "; ".  Caller frees. */
char *indview_others_text(const struct ind_row *r);

/* The status in the current UI language. */
const char *ind_status_label(enum ind_status s);

/* Every observation of the indicator in a region, oldest first, for a
 * history chart.  periods[i] are "2025"/"2025Q3".  Caller frees both. */
int indview_history(struct db *db, long long indicator_id, long long region_id,
                    char (**periods)[12], double **values, size_t *n, char **err);

#endif
