/* imp_total.c: Excel's habits below an import's header (see imp.h): note
 * lines (注：, 数据来源, 填表人, ...) end the data; 合计, 总计 and 全市 rows are
 * checked against the sums of the rows above, 小计 rows against the rows
 * since the last 小计, and skipped; in a wide sheet of observations that
 * has every county, the total row is the city's own figure.  Under a
 * register's list a line "合计：7家" is checked against the rows' number. */
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
	int c = *s | 0x20;                /* (on every row: a look at the first letter first) */
	return (c == 't' && strcasecmp(s, "total") == 0) || (c == 's' && strcasecmp(s, "sum") == 0);
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

/* 0: not a total; 1: 合计/总计/全市 (all rows above); 2: 小计 (rows since
 * the last 小计).  f as for is_note.  A total written as one line under a
 * list, "合计：7家", "共计7个", is one too: *count gets the number (else -1). */
static int total_kind(const char *f, long *count)
{
	static const char *const words[] = { "合计", "总计", "共计", "小计", NULL };
	size_t n = strlen(f);
	int k = 0;
	*count = -1;
	if (n >= 6 && (strcmp(f + n - 6, "合计") == 0 || strcmp(f + n - 6, "总计") == 0))
		k = 1;
	else if (n >= 6 && strcmp(f + n - 6, "小计") == 0)
		k = 2;
	else if (strcmp(f, "全市") == 0 || strcmp(f, "total") == 0 || strcmp(f, "sum") == 0)
		k = 1;
	for (const char *const *w = words; *w && !k; w++) {
		const char *q = f + strlen(*w);
		char *end;
		if (strncmp(f, *w, strlen(*w)) != 0)
			continue;
		if (*q == ':')
			q++;
		long c = strtol(q, &end, 10);
		if (end == q || c < 0)
			continue;
		k = strcmp(*w, "小计") == 0 ? 2 : 1;
		*count = c;
	}
	return k;
}

/* A register's total line: the number it gives against the rows above. */
static void check_count(struct imp *m, int kind, const char *label, long count)
{
	long rows = kind == 2 ? m->data_rows - m->data_rows_sec : m->data_rows;
	if (count >= 0 && count != rows)
		imp_say(m, IMP_WARNING, m->line, NULL, "the total line \"%s\" says %ld but the list "
		        "above has %ld rows", label, count, rows);
	else if (count >= 0)
		imp_say(m, IMP_INFO, m->line, NULL, "the total line \"%s\" agrees with the %ld rows above",
		        label, rows);
	if (kind == 2)
		m->data_rows_sec = m->data_rows;
}

void imp_note_region(struct imp *m, long long id)
{
	for (size_t i = 0; i < m->nrowreg; i++)
		if (m->rowreg[i] == id)
			return;
	m->rowreg = xrealloc(m->rowreg, (m->nrowreg + 1) * sizeof *m->rowreg);
	m->rowreg[m->nrowreg++] = id;
}

/* The region whose counties every row of a wide sheet so far names (all
 * its counties, county-level cities and districts; where it has none, all
 * its children), and which no row names itself: the total row gives its
 * figure.  0 if there is none. */
static long long whole_city(struct imp *m)
{
	if (m->nrowreg == 0)
		return 0;
	sqlite3_stmt *st = db_prepare(m->db, "SELECT parent_id FROM region WHERE id = ?", NULL);
	long long city = 0;
	int same = st != NULL;
	for (size_t i = 0; i < m->nrowreg && same; i++) {
		sqlite3_bind_int64(st, 1, m->rowreg[i]);
		long long p = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		same = p != 0 && (city == 0 || p == city);
		city = p;
	}
	sqlite3_finalize(st);
	if (!same)
		return 0;
	st = db_prepare(m->db, "SELECT id FROM region WHERE parent_id = ?1 AND (kind IN ('county',"
	                " 'county_city', 'district') OR NOT EXISTS (SELECT 1 FROM region WHERE"
	                " parent_id = ?1 AND kind IN ('county', 'county_city', 'district')))", NULL);
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, city);
	int all = 1;
	while (all && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		all = 0;
		for (size_t i = 0; i < m->nrowreg && !all; i++)
			all = m->rowreg[i] == id;
	}
	sqlite3_finalize(st);
	return all ? city : 0;
}

/* A total row of a wide sheet that covers every county: the city's own
 * figures (checked against the counties' sum by check_total).  0, or -1
 * on a database error. */
