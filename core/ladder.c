/* ladder.c: the ladder's rules, certificate validity and the gazelle
 * candidates (see ladder.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/choice.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/ladder.h"
#include "core/parse.h"
#include "core/region.h"
#include "core/util.h"

const struct rung ladder_rungs[] = {
	{ "tech_sme", "tech_sme" },
	{ "high_tech", "hte_valid" },
	{ "gazelle", "gazelle" },
	{ "unicorn", "unicorn" },
};
const size_t ladder_nrungs = sizeof ladder_rungs / sizeof ladder_rungs[0];
_Static_assert(sizeof ladder_rungs / sizeof ladder_rungs[0] + 1 == LADDER_COUNTS,
               "LADDER_COUNTS: the rungs and the high-growth count");

int cert_valid_to(const char *issued, char out[11])
{
	char d[11];
	int y, m, day;
	if (issued == NULL || parse_date(issued, d) != 0 || sscanf(d, "%d-%d-%d", &y, &m, &day) != 3)
		return -1;
	if (m == 2 && day == 29) {
		m = 3;
		day = 1;
	}
	/* parse_date keeps years to 1900..2999, months and days to two digits */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(y + 3) % 10000u, (unsigned)m % 100u,
	         (unsigned)day % 100u);
	return 0;
}

int cert_valid_on(const char *issued, const char *day)
{
	char d[11], from[11], to[11];
	if (cert_valid_to(issued, to) != 0 || parse_date(issued, from) != 0 || parse_date(day, d) != 0)
		return -1;
	return strcmp(from, d) <= 0 && strcmp(d, to) < 0;
}

static int rank_of(const char *tier)
{
	for (size_t i = 0; tier != NULL && i < CH_TIER.n; i++)
		if (strcmp(CH_TIER.v[i].value, tier) == 0)
			return (int)i;
	return -1;
}

const char *ladder_rule(const char *from, const char *to, int cert_valid, const char *reason)
{
	int a = rank_of(from), b = rank_of(to), ht = rank_of("high_tech");
	if (b < 0)
		return N_("no such rung of the ladder");
	if (a == b)
		return N_("the firm is on that rung already");
	if (b == ht && !cert_valid)
		return N_("a high-tech firm needs a certificate valid on that day (enter its number and date first)");
	if (b < a && a >= ht && b < ht && cert_valid)
		return N_("its high-tech certificate is still valid on that day: it leaves the rung when the certificate lapses");
	if (b < a && (reason == NULL || reason[strspn(reason, " ")] == '\0'))
		return N_("a move down needs a reason");
	return NULL;
}

/* ---- gazelle candidates ---- */

struct rules {
	int    years;
	double growth_pct, min_revenue, min_rnd_pct, min_employees;
};

static double rule_value(struct db *db, const char *key, double dflt)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM gazelle_rule WHERE key = ?1", NULL);
	double v = dflt;
	if (st == NULL)
		return dflt;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void rules_read(struct db *db, struct rules *r)
{
	r->years = (int)rule_value(db, "years", 3);
	if (r->years < 1)
		r->years = 1;
	r->growth_pct = rule_value(db, "min_growth_pct", 20);
	r->min_revenue = rule_value(db, "min_revenue_yuan", 0);
	r->min_rnd_pct = rule_value(db, "min_rnd_pct", 0);
	r->min_employees = rule_value(db, "min_employees", 0);
}

