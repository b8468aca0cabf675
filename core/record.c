/* record.c: reading, checking, saving and deleting one record of any kind,
 * and its history (see record.h).  Everything is driven by the profile:
 * its table, its fields' columns, types and flags. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/indsem.h"
#include "core/pipe.h"
#include "core/record.h"
#include "core/reftype.h"
#include "core/util.h"
#include "core/value.h"

/* Rows of these tables belong to the record they point at (through the
 * column named after the dot, else any): they go with it. */
static const char *const detail_tables[] = {
	"enterprise_year", "enterprise_stage", "talent_stage", "target_choice", "event_party.event_id",
	NULL
};

/* How a count of referring rows reads, per table. */
static const struct { const char *table, *what; } referrer_words[] = {
	{ "observation", N_("%lld actuals") },
	{ "target", N_("%lld targets") },
	{ "enterprise", N_("%lld enterprises") },
	{ "talent", N_("%lld talents") },
	{ "institute", N_("%lld institutes") },
	{ "partnership", N_("%lld partnerships") },
	{ "platform", N_("%lld platforms") },
	{ "event", N_("%lld events") },
	{ "event_party", N_("%lld event parties") },
	{ "project", N_("%lld projects") },
	{ "achievement", N_("%lld achievements") },
	{ "task", N_("%lld tasks") },
	{ "task_target", N_("%lld task targets") },
	{ "task_actual", N_("%lld task actuals") },
	{ "region", N_("%lld regions under it") },
	{ "region_designation", N_("%lld designations") },
	{ "app_user", N_("%lld users") },
	{ "indicator", N_("%lld indicators") },
	{ "policy_doc", N_("%lld documents") },
};

static int is_detail(const char *table, const char *col)
{
	size_t n = strlen(table);
	for (const char *const *d = detail_tables; *d; d++)
		if (strncmp(*d, table, n) == 0 && ((*d)[n] == '\0' ||
		                                   ((*d)[n] == '.' && strcmp(*d + n + 1, col) == 0)))
			return 1;
	return 0;
}

static int is_ref(enum ftype t)
{
	return reftype_of(t) != NULL;
}

/* Stored as INTEGER. */
static int is_int(enum ftype t)
{
	return t == FT_INT || t == FT_YEAR || t == FT_CENTS || t == FT_BOOL || is_ref(t);
}

char *record_field_name(const struct profile *p, size_t i)
{
	return xstrdup(profile_field_title(&p->f[i]));
}

int record_field(const struct profile *p, const char *col)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->f[i].col, col) == 0)
			return (int)i;
	return -1;
}

void record_set(struct record *r, size_t i, const char *value)
{
	free(r->v[i]);
	r->v[i] = xstrdup(value);
}

void record_init(struct record *r, const struct profile *p)
{
	memset(r, 0, sizeof *r);
	r->p = p;
	r->v = xcalloc(p->n ? p->n : 1, sizeof *r->v);
	r->was = xcalloc(p->n ? p->n : 1, sizeof *r->was);
	for (size_t i = 0; i < p->n; i++)
		r->v[i] = xstrdup(p->f[i].dflt);
}

static void values_free(char **v, size_t n)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void record_free(struct record *r)
{
	if (r == NULL || r->p == NULL)
		return;
	values_free(r->v, r->p->n);
	values_free(r->was, r->p->n);
	free(r->updated_by);
	free(r->updated_at);
	memset(r, 0, sizeof *r);
}

static void changes_free(struct record_change *ch, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ch[i].before);
		free(ch[i].after);
	}
	free(ch);
}

void record_conflict_free(struct record_conflict *c)
{
	if (c == NULL)
		return;
	changes_free(c->ch, c->nch);
	c->ch = NULL;
	c->nch = 0;
}

/* A column as text; a REAL without a needless ".0" (315.0 reads 315). */
static char *col_text(sqlite3_stmt *st, int i)
{
	char buf[64];
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return NULL;
	case SQLITE_FLOAT:
		snprintf(buf, sizeof buf, "%.15g", sqlite3_column_double(st, i));
		return xstrdup(buf);
	default:
		return xstrdup((const char *)sqlite3_column_text(st, i));
	}
}

/* "SELECT id, version, updated_by, updated_at, <cols> FROM <table> t WHERE t.id = ?" */
static char *read_sql(const struct profile *p)
{
	struct sbuf b = { 0 };
	sbuf_puts(&b, "SELECT t.id, t.version, t.updated_by, t.updated_at");
	for (size_t i = 0; i < p->n; i++)
		sbuf_printf(&b, ", t.\"%s\"", p->f[i].col);
	sbuf_printf(&b, " FROM \"%s\" t WHERE t.id = ?", p->table);
	return sbuf_take(&b);
}

