/* rep_talents.c: the report's talents section: for the city and each
 * county and park, the talents of each category brought in (came on
 * duty) in the period's year to date, against the target of the packs
 * (a county's ten high-level talents and five foreign experts a year; the
 * city's 150 technology brokers and 30 foreign experts, counted on duty
 * on the period's last day), and what is still missing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/choice.h"
#include "core/counter.h"
#include "core/db_internal.h"
#include "core/goal.h"
#include "core/i18n.h"
#include "core/region.h"
#include "core/report.h"
#include "core/talent.h"
#include "core/util.h"

static const char *const columns[] = {
	N_("region"), N_("category"), N_("count"), N_("target"), N_("missing"), NULL
};

/* Talents of category ?4 in region ?1 (with those below) who came on duty
 * between ?2 and ?3. */
static int brought_in(const struct report_ctx *c, long long region, const char *category,
                      long long *n, char **err)
{
	static const char sql[] =
	    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
	    "  SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id)"
	    " SELECT count(*) FROM talent t WHERE t.region_id IN (SELECT id FROM sub)"
	    "  AND t.category = ?4 AND " TALENT_BROUGHT_IN("t", "?2", "?3");
	char first[16], end[16];
	snprintf(first, sizeof first, "%04d-01-01", c->p.year);
	sqlite3_stmt *st = db_prepare(c->db, sql, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, region);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, period_end(c->p, end, sizeof end), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, category, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? ST_OK : db_fail(c->db, "talents", err);
}

/* One region and category: the count the target asks for (the stock on
 * duty where the target is a stock), the target, what is missing.  A row
 * with neither a talent nor a target is left out. */
static int fill_cell(const struct report_ctx *c, const struct region_item *r,
                     const struct choice *cat, struct rtable *t, char **err)
{
	const char *flow = talent_flow_counter(cat->value), *stock = talent_stock_counter(cat->value);
	struct goal g = { 0 };
	long long n = 0;
	int rc = goal_find(c->db, flow, r->id, c->p.year, &g, err);
	const char *by = flow;
	if (rc == ST_OK && !g.has && stock != NULL) {
		rc = goal_find(c->db, stock, r->id, c->p.year, &g, err);
		by = g.has ? stock : flow;
	}
	if (rc == ST_OK)
		rc = by != NULL ? counter_count(c->db, counter_find(by), r->id, c->p, &n, err)
		                : brought_in(c, r->id, cat->value, &n, err);
	if (rc != ST_OK || (n == 0 && !g.has))
		return rc;
	rt_text(t, r->name);
	rt_text(t, choice_key_label(cat));
	rt_int(t, 1, n);
	rt_num(t, g.has, g.value, 0);
	rt_num(t, g.has, goal_missing(&g, (double)n), 0);
	return ST_OK;
}

static int fill(const struct report_ctx *c, struct rtable *t, char **err)
{
	struct region_list rl;
	int rc = region_list_under(c->db, c->region_id, &rl, err);
	for (size_t i = 0; rc == ST_OK && i < rl.n; i++)
		for (size_t k = 0; rc == ST_OK && k < CH_TALENT_CATEGORY.n; k++)
			rc = fill_cell(c, &rl.items[i], &CH_TALENT_CATEGORY.v[k], t, err);
	region_list_free(&rl);
	if (rc == ST_OK) {
		char end[16];
		rt_note(t, tr("Brought in: came on duty from %d-01-01 to %s; technology brokers and the "
		              "city's foreign experts: on duty on %s"), c->p.year,
		        period_end(c->p, end, sizeof end), end);
	}
	return rc;
}

const struct report_section report_talents = {
	.key = "talents",
	.title = N_("Talents brought in"),
	.columns = columns,
	.fill = fill,
};