char *gazelle_criteria_text(struct db *db)
{
	struct rules r;
	char a[32], b[32], c[32];
	rules_read(db, &r);
	return xasprintf(tr("revenue up %s%% a year on average over %d years, at least %s yuan in the "
	                    "last, R&D at least %s%% of revenue, %lld or more employees"),
	                 fmt_num(a, sizeof a, r.growth_pct, 2), r.years,
	                 fmt_num(b, sizeof b, r.min_revenue, 0), fmt_num(c, sizeof c, r.min_rnd_pct, 2),
	                 (long long)r.min_employees);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

int gazelle_candidates(struct db *db, long long region_id, struct period p,
                       struct gazelle **out, size_t *n, char **err)
{
	static const char sql[] =
	    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
	    "  SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id),"
	    " last(eid, yr) AS (SELECT enterprise_id, max(year) FROM enterprise_year"
	    "  WHERE year <= ?2 AND revenue_cents > 0 GROUP BY enterprise_id)"
	    " SELECT e.id, e.name, e.uscc, coalesce(r.name, ''), " LADDER_TIER_AT("e", "?8") ", f.year, l.year,"
	    "  f.revenue_cents, l.revenue_cents, l.rnd_cents, l.employees, e.reserve_gazelle"
	    " FROM last JOIN enterprise e ON e.id = last.eid"
	    " JOIN enterprise_year l ON l.enterprise_id = e.id AND l.year = last.yr"
	    " JOIN enterprise_year f ON f.enterprise_id = e.id AND f.year = last.yr - ?3"
	    " LEFT JOIN region r ON r.id = e.region_id"
	    " WHERE (?1 = 0 OR e.region_id IN (SELECT id FROM sub)) AND f.revenue_cents > 0"
	    "  AND l.revenue_cents >= f.revenue_cents * ?4 AND l.revenue_cents >= ?5 * 100"
	    "  AND 100.0 * coalesce(l.rnd_cents, 0) >= ?6 * l.revenue_cents"
	    "  AND coalesce(l.employees, 0) >= ?7"
	    "  AND " LADDER_TIER_AT("e", "?8") " IN ('none', 'tech_sme', 'high_tech')"
	    " ORDER BY 1.0 * l.revenue_cents / f.revenue_cents DESC, e.name";
	struct rules r;
	char end[16];
	rules_read(db, &r);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_int(st, 2, p.year);
	sqlite3_bind_int(st, 3, r.years);
	/* a little below the exact factor, so that a growth of exactly the
	 * criterion passes despite rounding */
	sqlite3_bind_double(st, 4, pow(1 + r.growth_pct / 100, r.years) - 1e-9);
	sqlite3_bind_double(st, 5, r.min_revenue);
	sqlite3_bind_double(st, 6, r.min_rnd_pct);
	sqlite3_bind_double(st, 7, r.min_employees);
	sqlite3_bind_text(st, 8, period_end(p, end, sizeof end), -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct gazelle *g = &(*out)[(*n)++];
		g->id = sqlite3_column_int64(st, 0);
		g->name = col_dup(st, 1);
		g->uscc = col_dup(st, 2);
		g->region = col_dup(st, 3);
		g->tier = col_dup(st, 4);
		g->year_from = sqlite3_column_int(st, 5);
		g->year_to = sqlite3_column_int(st, 6);
		g->revenue_from = sqlite3_column_int64(st, 7) / 100.0;
		g->revenue_to = sqlite3_column_int64(st, 8) / 100.0;
		g->growth_pct = 100 * (pow(g->revenue_to / g->revenue_from, 1.0 / r.years) - 1);
		g->rnd_pct = sqlite3_column_type(st, 9) == SQLITE_NULL
		    ? -1 : 100.0 * sqlite3_column_int64(st, 9) / sqlite3_column_int64(st, 8);
		g->employees = sqlite3_column_type(st, 10) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 10);
		g->in_pool = sqlite3_column_int(st, 11);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		gazelle_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, "gazelle candidates", err);
	}
	return ST_OK;
}

void gazelle_free(struct gazelle *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(g[i].name);
		free(g[i].uscc);
		free(g[i].region);
		free(g[i].tier);
	}
	free(g);
}

/* ---- the firms a rung counts, certificates per region ---- */

int ladder_firms(struct db *db, const char *tier, long long region_id, struct period p,
                 struct ladder_firm **out, size_t *n, char **err)
{
	static const char head[] =
	    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
	    "  SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id)"
	    " SELECT e.id, e.name, e.uscc, coalesce(r.name, ''),"
	    "  CASE WHEN e.hte_cert_date IS NOT NULL THEN " CERT_VALID_TO("e") " END"
	    " FROM enterprise e LEFT JOIN region r ON r.id = e.region_id"
	    " WHERE e.region_id IN (SELECT id FROM sub) AND ";
	/* the same conditions as the rungs' counters (core/counter.c) */
	const char *cond = strcmp(tier, "high_tech") == 0 ? CERT_VALID_AT("e", "?2")
	                                                   : LADDER_TIER_AT("e", "?2") " = ?3";
	char *sql = xasprintf("%s%s ORDER BY e.name, e.id", head, cond);
	char end[16];
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(sql);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_text(st, 2, period_end(p, end, sizeof end), -1, SQLITE_TRANSIENT);
	if (strcmp(tier, "high_tech") != 0)
		sqlite3_bind_text(st, 3, tier, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct ladder_firm *f = &(*out)[(*n)++];
		f->id = sqlite3_column_int64(st, 0);
		f->name = col_dup(st, 1);
		f->uscc = col_dup(st, 2);
		f->region = col_dup(st, 3);
		f->valid_to = sqlite3_column_type(st, 4) == SQLITE_NULL ? NULL : col_dup(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return ST_OK;
	ladder_firms_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, "enterprises", err);
}

void ladder_firms_free(struct ladder_firm *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].name);
		free(f[i].uscc);
		free(f[i].region);
		free(f[i].valid_to);
	}
	free(f);
}