/* Row id as it is now: ST_OK with *r filled, ST_DATA if none, ST_DB. */
static int read_row(struct db *db, const struct profile *p, long long id, struct record *r,
                    char **err)
{
	char *sql = read_sql(p);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	free(sql);
	record_init(r, p);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->id = sqlite3_column_int64(st, 0);
		r->version = sqlite3_column_int64(st, 1);
		r->updated_by = col_text(st, 2);
		r->updated_at = col_text(st, 3);
		for (size_t i = 0; i < p->n; i++) {
			free(r->v[i]);
			r->v[i] = col_text(st, 4 + (int)i);
			r->was[i] = xstrdup(r->v[i]);
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE) {
		err_set(err, "%s", tr("This record is not in the database (another clerk may have deleted it)"));
		return ST_DATA;
	}
	return db_fail(db, p->table, err);
}

int record_read(struct db *db, const struct profile *p, long long id, struct record *r, char **err)
{
	return read_row(db, p, id, r, err);
}

/* ---- showing values ---- */

char *record_show(struct db *db, const struct profile *p, size_t i, const char *stored)
{
	const struct pfield *f = &p->f[i];
	const struct reftype *rt = reftype_of(f->type);
	char buf[128];
	if (stored == NULL)
		return xstrdup("");
	if (rt != NULL) {
		char *end;
		long long id = strtoll(stored, &end, 10);
		char *name = *end == '\0' ? reftype_name(db, rt, id) : NULL;
		return name ? name : xasprintf("#%s", stored);
	}
	switch (f->type) {
	case FT_ENUM: {
		const struct choice *c = f->choices ? choice_by_value(f->choices, stored) : NULL;
		return xstrdup(c ? choice_label(c) : profile_enum_label(f, stored, buf, sizeof buf));
	}
	case FT_BOOL:
		return xstrdup(strcmp(stored, "0") == 0 ? tr("no") : tr("yes"));
	case FT_KIND: {
		const struct profile *k = profile_find(stored);
		return xstrdup(k ? profile_title(k) : stored);
	}
	case FT_CENTS: {
		char *end;
		long long c = strtoll(stored, &end, 10);
		if (*end != '\0')
			return xstrdup(stored);
		return xasprintf("%s%lld.%02lld", c < 0 ? "-" : "", (c < 0 ? -c : c) / 100,
		                 (c < 0 ? -c : c) % 100);
	}
	default:
		return xstrdup(stored);
	}
}

char *record_changes_text(struct db *db, const struct profile *p,
                          const struct record_change *ch, size_t n)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "", 0);
	for (size_t k = 0; k < n; k++) {
		char *name = record_field_name(p, (size_t)ch[k].field);
		char *a = record_show(db, p, (size_t)ch[k].field, ch[k].before);
		char *z = record_show(db, p, (size_t)ch[k].field, ch[k].after);
		if (k > 0)
			sbuf_puts(&b, tr("; "));
		sbuf_printf(&b, tr("%s: %s -> %s"), name, *a ? a : tr("(empty)"), *z ? z : tr("(empty)"));
		free(name);
		free(a);
		free(z);
	}
	return sbuf_take(&b);
}

char *record_label(struct db *db, const struct profile *p, long long id)
{
	char *sql = xasprintf("SELECT %s FROM \"%s\" t WHERE t.id = ?1", p->label, p->table);
	char *s = db_text_of(db, sql, id);
	free(sql);
	return s;
}

/* ---- checking ---- */

