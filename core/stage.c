/* stage.c: the staging table and the one write transaction of an import.
 * All SQL here is put together from the profile's column names (constants
 * of the program); the data is always bound. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/db_internal.h"
#include "core/choice.h"
#include "core/i18n.h"
#include "core/refcheck.h"
#include "core/reftype.h"
#include "core/stage.h"
#include "core/util.h"

struct stage {
	struct db             *db;
	const struct profile  *p;
	int                    pos[32];   /* bind position of each field; 0: absent */
	int                    nkey;
	sqlite3_stmt          *ins;       /* INSERT INTO import_stage: one row */
	sqlite3_stmt          *insn;      /* the same, BUF_ROWS rows */
	int                    width;     /* parameters of a row: _line and the fields */
	/* The row being bound, kept until the next bind of each field (a
	 * wide sheet's row stages several rows sharing its region and
	 * period), and the rows stored but not yet inserted: one INSERT of
	 * many rows costs much less than as many of one. */
	struct sval { int type; long long i; double d; size_t off, len; } cur[32], *buf;
	long                   bufline[64];
	int                    nbuf;
	char                  *arena;     /* the texts of the buffered rows */
	size_t                 aused, acap;
	long                   rows;
	int                    all_new;   /* stage_classify found the table empty */
	long long              main_cache;   /* main's cache_size, while big_cache */
	/* A 64-bit fingerprint of each staged row's key, to learn cheaply
	 * that a file has no key twice; the exact check in SQL runs only when
	 * two fingerprints agree (or there were too many rows to keep them). */
	uint64_t               keyh[32];  /* of the value bound to each key field */
	char                  *text[32];  /* the text bound to each field (bound static) */
	size_t                 textcap[32];
	uint64_t              *fp;
	size_t                 nfp, capfp;
	int                    fp_off;
	struct refcheck       *refs;      /* the distinct ids of each reference (NULL: none) */
	int                    refs_off;  /* the connection's foreign-key checks are off */
};

#define MAX_FP ((size_t)1 << 21)      /* 16 MiB of fingerprints at most (and as much to sort them) */

#define STAGE "temp.import_stage"
#define BUF_ROWS 64                   /* rows an INSERT stores (bufline's size) */
enum { SV_NULL, SV_INT, SV_DOUBLE, SV_TEXT };

static int is_key(const struct pfield *f)
{
	return (f->flags & PF_KEY) != 0;
}

char *stage_image_sql(const struct profile *p, const char *a)
{
	struct sbuf b = { 0 };
	sbuf_puts(&b, "json_object(");
	for (size_t i = 0; i < p->n; i++)
		sbuf_printf(&b, "'%s', %s.%s, ", p->f[i].col, a, p->f[i].col);
	sbuf_printf(&b, "'batch_id', %s.batch_id, 'updated_by', %s.updated_by, "
	            "'updated_at', %s.updated_at)", a, a, a);
	return sbuf_take(&b);
}

struct stage *stage_new(struct db *db, const struct profile *p, const int *present, char **err)
{
	struct stage *s = xcalloc(1, sizeof *s);
	struct sbuf ct = { 0 }, in = { 0 }, vals = { 0 };
	int n = 1;
	s->db = db;
	s->p = p;
	db_exec(db, "DROP TABLE IF EXISTS " STAGE, NULL);
	/* pages as big as main's (core/db.c): staging a million rows took
	 * 0.1 s less (taken only while the temporary file is not yet made) */
	db_exec(db, "PRAGMA temp.page_size = 16384", NULL);
	/* a bigger page cache for the staging file only (16 MiB at most) */
	db_exec(db, "PRAGMA temp.cache_size = -16384", NULL);
	/* the staging file is thrown away: no need to zero its freed pages
	 * (Debian's SQLite has secure_delete on), which made dropping the
	 * table of a million rows take half a second */
	db_exec(db, "PRAGMA temp.secure_delete = 0", NULL);
	/* _before: a changed row's image before the batch, for its audit row */
	sbuf_puts(&ct, "CREATE TEMP TABLE import_stage(_line INTEGER, _id INTEGER, _act INTEGER,"
	          " _before TEXT");
	sbuf_puts(&in, "INSERT INTO " STAGE "(_line");
	sbuf_puts(&vals, "?1");
	for (size_t i = 0; i < p->n; i++) {
		if (!present[i] && !is_key(&p->f[i]))
			continue;
		s->pos[i] = ++n;
		sbuf_printf(&ct, ", %s", p->f[i].col);
		sbuf_printf(&in, ", %s", p->f[i].col);
		sbuf_printf(&vals, ", ?%d", n);
		if (is_key(&p->f[i]))
			s->nkey++;
	}
	sbuf_puts(&ct, ")");
	s->width = n;
	struct sbuf inn = { 0 };
	sbuf_printf(&inn, "%s) VALUES ", in.s);
	for (int r = 0; r < BUF_ROWS; r++) {
		sbuf_printf(&inn, "%s(", r ? ", " : "");
		for (int k = 1; k <= n; k++)
			sbuf_printf(&inn, "%s?%d", k > 1 ? ", " : "", r * n + k);
		sbuf_puts(&inn, ")");
	}
	sbuf_printf(&in, ") VALUES (%s)", vals.s);
	int ok = db_exec(db, ct.s, err) == ST_OK && (s->ins = db_prepare(db, in.s, err)) != NULL &&
	         (s->insn = db_prepare(db, inn.s, err)) != NULL;
	s->buf = xcalloc(BUF_ROWS * 32, sizeof *s->buf);
	sbuf_free(&ct);
	sbuf_free(&in);
	sbuf_free(&inn);
	sbuf_free(&vals);
	if (!ok) {
		stage_free(s);
		return NULL;
	}
	s->refs = refcheck_new(db, p, s->pos);
	return s;
}