static int city_row(struct imp *m, const struct csv_row *row, const char *label)
{
	long long city = whole_city(m);
	if (city == 0)
		return 0;
	char *name = db_text_of(m->db, "SELECT name FROM region WHERE id = ?", city);
	imp_say(m, IMP_INFO, m->line, NULL, "the %s row is taken as the figures of %s itself (the "
	        "sheet has every county)", label, name ? name : "");
	free(name);
	m->force_region = city;
	int rc = imp_check_wide(m, row);
	m->force_region = 0;
	return rc;
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
		if (!value_missing(v) && imp_cell_figure(m, c, v, &d) == 0) {
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
		if (!value_missing(v) && imp_cell_figure(m, c, v, &d) == 0) {
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
	long count = -1;
	if (ascii_word(first)) {
		/* a code or a number, as most first cells are: every note prefix
		 * and 合计 word is Chinese; only total and sum are to be looked for */
		note = 0;
		tk = ascii_total(first);
	} else {
		char *ff = fold_name(first);
		note = is_note(nonempty, ff);
		tk = note ? 0 : total_kind(ff, &count);
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
	int rc = 1;
	if (m->obs && !m->wide) {
		imp_say(m, IMP_WARNING, m->line, NULL, "a %s row in a long table, skipped without a check",
		        label);
	} else if (!m->obs && (count >= 0 || nonempty == 1)) {
		check_count(m, tk, label, count);
	} else {
		check_total(m, row, tk, label);
		if (m->obs && tk == 1 && city_row(m, row, label) != 0)
			rc = -1;
	}
	free(label);
	m->res->skipped++;
	return rc;
}

int imp_total_word(const char *v)
{
	if (strcmp(v, "全市") == 0 || strcmp(v, "全市合计") == 0)
		return 1;
	return strcmp(v, "合计") == 0 || strcmp(v, "总计") == 0 ? 2 : 0;
}

/* The counties of region ?1 (its counties, county-level cities and
 * districts; where it has none, all its children), as a condition on r. */
#define COUNTIES "r.parent_id = ?1 AND (r.kind IN ('county', 'county_city', 'district') OR" \
	" NOT EXISTS (SELECT 1 FROM region k WHERE k.parent_id = ?1 AND" \
	" k.kind IN ('county', 'county_city', 'district')))"

/* One 全市/合计 row of a long sheet.  0 or -1. */
static int city_row_long(struct imp *m, sqlite3_stmt *q, const struct cityrow *cr)
{
	sqlite3_bind_int64(q, 2, cr->line);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		return 0;
	}
	long long ind = sqlite3_column_int64(q, 0);
	double v = sqlite3_column_double(q, 1), sum = sqlite3_column_double(q, 2);
	long have = (long)sqlite3_column_int64(q, 3), need = (long)sqlite3_column_int64(q, 4);
	int has_value = sqlite3_column_type(q, 1) != SQLITE_NULL;
	sqlite3_reset(q);
	const struct imp_ind *d = imp_ind_of(m, ind);
	m->line = 0;
	if (need > 0 && have == need && d && d->sums && has_value &&
	    fabs(v - sum) > 1e-3 * fmax(fabs(v), fabs(sum)) + 1e-9) {
		char a[64], b[64];
		imp_say(m, IMP_WARNING, cr->line, NULL, "the city's figure for %s, %s, is not the sum of "
		        "its counties' rows, %s", d->name, fmt_num(a, sizeof a, v, 6), fmt_num(b, sizeof b, sum, 6));
	} else if (have < need && cr->word == 2) {
		imp_say(m, IMP_WARNING, cr->line, NULL, "a total row of only %ld of the %ld counties: "
		        "skipped (it is not the city's figure)", have, need);
		if (stage_drop(m->st, cr->line, &m->err) != 0)
			return -1;
		m->res->rows--;
		m->res->skipped++;
	}
	return 0;
}

int imp_check_city_rows(struct imp *m)
{
	if (m->ncityrows == 0 || m->st == NULL)
		return 0;
	/* ?1 is the city (the row's region), ?2 the row's line */
	sqlite3_stmt *q = db_prepare(m->db, "SELECT s.indicator_id, s.value,"
	    " (SELECT total(c.value) FROM temp.import_stage c JOIN region r ON r.id = c.region_id"
	    "   WHERE c.indicator_id = s.indicator_id AND c.period = s.period AND " COUNTIES "),"
	    " (SELECT count(*) FROM temp.import_stage c JOIN region r ON r.id = c.region_id"
	    "   WHERE c.indicator_id = s.indicator_id AND c.period = s.period AND " COUNTIES "),"
	    " (SELECT count(*) FROM region r WHERE " COUNTIES ")"
	    " FROM temp.import_stage s WHERE s._line = ?2 AND s.region_id = ?1", &m->err);
	long long city = db_scalar(m->db, "SELECT CASE WHEN count(*) = 1 THEN max(id) ELSE 0 END"
	                           " FROM region WHERE parent_id IS NULL", NULL);
	int rc = q ? 0 : -1;
	if (q)
		sqlite3_bind_int64(q, 1, city);
	for (size_t i = 0; i < m->ncityrows && rc == 0; i++)
		rc = city_row_long(m, q, &m->cityrows[i]);
	sqlite3_finalize(q);
	return rc;
}