static int same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Characters (code points) of UTF-8 text. */
static int count_chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Set *err to "<field>: <message>". */
static int field_error(const struct profile *p, size_t i, char **err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int field_error(const struct profile *p, size_t i, char **err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	char *name = record_field_name(p, i);
	err_set(err, tr("%s: %s"), name, m);
	free(name);
	free(m);
	return ST_DATA;
}

static void replace(char **slot, char *fresh)
{
	free(*slot);
	*slot = fresh;
}

static int check_int(const struct profile *p, size_t i, char **v, long long lo, long long hi,
                     char **err)
{
	char buf[64];
	char *f = value_fold_buf(*v, buf, sizeof buf);
	char *end;
	if (f == NULL || *f == '\0')
		return field_error(p, i, err, tr("\"%s\" is not a whole number"), *v);
	long long n = strtoll(f, &end, 10);
	if (*end != '\0')
		return field_error(p, i, err, tr("\"%s\" is not a whole number"), *v);
	if (lo <= hi && (n < lo || n > hi))
		return field_error(p, i, err, tr("%lld is not from %lld to %lld"), n, lo, hi);
	replace(v, xasprintf("%lld", n));
	return ST_OK;
}

static int check_enum(const struct profile *p, size_t i, char **v, char **err)
{
	char buf[128];
	const char *s = profile_enum_value(&p->f[i], *v, buf, sizeof buf);
	if (s == NULL) {
		char *list = profile_enum_list(&p->f[i]);
		field_error(p, i, err, tr("\"%s\" is not one of: %s"), *v, list);
		free(list);
		return ST_DATA;
	}
	replace(v, xstrdup(s));
	return ST_OK;
}

static int check_uscc(const struct profile *p, size_t i, char **v, char **err)
{
	char code[19], expect = 0, buf[128];
	const char *why = NULL;
	char *f = value_fold_buf(*v, buf, sizeof buf);
	int u = f ? value_uscc(f, code, &why, &expect) : -1;
	if (u == -2)
		return field_error(p, i, err, tr("\"%s\": wrong check character, should be %c"), *v, expect);
	if (u != 0)
		return field_error(p, i, err, tr("\"%s\" %s"), *v, why ? tr(why) : "");
	replace(v, xstrdup(code));
	return ST_OK;
}

static int check_ref(struct db *db, const struct profile *p, size_t i, char **v, char **err)
{
	const struct reftype *rt = reftype_of(p->f[i].type);
	char *end;
	long long id = strtoll(*v, &end, 10);
	if (*end != '\0' || end == *v) {
		/* a name: the row it names whole */
		id = reftype_find(db, rt, *v);
		if (id < 0)
			return field_error(p, i, err, tr("\"%s\" names more than one record; choose one"), *v);
		if (id == 0)
			return field_error(p, i, err, tr("\"%s\" is not in the database"), *v);
		replace(v, xasprintf("%lld", id));
		return ST_OK;
	}
	if (!reftype_exists(db, rt, id))
		return field_error(p, i, err, tr("no record %lld in the database (deleted meanwhile?)"), id);
	return ST_OK;
}

/* One value, not empty, checked and written the stored way. */
static int check_value(struct db *db, const struct profile *p, size_t i, char **v, char **err)
{
	const struct pfield *f = &p->f[i];
	char buf[64], d[11];
	double x;
	int pct, b;
	switch (f->type) {
	case FT_TEXT:
		if (f->maxlen > 0 && count_chars(*v) > f->maxlen)
			return field_error(p, i, err, tr("at most %d characters (this has %d)"),
			                   f->maxlen, count_chars(*v));
		return ST_OK;
	case FT_INT:
		return check_int(p, i, v, 1, 0, err);
	case FT_YEAR:
		return check_int(p, i, v, 1900, 2999, err);
	case FT_CENTS:
		return check_int(p, i, v, 1, 0, err);
	case FT_REAL: {
		char *fv = value_fold_buf(*v, buf, sizeof buf);
		if (fv == NULL || value_number(fv, &x, &pct) != 0)
			return field_error(p, i, err, tr("\"%s\" is not a number"), *v);
		snprintf(buf, sizeof buf, "%.15g", x);
		replace(v, xstrdup(buf));
		return ST_OK;
	}
	case FT_DATE: {
		char *fv = value_fold_buf(*v, buf, sizeof buf);
		if (fv == NULL || value_date(fv, d) != 0)
			return field_error(p, i, err, tr("\"%s\" is not a date (like 2023-12-02)"), *v);
		replace(v, xstrdup(d));
		return ST_OK;
	}
	case FT_BOOL: {
		char *fv = value_fold_buf(*v, buf, sizeof buf);
		if (fv == NULL || value_bool(fv, &b) != 0)
			return field_error(p, i, err, tr("\"%s\" is neither yes nor no"), *v);
		replace(v, xstrdup(b ? "1" : "0"));
		return ST_OK;
	}
	case FT_USCC:
		return check_uscc(p, i, v, err);
	case FT_PERIOD: {
		struct period per;
		if (period_parse(*v, &per) != 0)
			return field_error(p, i, err, tr("\"%s\" is not a year (2025) or a quarter (2025Q3)"),
			                   *v);
		replace(v, xstrdup(period_format(per, buf, sizeof buf)));
		return ST_OK;
	}
	case FT_ENUM:
		return check_enum(p, i, v, err);
	case FT_PERIOD_END:
		return ST_OK;
	default:
		return check_ref(db, p, i, v, err);
	}
}

/* Trim spaces (ASCII and U+3000) at both ends. */
static void trim(char **v)
{
	char *s = *v, *e;
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - s >= 3 && strncmp(e - 3, "\xE3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	replace(v, xstrndup(s, (size_t)(e - s)));
}

/* The derived fields: a period's last day. */
static void derive(struct record *r)
{
	const struct profile *p = r->p;
	int per = -1;
	for (size_t i = 0; i < p->n; i++)
		if (p->f[i].type == FT_PERIOD)
			per = (int)i;
	for (size_t i = 0; i < p->n; i++) {
		struct period pp;
		char end[16];
		if (p->f[i].type != FT_PERIOD_END)
			continue;
		if (per >= 0 && r->v[per] != NULL && period_parse(r->v[per], &pp) == 0)
			replace(&r->v[i], xstrdup(period_end(pp, end, sizeof end)));
		else
			replace(&r->v[i], NULL);
	}
}

/* Is the natural key taken by another row?  ST_OK, ST_DATA with *err. */
static int check_key(struct db *db, const struct record *r, char **err)
{
	const struct profile *p = r->p;
	struct sbuf sql = { 0 }, names = { 0 };
	int nkeys = 0, rc = ST_OK;
	sbuf_printf(&sql, "SELECT t.id, %s FROM \"%s\" t WHERE t.id IS NOT ?1", p->label, p->table);
	for (size_t i = 0; i < p->n; i++) {
		if (!(p->f[i].flags & PF_KEY))
			continue;
		if (r->v[i] == NULL)        /* NULL never equals: UNIQUE lets it be */
			goto out;
		char *name = record_field_name(p, i);
		sbuf_printf(&sql, " AND t.\"%s\" = ?%d", p->f[i].col, (int)i + 2);
		sbuf_printf(&names, "%s%s", nkeys ? tr(", ") : "", name);
		free(name);
		nkeys++;
	}
	if (nkeys == 0)
		goto out;
	sbuf_puts(&sql, " LIMIT 1");
	sqlite3_stmt *st = db_prepare(db, sql.s, err);
	if (st == NULL) {
		rc = ST_DB;
		goto out;
	}
	if (r->id)
		sqlite3_bind_int64(st, 1, r->id);
	for (size_t i = 0; i < p->n; i++) {
		if (!(p->f[i].flags & PF_KEY))
			continue;
		if (is_int(p->f[i].type))
			sqlite3_bind_int64(st, (int)i + 2, strtoll(r->v[i], NULL, 10));
		else if (p->f[i].type == FT_REAL)
			sqlite3_bind_double(st, (int)i + 2, strtod(r->v[i], NULL));
		else
			sqlite3_bind_text(st, (int)i + 2, r->v[i], -1, SQLITE_STATIC);
	}
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		const unsigned char *label = sqlite3_column_text(st, 1);
		err_set(err, tr("%s already belongs to another record: %s (no. %lld)"), names.s,
		        label ? (const char *)label : "", sqlite3_column_int64(st, 0));
		rc = ST_DATA;
	} else if (s != SQLITE_DONE) {
		rc = db_fail(db, p->table, err);
	}
	sqlite3_finalize(st);
out:
	sbuf_free(&sql);
	sbuf_free(&names);
	return rc;
}

int record_check(struct db *db, struct record *r, char **err)
{
	const struct profile *p = r->p;
	for (size_t i = 0; i < p->n; i++) {
		const struct pfield *f = &p->f[i];
		if (f->flags & PF_DERIVED)
			continue;
		if (r->v[i] != NULL)
			trim(&r->v[i]);
		int empty = r->v[i] == NULL || *r->v[i] == '\0';
		if (!empty && f->type != FT_TEXT) {
			char buf[64];
			char *fv = value_fold_buf(r->v[i], buf, sizeof buf);
			empty = fv != NULL && value_missing(fv) && f->type != FT_ENUM;
		}
		if (empty) {
			if (f->flags & PF_REQ) {
				char *name = record_field_name(p, i);
				err_set(err, tr("%s: this field must be filled in"), name);
				free(name);
				return ST_DATA;
			}
			replace(&r->v[i], xstrdup(f->dflt));
			continue;
		}
		int rc = check_value(db, p, i, &r->v[i], err);
		if (rc != ST_OK)
			return rc;
	}
	derive(r);
	/* an actual must make sense for its indicator (core/indsem.h) */
	int fi = record_field(p, "indicator_id"), fv = record_field(p, "value");
	if (strcmp(p->table, "observation") == 0 && fi >= 0 && fv >= 0 && r->v[fi] != NULL &&
	    r->v[fv] != NULL && *r->v[fv] != '\0') {
		char *why = indicator_value_check(db, atoll(r->v[fi]), strtod(r->v[fv], NULL));
		if (why != NULL) {
			field_error(p, (size_t)fv, err, "%s", why);
			free(why);
			return ST_DATA;
		}
	}
	return check_key(db, r, err);
}

/* ---- conflicts ---- */

/* Inside the write transaction: is r still at the version read?  ST_OK,
 * ST_CONFLICT with *c, ST_DB.  A new record has nothing to lose. */
static int check_version(struct db *db, const struct record *r, struct record_conflict *c,
                         char **err)
{
	struct record now;
	memset(c, 0, sizeof *c);
	if (r->id == 0)
		return ST_OK;
	int rc = read_row(db, r->p, r->id, &now, err);
	if (rc == ST_DATA) {
		if (err != NULL) {
			free(*err);
			*err = NULL;
		}
		audit_deleted_by(db, r->p->table, r->id, c->by, sizeof c->by, c->at, sizeof c->at);
		record_free(&now);
		return ST_CONFLICT;
	}
	if (rc != ST_OK) {
		record_free(&now);
		return rc;
	}
	if (now.version != r->version) {
		c->version = now.version;
		snprintf(c->by, sizeof c->by, "%s", now.updated_by ? now.updated_by : "");
		snprintf(c->at, sizeof c->at, "%s", now.updated_at ? now.updated_at : "");
		for (size_t i = 0; i < r->p->n; i++) {
			if (same(r->was[i], now.v[i]) || (r->p->f[i].flags & PF_DERIVED))
				continue;
			c->ch = xrealloc(c->ch, (c->nch + 1) * sizeof *c->ch);
			c->ch[c->nch].field = (int)i;
			c->ch[c->nch].before = xstrdup(r->was[i]);
			c->ch[c->nch].after = xstrdup(now.v[i]);
			c->nch++;
		}
		rc = ST_CONFLICT;
	}
	record_free(&now);
	return rc;
}

void record_overrule(struct record *r, const struct record_conflict *c)
{
	if (c->version == 0) {
		r->id = 0;
		r->version = 0;
		return;
	}
	r->version = c->version;
	for (size_t k = 0; k < c->nch; k++)
		replace(&r->was[c->ch[k].field], xstrdup(c->ch[k].after));
}

/* ---- saving ---- */

/* May the session change r as stored (del: delete it)?  And, with
 * new_too, write its values (the region it will have)? */
static int check_access(struct db *db, const struct record *r, int del, int new_too, char **err)
{
	int rc = ST_OK;
	if (r->id && !new_too)
		rc = access_check_row(db, r->p, r->id, del ? ACCESS_DELETE : ACCESS_CHANGE, err);
	if (rc == ST_OK && new_too)
		rc = access_check_values(db, r->p, r->v, r->id ? ACCESS_CHANGE : ACCESS_ADD, err);
	return rc;
}

int record_may(struct db *db, const struct profile *p, long long id, int del, char **err)
{
	if (id == 0)      /* the region is not known yet: only whether any may be added */
		return access_writes_some(db) && access_region_source(p) >= 0
		    ? ST_OK : access_check(db, p->table, 0, ACCESS_ADD, err);
	return access_check_row(db, p, id, del ? ACCESS_DELETE : ACCESS_CHANGE, err);
}

static void bind_value(sqlite3_stmt *st, int at, const struct pfield *f, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, at);
	else if (is_int(f->type))
		sqlite3_bind_int64(st, at, strtoll(v, NULL, 10));
	else if (f->type == FT_REAL)
		sqlite3_bind_double(st, at, strtod(v, NULL));
	else
		sqlite3_bind_text(st, at, v, -1, SQLITE_STATIC);
}

