/* regfull.h: whether a register holds every record of a region.  A count
 * a register makes (core/counter.h) stands for a region's figure only
 * when the register is complete for it; otherwise the official figure
 * stands and the count is shown beside it.  A register is marked complete
 * for a region from a day on, by importing a full list for the region or
 * by a clerk; a later mark (complete or not) replaces it. */
#ifndef INNOTRACK_REGFULL_H
#define INNOTRACK_REGFULL_H

#include "core/db.h"

/* 1 when register `reg` (a kind of record: "enterprises") is complete for
 * the region on `date` (YYYY-MM-DD): the region's latest mark on or before
 * that day says so, or it has no mark and every region directly below it
 * is complete.  0 when not, -1 on a database error.  Marks of an import
 * that was undone do not count.  reg NULL: the register is the only
 * source, always complete. */
int regfull_is(struct db *db, const char *reg, long long region_id, const char *date);

/* Mark register `reg` complete (1) or not (0) for the region from day
 * as_of on, in the caller's write transaction if there is one (batch_id:
 * the import that brought the full list; 0 for a clerk's mark), audited.
 * ST_OK, ST_DATA (reg is not a kind of record), or ST_DB with *err set. */
int regfull_mark(struct db *db, const char *reg, long long region_id, const char *as_of,
                 int complete, long long batch_id, char **err);

/* A clerk's mark: register `reg` complete (or not) for the region named
 * `region` from day `as_of` (YYYY-MM-DD; NULL: today) on, in its own write
 * transaction.  ST_OK; ST_USAGE for an unknown register, region or a bad
 * day (said in *err); ST_DB. */
int regfull_set(struct db *db, const char *reg, const char *region, const char *as_of,
                int complete, char **err);

#endif
