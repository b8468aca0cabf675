/* counter.c: each counter's query, and running one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/counter.h"
#include "core/i18n.h"
#include "core/db_internal.h"
#include "core/ladder.h"
#include "core/talent.h"
#include "core/util.h"

/* A count of one table's rows t in the region (or below it) that meet
 * `where`; the same rows' ids for the records behind the figure. */
#define ROWS(key, table, where, used, reg) \
	{ key, "SELECT count(*) FROM " table " t WHERE t.region_id IN (SELECT id FROM sub) AND " where, \
	  used, table, "SELECT t.id FROM " table " t WHERE t.region_id IN (SELECT id FROM sub) AND " where \
	  " ORDER BY t.id", reg }

/* The day a talent came on duty: the stage history's, else the date the
 * talent was brought in. */
#define ON_DUTY "t.stage = 'on_duty' AND coalesce((SELECT max(s.on_date) FROM talent_stage s" \
	" WHERE s.talent_id = t.id AND s.stage = 'on_duty'), t.introduced_on) BETWEEN ?2 AND ?3"

/* Counties (with county-level cities and districts) and townships
 * designated innovative at any level by the last day, over those the
 * region holds. */
#define DESIGNATED(kind, what) \
	"(SELECT count(*) FROM region r WHERE r.id IN (SELECT id FROM sub) AND r.kind IN (" kind ")" \
	" AND EXISTS (SELECT 1 FROM region_designation d WHERE d.region_id = r.id" \
	" AND d.designation = '" what "' AND (d.designated_on IS NULL OR d.designated_on <= ?3)))"
#define OF_KIND(kind) \
	"(SELECT count(*) FROM region r WHERE r.id IN (SELECT id FROM sub) AND r.kind IN (" kind "))"
#define COUNTIES "'county', 'county_city', 'district'"
#define SHARE(kind, what) \
	"SELECT CASE WHEN " OF_KIND(kind) " = 0 THEN NULL ELSE 100.0 * " DESIGNATED(kind, what) \
	" / " OF_KIND(kind) " END"
#define ANY_DESIGNATION "SELECT EXISTS (SELECT 1 FROM region_designation)"

/* Firms of the region whose rung on the period's last day is `cond`. */
#define FIRMS_WHERE(cond) \
	" FROM enterprise e WHERE e.region_id IN (SELECT id FROM sub) AND " LADDER_TIER_AT("e", "?3") " " cond
#define FIRMS_AT(key, cond) \
	{ key, "SELECT count(*)" FIRMS_WHERE(cond), LADDER_USED, "enterprise", \
	  "SELECT e.id" FIRMS_WHERE(cond) " ORDER BY e.id", "enterprises" }
#define LADDER_USED "SELECT EXISTS (SELECT 1 FROM enterprise WHERE tier <> 'none')"
/* Talents of the region of category `cat` for whom `cond` holds. */
#define TALENTS_WHERE(cat, cond) \
	" FROM talent t WHERE t.region_id IN (SELECT id FROM sub) AND t.category = '" cat "' AND " cond
#define TALENTS(key, cat, cond) \
	{ key, "SELECT count(*)" TALENTS_WHERE(cat, cond), TALENTS_USED, "talent", \
	  "SELECT t.id" TALENTS_WHERE(cat, cond) " ORDER BY t.id", "talents" }
#define TALENTS_USED "SELECT EXISTS (SELECT 1 FROM talent)"