/* "INSERT INTO t(c1, ..., updated_by, updated_at) VALUES (?1, ...) RETURNING id"
 * or "UPDATE t SET c1 = ?1, ..., version = version + 1 WHERE id = ? AND version = ?
 * RETURNING id". */
static char *write_sql(const struct profile *p, int update)
{
	struct sbuf b = { 0 };
	int n = (int)p->n;
	if (update) {
		sbuf_printf(&b, "UPDATE \"%s\" SET ", p->table);
		for (int i = 0; i < n; i++)
			sbuf_printf(&b, "\"%s\" = ?%d, ", p->f[i].col, i + 1);
		sbuf_printf(&b, "updated_by = ?%d, updated_at = ?%d, version = version + 1"
		            " WHERE id = ?%d AND version = ?%d RETURNING id", n + 1, n + 2, n + 3, n + 4);
	} else {
		sbuf_printf(&b, "INSERT INTO \"%s\"(", p->table);
		for (int i = 0; i < n; i++)
			sbuf_printf(&b, "\"%s\", ", p->f[i].col);
		sbuf_puts(&b, "updated_by, updated_at) VALUES (");
		for (int i = 0; i < n; i++)
			sbuf_printf(&b, "?%d, ", i + 1);
		sbuf_printf(&b, "?%d, ?%d) RETURNING id", n + 1, n + 2);
	}
	return sbuf_take(&b);
}

