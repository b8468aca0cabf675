/* imp_cell.c: every cell of an import checked by its field's type and
 * bound into the staging table (see imp.h), a row at a time, long or wide. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/imp.h"
#include "core/utf8.h"
#include "core/value.h"


/* "'=SUM(A1)" is how export guards a text against being run as a
 * formula (csv_formula_like, core/csvwrite.h): the text is "=SUM(A1)".
 * The guard is taken off after trimming, so that a guarded TAB stays. */
static const char *unguard(const char *s, size_t *n)
{
	if (*n > 1 && s[0] == '\'' && csv_formula_like(s + 1)) {
		(*n)--;
		return s + 1;
	}
	return s;
}

/* s without ASCII and ideographic spaces at both ends, and without the
 * guard of a formula: *t, *tn. */
static void trim_span(const char *s, const char **t, size_t *tn)
{
	size_t n = strlen(s);
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			s++; n--;
		} else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 3; n -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	*t = unguard(s, &n);
	*tn = n;
}

/* Trimmed so.  Caller frees. */
char *imp_trimmed(const char *s)
{
	const char *t;
	size_t n;
	trim_span(s, &t, &n);
	return xstrndup(t, n);
}

/* A cell folded (value_fold) into buf, or if it does not fit there into
 * *heap (caller frees); unguarded. */
char *imp_fold_cell(const char *raw, char *buf, size_t size, char **heap)
{
	size_t n;
	char *v = value_fold_buf_n(raw, buf, size, &n);
	*heap = NULL;
	if (v == NULL) {
		v = *heap = value_fold(raw);
		n = strlen(v);
	}
	return (char *)unguard(v, &n);
}

/* An empty cell of field f: an error if it is required, else its default
 * or NULL.  0 or -1. */
static int empty_cell(struct imp *m, size_t f, const char *col)
{
	const struct pfield *pf = &m->p->f[f];
	if (pf->flags & PF_REQ) {
		imp_say(m, IMP_ERROR, m->line, col, "is empty, but %s needs it", profile_title(m->p));
		return -1;
	} else if (pf->dflt != NULL && (pf->type == FT_INT || pf->type == FT_BOOL)) {
		stage_bind_int(m->st, f, atoll(pf->dflt));
	} else if (pf->dflt != NULL) {
		stage_bind_text(m->st, f, pf->dflt, -1);
	} else {
		stage_bind_null(m->st, f);
	}
	return 0;
}

/* Check one cell of field f and bind it.  0, or -1 after saying why. */
/* --- one checker per type ---------------------------------------------
 * Each gets the cell as written (raw, for messages) and folded (v: not
 * empty, not "—"), checks it and binds the value of field f.  0, or -1
 * after saying why. */

typedef int (*cell_check_fn)(struct imp *m, size_t f, const char *raw, const char *v,
                             const char *col, double factor);

/* INT, REAL and CENTS: "1,234.5", "2.2%", full-width digits; the column's
 * unit (万元) converts money. */
static int check_number(struct imp *m, size_t f, const char *raw, const char *v,
                        const char *col, double factor)
{
	enum ftype t = m->p->f[f].type;
	double d;
	int pct;
	if (value_number(v, &d, &pct) != 0 && imp_cell_unit(m, f, raw, v, col, &d, &factor) != 0)
		return -1;
	d *= factor;
	if (imp_sense(m, d, raw, col) != 0)
		return -1;
	if (t == FT_INT && (d != floor(d) || fabs(d) > 9e15)) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a whole number", raw);
		return -1;
	}
	if (t == FT_CENTS && fabs(d) > 9e13) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is too large an amount", raw);
		return -1;
	}
	if (t == FT_INT)
		stage_bind_int(m->st, f, (long long)d);
	else if (t == FT_CENTS)
		stage_bind_int(m->st, f, llround(d * 100));
	else
		stage_bind_double(m->st, f, d);
	return 0;
}

