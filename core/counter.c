/* counter.c: each counter's query, and running one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/counter.h"
#include "core/db_internal.h"
#include "core/ladder.h"
#include "core/talent.h"
#include "core/util.h"

/* Firms of the region whose rung on the period's last day is `cond`. */
#define FIRMS_AT(cond) \
	"SELECT count(*) FROM enterprise e WHERE e.region_id IN (SELECT id FROM sub) AND " \
	LADDER_TIER_AT("e", "?3") " " cond
#define LADDER_USED "SELECT EXISTS (SELECT 1 FROM enterprise WHERE tier <> 'none')"
/* Talents of the region of category `cat` for whom `cond` holds. */
#define TALENTS(cat, cond) \
	"SELECT count(*) FROM talent t WHERE t.region_id IN (SELECT id FROM sub)" \
	" AND t.category = '" cat "' AND " cond
#define TALENTS_USED "SELECT EXISTS (SELECT 1 FROM talent)"

static const struct counter counters[] = {
	/* high-tech certificates valid on the period's last day: issued on or
	 * before it, less than three years before it */
	{ "hte_valid",
	  "SELECT count(*) FROM enterprise WHERE region_id IN (SELECT id FROM sub)"
	  " AND hte_cert_date <= ?3 AND date(hte_cert_date, '+3 years') > ?3",
	  "SELECT EXISTS (SELECT 1 FROM enterprise WHERE hte_cert_date IS NOT NULL)" },

	/* ---- the enterprise and talent pipelines (core/ladder.h, core/talent.h) ---- */
	/* firms on a rung of the ladder on the period's last day */
	{ "tech_sme", FIRMS_AT("= 'tech_sme'"), LADDER_USED },
	{ "gazelle", FIRMS_AT("= 'gazelle'"), LADDER_USED },
	{ "unicorn", FIRMS_AT("= 'unicorn'"), LADDER_USED },
	/* 高成长性科技型企业: gazelles and unicorns */
	{ "high_growth", FIRMS_AT("IN ('gazelle', 'unicorn')"), LADDER_USED },
	/* per cent (whole) of the register's firms that have an R&D unit */
	{ "rnd_inst_share",
	  "SELECT coalesce(CAST(round(100.0 * sum(has_rnd_inst > 0) / count(*)) AS INTEGER), 0)"
	  " FROM enterprise WHERE region_id IN (SELECT id FROM sub)",
	  "SELECT EXISTS (SELECT 1 FROM enterprise WHERE has_rnd_inst > 0)" },
	/* talents of a category on duty on the last day (a stock) */
	{ "tech_brokers", TALENTS("tech_broker", TALENT_ON_DUTY_AT("t", "?3")), TALENTS_USED },
	{ "foreign_experts_on_duty", TALENTS("foreign_expert", TALENT_ON_DUTY_AT("t", "?3")),
	  TALENTS_USED },
	/* talents of a category who came on duty within the year to date */
	{ "foreign_experts", TALENTS("foreign_expert", TALENT_BROUGHT_IN("t", "?2", "?3")),
	  TALENTS_USED },
	{ "high_level_talents", TALENTS("high_level", TALENT_BROUGHT_IN("t", "?2", "?3")),
	  TALENTS_USED },
	/* ---- end of the pipelines ---- */
};

const struct counter *counter_find(const char *key)
{
	for (size_t i = 0; key != NULL && i < sizeof counters / sizeof counters[0]; i++)
		if (strcmp(counters[i].key, key) == 0)
			return &counters[i];
	return NULL;
}

int counter_count(struct db *db, const struct counter *c, long long region_id,
                  struct period p, long long *n, char **err)
{
	char *sql = xasprintf("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
	                      " SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id) %s",
	                      c->sql);
	char first[16], end[16];
	snprintf(first, sizeof first, "%04d-01-01", p.year);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(sql);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, period_end(p, end, sizeof end), -1, SQLITE_TRANSIENT);
	int rc = ST_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, c->key, err);
	sqlite3_finalize(st);
	return rc;
}

int counter_used(struct db *db, const struct counter *c)
{
	return (int)db_scalar(db, c->used, NULL);
}