/* The row written, or 0 with *err (ST_DATA for a constraint the schema
 * holds and the checks did not see). */
static long long write_row(struct db *db, const struct record *r, int *rc, char **err)
{
	const struct profile *p = r->p;
	int n = (int)p->n;
	char *sql = write_sql(p, r->id != 0);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	long long id = 0;
	free(sql);
	*rc = ST_DB;
	if (st == NULL)
		return 0;
	for (int i = 0; i < n; i++)
		bind_value(st, i + 1, &p->f[i], r->v[i]);
	sqlite3_bind_text(st, n + 1, db_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, n + 2, util_now(), -1, SQLITE_TRANSIENT);
	if (r->id) {
		sqlite3_bind_int64(st, n + 3, r->id);
		sqlite3_bind_int64(st, n + 4, r->version);
	}
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*rc = ST_OK;
	} else if ((sqlite3_extended_errcode(sqlite3_db_handle(st)) & 0xFF) == SQLITE_CONSTRAINT) {
		err_set(err, tr("Not saved: %s"), sqlite3_errmsg(sqlite3_db_handle(st)));
		*rc = ST_DATA;
	} else if (s == SQLITE_DONE) {
		err_set(err, "%s", tr("Not saved: the record changed meanwhile"));
	} else {
		db_fail(db, p->table, err);
	}
	sqlite3_finalize(st);
	return id;
}