void stage_free(struct stage *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(s->ins);
	sqlite3_finalize(s->insn);
	free(s->buf);
	free(s->arena);
	db_exec(s->db, "DROP TABLE IF EXISTS " STAGE, NULL);
	stage_refs_on(s);
	refcheck_free(s->refs);
	free(s->fp);
	for (size_t i = 0; i < 32; i++)
		free(s->text[i]);
	free(s);
}

int stage_pos(const struct stage *s, size_t field)
{
	return s->pos[field];
}

long stage_count(const struct stage *s)
{
	return s->rows;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Fingerprints of bound values: values that SQL's IS finds equal get the
 * same one (NULL is 0, as an unbound parameter; a whole double is its
 * integer). */
static uint64_t fp_int(long long v)
{
	return mix64((uint64_t)v ^ 0x1111111111111111ULL) | 1;
}

static uint64_t fp_text(const char *v, int len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t n = len < 0 ? strlen(v) : (size_t)len;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)v[i]) * 0x100000001b3ULL;
	return mix64(h ^ n ^ 0x2222222222222222ULL) | 1;
}

static uint64_t fp_double(double v)
{
	if (v >= -9e15 && v <= 9e15 && v == (double)(long long)v)
		return fp_int((long long)v);
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	return mix64(bits ^ 0x3333333333333333ULL) | 1;
}

void stage_bind_text(struct stage *s, size_t field, const char *v, int len)
{
	/* kept in the field's own buffer until the field is bound again */
	size_t n = len < 0 ? strlen(v) : (size_t)len;
	if (n + 1 > s->textcap[field]) {
		s->textcap[field] = n + 1 > 64 ? n + 1 : 64;
		free(s->text[field]);
		s->text[field] = xmalloc(s->textcap[field]);
	}
	memcpy(s->text[field], v, n);
	s->text[field][n] = '\0';
	s->cur[field].type = SV_TEXT;
	s->cur[field].len = n;
	if (is_key(&s->p->f[field]))
		s->keyh[field] = fp_text(v, (int)n);
}

void stage_bind_int(struct stage *s, size_t field, long long v)
{
	s->cur[field].type = SV_INT;
	s->cur[field].i = v;
	refcheck_add(s->refs, field, v);
	if (is_key(&s->p->f[field]))
		s->keyh[field] = fp_int(v);
}

void stage_bind_double(struct stage *s, size_t field, double v)
{
	s->cur[field].type = SV_DOUBLE;
	s->cur[field].d = v;
	if (is_key(&s->p->f[field]))
		s->keyh[field] = fp_double(v);
}

void stage_bind_null(struct stage *s, size_t field)
{
	s->cur[field].type = SV_NULL;
	if (is_key(&s->p->f[field]))
		s->keyh[field] = 0;
}

static void keep_fingerprint(struct stage *s)
{
	if (s->fp_off)
		return;
	if (s->nfp == MAX_FP) {
		free(s->fp);
		s->fp = NULL;
		s->fp_off = 1;
		return;
	}
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	for (size_t i = 0; i < s->p->n; i++)
		if (is_key(&s->p->f[i]))
			h = mix64(h ^ s->keyh[i]) + i;
	if (s->nfp == s->capfp) {
		s->capfp = s->capfp ? s->capfp * 2 : 4096;
		s->fp = xrealloc(s->fp, s->capfp * sizeof *s->fp);
	}
	s->fp[s->nfp++] = h;
}