static int check_year(struct imp *m, size_t f, const char *raw, const char *v,
                      const char *col, double factor)
{
	char *end;
	long y = strtol(v, &end, 10);
	(void)factor;
	if (strcmp(end, "年") == 0)
		end += strlen(end);
	if (end == v || *end != '\0' || y < 1900 || y > 2999) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a year", raw);
		return -1;
	}
	stage_bind_int(m->st, f, y);
	return 0;
}

static int check_date(struct imp *m, size_t f, const char *raw, const char *v,
                      const char *col, double factor)
{
	char d[11];
	(void)factor;
	if (value_date(v, d) != 0) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a date (write 2023-12-02, 2023/12/2, "
		        "2023.12.2, 2023年12月2日 or 20231202)", raw);
		return -1;
	}
	stage_bind_text(m->st, f, d, -1);
	return 0;
}

static int check_bool(struct imp *m, size_t f, const char *raw, const char *v,
                      const char *col, double factor)
{
	int b;
	struct seen *c;
	size_t at;
	(void)factor;
	if ((c = imp_seen_find(m, f, v, &at)) != NULL) {
		stage_bind_int(m->st, f, c->id[at]);
		return 0;
	}
	if (value_bool(v, &b) != 0) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is neither 是 nor 否 (yes/no)", raw);
		return -1;
	}
	imp_seen_add(m, f, v, b, NULL);
	stage_bind_int(m->st, f, b);
	return 0;
}

static int check_uscc(struct imp *m, size_t f, const char *raw, const char *v,
                      const char *col, double factor)
{
	char code[19], expect;
	const char *why;
	int u = value_uscc(v, code, &why, &expect);
	(void)factor;
	if (u == -2) {
		imp_say(m, IMP_ERROR, m->line, col,
		        "\"%s\" is not a valid USCC (check character should be %c)", raw, expect);
		return -1;
	}
	if (u != 0) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a valid USCC (%s)", raw, tr(why));
		return -1;
	}
	stage_bind_text(m->st, f, code, 18);
	return 0;
}

static int check_period(struct imp *m, size_t f, const char *raw, const char *v,
                        const char *col, double factor)
{
	char buf[16];
	(void)factor;
	if (period_parse_in(v, m->title_year, &m->cur_period) != 0) {
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not a period (write 2025, 2025Q3, "
		        "2025年第三季度, 2025年1-9月, 2025年上半年 or 2025-09)", raw);
		return -1;
	}
	m->cur_has_period = 1;
	stage_bind_text(m->st, f, period_format(m->cur_period, buf, sizeof buf), -1);
	return 0;
}

/* A printed form's list of choices with one ticked, as a clerk fills it
 * in: "□研制阶段；☑小批量生产阶段；□其他", or one choice with its tick
 * ("√新材料"): the ticked choice.  NULL if v has no tick, or more than
 * one.  Caller frees. */
static char *ticked_choice(const char *v)
{
	static const char *const ticks[] = { "☑", "☒", "■", "√", "✓", "✔", "▣", "⊠", NULL };
	static const char *const seps[] = { "□", "；", ";", "，", ",", "、", " ", NULL };
	const char *hit = NULL;
	for (const char *q = v; *q; q++)
		for (const char *const *t = ticks; *t; t++)
			if (strncmp(q, *t, strlen(*t)) == 0) {
				if (hit != NULL)
					return NULL;          /* two ticked */
				hit = q + strlen(*t);
			}
	if (hit == NULL)
		return NULL;
	size_t n = strlen(hit);
	for (const char *const *sp = seps; *sp; sp++) {
		const char *e = strstr(hit, *sp);
		if (e != NULL && (size_t)(e - hit) < n)
			n = (size_t)(e - hit);
	}
	return xstrndup(hit, n);
}