/* A stage changed in the form is a move along the kind's stages
 * (core/pipe.h): the same rules and history; a refused one is the stage
 * field's error. */
static int form_move(struct db *db, const struct record *r, char **err)
{
	int fi = pipe_stage_field(r->p);
	if (fi < 0 || r->id == 0)
		return ST_OK;
	char *why = NULL;
	int rc = pipe_form_move(db, r->p, r->id, r->was[fi], r->v[fi], &why);
	if (rc == ST_DATA)
		field_error(r->p, (size_t)fi, err, "%s", why);
	else if (rc != ST_OK && err != NULL) {
		free(*err);
		*err = why;
		why = NULL;
	}
	free(why);
	return rc;
}

int record_save(struct db *db, struct record *r, struct record_conflict *c, char **err)
{
	memset(c, 0, sizeof *c);
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	rc = check_version(db, r, c, err);
	if (rc == ST_OK)
		rc = check_access(db, r, 0, 0, err);
	if (rc == ST_OK)
		rc = record_check(db, r, err);
	if (rc == ST_OK)
		rc = check_access(db, r, 0, 1, err);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	char *before = r->id ? audit_snapshot(db, r->p->table, r->id) : NULL;
	long long id = write_row(db, r, &rc, err);
	if (rc == ST_OK)
		rc = form_move(db, r, err);
	if (rc == ST_OK) {
		char *after = audit_snapshot(db, r->p->table, id);
		rc = audit_log(db, r->p->table, id, r->id ? "update" : "insert", before, after, 0, err);
		free(after);
	}
	free(before);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	struct record now;
	rc = read_row(db, r->p, id, &now, err);
	if (rc == ST_OK) {
		record_free(r);
		*r = now;
	} else {
		record_free(&now);
	}
	return rc;
}

/* ---- deleting ---- */

void record_referrers_free(struct record_referrer *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(refs[i].table);
		free(refs[i].col);
	}
	free(refs);
}

/* The foreign keys that point at `table`: (table, column) pairs.  With
 * details 1 only those of detail tables, else only the others. */
static int foreign_keys(struct db *db, const char *table, int details,
                        struct record_referrer **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT m.name, k.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) k"
	    " WHERE m.type = 'table' AND k.\"table\" = ?1 ORDER BY m.rowid, k.id", err);
	int rc;
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (is_detail(t, (const char *)sqlite3_column_text(st, 1)) != details)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[*n].table = xstrdup(t);
		(*out)[*n].col = xstrdup((const char *)sqlite3_column_text(st, 1));
		(*out)[*n].n = 0;
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "the schema", err);
}

int record_referrers(struct db *db, const struct profile *p, long long id,
                     struct record_referrer **out, size_t *n, char **err)
{
	struct record_referrer *fk;
	size_t nfk, k = 0;
	int rc = foreign_keys(db, p->table, 0, &fk, &nfk, err);
	if (rc != ST_OK)
		return rc;
	for (size_t i = 0; i < nfk && rc == ST_OK; i++) {
		char *sql = xasprintf("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?%s", fk[i].table,
		                      fk[i].col, strcmp(fk[i].table, p->table) == 0 ? " AND id != ?1" : "");
		sqlite3_stmt *st = db_prepare(db, sql, err);
		free(sql);
		if (st == NULL) {
			rc = ST_DB;
			break;
		}
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			fk[i].n = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(db, fk[i].table, err);
		sqlite3_finalize(st);
	}
	/* keep the tables that have referring rows, in place */
	for (size_t i = 0; i < nfk; i++) {
		if (fk[i].n > 0 && rc == ST_OK) {
			fk[k++] = fk[i];
			continue;
		}
		free(fk[i].table);
		free(fk[i].col);
	}
	if (rc != ST_OK || k == 0) {
		free(fk);
		fk = NULL;
		k = 0;
	}
	*out = fk;
	*n = k;
	return rc;
}

static void ref_add(struct record_ref **out, size_t *n, const struct profile *p, long long id)
{
	for (size_t i = 0; i < *n; i++)
		if ((*out)[i].p == p && (*out)[i].id == id)
			return;
	*out = xrealloc(*out, (*n + 1) * sizeof **out);
	(*out)[*n].p = p;
	(*out)[(*n)++].id = id;
}