static const struct counter counters[] = {
	/* high-tech certificates valid on the period's last day: issued on or
	 * before it, less than three years before it */
	{ "hte_valid",
	  "SELECT count(*) FROM enterprise WHERE region_id IN (SELECT id FROM sub)"
	  " AND hte_cert_date <= ?3 AND date(hte_cert_date, '+3 years') > ?3",
	  "SELECT EXISTS (SELECT 1 FROM enterprise WHERE hte_cert_date IS NOT NULL)",
	  "enterprise",
	  "SELECT id FROM enterprise WHERE region_id IN (SELECT id FROM sub)"
	  " AND hte_cert_date <= ?3 AND date(hte_cert_date, '+3 years') > ?3 ORDER BY id", "enterprises" },
	/* 004: designations of the counties and townships the region holds */
	{ "innovative_county_count", "SELECT " DESIGNATED(COUNTIES, "innovative_county"),
	  ANY_DESIGNATION, NULL, NULL, NULL },
	{ "innovative_county_pct", SHARE(COUNTIES, "innovative_county"), ANY_DESIGNATION, NULL, NULL, NULL },
	{ "innovative_township_pct", SHARE("'township'", "innovative_township"), ANY_DESIGNATION,
	  NULL, NULL, NULL },

	/* ---- the cooperation registers ---- */
	/* long-term partner institutes signed in the days counted (a planned
	 * partnership has no date until it is signed) */
	ROWS("long_term_partners", "partnership", "t.long_term = 1 AND t.since BETWEEN ?2 AND ?3",
	     "SELECT EXISTS (SELECT 1 FROM partnership)", "partnerships"),
	ROWS("platforms_approved", "platform", "t.approved_on BETWEEN ?2 AND ?3",
	     "SELECT EXISTS (SELECT 1 FROM platform)", "platforms"),
	ROWS("key_labs_provincial", "platform",
	     "t.approved_on BETWEEN ?2 AND ?3 AND t.level IN ('national', 'provincial')"
	     " AND instr(t.kind, '重点实验室') > 0",
	     "SELECT EXISTS (SELECT 1 FROM platform)", "platforms"),
	ROWS("major_projects", "project", "t.is_major = 1 AND t.started_on BETWEEN ?2 AND ?3",
	     "SELECT EXISTS (SELECT 1 FROM project)", "projects"),
	ROWS("coop_projects", "project", "t.started_on BETWEEN ?2 AND ?3",
	     "SELECT EXISTS (SELECT 1 FROM project)", "projects"),
	ROWS("events_held", "event", "t.held_on BETWEEN ?2 AND ?3",
	     "SELECT EXISTS (SELECT 1 FROM event)", "events"),
	ROWS("talents_on_duty", "talent", ON_DUTY, "SELECT EXISTS (SELECT 1 FROM talent)", "talents"),


	/* ---- the enterprise and talent pipelines (core/ladder.h, core/talent.h) ---- */
	/* firms on a rung of the ladder on the period's last day */
	FIRMS_AT("tech_sme", "= 'tech_sme'"),
	FIRMS_AT("gazelle", "= 'gazelle'"),
	FIRMS_AT("unicorn", "= 'unicorn'"),
	/* 高成长性科技型企业: gazelles and unicorns */
	FIRMS_AT("high_growth", "IN ('gazelle', 'unicorn')"),
	/* per cent (whole) of the register's firms that have an R&D unit */
	{ "rnd_inst_share",
	  "SELECT coalesce(CAST(round(100.0 * sum(has_rnd_inst > 0) / count(*)) AS INTEGER), 0)"
	  " FROM enterprise WHERE region_id IN (SELECT id FROM sub)",
	  "SELECT EXISTS (SELECT 1 FROM enterprise WHERE has_rnd_inst > 0)", NULL, NULL, "enterprises" },
	/* talents of a category on duty on the last day (a stock) */
	TALENTS("tech_brokers", "tech_broker", TALENT_ON_DUTY_AT("t", "?3")),
	TALENTS("foreign_experts_on_duty", "foreign_expert", TALENT_ON_DUTY_AT("t", "?3")),
	/* talents of a category who came on duty within the year to date */
	TALENTS("foreign_experts", "foreign_expert", TALENT_BROUGHT_IN("t", "?2", "?3")),
	TALENTS("high_level_talents", "high_level", TALENT_BROUGHT_IN("t", "?2", "?3")),
	/* ---- end of the pipelines ---- */
};

char *counter_registers(void)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "", 0);
	for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++) {
		const char *r = counters[i].reg;
		int seen = r == NULL;
		for (size_t k = 0; k < i && !seen; k++)
			seen = counters[k].reg != NULL && strcmp(counters[k].reg, r) == 0;
		if (!seen)
			sbuf_printf(&b, "%s%s", b.len ? tr(", ") : "", r);
	}
	return sbuf_take(&b);
}

int counter_counts_register(const char *kind)
{
	for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++)
		if (counters[i].reg != NULL && strcmp(counters[i].reg, kind) == 0)
			return 1;
	return 0;
}

const struct counter *counter_find(const char *key)
{
	for (size_t i = 0; key != NULL && i < sizeof counters / sizeof counters[0]; i++)
		if (strcmp(counters[i].key, key) == 0)
			return &counters[i];
	return NULL;
}

static sqlite3_stmt *prepare(struct db *db, const char *body, long long region_id, int own,
                             const char *first, const char *last, char **err)
{
	char *sql = xasprintf(own ? "WITH sub(id) AS (SELECT ?1) %s"
	                          : "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
	                            " SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id) %s",
	                      body);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(sql);
	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_TRANSIENT);
	return st;
}

int counter_value(struct db *db, const struct counter *c, long long region_id, int own,
                  const char *first, const char *last, double *v, int *has, char **err)
{
	sqlite3_stmt *st = prepare(db, c->sql, region_id, own, first, last, err);
	if (st == NULL)
		return ST_DB;
	int rc = ST_OK;
	*has = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*has = sqlite3_column_type(st, 0) != SQLITE_NULL;
		*v = sqlite3_column_double(st, 0);
	} else {
		rc = db_fail(db, c->key, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int counter_count(struct db *db, const struct counter *c, long long region_id,
                  struct period p, long long *n, char **err)
{
	char first[16], end[16];
	double v = 0;
	int has;
	snprintf(first, sizeof first, "%04d-01-01", p.year);
	int rc = counter_value(db, c, region_id, 0, first, period_end(p, end, sizeof end), &v, &has, err);
	*n = has ? (long long)v : 0;
	return rc;
}

int counter_ids(struct db *db, const struct counter *c, long long region_id, int own,
                const char *first, const char *last, long long **ids, size_t *n, char **err)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = prepare(db, c->ids, region_id, own, first, last, err);
	if (st == NULL)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, c->key, err);
}

int counter_used(struct db *db, const struct counter *c)
{
	return (int)db_scalar(db, c->used, NULL);
}
