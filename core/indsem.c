/* indsem.c: indicator declarations and the sense check of a figure. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/indsem.h"
#include "core/util.h"

static void copy_col(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(buf, size, "%s", t ? (const char *)t : "");
}

int indsem_load(struct db *db, long long id, struct ind_sem *s, char **err)
{
	static const char sql[] =
	    "SELECT kind, name, nature, rollup, numerator, denominator, min_value, max_value,"
	    " whole, unit FROM indicator WHERE id = ?1";
	memset(s, 0, sizeof *s);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char nature[8], rollup[8];
		copy_col(st, 0, s->kind, sizeof s->kind);
		copy_col(st, 1, s->name, sizeof s->name);
		copy_col(st, 2, nature, sizeof nature);
		copy_col(st, 3, rollup, sizeof rollup);
		copy_col(st, 4, s->numerator, sizeof s->numerator);
		copy_col(st, 5, s->denominator, sizeof s->denominator);
		s->nature = strcmp(nature, "flow") == 0 ? IND_FLOW : IND_STOCK;
		s->rollup = strcmp(rollup, "sum") == 0 ? IND_ROLL_SUM
		          : strcmp(rollup, "ratio") == 0 ? IND_ROLL_RATIO : IND_ROLL_NONE;
		if ((s->has_min = sqlite3_column_type(st, 6) != SQLITE_NULL))
			s->min = sqlite3_column_double(st, 6);
		if ((s->has_max = sqlite3_column_type(st, 7) != SQLITE_NULL))
			s->max = sqlite3_column_double(st, 7);
		s->whole = sqlite3_column_int(st, 8);
		const unsigned char *unit = sqlite3_column_text(st, 9);
		s->percent = strcmp(s->kind, "percent") == 0 ||
		             (unit != NULL && strcmp((const char *)unit, "%") == 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE) {
		err_set(err, "no indicator %lld", id);
		return ST_DATA;
	}
	return db_fail(db, "indicators", err);
}

char *indsem_check(const struct ind_sem *s, double v)
{
	char a[64];
	if (!isfinite(v) || fabs(v) > 1e15) {
		snprintf(a, sizeof a, "%g", v);
		return xasprintf(tr("%s: %s is not a plausible figure"), s->name, a);
	}
	if (s->whole && v != floor(v))
		return xasprintf(tr("%s is counted in whole numbers"), s->name);
	int has_min = s->has_min, has_max = s->has_max;
	double min = s->min, max = s->max;
	if (s->percent && !has_min && !has_max) {
		has_min = has_max = 1;
		min = 0;
		max = 100;
	}
	if (has_min && v < min && min == 0)
		return xasprintf(tr("%s cannot be negative"), s->name);
	if (has_min && v < min)
		return xasprintf(tr("%s cannot be below %s"), s->name, fmt_num(a, sizeof a, min, 4));
	if (has_max && v > max)
		return xasprintf(tr("%s cannot be above %s"), s->name, fmt_num(a, sizeof a, max, 4));
	return NULL;
}

char *indicator_value_check(struct db *db, long long indicator_id, double v)
{
	struct ind_sem s;
	if (indsem_load(db, indicator_id, &s, NULL) != ST_OK)
		return NULL;
	return indsem_check(&s, v);
}