/* The rows of fk.table whose fk.col is id: their own ids, or (a table no
 * kind describes) the ids its other foreign key `via` names. */
static int ref_rows(struct db *db, const char *sql, long long id, const struct profile *kind,
                    struct record_ref **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			ref_add(out, n, kind, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, "a referring table", err);
}

/* A kind that only links records (every field a reference): a row of it
 * stands for the records it links. */
static int is_link(const struct profile *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (!is_ref(p->f[i].type))
			return 0;
	return 1;
}

static int referring_through(struct db *db, const struct profile *p, long long id,
                             const struct record_referrer *fk, size_t nfk,
                             struct record_ref **out, size_t *n, char **err);

int record_referring(struct db *db, const struct profile *p, long long id,
                     struct record_ref **out, size_t *n, char **err)
{
	struct record_referrer *fk;
	size_t nfk;
	*out = NULL;
	*n = 0;
	int rc = ST_OK;
	for (int details = 0; details < 2 && rc == ST_OK; details++) {
		if (foreign_keys(db, p->table, details, &fk, &nfk, err) != ST_OK)
			return ST_DB;
		rc = referring_through(db, p, id, fk, nfk, out, n, err);
		record_referrers_free(fk, nfk);
	}
	return rc;
}

/* record_referring over the foreign keys fk of tables pointing at p. */
static int referring_through(struct db *db, const struct profile *p, long long id,
                             const struct record_referrer *fk, size_t nfk,
                             struct record_ref **out, size_t *n, char **err)
{
	int rc = ST_OK;
	for (size_t i = 0; i < nfk && rc == ST_OK; i++) {
		const struct profile *kind = profile_find(fk[i].table);
		if (kind == p || strcmp(fk[i].table, "audit") == 0)
			continue;
		if (kind != NULL && (kind->flags & PK_EDIT) && !is_link(kind)) {
			char *sql = xasprintf("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY id",
			                      fk[i].table, fk[i].col);
			rc = ref_rows(db, sql, id, kind, out, n, err);
			free(sql);
			continue;
		}
		/* a link table: the records its other foreign keys name */
		struct record_referrer *to;
		size_t nto;
		sqlite3_stmt *st = db_prepare(db, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?1)", err);
		if (st == NULL) {
			rc = ST_DB;
			break;
		}
		sqlite3_bind_text(st, 1, fk[i].table, -1, SQLITE_TRANSIENT);
		to = NULL;
		nto = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			const char *c = (const char *)sqlite3_column_text(st, 1);
			if (strcmp(c, fk[i].col) == 0 || profile_find(t) == NULL ||
			    !(profile_find(t)->flags & PK_EDIT) || profile_find(t) == p)
				continue;
			to = xrealloc(to, (nto + 1) * sizeof *to);
			to[nto].table = xstrdup(t);
			to[nto++].col = xstrdup(c);
		}
		sqlite3_finalize(st);
		for (size_t k = 0; k < nto && rc == ST_OK; k++) {
			char *sql = xasprintf("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY id",
			                      to[k].col, fk[i].table, fk[i].col);
			rc = ref_rows(db, sql, id, profile_find(to[k].table), out, n, err);
			free(sql);
		}
		for (size_t k = 0; k < nto; k++)
			to[k].n = 0;
		record_referrers_free(to, nto);
	}
	return rc;
}

/* "12 条实际值、3 家企业" (a table referring through two columns counts once each). */
static char *referrers_text(const struct record_referrer *refs, size_t n)
{
	struct sbuf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *what = NULL;
		long long count = refs[i].n;
		int dup = 0;
		for (size_t j = 0; j < i; j++)
			if (strcmp(refs[j].table, refs[i].table) == 0)
				dup = 1;
		if (dup)
			continue;
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(refs[j].table, refs[i].table) == 0)
				count += refs[j].n;
		for (size_t w = 0; w < sizeof referrer_words / sizeof referrer_words[0]; w++)
			if (strcmp(referrer_words[w].table, refs[i].table) == 0)
				what = referrer_words[w].what;
		if (b.len)
			sbuf_puts(&b, tr(", "));
		if (what != NULL)
			sbuf_printf(&b, tr(what), count);
		else
			sbuf_printf(&b, tr("%lld rows of %s"), count, refs[i].table);
	}
	return b.s ? sbuf_take(&b) : xstrdup("");
}

/* Refuse to delete a record others refer to.  ST_OK, ST_DATA, ST_DB. */
static int check_unreferenced(struct db *db, const struct record *r, char **err)
{
	struct record_referrer *refs;
	size_t n;
	int rc = record_referrers(db, r->p, r->id, &refs, &n, err);
	if (rc != ST_OK || n == 0)
		return rc;
	char *label = record_label(db, r->p, r->id);
	char *who = referrers_text(refs, n);
	err_set(err, tr("\"%s\" is used by %s; it cannot be deleted"), label ? label : "", who);
	free(label);
	free(who);
	record_referrers_free(refs, n);
	return ST_DATA;
}

