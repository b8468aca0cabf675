/* import.c: the header and row mapper and the checker of import (see
 * import.h).  Rows arrive from csvread with their line numbers; the header
 * is the first row that names the profile's required fields; title lines
 * above it, note lines and blank lines below are skipped; 合计 rows are
 * checked against the column sums; every cell is checked and bound into
 * the staging table.  Nothing is written to the database's own tables
 * until every row has passed. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/period.h"
#include "core/profile.h"
#include "core/region.h"
#include "core/stage.h"
#include "core/util.h"
#include "core/value.h"

#define CHUNK (256 * 1024)
#define MAX_TITLE_ROWS 30        /* rows looked at for the header */
#define MAX_KEPT_WARNINGS 1000   /* warnings recorded with a batch */
#define COMMIT_EVERY 50000       /* staged rows per staging transaction */
#define PROGRESS_EVERY 8192

/* Per field: folded cell -> what it gave (an id, or an enum's stored
 * value), for cells that repeat.  Open addressing; at most SEEN_MAX kept. */
#define SEEN_SLOTS 256
#define SEEN_MAX 192
struct seen {
	char     *key[SEEN_SLOTS];
	long long id[SEEN_SLOTS];
	char      val[SEEN_SLOTS][64];
	size_t    n;
};

/* A name -> id map, sorted by folded name. */
struct lk {
	char     *key;   /* folded; owned */
	long long id;
	size_t    seq;   /* order of loading: the first wins */
};
struct lkmap {
	struct lk *v;
	size_t     n, cap;
};

struct imp {
	struct db                *db;
	const struct import_opts *o;
	const struct profile     *p;
	struct import_result     *res;
	struct stage             *st;
	char                     *err;           /* a fatal error; owned */
	int                       obs;           /* the kind is observations */
	int                       fi_end;        /* the field period_end, or -1 */

	/* lookups */
	struct lkmap regions, region_codes, indicators, institutes, docs, tasks;
	sqlite3_stmt *q_ent_uscc, *q_ent_name, *q_ind_kind;

	/* the header */
	int     have_header;
	long    header_line;
	size_t  ncol;
	int    *colfield;      /* field of each column, -1 if none */
	long long *colind;     /* wide observations: indicator of each column */
	double *colfactor;     /* unit conversion of each column */
	char  **colname;       /* header text of each column; owned */
	int    *colsum;        /* column takes part in 合计 checks */
	double *sum_all, *sum_sec;
	int     fieldcol[32];  /* column of each field, -1 if none */
	int     present[32];
	int     wide;          /* observations, regions down and indicators across */
	int     title_rows;
	struct sbuf title;     /* text of the title lines */
	long    best_line;     /* the row most like a header, for the message */
	int     best_hits;
	char   *best_missing;  /* owned */

	/* options */
	int           has_period;
	struct period period;
	char          period_s[16];
	long long     region_id;

	/* while reading */
	struct period cur_period;
	int           cur_has_period;
	int           notes;        /* note lines have begun */
	long          extra_lines;  /* lines taken by quoted line breaks so far */
	long          excel_row;    /* the current row as Excel numbers it */
	long          line;         /* the current row's first line */
	long long     bytes;        /* read so far */
	long long     total;        /* the file's size */
	long          next_progress;
	long          since_commit;
	int           in_txn;

	/* cells of each field already looked up and what they gave: the
	 * same few region names, tiers and flags come again on every row */
	struct seen *seen[32];

	/* warnings kept for the batch record */
	struct kept { long line; char *col; char *msg; } *kept;
	size_t nkept;
};

static const char *const note_prefix[] = {
	"注:", "注：", "说明:", "数据来源", "资料来源", "来源:", "备注:", "填表说明", "制表",
	"填报人", "填表人", "审核人", "单位负责人", "负责人:", "联系人", "联系电话:", NULL
};

/* --- messages ---------------------------------------------------------- */

