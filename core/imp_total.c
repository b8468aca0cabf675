/* imp_total.c: Excel's habits below an import's header (see imp.h): note
 * lines (注：, 数据来源, 填表人, ...) end the data; 合计 and 总计 rows are
 * checked against the sums of the rows above, 小计 rows against the rows
 * since the last 小计, and skipped. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/imp.h"
#include "core/value.h"

static const char *const note_prefix[] = {
	"注:", "注：", "说明:", "数据来源", "资料来源", "来源:", "备注:", "填表说明", "制表",
	"填报人", "填表人", "审核人", "单位负责人", "负责人:", "联系人", "联系电话:", NULL
};


static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* 1 if s is all printable ASCII without spaces (folding it changes at
 * most its case). */
static int ascii_word(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7F)
			return 0;
	return 1;
}

/* total_kind of an ascii_word. */
static int ascii_total(const char *s)
{
	return strcasecmp(s, "total") == 0 || strcasecmp(s, "sum") == 0;
}

/* f: the row's first non-blank cell, folded (fold_name). */
static int is_note(int nonempty, const char *f)
{
	int hit = 0;
	for (const char *const *p = note_prefix; *p && !hit; p++)
		hit = starts(f, *p);
	if (!hit && nonempty == 1)
		hit = starts(f, "注") || starts(f, "说明") || starts(f, "备注");
	return hit;
}

/* 0: not a total; 1: 合计/总计 (all rows above); 2: 小计 (rows since the last 小计).
 * f as for is_note. */
static int total_kind(const char *f)
{
	size_t n = strlen(f);
	int k = 0;
	if (n >= 6 && (strcmp(f + n - 6, "合计") == 0 || strcmp(f + n - 6, "总计") == 0))
		k = 1;
	else if (n >= 6 && strcmp(f + n - 6, "小计") == 0)
		k = 2;
	else if (strcmp(f, "total") == 0 || strcmp(f, "sum") == 0)
		k = 1;
	return k;
}

static int decimals_of(const char *s)
{
	const char *dot = strchr(s, '.');
	int d = 0;
	if (dot)
		for (dot++; *dot >= '0' && *dot <= '9'; dot++)
			d++;
	return d;
}

void imp_add_sums(struct imp *m, const struct csv_row *row)
{
	for (size_t c = 0; c < m->ncol; c++) {
		if (!m->colsum[c])
			continue;
		char buf[256], *heap, *v = imp_fold_cell(imp_cell(row, c), buf, sizeof buf, &heap);
		double d;
		int pct;
		if (!value_missing(v) && value_number(v, &d, &pct) == 0) {
			m->sum_all[c] += d;
			m->sum_sec[c] += d;
		}
		free(heap);
	}
}

static void check_total(struct imp *m, const struct csv_row *row, int kind, const char *label)
{
	int checked = 0;
	for (size_t c = 0; c < m->ncol; c++) {
		if (!m->colsum[c])
			continue;
		char *v = value_fold(imp_cell(row, c));
		double d, sum = kind == 2 ? m->sum_sec[c] : m->sum_all[c];
		int pct;
		if (!value_missing(v) && value_number(v, &d, &pct) == 0) {
			double tol = pow(10, -decimals_of(v)) + 1e-9 * fabs(sum);
			char a[64], b[64];
			checked++;
			if (fabs(d - sum) > tol)
				imp_say(m, IMP_WARNING, m->line, m->colname[c],
				    "the %s row says %s but the rows above add up to %s", label,
				    fmt_num(a, sizeof a, d, 6), fmt_num(b, sizeof b, sum, 6));
		}
		free(v);
		if (kind == 2)
			m->sum_sec[c] = 0;
	}
	if (!checked)
		imp_say(m, IMP_INFO, m->line, NULL, "a %s row, skipped (it has no figure to check)", label);
}


int imp_excel_row(struct imp *m, const struct csv_row *row, const char *first, int nonempty)
{
	if (m->notes && nonempty <= 1) {
		m->res->skipped++;
		return 1;
	}
	int note, tk;
	if (ascii_word(first)) {
		/* a code or a number, as most first cells are: every note prefix
		 * and 合计 word is Chinese; only total and sum are to be looked for */
		note = 0;
		tk = ascii_total(first);
	} else {
		char *ff = fold_name(first);
		note = is_note(nonempty, ff);
		tk = note ? 0 : total_kind(ff);
		free(ff);
	}
	if (note) {
		m->notes = 1;
		m->res->skipped++;
		return 1;
	}
	if (!tk)
		return 0;
	char *label = imp_trimmed(first);
	if (m->obs && !m->wide)
		imp_say(m, IMP_WARNING, m->line, NULL, "a %s row in a long table, skipped without a check",
		        label);
	else
		check_total(m, row, tk, label);
	free(label);
	m->res->skipped++;
	return 1;
}
