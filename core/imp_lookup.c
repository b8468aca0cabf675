/* imp_lookup.c: names to ids for import (see imp.h).  The small tables
 * (regions, indicators, institutes, documents, tasks) are loaded once into
 * sorted maps of folded names and aliases; enterprises, which may be a
 * million, are looked up one by one.  Cells that repeat (the same few
 * regions, tiers and flags on every row) are remembered per field. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/imp.h"
#include "core/reftype.h"
#include "core/value.h"


static size_t seen_slot(const char *k)
{
	size_t h = 2166136261u;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h % SEEN_SLOTS;
}

/* The entry of k in field f's cache, or NULL. */
struct seen *imp_seen_find(struct imp *m, size_t f, const char *k, size_t *at)
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

void imp_seen_add(struct imp *m, size_t f, const char *k, long long id, const char *val)
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

void imp_seen_free(struct imp *m)
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

long long imp_lk_find_folded(const struct lkmap *map, const char *f)
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
	long long id = imp_lk_find_folded(map, f);
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

/* "景德镇市、乐平市、..." of a map's first few names, for messages.  Caller frees. */
static char *known_names(struct db *db, const char *sql)
{
	struct sbuf b = { 0 };
	sqlite3_stmt *st = NULL;
	int n = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW && n < 12) {
			sbuf_printf(&b, "%s%s", n ? tr(", ") : "", (const char *)sqlite3_column_text(st, 0));
			n++;
		}
	sqlite3_finalize(st);
	return sbuf_take(&b);
}

/* The maps of every reference type that names rows by columns
 * (core/reftype.h), and the statements for the others. */
int imp_lookups_load(struct imp *m)
{
	for (int t = 0; t <= FT_KIND; t++) {
		const struct reftype *r = reftype_of((enum ftype)t);
		if (r == NULL || r->names == NULL)
			continue;
		char *sql = xasprintf("SELECT t.id, %s FROM %s t ORDER BY %s", r->names, r->table,
		                      r->order);
		int rc = lk_load(m, &m->maps[t], sql);
		free(sql);
		if (rc != 0)
			return -1;
	}
	m->q_ent_uscc = db_prepare(m->db, "SELECT id FROM enterprise WHERE uscc = ?", &m->err);
	m->q_ent_name = db_prepare(m->db, "SELECT id FROM enterprise WHERE name = ? ORDER BY id", &m->err);
	m->q_ind_kind = db_prepare(m->db, "SELECT kind, unit, name FROM indicator WHERE id = ?", &m->err);
	if (!(m->q_ent_uscc && m->q_ent_name && m->q_ind_kind))
		return -1;
	return m->obs ? imp_inds_load(m) : 0;
}

void imp_lookups_free(struct imp *m)
{
	for (int t = 0; t <= FT_KIND; t++)
		lk_free(&m->maps[t]);
	sqlite3_finalize(m->q_ent_uscc);
	sqlite3_finalize(m->q_ent_name);
	sqlite3_finalize(m->q_ind_kind);
	imp_inds_free(m);
	imp_seen_free(m);
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

long long imp_ref_find(struct imp *m, enum ftype t, const char *v, const char **what, char **known)
{
	const struct reftype *r = reftype_of(t);
	long long id = 0;
	*known = NULL;
	*what = r ? r->what : "";
	if (r == NULL)
		return 0;
	if (r->names == NULL)
		return find_enterprise(m, v);
	id = lk_find(&m->maps[t], v);
	/* a parent named by its name rather than its code */
	if (id == 0 && t == FT_REGION_CODE)
		id = lk_find(&m->maps[FT_REGION], v);
	/* an indicator named with its unit, as tables print it: R&D投入占GDP的比例 (%) */
	if (id == 0 && t == FT_INDICATOR) {
		char *bare = import_header_reduce(v, NULL);
		if (*bare && strcmp(bare, v) != 0)
			id = imp_lk_find_folded(&m->maps[t], bare);
		free(bare);
	}
	/* 全市: the whole city, where the database has one at its top; in a
	 * long sheet of figures 合计 too (checked by imp_check_city_rows) */
	if (id == 0 && t == FT_REGION && (strcmp(v, "全市") == 0 || (m->obs && !m->wide && imp_total_word(v))))
		id = db_scalar(m->db, "SELECT CASE WHEN count(*) = 1 THEN max(id) ELSE 0 END FROM region"
		               " WHERE parent_id IS NULL", NULL);
	if (id < 0)
		id = 0;
	/* the regions are few: say which there are */
	if (id == 0 && t == FT_REGION) {
		char *sql = xasprintf("SELECT %s FROM %s t ORDER BY %s", r->name, r->table, r->order);
		*known = known_names(m->db, sql);
		free(sql);
	}
	return id;
}
