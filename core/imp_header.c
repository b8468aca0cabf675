/* imp_header.c: the header row of an import (see imp.h).  The header is
 * the first row that names the kind's required fields; rows above it are
 * titles (which may say the period), units in brackets convert money.
 * Observations come long (one row per indicator, region and period) or
 * wide (regions down, indicators across). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/imp.h"

/* --- periods in titles, units in headers ------------------------------- */

/* The longest period_parse_in(prefix of q, year) of at most 24 bytes: 0
 * if there is one. */
static int period_at(const char *q, int year, struct period *p)
{
	size_t len = strlen(q);
	if (len > 24)
		len = 24;
	for (; len >= 2; len--) {
		char buf[32];
		memcpy(buf, q, len);
		buf[len] = '\0';
		if (year ? period_parse(buf, p) != 0 && period_parse_in(buf, year, p) == 0
		         : period_parse(buf, p) == 0)
			return 0;
	}
	return -1;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A period written somewhere in the title lines: "2025年第三季度各县区…",
 * "2025年1-9月", "2025-09"; or a year ("2026年…") and, elsewhere, a part
 * of it without the year ("1—9月", "三季度").  0 if found. */
static int title_period(const char *s, struct period *p)
{
	int found = 0;
	for (const char *q = s; *q && !found; q++) {
		if (!((q[0] == '1' || q[0] == '2') && is_digit(q[1]) && is_digit(q[2]) && is_digit(q[3])) ||
		    (q > s && is_digit(q[-1])) || is_digit(q[4]))
			continue;
		found = period_at(q, 0, p) == 0;
	}
	if (!found || p->quarter != 0)
		return found ? 0 : -1;
	for (const char *q = s; *q; q++) {
		struct period part;
		if ((q > s && is_digit(q[-1])) || (*q & 0xC0) == 0x80)
			continue;
		if (period_at(q, p->year, &part) == 0 && part.year == p->year) {
			*p = part;
			break;
		}
	}
	return 0;
}

int imp_file_period(const struct imp *m, struct period *p)
{
	if (m->has_period) {
		*p = m->period;
		return 0;
	}
	return title_period(m->title.s ? m->title.s : "", p);
}

/* --- new spellings of a header ------------------------------------------
 * Offices write the same column many ways: 县（市、区）, 县(市、区、园区),
 * 所在县（市、区）, 成果所在院、系、实验室, 简介（限500字）.  When a header is not
 * one of a field's names as written, both it and the names are reduced by
 * one rule and compared again: folded (full-width forms, spaces), every
 * bracketed part dropped with its brackets ((), [], 【】 and their
 * full-width forms: a unit, a note, a list of kinds of region), the
 * separators 、 and / dropped, and a leading 所在 or 所属 dropped.  This is
 * the only place the rule is written; the names stay in core/profile.c. */

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* A header or a name reduced by the rule above; the content of the last
 * bracketed part, when it ends the text, in *unit (caller frees) if unit
 * is not NULL.  Caller frees. */
char *import_header_reduce(const char *header, char **unit)
{
	char *f = fold_name(header);     /* （ ） 【 】 are ( ) [ ] now */
	struct sbuf b = { 0 };
	const char *last_open = NULL, *last_close = NULL;
	int depth = 0;
	if (unit != NULL)
		*unit = NULL;
	for (const char *s = f; *s; ) {
		if (*s == '(' || *s == '[') {
			if (depth++ == 0)
				last_open = s;
			s++;
		} else if ((*s == ')' || *s == ']') && depth > 0) {
			if (--depth == 0)
				last_close = s;
			s++;
		} else if (depth > 0) {
			s++;
		} else if (starts_with(s, "、")) {
			s += strlen("、");
		} else if (*s == '/' || *s == '*') {
			s++;
		} else {
			sbuf_add(&b, s, 1);
			s++;
		}
	}
	if (unit != NULL && last_close != NULL && last_close[1] == '\0' && last_open < last_close)
		*unit = xstrndup(last_open + 1, (size_t)(last_close - last_open - 1));
	free(f);
	char *r = sbuf_take(&b);
	if (r == NULL)
		r = xstrdup("");
	for (int i = 0; i < 2; i++) {
		static const char *const prefix[] = { "所在", "所属" };
		if (starts_with(r, prefix[i]) && r[strlen(prefix[i])] != '\0')
			memmove(r, r + strlen(prefix[i]), strlen(r) - strlen(prefix[i]) + 1);
	}
	return r;
}

/* Does reduced header h equal one of the '|'-separated names, reduced? */
static int reduced_match(const char *h, const char *names)
{
	int hit = 0;
	for (const char *p = names; p && *p && !hit; ) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char *one = xstrndup(p, len), *r = import_header_reduce(one, NULL);
		hit = *r && strcmp(r, h) == 0;
		free(r);
		free(one);
		p += len + (bar ? 1 : 0);
	}
	return hit;
}