/* Delete the detail rows of the record (before it: their keys point at it). */
static int delete_details(struct db *db, const struct record *r, char **err)
{
	struct record_referrer *fk;
	size_t n;
	int rc = foreign_keys(db, r->p->table, 1, &fk, &n, err);
	for (size_t i = 0; i < n && rc == ST_OK; i++) {
		char *sql = xasprintf("DELETE FROM \"%s\" WHERE \"%s\" = ?", fk[i].table, fk[i].col);
		sqlite3_stmt *st = db_prepare(db, sql, err);
		free(sql);
		if (st == NULL) {
			rc = ST_DB;
			break;
		}
		sqlite3_bind_int64(st, 1, r->id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, fk[i].table, err);
		sqlite3_finalize(st);
	}
	record_referrers_free(fk, n);
	return rc;
}

static int delete_row(struct db *db, const struct record *r, char **err)
{
	char *sql = xasprintf("DELETE FROM \"%s\" WHERE id = ? AND version = ?", r->p->table);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc = ST_OK;
	free(sql);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->version);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, r->p->table, err);
	sqlite3_finalize(st);
	return rc;
}

int record_delete(struct db *db, const struct record *r, struct record_conflict *c, char **err)
{
	memset(c, 0, sizeof *c);
	if (r->id == 0) {
		err_set(err, "%s", tr("This record is not in the database (another clerk may have deleted it)"));
		return ST_DATA;
	}
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	rc = check_version(db, r, c, err);
	if (rc == ST_OK)
		rc = check_access(db, r, 1, 0, err);
	if (rc == ST_OK)
		rc = check_unreferenced(db, r, err);
	char *before = rc == ST_OK ? audit_snapshot(db, r->p->table, r->id) : NULL;
	if (rc == ST_OK)
		rc = delete_details(db, r, err);
	if (rc == ST_OK)
		rc = delete_row(db, r, err);
	if (rc == ST_OK)
		rc = audit_log(db, r->p->table, r->id, "delete", before, NULL, 0, err);
	free(before);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	if (rc != ST_OK)
		db_rollback(db);
	return rc;
}

/* ---- history ---- */

void record_history_free(struct record_event *ev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ev[i].at);
		free(ev[i].login);
		free(ev[i].action);
		changes_free(ev[i].ch, ev[i].nch);
	}
	free(ev);
}

/* "SELECT at, login, action, batch_id, row_last, json_extract(before, '$.c1'),
 * json_extract(after, '$.c1'), ... FROM audit WHERE ..." */
static char *history_sql(const struct profile *p)
{
	struct sbuf b = { 0 };
	sbuf_puts(&b, "SELECT at, login, action, batch_id, row_last IS NOT NULL");
	for (size_t i = 0; i < p->n; i++)
		sbuf_printf(&b, ", json_extract(before, '$.\"%s\"'), json_extract(after, '$.\"%s\"')",
		            p->f[i].col, p->f[i].col);
	sbuf_puts(&b, " FROM audit WHERE tbl = ?1 AND (row_id = ?2 OR (row_last IS NOT NULL"
	              " AND row_id < ?2 AND row_last >= ?2)) ORDER BY id DESC");
	return sbuf_take(&b);
}

static void event_changes(sqlite3_stmt *st, const struct profile *p, struct record_event *e)
{
	for (size_t i = 0; i < p->n; i++) {
		char *a = col_text(st, 5 + 2 * (int)i), *z = col_text(st, 6 + 2 * (int)i);
		int keep = (p->f[i].flags & PF_DERIVED) == 0 && !same(a, z);
		if (keep && strcmp(e->action, "update") != 0) {   /* insert, delete: what was set */
			const char *v = a ? a : z, *d = p->f[i].dflt;
			keep = v != NULL && *v && !(d != NULL && strcmp(v, d) == 0);
		}
		if (!keep) {
			free(a);
			free(z);
			continue;
		}
		e->ch = xrealloc(e->ch, (e->nch + 1) * sizeof *e->ch);
		e->ch[e->nch].field = (int)i;
		e->ch[e->nch].before = a;
		e->ch[e->nch].after = z;
		e->nch++;
	}
}

int record_history(struct db *db, const struct profile *p, long long id,
                   struct record_event **out, size_t *n, char **err)
{
	char *sql = history_sql(p);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc;
	free(sql);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_text(st, 1, p->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct record_event *e = &(*out)[(*n)++];
		memset(e, 0, sizeof *e);
		e->at = col_text(st, 0);
		e->login = col_text(st, 1);
		e->action = col_text(st, 2);
		e->batch_id = sqlite3_column_int64(st, 3);
		e->run = sqlite3_column_int(st, 4);
		event_changes(st, p, e);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		record_history_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, "audit", err);
	}
	return ST_OK;
}