/* Sort v[0..n) (radix, a byte at a time; tmp holds n too). */
static void sort_u64(uint64_t *v, uint64_t *tmp, size_t n)
{
	for (int shift = 0; shift < 64; shift += 8) {
		size_t count[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[((v[i] >> shift) & 0xFF) + 1]++;
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			tmp[count[(v[i] >> shift) & 0xFF]++] = v[i];
		uint64_t *t = v;
		v = tmp;
		tmp = t;
	}
	/* eight passes: the sorted values are back in the caller's v */
}

/* 1 if no two staged rows can have the same key. */
static int keys_distinct(struct stage *s)
{
	if (s->fp_off)
		return 0;
	if (s->nfp < 2)
		return 1;
	uint64_t *tmp = malloc(s->nfp * sizeof *tmp);
	if (tmp == NULL)
		return 0;               /* the exact check needs no memory of ours */
	sort_u64(s->fp, tmp, s->nfp);
	free(tmp);
	for (size_t i = 1; i < s->nfp; i++)
		if (s->fp[i] == s->fp[i - 1])
			return 0;
	return 1;
}

/* Insert the buffered rows: BUF_ROWS of them with one statement, fewer
 * one at a time.  0, or -1 with *err. */
int stage_flush(struct stage *s, char **err)
{
	int full = s->nbuf == BUF_ROWS;
	sqlite3_stmt *st = full ? s->insn : s->ins;
	for (int r = 0; r < s->nbuf; r++) {
		int base = full ? r * s->width : 0;
		const struct sval *row = s->buf + r * 32;
		sqlite3_bind_int64(st, base + 1, s->bufline[r]);
		for (size_t f = 0; f < s->p->n; f++) {
			if (!s->pos[f])
				continue;
			int k = base + s->pos[f];
			switch (row[f].type) {
			case SV_INT: sqlite3_bind_int64(st, k, row[f].i); break;
			case SV_DOUBLE: sqlite3_bind_double(st, k, row[f].d); break;
			case SV_TEXT:
				sqlite3_bind_text(st, k, s->arena + row[f].off, (int)row[f].len, SQLITE_STATIC);
				break;
			default: sqlite3_bind_null(st, k); break;
			}
		}
		if (full && r + 1 < s->nbuf)
			continue;
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			s->nbuf = 0;
			s->aused = 0;
			db_fail(s->db, "staging", err);
			return -1;
		}
	}
	s->nbuf = 0;
	s->aused = 0;
	return 0;
}

int stage_row(struct stage *s, long line, char **err)
{
	struct sval *row = s->buf + s->nbuf * 32;
	s->bufline[s->nbuf] = line;
	for (size_t f = 0; f < s->p->n; f++) {
		if (!s->pos[f])
			continue;
		row[f] = s->cur[f];
		if (row[f].type != SV_TEXT)
			continue;
		size_t n = s->cur[f].len;
		if (s->aused + n + 1 > s->acap) {
			s->acap = (s->aused + n + 1) * 2;
			s->arena = xrealloc(s->arena, s->acap);
		}
		memcpy(s->arena + s->aused, s->text[f], n + 1);
		row[f].off = s->aused;
		s->aused += n + 1;
	}
	s->rows++;
	keep_fingerprint(s);
	if (++s->nbuf == BUF_ROWS)
		return stage_flush(s, err);
	return 0;
}

int stage_drop(struct stage *s, long line, char **err)
{
	if (stage_flush(s, err) != 0)
		return -1;
	sqlite3_stmt *st = db_prepare(s->db, "DELETE FROM " STAGE " WHERE _line = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, line);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(s->db, "staging", err);
		return -1;
	}
	s->rows -= sqlite3_changes(s->db->h);
	return 0;
}

int stage_duplicates(struct stage *s, stage_dup_fn fn, void *ctx, char **err)
{
	if (stage_flush(s, err) != 0)
		return -1;
	int distinct = keys_distinct(s);
	free(s->fp);
	s->fp = NULL;
	s->fp_off = 1;
	if (distinct)
		return 0;
	/* an index built once after loading is cheaper than one kept up */
	struct sbuf ix = { 0 }, q = { 0 }, on = { 0 };
	sbuf_puts(&ix, "CREATE INDEX temp.import_stage_key ON import_stage(");
	for (size_t i = 0, k = 0; i < s->p->n; i++)
		if (is_key(&s->p->f[i])) {
			sbuf_printf(&ix, "%s%s", k ? ", " : "", s->p->f[i].col);
			sbuf_printf(&on, " AND a.%s IS b.%s", s->p->f[i].col, s->p->f[i].col);
			k++;
		}
	sbuf_puts(&ix, ", _line)");
	sbuf_printf(&q, "SELECT b._line, min(a._line) FROM " STAGE " a JOIN " STAGE " b"
	            " ON a._line < b._line%s GROUP BY b._line ORDER BY b._line", on.s);
	int rc = db_exec(s->db, ix.s, err);
	sqlite3_stmt *st = rc == ST_OK ? db_prepare(s->db, q.s, err) : NULL;
	sbuf_free(&ix);
	sbuf_free(&q);
	sbuf_free(&on);
	if (st == NULL)
		return -1;
	int n = 0, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		fn(ctx, (long)sqlite3_column_int64(st, 0), (long)sqlite3_column_int64(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		db_fail(s->db, "staging", err);
		return -1;
	}
	return n;
}

/* Run sql with ?1 now, ?2 login, ?3 batch, ?4 an id. */
static int run(struct db *db, const char *sql, const char *now, long long batch, long long id,
               char **err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		switch (i) {
		case 1: sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT); break;
		case 2: sqlite3_bind_text(st, 2, db_login(db), -1, SQLITE_TRANSIENT); break;
		case 3:
			if (batch > 0)
				sqlite3_bind_int64(st, 3, batch);
			else    /* a pack's rows belong to no batch */
				sqlite3_bind_null(st, 3);
			break;
		case 4: sqlite3_bind_int64(st, 4, id); break;
		}
	}
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_fail(db, "import", err);
}

