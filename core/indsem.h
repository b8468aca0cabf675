/* indsem.h: what an indicator's figures mean, as its row declares them
 * (migration 006): stock or flow, how the city's figure follows from its
 * counties', the plausible range and whole figures; and the one check of
 * a figure against them, which the importer and the forms call. */
#ifndef INNOTRACK_INDSEM_H
#define INNOTRACK_INDSEM_H

#include "core/db.h"

enum ind_nature { IND_STOCK, IND_FLOW };
enum ind_rollup { IND_ROLL_NONE, IND_ROLL_SUM, IND_ROLL_RATIO };

struct ind_sem {
	char   kind[12];            /* count, amount, percent, ratio, rank */
	char   name[128];           /* for messages */
	enum ind_nature nature;
	enum ind_rollup rollup;
	char   numerator[101], denominator[101];   /* other indicators' codes or names (ratio) */
	int    has_min, has_max;
	double min, max;
	int    whole;
	int    percent;             /* figures are in % (kind percent, or unit %) */
};

/* The declaration of indicator `id`.  ST_OK, ST_DATA if there is no such
 * indicator, ST_DB with *err set. */
int indsem_load(struct db *db, long long id, struct ind_sem *s, char **err);

/* Does v make sense for the indicator?  NULL if so; else what is wrong,
 * in the UI language, naming the indicator but not v, which the caller
 * shows as it was written (caller frees).  Whole figures
 * must be whole, nothing below min or above max; a percent without a
 * declared range must lie within 0-100; figures must be finite. */
char *indsem_check(const struct ind_sem *s, double v);

/* The same for indicator `id`, read from the database: NULL if v makes
 * sense (or the indicator is unknown: its reference is checked
 * elsewhere), else the message. */
char *indicator_value_check(struct db *db, long long indicator_id, double v);

#endif
