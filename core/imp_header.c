/* imp_header.c: the header row of an import (see imp.h).  The header is
 * the first row that names the kind's required fields; rows above it are
 * titles (which may say the period), units in brackets convert money.
 * Observations come long (one row per indicator, region and period) or
 * wide (regions down, indicators across). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/imp.h"

/* --- periods in titles, units in headers ------------------------------- */

/* A period written somewhere in a title: "2025年第三季度各县区…", "2025年1-9月",
 * "2025-09".  0 if found. */
static int title_period(const char *s, struct period *p)
{
	for (const char *q = s; *q; q++) {
		if (!((q[0] == '1' || q[0] == '2') && q[1] >= '0' && q[1] <= '9' &&
		      q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9') ||
		    (q > s && q[-1] >= '0' && q[-1] <= '9') || (q[4] >= '0' && q[4] <= '9'))
			continue;
		/* 2025年1-9月: through the quarter of the last month */
		int y, a, b, n = 0;
		if (sscanf(q, "%4d年%d-%d月%n", &y, &a, &b, &n) == 3 && n > 0 && b >= 1 && b <= 12) {
			p->year = y;
			p->quarter = b == 12 ? 0 : (b - 1) / 3 + 1;
			return 0;
		}
		size_t len = strlen(q);
		if (len > 24)
			len = 24;
		for (; len >= 4; len--) {
			char buf[32];
			memcpy(buf, q, len);
			buf[len] = '\0';
			if (period_parse(buf, p) == 0)
				return 0;
		}
	}
	return -1;
}

/* Yuan per unit of a money unit; 0 if it is not one. */
static double money_unit(const char *u)
{
	if (u == NULL || *u == '\0' || strcmp(u, "元") == 0)
		return u && *u ? 1 : 0;
	if (strcmp(u, "千元") == 0) return 1e3;
	if (strcmp(u, "万元") == 0) return 1e4;
	if (strcmp(u, "百万元") == 0) return 1e6;
	if (strcmp(u, "亿元") == 0) return 1e8;
	return 0;
}

/* --- the header -------------------------------------------------------- */

const char *imp_cell(const struct csv_row *row, size_t c)
{
	return c < row->n && row->f[c] ? row->f[c] : "";
}

int imp_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
			       (unsigned char)s[2] == 0x80 ? imp_blank(s + 3) : 0;
	return 1;
}

void imp_header_free(struct imp *m)
{
	for (size_t c = 0; c < m->ncol; c++)
		free(m->colname[c]);
	free(m->colname);
	free(m->colfield);
	free(m->colind);
	free(m->colfactor);
	free(m->colsum);
	free(m->sum_all);
	free(m->sum_sec);
	m->colname = NULL;
	m->colfield = NULL;
	m->colind = NULL;
	m->colfactor = NULL;
	m->colsum = NULL;
	m->sum_all = m->sum_sec = NULL;
	m->ncol = 0;
}

/* A field given on the command line (--period, --region) for observations. */
int imp_supplied(const struct imp *m, size_t f)
{
	const char *col = m->p->f[f].col;
	return m->obs && ((m->has_period && strcmp(col, "period") == 0) ||
	                     (m->region_id && strcmp(col, "region_id") == 0));
}

int imp_field(const struct imp *m, const char *col)
{
	for (size_t i = 0; i < m->p->n; i++)
		if (strcmp(m->p->f[i].col, col) == 0)
			return (int)i;
	return -1;
}

/* Try row as the header.  1 if it is one (the mapping is then set up). */
int imp_header_try(struct imp *m, const struct csv_row *row)
{
	size_t n = row->n;
	int hits = 0, inds = 0;
	m->ncol = n;
	m->colname = xcalloc(n, sizeof *m->colname);
	m->colfield = xcalloc(n, sizeof *m->colfield);
	m->colind = xcalloc(n, sizeof *m->colind);
	m->colfactor = xcalloc(n, sizeof *m->colfactor);
	m->colsum = xcalloc(n, sizeof *m->colsum);
	m->sum_all = xcalloc(n, sizeof *m->sum_all);
	m->sum_sec = xcalloc(n, sizeof *m->sum_sec);
	for (size_t i = 0; i < m->p->n; i++)
		m->fieldcol[i] = -1;
	for (size_t c = 0; c < n; c++) {
		char *unit = NULL;
		const char *h = imp_cell(row, c);
		m->colname[c] = xstrdup(h);
		m->colfactor[c] = 1;
		m->colfield[c] = -1;
		if (imp_blank(h))
			continue;
		int f = profile_match(m->p, h, &unit);
		if (f >= 0 && m->fieldcol[f] < 0) {
			m->colfield[c] = f;
			m->fieldcol[f] = (int)c;
			hits++;
			if (m->p->f[f].type == FT_CENTS && money_unit(unit) > 0)
				m->colfactor[c] = money_unit(unit);
		} else if (f < 0 && m->obs) {
			char *folded = profile_fold_header(h, NULL);
			m->colind[c] = imp_lk_find_folded(&m->maps[FT_INDICATOR], folded);
			free(folded);
			inds += m->colind[c] != 0;
		}
		free(unit);
	}
	/* which required fields are missing */
	struct sbuf miss = { 0 };
	int fi_ind = imp_field(m, "indicator_id"), fi_val = imp_field(m, "value");
	int fi_per = imp_field(m, "period");
	int wide = m->obs && inds > 0 && m->fieldcol[fi_ind] < 0 && m->fieldcol[fi_val] < 0;
	for (size_t i = 0; i < m->p->n; i++) {
		if (!(m->p->f[i].flags & PF_REQ) || m->fieldcol[i] >= 0 || imp_supplied(m, i))
			continue;
		if (wide && ((int)i == fi_ind || (int)i == fi_val))
			continue;
		if (wide && (int)i == fi_per && title_period(m->title.s ? m->title.s : "", &m->period) == 0)
			continue;
		char *name = profile_name(&m->p->f[i], 1);
		sbuf_printf(&miss, "%s%s", miss.len ? ", " : "", name);
		free(name);
	}
	if (miss.len == 0 && (hits > 0 || wide)) {
		sbuf_free(&miss);
		m->wide = wide;
		return 1;
	}
	if (hits + inds > m->best_hits) {
		m->best_hits = hits + inds;
		m->best_line = row->line;
		free(m->best_missing);
		m->best_missing = sbuf_take(&miss);
	}
	sbuf_free(&miss);
	imp_header_free(m);
	return 0;
}