/* A file's keys come in no particular order: looking each up in (and
 * adding it to) the table's key index touches pages all over the index,
 * which the default cache of 2 MB keeps reading again (a million USCCs in
 * random order took 6 to 10 s to insert instead of 3).  For such a
 * statement main gets a cache of BIG_CACHE_KIB, and the staging table,
 * read once in order, a small one; then both are set back (a sort for
 * CREATE INDEX takes as much memory as the cache: it gets the default).
 * The memory stays under 64 MiB. */
#define BIG_CACHE_KIB 32768
#define BIG_FROM_ROWS 10000
static void big_cache(struct stage *s, int on)
{
	if (s->rows < BIG_FROM_ROWS)
		return;
	if (on) {
		s->main_cache = db_scalar(s->db, "PRAGMA main.cache_size", NULL);
		db_exec(s->db, "PRAGMA temp.cache_size = -2048", NULL);
		char *q = xasprintf("PRAGMA main.cache_size = %d", -BIG_CACHE_KIB);
		db_exec(s->db, q, NULL);
		free(q);
	} else {
		char *q = xasprintf("PRAGMA main.cache_size = %lld", s->main_cache);
		db_exec(s->db, q, NULL);
		free(q);
	}
}

/* "t.c1 IS NOT s.c1 OR ..." over the staged non-key fields, or "0". */
static char *differs(const struct stage *s, const char *t, const char *st)
{
	struct sbuf b = { 0 };
	for (size_t i = 0; i < s->p->n; i++)
		if (s->pos[i] && !is_key(&s->p->f[i]))
			sbuf_printf(&b, "%s%s.%s IS NOT %s.%s", b.len ? " OR " : "",
			            t, s->p->f[i].col, st, s->p->f[i].col);
	if (b.len == 0)
		sbuf_puts(&b, "0");
	return sbuf_take(&b);
}

int stage_classify(struct stage *s, struct stage_counts *c, char **err)
{
	if (stage_flush(s, err) != 0)
		return ST_DB;
	struct sbuf b = { 0 }, keys = { 0 };
	const char *T = s->p->table;
	int rc;
	memset(c, 0, sizeof *c);
	s->all_new = 0;
	/* An empty table: every staged row is new, and there is nothing to
	 * look up or compare (the caller's transaction keeps it empty). */
	char *q = xasprintf("SELECT EXISTS (SELECT 1 FROM main.%s)", T);
	long long any = db_scalar(s->db, q, NULL);
	free(q);
	if (any < 0)
		return db_fail(s->db, "import", err);
	if (any == 0) {
		s->all_new = 1;
		c->rows_new = s->rows;
		return ST_OK;
	}
	/* Count first, reading only: a file whose rows are all new or all
	 * unchanged (a re-import) needs no marks in the staging table.  A
	 * plain join is quickest; should the table hold a key twice (NULLs
	 * in a UNIQUE key), join each staged row to its first row only. */
	char *d = differs(s, "t", "s");
	for (size_t i = 0; i < s->p->n; i++)
		if (is_key(&s->p->f[i]))
			sbuf_printf(&keys, " AND t.%s IS s.%s", s->p->f[i].col, s->p->f[i].col);
	big_cache(s, 1);
	for (int pass = 0; pass < 2; pass++) {
		sbuf_printf(&b, "SELECT count(*), total(t.id IS NULL), total(t.id IS NOT NULL AND (%s)),"
		            " count(t.id) FROM " STAGE " s LEFT JOIN main.%s t ON ", d, T);
		if (pass == 0)
			sbuf_printf(&b, "1%s", keys.s);
		else
			sbuf_printf(&b, "t.id = (SELECT t.id FROM main.%s t WHERE 1%s LIMIT 1)", T, keys.s);
		sqlite3_stmt *st = db_prepare(s->db, b.s, err);
		sbuf_free(&b);
		if (st == NULL) {
			rc = ST_DB;
			break;
		}
		long long n = -1;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			n = sqlite3_column_int64(st, 0);
			c->rows_new = (long)sqlite3_column_double(st, 1);
			c->rows_changed = (long)sqlite3_column_double(st, 2);
			c->rows_unchanged = (long)(sqlite3_column_int64(st, 3) - c->rows_changed);
		}
		sqlite3_finalize(st);
		rc = rc == SQLITE_ROW ? ST_OK : db_fail(s->db, "import", err);
		if (rc != ST_OK || n == s->rows)
			break;
	}
	free(d);
	if (rc != ST_OK || c->rows_new == s->rows || c->rows_new + c->rows_changed == 0) {
		s->all_new = rc == ST_OK && c->rows_new == s->rows;
		big_cache(s, 0);
		sbuf_free(&keys);
		return rc;
	}
	/* Some new, some changed: mark each staged row with its row in the
	 * table and what to do (1 insert, 2 update, 0 nothing). */
	d = differs(s, "t", "s");
	sbuf_printf(&b, "UPDATE " STAGE " AS s SET (_id, _act) = (SELECT t.id, CASE WHEN %s THEN 2 ELSE 0 END"
	            " FROM main.%s t WHERE 1%s LIMIT 1)", d, T, keys.s);
	free(d);
	sbuf_free(&keys);
	rc = run(s->db, b.s, "", 0, 0, err);
	sbuf_free(&b);
	if (rc == ST_OK)
		rc = run(s->db, "UPDATE " STAGE " SET _act = 1 WHERE _id IS NULL", "", 0, 0, err);
	big_cache(s, 0);
	return rc;
}