static void say(struct imp *m, enum import_sev sev, long line, const char *col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void say(struct imp *m, enum import_sev sev, long line, const char *col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	/* the English is the key of its translation in po/zh_CN.po */
	char *what = xvasprintf(tr(fmt), ap);
	va_end(ap);
	struct sbuf b = { 0 };
	sbuf_puts(&b, m->o->path);
	if (line > 0)
		sbuf_printf(&b, ":%ld", line);
	sbuf_puts(&b, ": ");
	if (col != NULL)
		sbuf_printf(&b, tr("column %s: "), col);
	sbuf_puts(&b, what);
	if (line > 0 && line == m->line && m->excel_row != line)
		sbuf_printf(&b, tr(" (line %ld of the file is row %ld in Excel: quoted line breaks above)"),
		            line, m->excel_row);
	if (sev == IMP_ERROR)
		m->res->errors++;
	else if (sev == IMP_WARNING) {
		m->res->warnings++;
		if (m->nkept < MAX_KEPT_WARNINGS) {
			m->kept = xrealloc(m->kept, (m->nkept + 1) * sizeof *m->kept);
			m->kept[m->nkept].line = line;
			m->kept[m->nkept].col = xstrdup(col);
			m->kept[m->nkept].msg = xstrdup(what);
			m->nkept++;
		}
	}
	if (m->o->message)
		m->o->message(m->o->ctx, sev, b.s);
	sbuf_free(&b);
	free(what);
}

/* --- lookups ----------------------------------------------------------- */

static size_t seen_slot(const char *k)
{
	size_t h = 2166136261u;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h % SEEN_SLOTS;
}

/* The entry of k in field f's cache, or NULL. */
static struct seen *seen_find(struct imp *m, size_t f, const char *k, size_t *at)
{
	struct seen *c = m->seen[f];
	if (c == NULL)
		return NULL;
	for (size_t i = seen_slot(k), probe = 0; probe < SEEN_SLOTS; i = (i + 1) % SEEN_SLOTS, probe++) {
		if (c->key[i] == NULL)
			return NULL;
		if (strcmp(c->key[i], k) == 0) {
			*at = i;
			return c;
		}
	}
	return NULL;
}

static void seen_add(struct imp *m, size_t f, const char *k, long long id, const char *val)
{
	struct seen *c = m->seen[f];
	if (c == NULL)
		c = m->seen[f] = xcalloc(1, sizeof *c);
	if (c->n >= SEEN_MAX)
		return;
	size_t i = seen_slot(k);
	while (c->key[i] != NULL)
		i = (i + 1) % SEEN_SLOTS;
	c->key[i] = xstrdup(k);
	c->id[i] = id;
	snprintf(c->val[i], sizeof c->val[i], "%s", val ? val : "");
	c->n++;
}

static void seen_free(struct imp *m)
{
	for (size_t f = 0; f < 32; f++) {
		if (m->seen[f] == NULL)
			continue;
		for (size_t i = 0; i < SEEN_SLOTS; i++)
			free(m->seen[f]->key[i]);
		free(m->seen[f]);
	}
}

static void lk_add(struct lkmap *m, const char *name, long long id)
{
	if (name == NULL)
		return;
	const char *p = name;
	while (*p) {                      /* '|'-separated aliases */
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char *one = xstrndup(p, len);
		char *f = fold_name(one);
		free(one);
		if (*f) {
			if (m->n == m->cap) {
				m->cap = m->cap ? m->cap * 2 : 64;
				m->v = xrealloc(m->v, m->cap * sizeof *m->v);
			}
			m->v[m->n] = (struct lk){ f, id, m->n };
			m->n++;
		} else {
			free(f);
		}
		p += len + (bar ? 1 : 0);
	}
}

static int lk_cmp(const void *a, const void *b)
{
	const struct lk *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Load (id, name, name, ...) rows of sql. */
static int lk_load(struct imp *m, struct lkmap *map, const char *sql)
{
	sqlite3_stmt *st = db_prepare(m->db, sql, &m->err);
	int rc;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int c = 1; c < sqlite3_column_count(st); c++)
			lk_add(map, (const char *)sqlite3_column_text(st, c), sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(m->db, "lookup", &m->err), -1;
	if (map->n > 0)
		qsort(map->v, map->n, sizeof *map->v, lk_cmp);
	return 0;
}

static long long lk_find_folded(const struct lkmap *map, const char *f)
{
	size_t lo = 0, hi = map->n;
	while (lo < hi) {                 /* the first entry >= f */
		size_t mid = (lo + hi) / 2;
		if (strcmp(map->v[mid].key, f) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < map->n && strcmp(map->v[lo].key, f) == 0 ? map->v[lo].id : 0;
}

static long long lk_find(const struct lkmap *map, const char *name)
{
	char *f = fold_name(name);
	long long id = lk_find_folded(map, f);
	free(f);
	return id;
}

static void lk_free(struct lkmap *map)
{
	for (size_t i = 0; i < map->n; i++)
		free(map->v[i].key);
	free(map->v);
	memset(map, 0, sizeof *map);
}

/* "景德镇市, 乐平市, ..." of a map's first few names, for messages.  Caller frees. */
static char *known_names(struct db *db, const char *sql)
{
	struct sbuf b = { 0 };
	sqlite3_stmt *st = NULL;
	int n = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW && n < 12) {
			sbuf_printf(&b, "%s%s", n ? ", " : "", (const char *)sqlite3_column_text(st, 0));
			n++;
		}
	sqlite3_finalize(st);
	return sbuf_take(&b);
}

static int load_lookups(struct imp *m)
{
	if (lk_load(m, &m->regions, "SELECT id, name, aliases, code FROM region ORDER BY sort, id") ||
	    lk_load(m, &m->region_codes, "SELECT id, code FROM region") ||
	    lk_load(m, &m->indicators, "SELECT id, name, aliases, code FROM indicator ORDER BY sort, id") ||
	    lk_load(m, &m->institutes, "SELECT id, name, aliases FROM institute ORDER BY id") ||
	    lk_load(m, &m->docs, "SELECT id, code, number, short_name FROM policy_doc ORDER BY id") ||
	    lk_load(m, &m->tasks, "SELECT id, code, name FROM task ORDER BY id"))
		return -1;
	m->q_ent_uscc = db_prepare(m->db, "SELECT id FROM enterprise WHERE uscc = ?", &m->err);
	m->q_ent_name = db_prepare(m->db, "SELECT id FROM enterprise WHERE name = ? ORDER BY id", &m->err);
	m->q_ind_kind = db_prepare(m->db, "SELECT kind, unit, name FROM indicator WHERE id = ?", &m->err);
	return m->q_ent_uscc && m->q_ent_name && m->q_ind_kind ? 0 : -1;
}

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

static const char *cell(const struct csv_row *row, size_t c)
{
	return c < row->n && row->f[c] ? row->f[c] : "";
}

static int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
			       (unsigned char)s[2] == 0x80 ? is_blank(s + 3) : 0;
	return 1;
}

static void free_header(struct imp *m)
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

static int is_obs(const struct imp *m)
{
	return m->obs;
}

/* A field given on the command line (--period, --region) for observations. */
static int supplied(const struct imp *m, size_t f)
{
	const char *col = m->p->f[f].col;
	return is_obs(m) && ((m->has_period && strcmp(col, "period") == 0) ||
	                     (m->region_id && strcmp(col, "region_id") == 0));
}

static int field_index(const struct imp *m, const char *col)
{
	for (size_t i = 0; i < m->p->n; i++)
		if (strcmp(m->p->f[i].col, col) == 0)
			return (int)i;
	return -1;
}

/* Try row as the header.  1 if it is one (the mapping is then set up). */
static int try_header(struct imp *m, const struct csv_row *row)
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
		const char *h = cell(row, c);
		m->colname[c] = xstrdup(h);
		m->colfactor[c] = 1;
		m->colfield[c] = -1;
		if (is_blank(h))
			continue;
		int f = profile_match(m->p, h, &unit);
		if (f >= 0 && m->fieldcol[f] < 0) {
			m->colfield[c] = f;
			m->fieldcol[f] = (int)c;
			hits++;
			if (m->p->f[f].type == FT_CENTS && money_unit(unit) > 0)
				m->colfactor[c] = money_unit(unit);
		} else if (f < 0 && is_obs(m)) {
			char *folded = profile_fold_header(h, NULL);
			m->colind[c] = lk_find_folded(&m->indicators, folded);
			free(folded);
			inds += m->colind[c] != 0;
		}
		free(unit);
	}
	/* which required fields are missing */
	struct sbuf miss = { 0 };
	int fi_ind = field_index(m, "indicator_id"), fi_val = field_index(m, "value");
	int fi_per = field_index(m, "period");
	int wide = is_obs(m) && inds > 0 && m->fieldcol[fi_ind] < 0 && m->fieldcol[fi_val] < 0;
	for (size_t i = 0; i < m->p->n; i++) {
		if (!(m->p->f[i].flags & PF_REQ) || m->fieldcol[i] >= 0 || supplied(m, i))
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
	free_header(m);
	return 0;
}

/* The header is found: say what was understood, set up staging. */
static int begin_data(struct imp *m, const struct csv_row *row)
{
	m->have_header = 1;
	m->header_line = row->line;
	int fi_per = field_index(m, "period");
	if (m->wide) {
		int fi_ind = field_index(m, "indicator_id"), fi_val = field_index(m, "value");
		m->present[fi_ind] = m->present[fi_val] = 1;
		if (m->fieldcol[fi_per] < 0 && !m->has_period) {
			char buf[16];
			title_period(m->title.s, &m->period);
			m->has_period = 1;
			say(m, IMP_INFO, 0, NULL, "wide table (regions down, indicators across); "
			    "period %s taken from the title line", period_format(m->period, buf, sizeof buf));
		} else if (m->fieldcol[fi_per] < 0) {
			say(m, IMP_INFO, 0, NULL, "wide table (regions down, indicators across); "
			    "period %s from --period", m->period_s);
		} else {
			say(m, IMP_INFO, 0, NULL, "wide table (regions down, indicators across); "
			    "period from column %s", m->colname[m->fieldcol[fi_per]]);
		}
	} else if (is_obs(m)) {
		say(m, IMP_INFO, 0, NULL, "long table (one row per indicator, region and period)");
	}
	for (size_t c = 0; c < m->ncol; c++) {
		int f = m->colfield[c];
		if (f < 0 && !m->colind[c]) {
			if (!is_blank(m->colname[c]))
				say(m, IMP_WARNING, row->line, m->colname[c],
				    "not a column of %s; its cells are not imported", tr(m->p->kind));
			continue;
		}
		if (m->colind[c]) {
			/* an indicator column: units, and whether a 合计 is a sum */
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
						say(m, IMP_INFO, row->line, m->colname[c],
						    "figures in %s are converted to %s", unit, iunit);
					} else {
						say(m, IMP_WARNING, row->line, m->colname[c],
						    "the header says %s but the indicator is in %s; figures taken as written",
						    unit, *iunit ? iunit : "no unit");
					}
				}
			}
			sqlite3_reset(m->q_ind_kind);
			free(unit);
			continue;
		}
		const struct pfield *pf = &m->p->f[f];
		m->present[f] = 1;
		m->colsum[c] = !is_obs(m) && !(pf->flags & PF_KEY) &&
		               (pf->type == FT_INT || pf->type == FT_REAL || pf->type == FT_CENTS);
	}
	for (size_t i = 0; i < m->p->n; i++)
		if (supplied(m, i))
			m->present[i] = 1;
	int fi_end = field_index(m, "period_end");
	if (fi_end >= 0 && (m->present[fi_per] || m->has_period))
		m->present[fi_per] = m->present[fi_end] = 1;
	m->st = stage_new(m->db, m->p, m->present, &m->err);
	return m->st ? 0 : -1;
}