int imp_file_period(struct imp *m, struct period *p)
{
	if (m->has_period) {
		*p = m->period;
		return 0;
	}
	return title_period(m->title.s ? m->title.s : "", p);
}

/* Say how observations are laid out, and where the period comes from. */
static void say_layout(struct imp *m)
{
	int fi_per = imp_field(m, "period");
	if (!m->wide) {
		if (m->obs)
			imp_say(m, IMP_INFO, 0, NULL, "long table (one row per indicator, region and period)");
		return;
	}
	int fi_ind = imp_field(m, "indicator_id"), fi_val = imp_field(m, "value");
	m->present[fi_ind] = m->present[fi_val] = 1;
	if (m->fieldcol[fi_per] < 0 && !m->has_period) {
		char buf[16];
		title_period(m->title.s, &m->period);
		m->has_period = 1;
		imp_say(m, IMP_INFO, 0, NULL, "wide table (regions down, indicators across); "
		        "period %s taken from the title line", period_format(m->period, buf, sizeof buf));
	} else if (m->fieldcol[fi_per] < 0) {
		imp_say(m, IMP_INFO, 0, NULL, "wide table (regions down, indicators across); "
		        "period %s from --period", m->period_s);
	} else {
		imp_say(m, IMP_INFO, 0, NULL, "wide table (regions down, indicators across); "
		        "period from column %s", m->colname[m->fieldcol[fi_per]]);
	}
}

/* An indicator's column of a wide table: whether a 合计 is its sum, and
 * the unit of the header against the indicator's. */
static void indicator_column(struct imp *m, size_t c, long line)
{
	char *unit = NULL, *f2 = profile_fold_header(m->colname[c], &unit);
	free(f2);
	sqlite3_bind_int64(m->q_ind_kind, 1, m->colind[c]);
	if (sqlite3_step(m->q_ind_kind) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(m->q_ind_kind, 0);
		const char *iunit = (const char *)sqlite3_column_text(m->q_ind_kind, 1);
		m->colsum[c] = strcmp(kind, "count") == 0 || strcmp(kind, "amount") == 0;
		if (unit && *unit && strcmp(unit, iunit) != 0) {
			double a = money_unit(unit), b = money_unit(iunit);
			if (a > 0 && b > 0) {
				m->colfactor[c] = a / b;
				imp_say(m, IMP_INFO, line, m->colname[c], "figures in %s are converted to %s",
				        unit, iunit);
			} else {
				imp_say(m, IMP_WARNING, line, m->colname[c],
				        "the header says %s but the indicator is in %s; figures taken as written",
				        unit, *iunit ? iunit : "no unit");
			}
		}
	}
	sqlite3_reset(m->q_ind_kind);
	free(unit);
}

int imp_header_begin(struct imp *m, const struct csv_row *row)
{
	m->have_header = 1;
	m->header_line = row->line;
	say_layout(m);
	for (size_t c = 0; c < m->ncol; c++) {
		int f = m->colfield[c];
		if (m->colind[c]) {
			indicator_column(m, c, row->line);
		} else if (f < 0) {
			if (!imp_blank(m->colname[c]))
				imp_say(m, IMP_WARNING, row->line, m->colname[c],
				        "not a column of %s; its cells are not imported", profile_title(m->p));
		} else {
			const struct pfield *pf = &m->p->f[f];
			m->present[f] = 1;
			m->colsum[c] = !m->obs && !(pf->flags & PF_KEY) &&
			               (pf->type == FT_INT || pf->type == FT_REAL || pf->type == FT_CENTS);
		}
	}
	for (size_t i = 0; i < m->p->n; i++)
		if (imp_supplied(m, i))
			m->present[i] = 1;
	int fi_per = imp_field(m, "period"), fi_end = imp_field(m, "period_end");
	if (fi_end >= 0 && (m->present[fi_per] || m->has_period))
		m->present[fi_per] = m->present[fi_end] = 1;
	m->st = stage_new(m->db, m->p, m->present, &m->err);
	return m->st ? 0 : -1;
}