/* SQL showing field f of row `a` as a clerk reads it: a reference by its
 * name, a choice by its label, money in yuan, yes/no, "(empty)" for NULL. */
static char *show_expr(const struct pfield *f, const char *a)
{
	char *col = xasprintf("%s.%s", a, f->col), *e;
	const struct reftype *r = reftype_of(f->type);
	if (r != NULL) {
		char *name = reftype_expr(r->name, "x");
		e = xasprintf("(SELECT %s FROM main.%s x WHERE x.id = %s)", name, r->table, col);
		free(name);
	} else if (f->type == FT_ENUM && f->choices) {
		e = choice_label_sql(f->choices, col);
	} else if (f->type == FT_CENTS) {
		e = xasprintf("printf('%%.2f', %s / 100.0)", col);
	} else if (f->type == FT_BOOL) {
		e = xasprintf("CASE %s WHEN 1 THEN '%s' WHEN 0 THEN '%s' END", col, tr("yes"), tr("no"));
	} else if (f->type == FT_REAL) {
		e = xasprintf("CASE WHEN %s = CAST(%s AS INTEGER) THEN CAST(CAST(%s AS INTEGER) AS TEXT)"
		              " ELSE CAST(%s AS TEXT) END", col, col, col, col);
	} else {
		e = xasprintf("CAST(%s AS TEXT)", col);
	}
	char *r2 = xasprintf("coalesce(nullif(%s, ''), '%s')", e, tr("(empty)"));
	free(e);
	free(col);
	return r2;
}

/* "rtrim('' || CASE WHEN t.c IS NOT s.c THEN 'name: old -> new; ' ... , '; ')":
 * each staged field that differs, from what to what. */
static char *diff_sql(const struct stage *s)
{
	struct sbuf b = { 0 };
	/* the words of core/record.c's changes, in the clerk's language */
	char *fmt = sqlite3_mprintf("%Q", tr("%s: %s -> %s")), *sep = sqlite3_mprintf("%Q", tr("; "));
	sbuf_puts(&b, "rtrim(''");
	for (size_t i = 0; i < s->p->n; i++) {
		const struct pfield *f = &s->p->f[i];
		if (!s->pos[i] || is_key(f) || (f->flags & PF_DERIVED))
			continue;
		char *name = profile_name(f, i18n_get() == LANG_ZH);   /* the column as the file names it */
		char *qname = sqlite3_mprintf("%Q", name);
		char *old = show_expr(f, "t"), *new = show_expr(f, "s");
		sbuf_printf(&b, " || CASE WHEN t.%s IS NOT s.%s THEN printf(%s, %s, %s, %s) || %s"
		            " ELSE '' END", f->col, f->col, fmt, qname, old, new, sep);
		sqlite3_free(qname);
		free(name);
		free(old);
		free(new);
	}
	sbuf_printf(&b, ", %s)", sep);
	sqlite3_free(fmt);
	sqlite3_free(sep);
	return sbuf_take(&b);
}

int stage_changes(struct stage *s, int which, long max, stage_change_fn fn, void *ctx, char **err)
{
	if (stage_flush(s, err) != 0)
		return ST_DB;
	struct sbuf b = { 0 };
	const char *act = s->all_new ? "1" : "s._act";   /* _act is not set when all are new */
	char *diff = diff_sql(s), *slabel = reftype_expr(s->p->label, "s");
	sqlite3_stmt *st = NULL;
	/* a new row is named from the staged row, when the label's columns
	 * are all in the file; else by its line only */
	for (int pass = 0; pass < 2 && st == NULL; pass++) {
		sbuf_free(&b);
		sbuf_printf(&b, "SELECT s._line, %s, CASE WHEN t.id IS NULL THEN %s ELSE %s END, %s"
		            " FROM " STAGE " s LEFT JOIN main.%s t ON t.id = s._id"
		            " WHERE %s = %d ORDER BY s._line LIMIT ?1", act, pass == 0 ? slabel : "NULL",
		            s->p->label, diff, s->p->table, act, which);
		st = db_prepare(s->db, b.s, pass == 0 ? NULL : err);
	}
	sbuf_free(&b);
	free(diff);
	free(slabel);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (long)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1) == 1 ? N_("new") : N_("changed"),
		   (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(s->db, "import", err);
}

