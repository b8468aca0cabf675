/* ladder.h: the enterprise ladder (科技型中小企业 → 高新技术企业 → 瞪羚 →
 * 独角兽), its rules, the high-tech certificate's validity, and the
 * candidates for the gazelle reserve pool.  The rungs are CH_TIER
 * (core/choice.h); a firm's moves are rows of enterprise_stage
 * (core/pipe.h moves it and reads the history). */
#ifndef INNOTRACK_LADDER_H
#define INNOTRACK_LADDER_H

#include <stddef.h>

#include "core/db.h"
#include "core/period.h"

/* SQL over an enterprise row `e` and a date expression `d`: the rung the
 * firm stood on that day (its latest move up to then; before its first
 * move, the rung that move left; with no move at all, its tier). */
#define LADDER_TIER_AT(e, d) \
	"coalesce((SELECT s.tier FROM enterprise_stage s WHERE s.enterprise_id = " e ".id" \
	" AND s.entered_on <= " d " ORDER BY s.entered_on DESC, s.id DESC LIMIT 1)," \
	" (SELECT s.from_tier FROM enterprise_stage s WHERE s.enterprise_id = " e ".id" \
	" ORDER BY s.entered_on, s.id LIMIT 1), " e ".tier)"

/* SQL: the firm's high-tech certificate is valid on day d: issued on or
 * before it, less than three years before it (a renewal is a new issue
 * date, which starts the three years again). */
#define CERT_VALID_AT(e, d) \
	"(" e ".hte_cert_date <= " d " AND date(" e ".hte_cert_date, '+3 years') > " d ")"
/* SQL: the first day it is no longer valid. */
#define CERT_VALID_TO(e) "date(" e ".hte_cert_date, '+3 years')"

/* The first day a certificate issued on `issued` (YYYY-MM-DD) is no longer
 * valid, into out (as SQLite's date(issued, '+3 years'): 29 February
 * gives 1 March).  -1 if issued is not a date. */
int cert_valid_to(const char *issued, char out[11]);
/* 1 if a certificate issued on `issued` is valid on `day`, 0 if not, -1
 * if either is not a date. */
int cert_valid_on(const char *issued, const char *day);

/* Whether a firm may move from rung `from` to rung `to` (CH_TIER values)
 * on a day when its certificate is (cert_valid 1) or is not valid, for
 * `reason` (may be empty).  NULL if it may; else why not (English, an
 * N_() string to translate). */
const char *ladder_rule(const char *from, const char *to, int cert_valid, const char *reason);

/* The rung each of the pipeline's counters counts, in ladder order; the
 * funnel and the enterprises report are drawn from this. */
struct rung {
	const char *tier;      /* CH_TIER value */
	const char *counter;   /* core/counter.c key of its count */
};
extern const struct rung ladder_rungs[];
extern const size_t ladder_nrungs;

/* The firms on each rung of ladder_rungs (the same counts as their
 * counters) and the high-growth ones (gazelle and unicorn, the counter
 * high_growth), for each region of rl with the regions under it, on p's
 * last day: one pass over the register instead of a count per region and
 * rung.  out[i][k]: region rl->items[i], rung k (k == ladder_nrungs: high
 * growth).  ST_OK or ST_DB. */
#define LADDER_COUNTS 5
struct region_list;
int ladder_counts(struct db *db, const struct region_list *rl, struct period p,
                  long long (*out)[LADDER_COUNTS], char **err);

/* A firm a rung's count counts. */
struct ladder_firm {
	long long id;
	char     *name, *uscc, *region;   /* owned */
	char     *valid_to;               /* its certificate's end, or NULL; owned */
};
/* The firms of region (with those below it) that the count of rung
 * `tier` (ladder_rungs) takes on p's last day, by name.  ST_OK or ST_DB. */
int ladder_firms(struct db *db, const char *tier, long long region_id, struct period p,
                 struct ladder_firm **out, size_t *n, char **err);
void ladder_firms_free(struct ladder_firm *f, size_t n);

/* High-tech certificates of region (with those below it) valid on p's
 * last day, and how many of them lapse in the year after p's.  ST_OK or
 * ST_DB. */
int cert_counts(struct db *db, long long region_id, struct period p, long long *valid,
                long long *lapse_next_year, char **err);

/* A firm that meets the gazelle criteria (table gazelle_rule). */
struct gazelle {
	long long id;
	char     *name, *uscc, *region, *tier;   /* tier: CH_TIER value; owned */
	int       year_from, year_to;            /* the years compared */
	double    revenue_from, revenue_to;      /* yuan */
	double    growth_pct;                    /* average a year */
	double    rnd_pct;                       /* R&D / revenue in year_to; -1 unknown */
	long long employees;                     /* -1 unknown */
	int       in_pool;                       /* already in the gazelle reserve pool */
};
/* Firms of the region (0: all) below the gazelle rung on p's last day
 * whose latest yearly figures up to p's year meet the criteria, fastest
 * growing first.  ST_OK or ST_DB. */
int gazelle_candidates(struct db *db, long long region_id, struct period p,
                       struct gazelle **out, size_t *n, char **err);
void gazelle_free(struct gazelle *g, size_t n);
/* The criteria as one line, in the UI language.  Caller frees. */
char *gazelle_criteria_text(struct db *db);

#endif