/* --- checking cells ---------------------------------------------------- */

static size_t utf8_chars_n(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* s without ASCII and ideographic spaces at both ends: *t, *tn. */
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
	*t = s;
	*tn = n;
}

/* Trimmed so.  Caller frees. */
static char *trimmed(const char *s)
{
	const char *t;
	size_t n;
	trim_span(s, &t, &n);
	return xstrndup(t, n);
}

static long long find_enterprise(struct imp *m, const char *v)
{
	long long id = 0;
	char code[19], expect;
	const char *why;
	sqlite3_stmt *q = value_uscc(v, code, &why, &expect) == 0 ? m->q_ent_uscc : m->q_ent_name;
	sqlite3_bind_text(q, 1, q == m->q_ent_uscc ? code : v, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		id = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	return id;
}

/* A cell folded (value_fold) into buf, or if it does not fit there into
 * *heap (caller frees). */
static char *fold_cell(const char *raw, char *buf, size_t size, char **heap)
{
	char *v = value_fold_buf(raw, buf, size);
	*heap = NULL;
	return v ? v : (*heap = value_fold(raw));
}

/* An empty cell of field f: an error if it is required, else its default
 * or NULL.  0 or -1. */
static int empty_cell(struct imp *m, size_t f, const char *col)
{
	const struct pfield *pf = &m->p->f[f];
	if (pf->flags & PF_REQ) {
		say(m, IMP_ERROR, m->line, col, "is empty, but %s needs it", tr(m->p->kind));
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
static int check_cell(struct imp *m, size_t f, const char *raw, const char *col, double factor)
{
	const struct pfield *pf = &m->p->f[f];
	int rc = 0;
	long line = m->line;

	if (pf->type == FT_TEXT) {
		/* text is kept as written, trimmed of ASCII and ideographic spaces */
		const char *t;
		size_t tn;
		trim_span(raw, &t, &tn);
		if (tn == 0)
			return empty_cell(m, f, col);
		if (pf->maxlen > 0 && utf8_chars_n(t, tn) > (size_t)pf->maxlen) {
			say(m, IMP_ERROR, line, col, "is %zu characters long; at most %d are allowed",
			    utf8_chars_n(t, tn), pf->maxlen);
			return -1;
		}
		stage_bind_text(m->st, f, t, (int)tn);
		return 0;
	}
	char fbuf[256], *heap;
	char *v = fold_cell(raw, fbuf, sizeof fbuf, &heap);
	if (*v == '\0' || value_missing(v)) {
		free(heap);
		return empty_cell(m, f, col);
	}
	switch (pf->type) {
	case FT_INT:
	case FT_REAL:
	case FT_CENTS: {
		double d;
		int pct;
		if (value_number(v, &d, &pct) != 0) {
			say(m, IMP_ERROR, line, col, "\"%s\" is not a number", raw);
			rc = -1;
			break;
		}
		d *= factor;
		if (pf->type == FT_INT) {
			if (d != floor(d) || fabs(d) > 9e15) {
				say(m, IMP_ERROR, line, col, "\"%s\" is not a whole number", raw);
				rc = -1;
			} else {
				stage_bind_int(m->st, f, (long long)d);
			}
		} else if (pf->type == FT_CENTS) {
			if (fabs(d) > 9e13) {
				say(m, IMP_ERROR, line, col, "\"%s\" is too large an amount", raw);
				rc = -1;
			} else {
				stage_bind_int(m->st, f, llround(d * 100));
			}
		} else {
			stage_bind_double(m->st, f, d);
		}
		break;
	}
	case FT_YEAR: {
		char *end;
		long y = strtol(v, &end, 10);
		if (strcmp(end, "年") == 0)
			end += strlen(end);
		if (end == v || *end != '\0' || y < 1900 || y > 2999) {
			say(m, IMP_ERROR, line, col, "\"%s\" is not a year", raw);
			rc = -1;
		} else {
			stage_bind_int(m->st, f, y);
		}
		break;
	}
	case FT_DATE: {
		char d[11];
		if (value_date(v, d) != 0) {
			say(m, IMP_ERROR, line, col, "\"%s\" is not a date (write 2023-12-02, 2023/12/2, "
			    "2023.12.2, 2023年12月2日 or 20231202)", raw);
			rc = -1;
		} else {
			stage_bind_text(m->st, f, d, -1);
		}
		break;
	}
	case FT_BOOL: {
		int b;
		struct seen *c;
		size_t at;
		if ((c = seen_find(m, f, v, &at)) != NULL) {
			stage_bind_int(m->st, f, c->id[at]);
			break;
		}
		if (value_bool(v, &b) == 0)
			seen_add(m, f, v, b, NULL);
		if (value_bool(v, &b) != 0) {
			say(m, IMP_ERROR, line, col, "\"%s\" is neither 是 nor 否 (yes/no)", raw);
			rc = -1;
		} else {
			stage_bind_int(m->st, f, b);
		}
		break;
	}
	case FT_USCC: {
		char code[19], expect;
		const char *why;
		int u = value_uscc(v, code, &why, &expect);
		if (u == -2) {
			say(m, IMP_ERROR, line, col, "\"%s\" is not a valid USCC (check character should be %c)",
			    raw, expect);
			rc = -1;
		} else if (u != 0) {
			say(m, IMP_ERROR, line, col, "\"%s\" is not a valid USCC (%s)", raw, tr(why));
			rc = -1;
		} else {
			stage_bind_text(m->st, f, code, 18);
		}
		break;
	}
	case FT_PERIOD: {
		char buf[16];
		if (period_parse(v, &m->cur_period) != 0) {
			say(m, IMP_ERROR, line, col, "\"%s\" is not a period (write 2025, 2025Q3, "
			    "2025年第三季度 or 2025-09)", raw);
			rc = -1;
		} else {
			m->cur_has_period = 1;
			stage_bind_text(m->st, f, period_format(m->cur_period, buf, sizeof buf), -1);
		}
		break;
	}
	case FT_ENUM: {
		char buf[64];
		const char *s;
		struct seen *c;
		size_t at;
		if ((c = seen_find(m, f, v, &at)) != NULL) {
			stage_bind_text(m->st, f, c->val[at], -1);
			break;
		}
		s = profile_enum_value(pf, v, buf, sizeof buf);
		if (s != NULL && strlen(s) < sizeof c->val[0])
			seen_add(m, f, v, 0, s);
		if (s == NULL) {
			char *list = profile_enum_list(pf);
			say(m, IMP_ERROR, line, col, "\"%s\" is not one of: %s", raw, list);
			free(list);
			rc = -1;
		} else {
			stage_bind_text(m->st, f, s, -1);
		}
		break;
	}
	default: {
		long long id = 0;
		const char *what = "";
		char *known = NULL;
		struct seen *c;
		size_t at;
		if ((c = seen_find(m, f, v, &at)) != NULL) {
			stage_bind_int(m->st, f, c->id[at]);
			break;
		}
		switch (pf->type) {
		case FT_REGION:
			id = lk_find(&m->regions, v);
			what = N_("a region of this database");
			if (id == 0)
				known = known_names(m->db, "SELECT name FROM region ORDER BY sort, id");
			break;
		case FT_REGION_CODE:
			id = lk_find(&m->region_codes, v);
			if (id == 0)
				id = lk_find(&m->regions, v);
			what = N_("a region of this database");
			break;
		case FT_INDICATOR:
			id = lk_find(&m->indicators, v);
			what = N_("an indicator of this database");
			break;
		case FT_INSTITUTE:
			id = lk_find(&m->institutes, v);
			what = N_("an institute of this database (import institutes first)");
			break;
		case FT_ENTERPRISE:
			id = find_enterprise(m, v);
			what = N_("an enterprise of this database (by USCC or name; import enterprises first)");
			break;
		case FT_DOC:
			id = lk_find(&m->docs, v);
			what = N_("a policy document of this database (by code, number or short name)");
			break;
		case FT_TASK:
			id = lk_find(&m->tasks, v);
			what = N_("a task of this database (by code or name)");
			break;
		default:
			break;
		}
		if (id == 0) {
			if (known && *known)
				say(m, IMP_ERROR, line, col, "\"%s\" is not %s (known: %s)", raw, tr(what), known);
			else
				say(m, IMP_ERROR, line, col, "\"%s\" is not %s", raw, tr(what));
			rc = -1;
		} else {
			stage_bind_int(m->st, f, id);
			seen_add(m, f, v, id, NULL);
		}
		free(known);
		break;
	}
	}
	free(heap);
	return rc;
}

/* Bind the derived fields, store the record.  0 or -1. */
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

static void on_duplicate(void *ctx, long line, long first)
{
	struct imp *m = ctx;
	const char *col = NULL;
	for (size_t i = 0; i < m->p->n && !m->wide; i++)
		if ((m->p->f[i].flags & PF_KEY) && m->fieldcol[i] >= 0) {
			col = m->colname[m->fieldcol[i]];
			break;
		}
	m->line = 0;   /* the Excel row of this line is not known any more */
	say(m, IMP_ERROR, line, col, "the same %s as line %ld (each may appear only once in a file)",
	    (is_obs(m) ? tr("indicator, region and period") : tr("key")), first);
}

/* The name of the first key column, for duplicate messages. */
static const char *key_colname(struct imp *m)
{
	for (size_t i = 0; i < m->p->n; i++)
		if ((m->p->f[i].flags & PF_KEY) && m->fieldcol[i] >= 0)
			return m->colname[m->fieldcol[i]];
	return NULL;
}

static int check_long(struct imp *m, const struct csv_row *row)
{
	int bad = 0;
	if (is_obs(m)) {
		/* an observation without a figure ("—", blank) is no observation */
		int c = m->fieldcol[field_index(m, "value")];
		char buf[256], *heap, *v = fold_cell(cell(row, (size_t)c), buf, sizeof buf, &heap);
		int missing = value_missing(v);
		free(heap);
		if (missing) {
			m->res->skipped++;
			return 0;
		}
	}
	m->cur_has_period = 0;
	if (m->has_period)
		m->cur_period = m->period;
	for (size_t i = 0; i < m->p->n; i++) {
		if (!stage_pos(m->st, i) || (m->p->f[i].flags & PF_DERIVED))
			continue;
		int c = m->fieldcol[i];
		if (c < 0 && supplied(m, i)) {
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
		if (check_cell(m, i, cell(row, (size_t)c), m->colname[c], m->colfactor[c]) != 0)
			bad = 1;
	}
	return finish_record(m, bad, key_colname(m));
}

/* A wide row: one observation per indicator column with a figure. */
static int check_wide(struct imp *m, const struct csv_row *row)
{
	int fi_ind = field_index(m, "indicator_id"), fi_reg = field_index(m, "region_id");
	int fi_per = field_index(m, "period"), fi_val = field_index(m, "value");
	int base_bad = 0;
	int rc = 0;
	if (m->fieldcol[fi_reg] >= 0) {
		int c = m->fieldcol[fi_reg];
		base_bad |= check_cell(m, (size_t)fi_reg, cell(row, (size_t)c), m->colname[c], 1) != 0;
	} else {
		stage_bind_int(m->st, (size_t)fi_reg, m->region_id);
	}
	if (m->fieldcol[fi_per] >= 0) {
		int c = m->fieldcol[fi_per];
		base_bad |= check_cell(m, (size_t)fi_per, cell(row, (size_t)c), m->colname[c], 1) != 0;
	} else {
		char buf[16];
		m->cur_period = m->period;
		stage_bind_text(m->st, (size_t)fi_per, period_format(m->period, buf, sizeof buf), -1);
	}
	for (size_t c = 0; c < m->ncol && rc == 0; c++) {
		if (!m->colind[c])
			continue;
		const char *raw = cell(row, c);
		char buf[256], *heap, *v = fold_cell(raw, buf, sizeof buf, &heap);
		int missing = value_missing(v);
		free(heap);
		if (missing)
			continue;
		stage_bind_int(m->st, (size_t)fi_ind, m->colind[c]);
		int bad = check_cell(m, (size_t)fi_val, raw, m->colname[c], m->colfactor[c]) != 0;
		rc = finish_record(m, base_bad || bad, m->colname[c]);
	}
	return rc;
}

/* --- Excel's habits: notes, totals ------------------------------------- */

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

static void add_sums(struct imp *m, const struct csv_row *row)
{
	for (size_t c = 0; c < m->ncol; c++) {
		if (!m->colsum[c])
			continue;
		char buf[256], *heap, *v = fold_cell(cell(row, c), buf, sizeof buf, &heap);
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
		char *v = value_fold(cell(row, c));
		double d, sum = kind == 2 ? m->sum_sec[c] : m->sum_all[c];
		int pct;
		if (!value_missing(v) && value_number(v, &d, &pct) == 0) {
			double tol = pow(10, -decimals_of(v)) + 1e-9 * fabs(sum);
			char a[64], b[64];
			checked++;
			if (fabs(d - sum) > tol)
				say(m, IMP_WARNING, m->line, m->colname[c],
				    "the %s row says %s but the rows above add up to %s", label,
				    fmt_num(a, sizeof a, d, 6), fmt_num(b, sizeof b, sum, 6));
		}
		free(v);
		if (kind == 2)
			m->sum_sec[c] = 0;
	}
	if (!checked)
		say(m, IMP_INFO, m->line, NULL, "a %s row, skipped (it has no figure to check)", label);
}

/* --- the row callback -------------------------------------------------- */

static void commit_staging(struct imp *m)
{
	if (m->in_txn) {
		db_exec(m->db, "COMMIT", NULL);
		m->in_txn = 0;
	}
}

static int on_row(const struct csv_row *row, void *ctx)
{
	struct imp *m = ctx;
	int nonempty = 0;
	const char *first = NULL;

	m->line = row->line;
	m->excel_row = row->line - m->extra_lines;
	m->extra_lines += row->line_end - row->line;
	for (size_t c = 0; c < row->n; c++)
		if (row->f[c] && !is_blank(row->f[c])) {
			if (first == NULL)
				first = row->f[c];
			nonempty++;
		}
	if (nonempty == 0) {
		m->res->skipped++;
		return 0;
	}
	if (!m->have_header) {
		if (try_header(m, row))
			return begin_data(m, row) ? -2 : 0;
		if (++m->title_rows >= MAX_TITLE_ROWS)
			return 1;
		for (size_t c = 0; c < row->n; c++)
			if (row->f[c] && m->title.len < 4096)
				sbuf_printf(&m->title, "%s ", row->f[c]);
		m->res->skipped++;
		return 0;
	}
	if (m->notes && nonempty <= 1) {
		m->res->skipped++;
		return 0;
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
		return 0;
	}
	if (tk) {
		char *label = trimmed(first);
		if (is_obs(m) && !m->wide)
			say(m, IMP_WARNING, m->line, NULL, "a %s row in a long table, skipped without a check",
			    label);
		else
			check_total(m, row, tk, label);
		free(label);
		m->res->skipped++;
		return 0;
	}
	if (!m->in_txn) {
		db_exec(m->db, "BEGIN", NULL);
		m->in_txn = 1;
	}
	add_sums(m, row);
	int rc = m->wide ? check_wide(m, row) : check_long(m, row);
	if (rc != 0)
		return -2;      /* a database error: m->err says which */
	if (++m->since_commit >= COMMIT_EVERY) {
		commit_staging(m);      /* do not pin a snapshot for the whole file */
		m->since_commit = 0;
	}
	if (m->o->progress && m->res->rows >= m->next_progress) {
		m->o->progress(m->o->ctx, N_("reading"), m->res->rows, m->bytes, m->total);
		m->next_progress = m->res->rows + PROGRESS_EVERY;
	}
	return 0;
}

/* --- reading the file -------------------------------------------------- */

/* 0 read; 1 the file is not CSV (said); -1 a database error (m->err). */
static int read_file(struct imp *m, const struct textenc_info *info)
{
	FILE *f = fopen(m->o->path, "rb");
	struct textdec *dec = textdec_new(info->enc);
	struct csvread *r = csvread_new(on_row, m);
	char *buf = xmalloc(CHUNK), *cerr = NULL;
	int rc = 0, ret = 0;
	size_t n;
	if (f == NULL || dec == NULL || r == NULL) {
		say(m, IMP_ERROR, 0, NULL, "%s", f ? tr("cannot read this encoding") : errno_text(errno));
		ret = 1;
		goto out;
	}
	while (rc == 0 && (n = fread(buf, 1, CHUNK, f)) > 0) {
		const char *u;
		size_t un;
		m->bytes += (long long)n;
		if (textdec_feed(dec, buf, n, &u, &un) != 0) {
			say(m, IMP_ERROR, 0, NULL, "bytes that are not %s near byte %lld",
			    textenc_name(info->enc), m->bytes);
			ret = 1;
			goto out;
		}
		rc = csvread_feed(r, u, un, &cerr);
		if (m->o->progress)
			m->o->progress(m->o->ctx, N_("reading"), m->res->rows, m->bytes, info->size);
	}
	if (rc == 0)
		rc = csvread_finish(r, &cerr);
	if (rc == -2) {
		ret = -1;
	} else if (rc == -1) {
		/* the CSV itself is broken: one clear message */
		long at = 0;
		int skip = 0;
		if (cerr && sscanf(cerr, "line %ld: %n", &at, &skip) == 1 && skip > 0)
			say(m, IMP_ERROR, at, NULL, "%s (is this a CSV file saved from Excel?)", cerr + skip);
		else
			say(m, IMP_ERROR, 0, NULL, "%s (is this a CSV file saved from Excel?)",
			    cerr ? cerr : "not CSV");
		ret = 1;
	}
out:
	commit_staging(m);
	free(cerr);
	free(buf);
	csvread_free(r);
	textdec_free(dec);
	if (f)
		fclose(f);
	return ret;
}

/* --- the whole import -------------------------------------------------- */

const char *import_kinds(void)
{
	static char buf[512];
	if (buf[0] == '\0')
		for (const struct profile *const *p = profiles; *p; p++)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
			         p == profiles ? "" : ", ", (*p)->kind);
	return buf;
}

static void on_change(void *ctx, long line, const char *what, const char *label, const char *cols)
{
	struct imp *m = ctx;
	if (label != NULL)
		say(m, IMP_INFO, line, NULL, "%s: %s (%s)", tr(what), label, cols);
	else
		say(m, IMP_INFO, line, NULL, "%s", tr(what));
}

static long long same_file(struct imp *m, const char *sha)
{
	sqlite3_stmt *st = db_prepare(m->db, "SELECT max(id) FROM import_batch WHERE sha256 = ?"
	                              " AND kind = ? AND undone_at IS NULL", NULL);
	long long id = 0;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->p->kind, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int record_warnings(struct imp *m, long long batch)
{
	sqlite3_stmt *st = db_prepare(m->db, "INSERT INTO import_reject(batch_id, line, col, severity,"
	                              " message) VALUES (?, ?, ?, 'warning', ?)", &m->err);
	if (st == NULL)
		return -1;
	for (size_t i = 0; i < m->nkept; i++) {
		sqlite3_bind_int64(st, 1, batch);
		if (m->kept[i].line > 0)
			sqlite3_bind_int64(st, 2, m->kept[i].line);
		else
			sqlite3_bind_null(st, 2);
		sqlite3_bind_text(st, 3, m->kept[i].col, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, m->kept[i].msg, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return db_fail(m->db, "import warnings", &m->err), -1;
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Compare with the table and, unless a dry run, apply: one write transaction. */
static int apply(struct imp *m, const struct textenc_info *info)
{
	struct stage_counts c;
	int rc;
	if (m->o->progress)
		m->o->progress(m->o->ctx, N_("comparing"), m->res->rows, info->size, info->size);
	if (m->o->dry_run) {
		if (db_exec(m->db, "BEGIN", &m->err) != ST_OK)
			return ST_DB;
		rc = stage_classify(m->st, &c, &m->err);
		if (rc == ST_OK)
			rc = stage_changes(m->st, 20, on_change, m, &m->err);
		db_rollback(m->db);
	} else {
		if (db_begin_write(m->db, &m->err) != ST_OK)
			return ST_DB;
		rc = stage_classify(m->st, &c, &m->err);
		if (rc == ST_OK && c.rows_new + c.rows_changed > 0) {
			struct stage_batch b = {
				.kind = m->p->kind, .file_name = base_name(m->o->path), .sha256 = info->sha256,
				.encoding = textenc_name(info->enc), .file_size = info->size,
				.warnings = m->res->warnings
			};
			if (m->o->progress)
				m->o->progress(m->o->ctx, N_("applying"), m->res->rows, info->size, info->size);
			rc = stage_apply(m->st, &b, &c, &m->res->batch_id, &m->err);
			if (rc == ST_OK && record_warnings(m, m->res->batch_id) != 0)
				rc = ST_DB;
		}
		if (rc == ST_OK && c.rows_new + c.rows_changed > 0)
			rc = db_commit(m->db, &m->err);
		else
			db_rollback(m->db);
		if (rc != ST_OK)
			m->res->batch_id = 0;
	}
	if (rc == ST_OK) {
		m->res->rows_new = c.rows_new;
		m->res->rows_changed = c.rows_changed;
		m->res->rows_unchanged = c.rows_unchanged;
	}
	return rc;
}

static void imp_free(struct imp *m)
{
	stage_free(m->st);
	free_header(m);
	lk_free(&m->regions);
	lk_free(&m->region_codes);
	lk_free(&m->indicators);
	lk_free(&m->institutes);
	lk_free(&m->docs);
	lk_free(&m->tasks);
	sqlite3_finalize(m->q_ent_uscc);
	sqlite3_finalize(m->q_ent_name);
	sqlite3_finalize(m->q_ind_kind);
	sbuf_free(&m->title);
	free(m->best_missing);
	seen_free(m);
	for (size_t i = 0; i < m->nkept; i++) {
		free(m->kept[i].col);
		free(m->kept[i].msg);
	}
	free(m->kept);
	free(m->err);
}

int import_file(struct db *db, const struct import_opts *o, struct import_result *r)
{
	struct imp m = { 0 };
	struct textenc_info info;
	struct filehash *hash = NULL;
	int rc;
	memset(r, 0, sizeof *r);
	m.db = db;
	m.o = o;
	m.res = r;
	m.p = profile_find(o->kind);
	if (m.p == NULL) {
		say(&m, IMP_ERROR, 0, NULL, "\"%s\" is not a kind of import; the kinds are: %s",
		    o->kind, import_kinds());
		return ST_USAGE;
	}
	m.obs = strcmp(m.p->table, "observation") == 0;
	m.fi_end = field_index(&m, "period_end");
	if (o->period != NULL) {
		if (period_parse(o->period, &m.period) != 0) {
			say(&m, IMP_ERROR, 0, NULL, "--period \"%s\" is not a year (2025) or a quarter (2025Q3)",
			    o->period);
			return ST_USAGE;
		}
		m.has_period = 1;
		period_format(m.period, m.period_s, sizeof m.period_s);
	}
	if (o->region != NULL && (m.region_id = region_find(db, o->region)) == 0) {
		say(&m, IMP_ERROR, 0, NULL, "--region \"%s\" is not a region of this database", o->region);
		return ST_USAGE;
	}
	rc = textenc_scan_nodigest(o->path, o->encoding, &info, &m.err);
	r->encoding = info.enc;
	if (rc != ST_OK) {
		say(&m, IMP_ERROR, 0, NULL, "%s", m.err + strlen(o->path) + 2);
		imp_free(&m);
		return ST_DATA;
	}
	if (info.empty) {
		say(&m, IMP_ERROR, 0, NULL, "the file is empty");
		imp_free(&m);
		return ST_DATA;
	}
	/* the digest (for the batch, and to know a file seen before) is
	 * computed beside the reading and checking */
	hash = filehash_start(o->path);
	if (load_lookups(&m) != 0) {
		rc = ST_DB;
		goto out;
	}
	m.total = info.size;
	rc = read_file(&m, &info);
	if (rc < 0) {
		rc = ST_DB;
		goto out;
	}
	rc = ST_OK;
	if (o->progress)
		o->progress(o->ctx, N_("keys"), r->rows, info.size, info.size);
	if (m.st != NULL && stage_duplicates(m.st, on_duplicate, &m, &m.err) < 0) {
		rc = ST_DB;
		goto out;
	}
	if (!m.have_header && r->errors == 0) {
		if (m.best_hits > 0)
			say(&m, IMP_ERROR, m.best_line, NULL, "this looks like the header row, but it lacks "
			    "%s, which %s need", m.best_missing, tr(m.p->kind));
		else
			say(&m, IMP_ERROR, 0, NULL, "no header row of %s found in the first %d lines",
			    tr(m.p->kind), MAX_TITLE_ROWS);
	}
	if (r->errors > 0 || !m.have_header) {
		rc = ST_DATA;
		goto out;
	}
	if (r->rows == 0) {
		say(&m, IMP_INFO, 0, NULL, "no data rows below the header (line %ld)", m.header_line);
		goto out;
	}
	rc = filehash_finish(hash, info.sha256);
	hash = NULL;
	if (rc != 0) {
		say(&m, IMP_ERROR, 0, NULL, "the file could not be read a second time");
		rc = ST_DATA;
		goto out;
	}
	r->same_as = same_file(&m, info.sha256);
	rc = apply(&m, &info);
	if (rc == ST_OK && r->batch_id > 0 && r->rows > 10000)
		db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
out:
	filehash_cancel(hash);
	if (rc == ST_DB && m.err)
		say(&m, IMP_ERROR, 0, NULL, "%s", m.err);
	imp_free(&m);
	return rc;
}
