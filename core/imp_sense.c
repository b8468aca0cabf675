/* imp_sense.c: figures as offices write them and checked for sense (see
 * imp.h).  A cell may carry its unit ("46家", "12.5亿元", "3000万元"): it is
 * taken in the unit of its column (the indicator's, or yuan for money)
 * when the two are the same or both money, and refused otherwise.  An
 * observation's figure must then make sense for its indicator: a count
 * whole and not negative, a percent within 0-100 (a growth rate may be
 * more), nothing absurd; a jump of more than tenfold on the region's
 * previous figure is worth a warning. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/imp.h"
#include "core/value.h"

#define ABSURD 1e15     /* no figure of a city's ledger comes near this */

/* Units that count whole things. */
static const char *const count_units[] = {
	"家", "个", "人", "项", "件", "次", "场", "名", "位", "台", "套", "篇", "所", "户", "支", "团队", NULL
};

static int is_count_unit(const char *u)
{
	for (const char *const *p = count_units; *p; p++)
		if (strcmp(u, *p) == 0)
			return 1;
	return 0;
}

double imp_money_unit(const char *u)
{
	static const struct { const char *u; double yuan; } money[] = {
		{ "元", 1 }, { "千元", 1e3 }, { "万元", 1e4 }, { "十万元", 1e5 }, { "百万元", 1e6 },
		{ "千万元", 1e7 }, { "亿元", 1e8 }, { "万亿元", 1e12 },
	};
	for (size_t i = 0; u && i < sizeof money / sizeof money[0]; i++)
		if (strcmp(u, money[i].u) == 0)
			return money[i].yuan;
	return 0;
}

int imp_split_unit(const char *v, char *num, size_t size, const char **unit)
{
	size_t n = strspn(v, "0123456789.,+-()eE%");
	/* "1.5e3" keeps its e; a unit never starts with an ASCII letter here */
	if (n == 0 || v[n] == '\0' || n + 1 > size)
		return -1;
	memcpy(num, v, n);
	num[n] = '\0';
	for (*unit = v + n; **unit == ' '; (*unit)++)    /* "46 家" */
		;
	return **unit ? 0 : -1;
}

double imp_unit_factor(const char *from, const char *to)
{
	if (to == NULL || from == NULL)
		return 0;
	if (strcmp(from, to) == 0)
		return 1;
	double a = imp_money_unit(from), b = imp_money_unit(to);
	return a > 0 && b > 0 ? a / b : 0;
}

/* --- the indicators, for the checks ----------------------------------- */

const struct imp_ind *imp_ind_of(const struct imp *m, long long id)
{
	for (size_t i = 0; i < m->ninds; i++)
		if (m->inds[i].id == id)
			return &m->inds[i];
	return NULL;
}

int imp_inds_load(struct imp *m)
{
	sqlite3_stmt *st = db_prepare(m->db, "SELECT id, name, unit, kind FROM indicator", &m->err);
	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		m->inds = xrealloc(m->inds, (m->ninds + 1) * sizeof *m->inds);
		struct imp_ind *d = &m->inds[m->ninds++];
		const char *name = (const char *)sqlite3_column_text(st, 1);
		d->id = sqlite3_column_int64(st, 0);
		d->name = xstrdup(name);
		d->unit = xstrdup((const char *)sqlite3_column_text(st, 2));
		const char *kind = (const char *)sqlite3_column_text(st, 3);
		d->count = strcmp(kind, "count") == 0 && is_count_unit(d->unit);
		/* per head (每万人口…, 万人…) a count is an average, not whole */
		d->whole = d->count && strstr(name, "每") == NULL &&
		           strncmp(name, "万人", strlen("万人")) != 0;
		d->sums = (strcmp(kind, "count") == 0 || strcmp(kind, "amount") == 0) &&
		          strstr(name, "每") == NULL && strncmp(name, "万人", strlen("万人")) != 0;
		/* a growth rate may pass 100% or fall below 0 */
		d->pct = strcmp(kind, "percent") == 0 && strstr(name, "增长") == NULL &&
		         strstr(name, "增速") == NULL && strstr(name, "增幅") == NULL;
	}
	sqlite3_finalize(st);
	m->q_prev = db_prepare(m->db, "SELECT value, period FROM observation WHERE indicator_id = ?1"
	                       " AND region_id = ?2 AND period_end < ?3 AND value IS NOT NULL"
	                       " ORDER BY period_end DESC LIMIT 1", &m->err);
	return m->q_prev ? 0 : -1;
}

void imp_inds_free(struct imp *m)
{
	for (size_t i = 0; i < m->ninds; i++) {
		free(m->inds[i].name);
		free(m->inds[i].unit);
	}
	free(m->inds);
	m->inds = NULL;
	m->ninds = 0;
	sqlite3_finalize(m->q_prev);
	m->q_prev = NULL;
}