/* A choice: its label, an alias or its stored value (core/choice.h). */
static int check_enum(struct imp *m, size_t f, const char *raw, const char *v,
                      const char *col, double factor)
{
	const struct pfield *pf = &m->p->f[f];
	char buf[64];
	struct seen *c;
	size_t at;
	(void)factor;
	if ((c = imp_seen_find(m, f, v, &at)) != NULL) {
		stage_bind_text(m->st, f, c->val[at], -1);
		return 0;
	}
	char *tick = ticked_choice(v);
	const char *s = profile_enum_value(pf, tick ? tick : v, buf, sizeof buf);
	free(tick);
	if (s == NULL) {
		char *list = profile_enum_list(pf);
		imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not one of: %s", raw, list);
		free(list);
		return -1;
	}
	if (strlen(s) < sizeof c->val[0])
		imp_seen_add(m, f, v, 0, s);
	stage_bind_text(m->st, f, s, -1);
	return 0;
}

/* The row's indicator and region, for the checks of its figure. */
static void note_ref(struct imp *m, size_t f, long long id)
{
	if (m->p->f[f].type == FT_INDICATOR)
		m->cur_ind = id;
	else if (m->p->f[f].type == FT_REGION)
		m->cur_region = id;
}

/* A reference: the row of another table the cell names (imp_lookup.c). */
static int check_ref(struct imp *m, size_t f, const char *raw, const char *v,
                     const char *col, double factor)
{
	const char *what;
	char *known;
	struct seen *c;
	size_t at;
	(void)factor;
	if ((c = imp_seen_find(m, f, v, &at)) != NULL) {
		stage_bind_int(m->st, f, c->id[at]);
		note_ref(m, f, c->id[at]);
		return 0;
	}
	long long id = imp_ref_find(m, m->p->f[f].type, v, &what, &known);
	long at_code = -1;
	if (id == 0 && m->p->f[f].type == FT_REGION_CODE) {
		char *fv = fold_name(raw);     /* as codes are looked up */
		at_code = imp_code_seen(m, fv);
		free(fv);
	}
	if (at_code >= 0) {
		/* the parent is a row above in this file: set once it is in */
		free(known);
		int kc = m->fieldcol[imp_field(m, "code")];
		m->pend = xrealloc(m->pend, (m->npend + 1) * sizeof *m->pend);
		m->pend[m->npend].line = m->line;
		m->pend[m->npend].code = imp_trimmed(imp_cell(m->row, (size_t)kc));
		m->pend[m->npend].parent = xstrdup(m->codes[2 * at_code + 1]);
		m->npend++;
		stage_bind_null(m->st, f);
		return 0;
	}
	if (id == 0) {
		if (known && *known)
			imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not %s (known: %s)", raw, tr(what),
			        known);
		else
			imp_say(m, IMP_ERROR, m->line, col, "\"%s\" is not %s", raw, tr(what));
		free(known);
		return -1;
	}
	free(known);
	stage_bind_int(m->st, f, id);
	imp_seen_add(m, f, v, id, NULL);
	note_ref(m, f, id);
	return 0;
}

static const cell_check_fn checkers[] = {
	[FT_INT] = check_number, [FT_REAL] = check_number, [FT_CENTS] = check_number,
	[FT_YEAR] = check_year, [FT_DATE] = check_date, [FT_BOOL] = check_bool,
	[FT_USCC] = check_uscc, [FT_PERIOD] = check_period, [FT_ENUM] = check_enum,
	[FT_REGION] = check_ref, [FT_REGION_CODE] = check_ref, [FT_INDICATOR] = check_ref,
	[FT_INSTITUTE] = check_ref, [FT_ENTERPRISE] = check_ref, [FT_DOC] = check_ref,
	[FT_TASK] = check_ref, [FT_EVENT] = check_ref,
};

/* Text is kept as written, trimmed of ASCII and ideographic spaces. */
static int check_text(struct imp *m, size_t f, const char *raw, const char *col)
{
	const struct pfield *pf = &m->p->f[f];
	const char *t;
	size_t tn;
	trim_span(raw, &t, &tn);
	if (tn == 0)
		return empty_cell(m, f, col);
	/* (a text of no more bytes than the limit has no more characters) */
	if (pf->maxlen > 0 && tn > (size_t)pf->maxlen && utf8_count(t, tn) > (size_t)pf->maxlen) {
		imp_say(m, IMP_ERROR, m->line, col, "is %zu characters long; at most %d are allowed",
		        utf8_count(t, tn), pf->maxlen);
		return -1;
	}
	stage_bind_text(m->st, f, t, (int)tn);
	return 0;
}