int import_header_field(const struct profile *p, const char *header, char **unit)
{
	int hit = profile_match(p, header, unit);
	if (hit >= 0)
		return hit;
	char *u = NULL, *h = import_header_reduce(header, &u);
	/* a field's key and Chinese name first, then its other names (as
	 * profile_match does) */
	for (int pass = 0; pass < 2 && hit < 0 && *h; pass++)
		for (size_t i = 0; i < p->n && hit < 0; i++) {
			const struct pfield *f = &p->f[i];
			if (f->flags & (PF_DERIVED | PF_VIEW))
				continue;
			if (reduced_match(h, f->key) || reduced_match(h, f->zh) ||
			    (pass == 1 && (reduced_match(h, f->en) || reduced_match(h, f->aliases))))
				hit = (int)i;
		}
	free(h);
	if (hit >= 0 && unit != NULL)
		*unit = u;
	else
		free(u);
	return hit;
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
	free(m->coldup);
	free(m->sum_all);
	free(m->sum_sec);
	m->colname = NULL;
	m->colfield = NULL;
	m->colind = NULL;
	m->colfactor = NULL;
	m->colsum = NULL;
	m->coldup = NULL;
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

/* The indicator a header cell of a wide sheet names: as written without
 * its unit, or reduced by the rule for new spellings.  0 if none. */
static long long header_indicator(struct imp *m, const char *h)
{
	char *folded = profile_fold_header(h, NULL);
	long long id = imp_lk_find_folded(&m->maps[FT_INDICATOR], folded);
	free(folded);
	if (id == 0) {
		folded = import_header_reduce(h, NULL);
		id = *folded ? imp_lk_find_folded(&m->maps[FT_INDICATOR], folded) : 0;
		free(folded);
	}
	return id;
}

void imp_col_label(const struct imp *m, struct sbuf *b, const char *col)
{
	for (size_t c = 0; c < m->ncol; c++)
		if (m->colname[c] == col) {
			sbuf_printf(b, tr("column %zu %s: "), c + 1, col);
			return;
		}
	sbuf_printf(b, tr("column %s: "), col);
}

int imp_beyond_header(struct imp *m, const struct csv_row *row)
{
	/* right of the last column the header names: under a blank header
	 * cell, or past the header's end */
	size_t last = m->ncol;
	while (last > 0 && imp_blank(m->colname[last - 1]))
		last--;
	for (size_t c = last; c < row->n; c++)
		if (row->f[c] && !imp_blank(row->f[c])) {
			imp_say(m, IMP_ERROR, m->line, NULL, "a cell in column %zu, right of the header's last "
			        "column (%zu, %s): \"%s\"", c + 1, last, last ? m->colname[last - 1] : "",
			        row->f[c]);
			return 1;
		}
	return 0;
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
	m->coldup = xcalloc(n, sizeof *m->coldup);
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
		m->coldup[c] = -1;
		if (imp_blank(h))
			continue;
		int f = import_header_field(m->p, h, &unit);
		if (f >= 0 && m->fieldcol[f] < 0) {
			m->colfield[c] = f;
			m->fieldcol[f] = (int)c;
			hits++;
			if (m->p->f[f].type == FT_CENTS && imp_money_unit(unit) > 0)
				m->colfactor[c] = imp_money_unit(unit);
		} else if (f >= 0) {
			m->coldup[c] = m->fieldcol[f];     /* refused once this is the header */
		} else if (m->obs) {
			m->colind[c] = header_indicator(m, h);
			for (size_t e = 0; e < c && m->colind[c]; e++)
				if (m->colind[e] == m->colind[c]) {
					m->coldup[c] = (int)e;
					m->colind[c] = 0;
				}
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
		sbuf_printf(&miss, "%s%s", miss.len ? tr(", ") : "", name);
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
			double a = imp_money_unit(unit), b = imp_money_unit(iunit);
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

/* 序号: the sheet's own numbering of its rows, in nearly every office's
 * table; nothing to import and nothing to warn of. */
static int row_number_column(const char *h)
{
	char *f = fold_name(h);
	int yes = strcmp(f, "序号") == 0 || strcmp(f, "no.") == 0;
	free(f);
	return yes;
}

int imp_header_begin(struct imp *m, const struct csv_row *row)
{
	struct period tp;
	m->have_header = 1;
	m->header_line = row->line;
	if (title_period(m->title.s ? m->title.s : "", &tp) == 0)
		m->title_year = tp.year;     /* for periods without their year: 1-9月 */
	say_layout(m);
	for (size_t c = 0; c < m->ncol; c++) {
		int f = m->colfield[c];
		if (m->coldup[c] >= 0) {
			int e = m->coldup[c];
			imp_say(m, IMP_ERROR, row->line, NULL, "columns %d %s and %zu %s mean the same; "
			        "keep one of them", e + 1, m->colname[e], c + 1, m->colname[c]);
		} else if (m->colind[c]) {
			indicator_column(m, c, row->line);
		} else if (f < 0) {
			if (!imp_blank(m->colname[c]) && !row_number_column(m->colname[c]))
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