/* --- the checks -------------------------------------------------------- */

/* A jump of more than tenfold on the region's latest earlier figure. */
static void check_jump(struct imp *m, const struct imp_ind *d, double v, const char *raw,
                       const char *col)
{
	char end[16];
	if (m->cur_region == 0 || m->q_prev == NULL)
		return;
	sqlite3_bind_int64(m->q_prev, 1, d->id);
	sqlite3_bind_int64(m->q_prev, 2, m->cur_region);
	sqlite3_bind_text(m->q_prev, 3, period_end(m->cur_period, end, sizeof end), -1, SQLITE_TRANSIENT);
	if (sqlite3_step(m->q_prev) == SQLITE_ROW) {
		double prev = sqlite3_column_double(m->q_prev, 0);
		const char *per = (const char *)sqlite3_column_text(m->q_prev, 1);
		double a = fabs(v), b = fabs(prev);
		if (a > 0 && b > 0 && (a > 10 * b || b > 10 * a)) {
			char p[64];
			imp_say(m, IMP_WARNING, m->line, col, "\"%s\" for %s differs more than tenfold from "
			        "the region's previous figure, %s (%s); is the unit right?", raw, d->name,
			        fmt_num(p, sizeof p, prev, 6), per);
		}
	}
	sqlite3_reset(m->q_prev);
}

int imp_sense(struct imp *m, double v, const char *raw, const char *col)
{
	if (!isfinite(v) || fabs(v) >= ABSURD) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a plausible figure", raw);
		return -1;
	}
	const struct imp_ind *d = m->obs ? imp_ind_of(m, m->cur_ind) : NULL;
	if (d == NULL)
		return 0;
	if (d->count && v < 0) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\": %s counts %s and cannot be negative", raw,
		        d->name, d->unit);
		return -1;
	}
	if (d->whole && v != floor(v)) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\": %s counts whole %s", raw, d->name, d->unit);
		return -1;
	}
	if (d->pct && (v < 0 || v > 100)) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\": %s is a percent, from 0 to 100", raw, d->name);
		return -1;
	}
	check_jump(m, d, v, raw, col);
	return 0;
}

const char *imp_cell_target_unit(const struct imp *m, size_t f)
{
	const struct pfield *pf = &m->p->f[f];
	if (m->obs && strcmp(pf->col, "value") == 0) {
		const struct imp_ind *d = imp_ind_of(m, m->cur_ind);
		return d ? d->unit : NULL;
	}
	if (pf->type == FT_CENTS)
		return "元";
	return NULL;
}

int imp_cell_unit(struct imp *m, size_t f, const char *raw, const char *v, const char *col,
                  double *d, double *factor)
{
	char num[64];
	const char *unit;
	int pct;
	if (imp_split_unit(v, num, sizeof num, &unit) != 0 || value_number(num, d, &pct) != 0) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a number", raw);
		return -1;
	}
	const char *to = imp_cell_target_unit(m, f);
	if (to == NULL && m->p->f[f].type == FT_INT && is_count_unit(unit)) {
		*factor = 1;
		return 0;
	}
	double k = imp_unit_factor(unit, to);
	if (k == 0) {
		if (to != NULL && *to)
			imp_say(m, IMP_ERROR, m->line, col, "\"%s\": %s cannot be taken as %s, the unit of "
			        "this column", raw, unit, to);
		else
			imp_say(m, IMP_ERROR, m->line, col, "\"%s\": this column takes a figure without a "
			        "unit, not %s", raw, unit);
		return -1;
	}
	*factor = k;     /* the cell's own unit stands instead of the header's */
	return 0;
}

/* The unit column c's figures are written in: its header's, else its
 * indicator's.  Caller frees; NULL if none. */
static char *column_unit(const struct imp *m, size_t c)
{
	char *unit = NULL, *f = profile_fold_header(m->colname[c], &unit);
	free(f);
	if ((unit == NULL || *unit == '\0') && m->colind[c]) {
		const struct imp_ind *d = imp_ind_of(m, m->colind[c]);
		free(unit);
		unit = d ? xstrdup(d->unit) : NULL;
	} else if ((unit == NULL || *unit == '\0') && m->colfield[c] >= 0 &&
	           m->p->f[m->colfield[c]].type == FT_CENTS) {
		free(unit);
		unit = xstrdup("元");
	}
	return unit;
}

int imp_cell_figure(const struct imp *m, size_t c, const char *v, double *d)
{
	int pct;
	char num[64];
	const char *u;
	if (value_number(v, d, &pct) == 0)
		return 0;
	if (imp_split_unit(v, num, sizeof num, &u) != 0 || value_number(num, d, &pct) != 0)
		return -1;
	char *to = column_unit(m, c);
	double k = imp_unit_factor(u, to);
	free(to);
	if (k == 0)
		return -1;
	*d *= k;
	return 0;
}