int stage_newer(struct stage *s, const char *since, stage_newer_fn fn, void *ctx, char **err)
{
	if (stage_flush(s, err) != 0)
		return ST_DB;
	if (s->all_new)
		return ST_OK;
	char *diff = diff_sql(s);
	char *sql = xasprintf("SELECT s._line, %s, %s, coalesce(t.updated_by, ''), t.updated_at"
	                      " FROM " STAGE " s JOIN main.%s t ON t.id = s._id"
	                      " WHERE s._act = 2 AND t.updated_at > %s"
	                      /* not by an import, whose file's own period is not known
	                         here; an edit after it leaves its batch_id */
	                      " AND (t.batch_id IS NULL OR t.updated_at > (SELECT b.started_at"
	                      " FROM main.import_batch b WHERE b.id = t.batch_id))"
	                      " ORDER BY s._line",
	                      s->p->label, diff, s->p->table,
	                      since ? "?1" : "t.period_end || ' 23:59:59'");
	sqlite3_stmt *st = db_prepare(s->db, sql, err);
	free(sql);
	free(diff);
	if (st == NULL)
		return ST_DB;
	if (since)
		sqlite3_bind_text(st, 1, since, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		   (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
		   (const char *)sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(s->db, "import", err);
}

static int insert_batch(struct stage *s, const struct stage_batch *b, const struct stage_counts *c,
                        const char *now, long long *id, char **err)
{
	sqlite3_stmt *st = db_prepare(s->db,
	    "INSERT INTO main.import_batch(kind, file_name, file_size, sha256, encoding, rows_new,"
	    " rows_changed, rows_unchanged, warnings, login, started_at, period_end)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, b->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->file_name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, b->file_size);
	sqlite3_bind_text(st, 4, b->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, b->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, c->rows_new);
	sqlite3_bind_int64(st, 7, c->rows_changed);
	sqlite3_bind_int64(st, 8, c->rows_unchanged);
	sqlite3_bind_int64(st, 9, b->warnings);
	sqlite3_bind_text(st, 10, db_login(s->db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, b->period_end, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, "import batch", err);
	*id = sqlite3_last_insert_rowid(s->db->h);
	return ST_OK;
}

/* The audit is written once and never changed: a changed row's image
 * before is kept in the staging table while the row is updated, and its
 * audit row is written with both images by stage_audit_changes. */
static int apply_updates(struct stage *s, const char *now, long long batch, char **err)
{
	const char *T = s->p->table;
	char *img = stage_image_sql(s->p, "t");
	struct sbuf b = { 0 };
	int rc;
	sbuf_printf(&b, "UPDATE " STAGE " AS s SET _before = %s FROM main.%s t"
	            " WHERE s._act = 2 AND t.id = s._id", img, T);
	rc = batch > 0 ? run(s->db, b.s, now, batch, 0, err) : ST_OK;
	sbuf_free(&b);
	if (rc == ST_OK) {
		sbuf_printf(&b, "UPDATE main.%s AS t SET ", T);
		for (size_t i = 0; i < s->p->n; i++)
			if (s->pos[i] && !is_key(&s->p->f[i]))
				sbuf_printf(&b, "%s = s.%s, ", s->p->f[i].col, s->p->f[i].col);
		sbuf_printf(&b, "version = t.version + 1, batch_id = ?3, updated_by = ?2, updated_at = ?1"
		            " FROM " STAGE " s WHERE s._act = 2 AND t.id = s._id");
		rc = run(s->db, b.s, now, batch, 0, err);
		sbuf_free(&b);
	}
	free(img);
	return rc;
}

int stage_audit_changes(struct stage *s, long long batch, char **err)
{
	if (stage_flush(s, err) != 0)
		return ST_DB;
	if (batch <= 0 || s->all_new)
		return ST_OK;
	const char *T = s->p->table;
	char *img = stage_image_sql(s->p, "t");
	struct sbuf b = { 0 };
	sbuf_printf(&b, "INSERT INTO main.audit(at, login, tbl, row_id, action, before, after, batch_id)"
	            " SELECT (SELECT started_at FROM main.import_batch WHERE id = ?3), ?2, '%s', t.id,"
	            " 'update', s._before, %s, ?3"
	            " FROM " STAGE " s JOIN main.%s t ON t.id = s._id WHERE s._act = 2 ORDER BY s.rowid",
	            T, img, T);
	int rc = run(s->db, b.s, "", batch, 0, err);
	sbuf_free(&b);
	free(img);
	return rc;
}

int stage_regions(struct stage *s, int field, stage_region_fn fn, void *ctx, char **err)
{
	if (stage_flush(s, err) != 0)
		return ST_DB;
	const char *T = s->p->table;
	struct sbuf b = { 0 };
	const char *act = s->all_new ? "1" : "s._act";
	/* the region each row will have, and the one each changed row has now
	 * (UNION: a row that keeps its region is asked about once): the
	 * region field's value, or the region of the record the owner field
	 * names (core/access.h) */
	char *sv = field >= 0 ? xasprintf("s.%s", s->p->f[field].col) : NULL;
	char *tv = field >= 0 ? xasprintf("t.%s", s->p->f[field].col) : NULL;
	char *sr_region = field >= 0 ? access_region_sql(s->p, sv) : NULL;
	char *tr_region = field >= 0 ? access_region_sql(s->p, tv) : NULL;
	if (field >= 0 && s->pos[field])
		sbuf_printf(&b, "SELECT min(s._line), coalesce(%s, 0), %s FROM " STAGE " s"
		            " WHERE %s IN (1, 2) GROUP BY 2, 3", sr_region, act, act);
	else
		sbuf_printf(&b, "SELECT min(s._line), 0, %s FROM " STAGE " s WHERE %s IN (1, 2)"
		            " GROUP BY 3", act, act);
	if (field >= 0 && !s->all_new)
		sbuf_printf(&b, " UNION SELECT min(s._line), coalesce(%s, 0), 2 FROM " STAGE " s"
		            " JOIN main.%s t ON t.id = s._id WHERE s._act = 2 GROUP BY 2", tr_region, T);
	free(sv);
	free(tv);
	free(sr_region);
	free(tr_region);
	sbuf_puts(&b, " ORDER BY 1");
	sqlite3_stmt *st = db_prepare(s->db, b.s, err);
	sbuf_free(&b);
	if (st == NULL)
		return ST_DB;
	int rc = ST_OK, step;
	while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		        sqlite3_column_int(st, 2) == 1);
	if (rc == ST_OK && step != SQLITE_DONE)
		rc = db_fail(s->db, "import", err);
	sqlite3_finalize(st);
	return rc;
}

/* An index of one column the load sets to the same value in every row
 * (apply_inserts: batch_id, updated_by, updated_at) gets the rows one
 * after the other at one place, which costs less than making it again
 * (a scan of the whole table and a sort). */
static int index_one_value(struct db *db, const char *index)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*), max(name) FROM main.pragma_index_info(?)", NULL);
	int one = 0;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, index, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1 &&
	    sqlite3_column_text(st, 1) != NULL) {
		const char *col = (const char *)sqlite3_column_text(st, 1);
		one = strcmp(col, "batch_id") == 0 || strcmp(col, "updated_by") == 0 ||
		      strcmp(col, "updated_at") == 0;
	}
	sqlite3_finalize(st);
	return one;
}