int cert_counts(struct db *db, long long region_id, struct period p, long long *valid,
                long long *lapse_next_year, char **err)
{
	static const char sql[] =
	    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
	    "  SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id)"
	    " SELECT count(*), coalesce(sum(substr(" CERT_VALID_TO("e") ", 1, 4) = ?2), 0)"
	    " FROM enterprise e WHERE e.region_id IN (SELECT id FROM sub) AND " CERT_VALID_AT("e", "?3");
	char end[16], next[16];
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	snprintf(next, sizeof next, "%04d", p.year + 1);
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_text(st, 2, next, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, period_end(p, end, sizeof end), -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*valid = sqlite3_column_int64(st, 0);
		*lapse_next_year = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? ST_OK : db_fail(db, "certificates", err);
}

/* ---- the funnel in one pass ---- */

/* Region ids and their parents, to roll a region's firms up the tree. */
struct parents {
	long long *id, *parent;
	size_t n;
};

static int parents_load(struct db *db, struct parents *t, char **err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, coalesce(parent_id, 0) FROM region", err);
	memset(t, 0, sizeof *t);
	if (st == NULL)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t->id = xrealloc(t->id, (t->n + 1) * sizeof *t->id);
		t->parent = xrealloc(t->parent, (t->n + 1) * sizeof *t->parent);
		t->id[t->n] = sqlite3_column_int64(st, 0);
		t->parent[t->n++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "regions", err);
}

static long long parent_of(const struct parents *t, long long id)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->id[i] == id)
			return t->parent[i];
	return 0;
}

/* Add n firms of region r (rung values: tier on the day, certificate
 * valid) to every region of rl that holds r. */
static void counts_add(const struct region_list *rl, const struct parents *t, long long r,
                       const char *tier, int valid, long long n, long long (*out)[LADDER_COUNTS])
{
	for (int depth = 0; r != 0 && depth < 64; depth++, r = parent_of(t, r))
		for (size_t i = 0; i < rl->n; i++) {
			if (rl->items[i].id != r)
				continue;
			for (size_t k = 0; k < ladder_nrungs; k++)
				if (strcmp(ladder_rungs[k].tier, "high_tech") == 0 ? valid
				                                                   : strcmp(tier, ladder_rungs[k].tier) == 0)
					out[i][k] += n;
			if (strcmp(tier, "gazelle") == 0 || strcmp(tier, "unicorn") == 0)
				out[i][ladder_nrungs] += n;
		}
}

int ladder_counts(struct db *db, const struct region_list *rl, struct period p,
                  long long (*out)[LADDER_COUNTS], char **err)
{
	static const char sql[] =
	    "SELECT region_id, t, v, count(*) FROM (SELECT e.region_id, "
	    LADDER_TIER_AT("e", "?1") " AS t, " CERT_VALID_AT("e", "?1") " AS v"
	    " FROM enterprise e WHERE e.region_id IS NOT NULL) GROUP BY 1, 2, 3";
	struct parents t;
	char end[16];
	memset(out, 0, rl->n * sizeof *out);
	int rc = parents_load(db, &t, err);
	if (rc != ST_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL) {
		free(t.id);
		free(t.parent);
		return ST_DB;
	}
	sqlite3_bind_text(st, 1, period_end(p, end, sizeof end), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *tier = sqlite3_column_text(st, 1);
		counts_add(rl, &t, sqlite3_column_int64(st, 0), tier ? (const char *)tier : "",
		           sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3), out);
	}
	sqlite3_finalize(st);
	free(t.id);
	free(t.parent);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "enterprises", err);
}
