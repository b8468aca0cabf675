/* counter.h: the figures the registers count, never typed twice.  One
 * entry per counter a pack may name for an indicator or a task (the
 * closed list CH_COUNTER in core/choice.c holds their names). */
#ifndef INNOTRACK_COUNTER_H
#define INNOTRACK_COUNTER_H

#include "core/db.h"
#include "core/period.h"

struct counter {
	const char *key;    /* the CH_COUNTER value */
	/* One integer.  Runs after a CTE sub(id) of the region and every
	 * region below it; ?1 the region's id, ?2 the first day of the
	 * period's year (flows count the year to date, as statistics offices
	 * do), ?3 the period's last day. */
	const char *sql;
	/* Nonzero once the register holds what this counter counts: an empty
	 * register's 0 would claim a figure nobody has reported. */
	const char *used;
};

/* The counter named key, or NULL (a figure typed in or imported). */
const struct counter *counter_find(const char *key);

/* The count for a region (with the regions below it) on period p.
 * ST_OK, or ST_DB with *err set. */
int counter_count(struct db *db, const struct counter *c, long long region_id,
                  struct period p, long long *n, char **err);

/* 1 when the register holds anything c counts, 0 when not, -1 on error. */
int counter_used(struct db *db, const struct counter *c);

#endif
