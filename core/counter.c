/* counter.c: each counter's query, and running one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/counter.h"
#include "core/db_internal.h"
#include "core/util.h"

static const struct counter counters[] = {
	/* high-tech certificates valid on the period's last day: issued on or
	 * before it, less than three years before it */
	{ "hte_valid",
	  "SELECT count(*) FROM enterprise WHERE region_id IN (SELECT id FROM sub)"
	  " AND hte_cert_date <= ?3 AND date(hte_cert_date, '+3 years') > ?3",
	  "SELECT EXISTS (SELECT 1 FROM enterprise WHERE hte_cert_date IS NOT NULL)" },
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