/* Check one cell of field f and bind it.  0, or -1 after saying why. */
static int check_cell(struct imp *m, size_t f, const char *raw, const char *col, double factor)
{
	enum ftype t = m->p->f[f].type;
	if (t == FT_TEXT)
		return check_text(m, f, raw, col);
	char fbuf[256], *heap;
	char *v = imp_fold_cell(raw, fbuf, sizeof fbuf, &heap);
	int rc;
	if (*v == '\0' || value_missing(v))
		rc = empty_cell(m, f, col);
	else if ((size_t)t < sizeof checkers / sizeof checkers[0] && checkers[t] != NULL)
		rc = checkers[t](m, f, raw, v, col, factor);
	else
		rc = empty_cell(m, f, col);     /* derived: never in a file */
	free(heap);
	return rc;
}

static int finish_record(struct imp *m, int bad, const char *keycol)
{
	int fi_end = m->fi_end;
	if (bad)
		return 0;
	if (fi_end >= 0 && stage_pos(m->st, (size_t)fi_end)) {
		char buf[16];
		stage_bind_text(m->st, (size_t)fi_end, period_end(m->cur_period, buf, sizeof buf), -1);
	}
	(void)keycol;
	if (stage_row(m->st, m->line, &m->err) != 0)
		return -1;
	m->res->rows++;
	return 0;
}

void imp_on_duplicate(void *ctx, long line, long first)
{
	struct imp *m = ctx;
	const char *col = NULL;
	for (size_t i = 0; i < m->p->n && !m->wide; i++)
		if ((m->p->f[i].flags & PF_KEY) && m->fieldcol[i] >= 0) {
			col = m->colname[m->fieldcol[i]];
			break;
		}
	m->line = 0;   /* the Excel row of this line is not known any more */
	imp_say(m, IMP_ERROR, line, col, "the same %s as line %ld (each may appear only once in a file)",
	    (m->obs ? tr("indicator, region and period") : tr("key")), first);
}

/* The name of the first key column, for duplicate messages. */
static const char *key_colname(struct imp *m)
{
	for (size_t i = 0; i < m->p->n; i++)
		if ((m->p->f[i].flags & PF_KEY) && m->fieldcol[i] >= 0)
			return m->colname[m->fieldcol[i]];
	return NULL;
}

long imp_code_seen(const struct imp *m, const char *v)
{
	for (size_t i = 0; i < m->ncodes; i++)
		if (strcmp(m->codes[2 * i], v) == 0)
			return (long)i;
	return -1;
}

/* Remember the row's code, for parents named by it further down. */
static void keep_code(struct imp *m, const struct csv_row *row)
{
	int has_parent = 0;
	for (size_t i = 0; i < m->p->n; i++)
		has_parent |= m->p->f[i].type == FT_REGION_CODE;
	if (!has_parent)             /* (before looking for the field by name, on every row) */
		return;
	int fi = imp_field(m, "code");
	if (fi < 0 || m->fieldcol[fi] < 0)
		return;
	const char *raw = imp_cell(row, (size_t)m->fieldcol[fi]);
	char *v = fold_name(raw);
	if (*v != '\0' && imp_code_seen(m, v) < 0) {
		if (m->ncodes == m->capcodes) {
			m->capcodes = m->capcodes ? m->capcodes * 2 : 64;
			m->codes = xrealloc(m->codes, 2 * m->capcodes * sizeof *m->codes);
		}
		m->codes[2 * m->ncodes] = v;                      /* folded */
		m->codes[2 * m->ncodes + 1] = imp_trimmed(raw);   /* as stored */
		m->ncodes++;
		return;
	}
	free(v);
}

/* A row of a long sheet whose region is 全市 or 合计: kept for
 * imp_check_city_rows. */
