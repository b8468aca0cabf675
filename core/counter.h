/* counter.h: the figures the registers count, never typed twice.  One
 * entry per counter a pack may name for an indicator or a task (the
 * closed list CH_COUNTER in core/choice.c holds their names). */
#ifndef INNOTRACK_COUNTER_H
#define INNOTRACK_COUNTER_H

#include <stddef.h>

#include "core/db.h"
#include "core/period.h"

struct counter {
	const char *key;    /* the CH_COUNTER value */
	/* One number (NULL: no figure, e.g. a share of nothing).  Runs after
	 * a CTE sub(id) of the region and every region below it; ?1 the
	 * region's id, ?2 the first day counted (the period's year: flows
	 * count the year to date, as statistics offices do; a plan's first
	 * year for a span), ?3 the last day. */
	const char *sql;
	/* Nonzero once the register holds what this counter counts: an empty
	 * register's 0 would claim a figure nobody has reported. */
	const char *used;
	/* The records counted: the table (a kind's, core/profile.h) and SQL
	 * giving their ids, with the same CTE and parameters; NULL when the
	 * figure is not a count of one register's rows. */
	const char *table;
	const char *ids;
	/* The register (kind of record, core/profile.h) it counts: its count
	 * stands for a region's figure only where that register is marked
	 * complete (core/regfull.h); elsewhere it is shown beside the
	 * official figure.  NULL: the register is the only source (designations
	 * are entered from their documents): its count always stands. */
	const char *reg;
};

/* 1 if a figure is counted from the register of kind (a kind's key,
 * core/profile.h): only such a register can be marked complete. */
int counter_counts_register(const char *kind);
/* Those registers' kinds, joined as the language joins a list.  Caller frees. */
char *counter_registers(void);

/* The counter named key, or NULL (a figure typed in or imported). */
const struct counter *counter_find(const char *key);

/* The count for a region (with the regions below it) on period p.
 * ST_OK, or ST_DB with *err set. */
int counter_count(struct db *db, const struct counter *c, long long region_id,
                  struct period p, long long *n, char **err);

/* The figure for a region counted over the days first..last
 * (YYYY-MM-DD); own: the region's own records only, not those of the
 * regions below it.  *has 0 when the query gives none.  ST_OK, ST_DB. */
int counter_value(struct db *db, const struct counter *c, long long region_id, int own,
                  const char *first, const char *last, double *v, int *has, char **err);

/* The ids of the records counted, as counter_value counts them (c->ids
 * must be set).  Caller frees *ids.  ST_OK, ST_DB. */
int counter_ids(struct db *db, const struct counter *c, long long region_id, int own,
                const char *first, const char *last, long long **ids, size_t *n, char **err);

/* 1 when the register holds anything c counts, 0 when not, -1 on error. */
int counter_used(struct db *db, const struct counter *c);

#endif