/* A load that at least doubles the table is quicker with the table's own
 * indexes dropped and made again afterwards (all inside the transaction, so
 * no reader sees the table without them), but those of index_one_value.
 * Returns the CREATE statements to run afterwards ('\x1f'-separated) or
 * NULL.  Caller frees. */
static char *drop_indexes(struct stage *s, long rows_new, char **err)
{
	char *q = xasprintf("SELECT count(*) FROM main.%s", s->p->table);
	long long have = db_scalar(s->db, q, NULL);
	free(q);
	if (have < 0 || rows_new < 10000 || rows_new < have)
		return NULL;
	sqlite3_stmt *st = db_prepare(s->db, "SELECT name, sql FROM main.sqlite_master WHERE type = 'index'"
	                              " AND tbl_name = ? AND sql IS NOT NULL", err);
	struct sbuf creates = { 0 }, drops = { 0 };
	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, s->p->table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (index_one_value(s->db, (const char *)sqlite3_column_text(st, 0)))
			continue;
		sbuf_printf(&drops, "DROP INDEX main.\"%s\";", (const char *)sqlite3_column_text(st, 0));
		sbuf_printf(&creates, "%s;\x1f", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (drops.len == 0 || db_exec(s->db, drops.s, err) != ST_OK) {
		sbuf_free(&drops);
		sbuf_free(&creates);
		return NULL;
	}
	sbuf_free(&drops);
	return sbuf_take(&creates);
}

static int make_indexes(struct stage *s, char *creates, char **err)
{
	int rc = ST_OK;
	for (char *p = creates, *e; rc == ST_OK && p && *p; p = e + 1) {
		if ((e = strchr(p, '\x1f')) == NULL)
			break;
		*e = '\0';
		char *sql = xasprintf("%s", p);
		/* "CREATE INDEX name ON t(...)": the index goes back into main */
		rc = db_exec(s->db, sql, err);
		free(sql);
	}
	return rc;
}

/* 1 if every CHECK of the table is "CHECK (col IN (...))" over one of the
 * kind's closed lists.  The importer has checked every such cell against
 * the same list (tests/unit/test_profile.c keeps the lists and the schema
 * equal), so a big load need not have SQLite check them again: it
 * evaluates the IN list afresh for each row, which cost a million rows
 * half a second. */
static int checks_are_choices(const struct stage *s)
{
	sqlite3_stmt *st = db_prepare(s->db, "SELECT sql FROM main.sqlite_master WHERE type = 'table'"
	                              " AND name = ?", NULL);
	int ok = 0;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, s->p->table, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
		const char *at = (const char *)sqlite3_column_text(st, 0);
		ok = 1;
		while (ok && (at = strstr(at, "CHECK")) != NULL) {
			at += 5;
			ok = 0;
			for (size_t i = 0; i < s->p->n && !ok; i++) {
				if (s->p->f[i].type != FT_ENUM)
					continue;
				char *want = xasprintf(" (%s IN (", s->p->f[i].col);
				ok = strncmp(at, want, strlen(want)) == 0;
				free(want);
			}
		}
	}
	sqlite3_finalize(st);
	return ok;
}