static void note_city_row(struct imp *m, const struct csv_row *row)
{
	int c = m->fieldcol[imp_field(m, "region_id")];
	if (c < 0)
		return;
	char buf[64], *heap, *v = imp_fold_cell(imp_cell(row, (size_t)c), buf, sizeof buf, &heap);
	int word = imp_total_word(v);
	free(heap);
	if (word == 0)
		return;
	m->cityrows = xrealloc(m->cityrows, (m->ncityrows + 1) * sizeof *m->cityrows);
	m->cityrows[m->ncityrows].line = m->line;
	m->cityrows[m->ncityrows].word = word;
	m->ncityrows++;
}

int imp_check_long(struct imp *m, const struct csv_row *row)
{
	int bad = 0;
	m->row = row;
	if (m->obs) {
		/* an observation without a figure ("—", blank) is no observation */
		int c = m->fieldcol[imp_field(m, "value")];
		char buf[256], *heap, *v = imp_fold_cell(imp_cell(row, (size_t)c), buf, sizeof buf, &heap);
		int missing = value_missing(v);
		free(heap);
		if (missing) {
			m->res->skipped++;
			return 0;
		}
	}
	m->cur_has_period = 0;
	m->cur_ind = 0;
	m->cur_region = m->region_id;
	if (m->has_period)
		m->cur_period = m->period;
	for (size_t i = 0; i < m->p->n; i++) {
		if (!stage_pos(m->st, i) || (m->p->f[i].flags & PF_DERIVED))
			continue;
		int c = m->fieldcol[i];
		if (c < 0 && imp_supplied(m, i)) {
			if (m->p->f[i].type == FT_PERIOD)
				stage_bind_text(m->st, i, m->period_s, -1);
			else
				stage_bind_int(m->st, i, m->region_id);
			continue;
		}
		if (c < 0) {
			stage_bind_null(m->st, i);
			continue;
		}
		if (check_cell(m, i, imp_cell(row, (size_t)c), m->colname[c], m->colfactor[c]) != 0)
			bad = 1;
	}
	keep_code(m, row);
	if (m->obs && !bad)
		note_city_row(m, row);
	return finish_record(m, bad, key_colname(m));
}

/* A wide row: one observation per indicator column with a figure. */
int imp_check_wide(struct imp *m, const struct csv_row *row)
{
	int fi_ind = imp_field(m, "indicator_id"), fi_reg = imp_field(m, "region_id");
	int fi_per = imp_field(m, "period"), fi_val = imp_field(m, "value");
	int base_bad = 0;
	int rc = 0;
	m->cur_region = m->region_id;
	if (m->force_region) {
		m->cur_region = m->force_region;
		stage_bind_int(m->st, (size_t)fi_reg, m->force_region);
	} else if (m->fieldcol[fi_reg] >= 0) {
		int c = m->fieldcol[fi_reg];
		base_bad |= check_cell(m, (size_t)fi_reg, imp_cell(row, (size_t)c), m->colname[c], 1) != 0;
		if (!base_bad)
			imp_note_region(m, m->cur_region);
	} else {
		stage_bind_int(m->st, (size_t)fi_reg, m->region_id);
	}
	if (m->fieldcol[fi_per] >= 0) {
		int c = m->fieldcol[fi_per];
		base_bad |= check_cell(m, (size_t)fi_per, imp_cell(row, (size_t)c), m->colname[c], 1) != 0;
	} else {
		char buf[16];
		m->cur_period = m->period;
		stage_bind_text(m->st, (size_t)fi_per, period_format(m->period, buf, sizeof buf), -1);
	}
	for (size_t c = 0; c < m->ncol && rc == 0; c++) {
		if (!m->colind[c])
			continue;
		const char *raw = imp_cell(row, c);
		char buf[256], *heap, *v = imp_fold_cell(raw, buf, sizeof buf, &heap);
		int missing = value_missing(v);
		free(heap);
		if (missing)
			continue;
		stage_bind_int(m->st, (size_t)fi_ind, m->colind[c]);
		m->cur_ind = m->colind[c];
		int bad = check_cell(m, (size_t)fi_val, raw, m->colname[c], m->colfactor[c]) != 0;
		rc = finish_record(m, base_bad || bad, m->colname[c]);
	}
	return rc;
}

