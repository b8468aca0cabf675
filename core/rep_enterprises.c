/* rep_enterprises.c: the report's enterprises section: for the city (the
 * whole of it) and each county and park, the firms on each rung of the
 * ladder on the period's last day, the target in force and what is still
 * missing; below the text, the candidates for the gazelle reserve pool. */
#include "config.h"

#include <stdlib.h>

#include "core/choice.h"
#include "core/goal.h"
#include "core/i18n.h"
#include "core/ladder.h"
#include "core/region.h"
#include "core/report.h"
#include "core/util.h"

static const char *const columns[] = {
	N_("region"), N_("tier"), N_("count"), N_("target"), N_("missing"), NULL
};

static int fill_region(const struct report_ctx *c, const struct region_item *r,
                       const long long *counts, struct rtable *t, char **err)
{
	for (size_t i = 0; i < ladder_nrungs; i++) {
		long long n = counts[i];
		struct goal g;
		int rc = goal_find(c->db, ladder_rungs[i].counter, r->id, c->p.year, &g, err);
		if (rc != ST_OK)
			return rc;
		rt_text(t, r->name);
		rt_text(t, choice_key_label(choice_by_value(&CH_TIER, ladder_rungs[i].tier)));
		rt_int(t, 1, n);
		rt_num(t, g.has, g.value, 0);
		rt_num(t, g.has, goal_missing(&g, (double)n), 0);
	}
	return ST_OK;
}

/* The gazelle candidates of the region reported on, as notes. */
static int gazelle_notes(const struct report_ctx *c, struct rtable *t, char **err)
{
	struct gazelle *g;
	size_t n;
	char a[32], b[32];
	int rc = gazelle_candidates(c->db, c->region_id, c->p, &g, &n, err);
	if (rc != ST_OK)
		return rc;
	char *crit = gazelle_criteria_text(c->db);
	rt_note(t, tr("Candidates for the gazelle reserve pool (%s): %zu"), crit, n);
	free(crit);
	for (size_t i = 0; i < n; i++)
		rt_note(t, tr("  %s %s (%s, %s): revenue %d-%d up %s%% a year, R&D %s%%%s"), g[i].uscc,
		        g[i].name, g[i].region, choice_label(choice_by_value(&CH_TIER, g[i].tier)),
		        g[i].year_from, g[i].year_to, fmt_num(a, sizeof a, g[i].growth_pct, 1),
		        g[i].rnd_pct < 0 ? "-" : fmt_num(b, sizeof b, g[i].rnd_pct, 1),
		        g[i].in_pool ? tr(", in the pool already") : "");
	gazelle_free(g, n);
	return ST_OK;
}

static int fill(const struct report_ctx *c, struct rtable *t, char **err)
{
	struct region_list rl;
	long long (*counts)[LADDER_COUNTS] = NULL;
	int rc = region_list_under(c->db, c->region_id, &rl, err);
	if (rc == ST_OK) {
		counts = xcalloc(rl.n + 1, sizeof *counts);
		rc = ladder_counts(c->db, &rl, c->p, counts, err);
	}
	for (size_t i = 0; rc == ST_OK && i < rl.n; i++)
		rc = fill_region(c, &rl.items[i], counts[i], t, err);
	free(counts);
	region_list_free(&rl);
	if (rc == ST_OK) {
		char end[16];
		rt_note(t, tr("Firms on each rung on %s; high-tech: certificates valid that day"),
		        period_end(c->p, end, sizeof end));
		rc = gazelle_notes(c, t, err);
	}
	return rc;
}

const struct report_section report_enterprises = {
	.key = "enterprises",
	.title = N_("Enterprises on the ladder"),
	.columns = columns,
	.fill = fill,
};
