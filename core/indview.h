/* indview.h: the indicator dataset.  For one region and period, each
 * indicator with its baseline, the target in force, the other documents'
 * targets, the latest actual, progress and status.  Both the full-screen
 * indicator table and `innotrack report` draw from this. */
#ifndef INNOTRACK_INDVIEW_H
#define INNOTRACK_INDVIEW_H

#include <stddef.h>

#include "core/counter.h"
#include "core/db.h"
#include "core/indsem.h"
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
	struct ind_sem sem;        /* stock or flow, roll-up, range */

	int    has_baseline;
	int    baseline_year;
	double baseline;
	char  *baseline_source;    /* the document that states the baseline; owned */

	int    has_target;         /* then `target` is the one in force */
	struct ind_target target;
	struct ind_target *others; /* other documents' figures for the same year */
	size_t n_others;

	int    has_actual;
	char   actual_period[12];  /* "2025" or "2025Q3" */
	double actual;

	int    actual_rolled;      /* actual is made from the counties' figures (Σ): */
	int    rolled_from;        /* the sum of this many regions', or a ratio (0) */
	char  *ratio_of[2];        /* a ratio's numerator and denominator names; owned */

	const struct counter *counter;  /* the register's counter, or NULL */
	int    has_counted;        /* counted, and the register holds data */
	double counted;            /* the register's count at the end of the period */
	int    register_full;      /* the register is complete for the region */
	int    actual_counted;     /* actual is that count: the register is complete,
	                              or nothing else is known (then marked so) */
	int    has_official;       /* the official figure the complete register's */
	double official;           /* count stands over */

	/* Flows: the year-to-date figure against the share of the year's goal
	 * expected by the period's end. */
	int    has_goal;
	double goal;               /* the amount for the figure's year, */
	int    goal_year;          /* that year */
	double year_share;         /* 0..1: the quarter's share of a year */
	int    share_last_year;    /* year_share is last year's at the same quarter */
	int    has_last_share;     /* input to indview_assess: last year's share known */
	double last_share;

	int    has_progress;       /* stock: (actual - baseline) / (target - baseline);
	                              flow: actual / the year's goal */
	double progress_pct;
	int    has_expected;       /* stock: share of the time from baseline to target;
	                              flow: share of the year's goal due by now */
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

/* Progress, expected progress and status of a row at period p, from its
 * sem, target, baseline, actual and (flows) last year's share: a stock is
 * paced on the line from its baseline to its target, a flow's figure for
 * the year to date against the share of the year gone (or last year's
 * share at the same quarter, when it is known). */
void indview_assess(struct ind_row *r, struct period p);

/* Read one row's targets, actual, progress and status again at period p
 * (after a clerk saved an observation or a target of it); its indicator
 * and region stay.  On failure it may lack its target or actual. */
int indview_reload_row(struct db *db, struct period p, struct ind_row *r, char **err);

/* "400 (景科字〔2022〕49号)" joined with "; ".  Caller frees. */
char *indview_others_text(const struct ind_row *r);

/* Where the row's actual comes from, as a mark after the figure: "Σ"
 * made from the counties' figures, "#" the count of a complete register,
 * "!" an official figure the register's count (incomplete) differs from;
 * "" otherwise.  Static. */
const char *indview_mark(const struct ind_row *r);

/* The row's figures beside each other, in the UI language, for a note
 * under a report or the screen's status line: how a Σ figure was made,
 * the register's count beside the official figure, a baseline taken from
 * another document.  NULL when there is nothing to say.  Caller frees. */
char *indview_note(const struct ind_row *r);

/* The status in the current UI language. */
const char *ind_status_label(enum ind_status s);

/* Every observation of the indicator in a region, oldest first, for a
 * history chart.  periods[i] are "2025"/"2025Q3".  Caller frees both. */
int indview_history(struct db *db, long long indicator_id, long long region_id,
                    char (**periods)[12], double **values, size_t *n, char **err);

#endif