static int apply_inserts(struct stage *s, long rows_new, const char *now, long long batch, char **err)
{
	const char *T = s->p->table;
	struct sbuf b = { 0 }, cols = { 0 };
	char *q = xasprintf("SELECT coalesce(max(id), 0) FROM main.%s", T);
	long long maxid = db_scalar(s->db, q, NULL);
	int rc;
	free(q);
	if (maxid < 0)
		return db_fail(s->db, "import", err);
	char *creates = drop_indexes(s, rows_new, err);
	for (size_t i = 0; i < s->p->n; i++)
		if (s->pos[i])
			sbuf_printf(&cols, "%s, ", s->p->f[i].col);
	sbuf_printf(&b, "INSERT INTO main.%s(%sbatch_id, updated_by, updated_at)"
	            " SELECT %s?3, ?2, ?1 FROM " STAGE "%s", T, cols.s, cols.s,
	            s->all_new ? "" : " WHERE _act = 1");   /* rowid order: file order */
	big_cache(s, 1);
	int nocheck = rows_new >= BIG_FROM_ROWS && checks_are_choices(s);
	if (nocheck)
		db_exec(s->db, "PRAGMA ignore_check_constraints = ON", NULL);
	rc = run(s->db, b.s, now, batch, 0, err);
	if (nocheck)
		db_exec(s->db, "PRAGMA ignore_check_constraints = OFF", NULL);
	long long added = sqlite3_changes64(s->db->h);
	big_cache(s, 0);
	sbuf_free(&b);
	sbuf_free(&cols);
	if (rc == ST_OK && creates != NULL)
		rc = make_indexes(s, creates, err);
	free(creates);
	/* a new row's image is the row itself (version 1, this batch): undo
	 * checks those two instead of keeping a copy.  The rows added have
	 * the ids after maxid; when they are one run (always, unless the
	 * table's ids ran out), one audit row records the run. */
	if (rc == ST_OK && batch > 0) {
		q = xasprintf("SELECT coalesce(max(id), 0) FROM main.%s", T);
		long long last = db_scalar(s->db, q, NULL);
		free(q);
		if (added > 0 && last - added == maxid)
			sbuf_printf(&b, "INSERT INTO main.audit(at, login, tbl, row_id, row_last, action, before,"
			            " after, batch_id) VALUES (?1, ?2, '%s', ?4 + 1, %lld, 'insert', NULL, NULL, ?3)",
			            T, last);
		else    /* the rows this batch added, not those it changed (version 2 or more) */
			sbuf_printf(&b, "INSERT INTO main.audit(at, login, tbl, row_id, action, before, after,"
			            " batch_id) SELECT ?1, ?2, '%s', t.id, 'insert', NULL, NULL, ?3 FROM main.%s t"
			            " WHERE t.batch_id = ?3 AND t.version = 1", T, T);
		rc = run(s->db, b.s, now, batch, maxid, err);
		sbuf_free(&b);
	}
	return rc;
}

int stage_refs_off(struct stage *s)
{
	if (s->rows < BIG_FROM_ROWS || !refcheck_complete(s->refs) ||
	    db_exec(s->db, "PRAGMA foreign_keys = OFF", NULL) != ST_OK)
		return 0;
	s->refs_off = 1;
	return 1;
}

void stage_refs_on(struct stage *s)
{
	if (s->refs_off && db_exec(s->db, "PRAGMA foreign_keys = ON", NULL) == ST_OK)
		s->refs_off = 0;
}

int stage_apply(struct stage *s, const struct stage_batch *b, const struct stage_counts *c,
                long long *batch_id, char **err)
{
	char now[32];
	snprintf(now, sizeof now, "%s", util_now());
	int rc = ST_OK;
	*batch_id = 0;
	/* SQLite does not check them row by row: each distinct id once */
	if (s->refs_off && refcheck_verify(s->refs, err) != ST_OK)
		return ST_DB;
	if (b != NULL)
		rc = insert_batch(s, b, c, now, batch_id, err);
	if (rc == ST_OK && c->rows_changed > 0) {
		big_cache(s, 1);
		rc = apply_updates(s, now, *batch_id, err);
		big_cache(s, 0);
	}
	if (rc == ST_OK && c->rows_new > 0)
		rc = apply_inserts(s, c->rows_new, now, *batch_id, err);
	if (rc == ST_OK && b != NULL)
		rc = run(s->db, "UPDATE main.import_batch SET finished_at = ?1 WHERE id = ?3",
		         now, *batch_id, 0, err);
	return rc;
}
