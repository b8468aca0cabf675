/* goal.h: the target in force for a figure a register counts: a task
 * target of the region for the year (a county's duty, 景府发〔2023〕1号's
 * five foreign experts a year), else an indicator target (the city's 300
 * high-tech firms by 2025), found by the counter that the task or the
 * indicator names.  The funnel, the enterprises and the talents reports
 * set their counts beside it. */
#ifndef INNOTRACK_GOAL_H
#define INNOTRACK_GOAL_H

#include "core/db.h"

struct goal {
	int    has;          /* 0: no target */
	double value;
	char   cmp[3];       /* "=", ">=", "<=", "~" */
	int    year;         /* the target's year (the span's last for a task) */
};

/* The target for counter `counter` in region `region_id` at year `year`:
 * a task target whose span holds the year (the shortest span, then the
 * latest document), else the latest yearly one before it (a duty "every
 * year" outlives the last year a pack lists), else the indicator target of the earliest year >=
 * `year` (else the latest before it), of the document issued last.
 * ST_OK (g->has 0 if none) or ST_DB. */
int goal_find(struct db *db, const char *counter, long long region_id, int year,
              struct goal *g, char **err);

/* What is still missing to reach g with `count`: 0 when reached. */
double goal_missing(const struct goal *g, double count);

#endif
