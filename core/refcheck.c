/* refcheck.c: a big load's references, checked once per distinct id (see
 * refcheck.h).  Table and column names come from the schema (PRAGMA
 * foreign_key_list), never from data. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/refcheck.h"
#include "core/util.h"

#define MAX_FKS 16
#define ID_SLOTS 512          /* a power of two */
#define MAX_IDS 256           /* distinct ids kept per column; more: not complete */

struct fk {
	int        field;         /* the profile's field, or -1 (batch_id, or not written) */
	char      *parent, *to;   /* owned; to NULL: the parent's rowid */
	long long  id[ID_SLOTS];  /* open addressing */
	char       used[ID_SLOTS];
	size_t     n;
	long long  last;          /* the id added last: most repeat it */
	int        has_last;
};

struct refcheck {
	struct db *db;
	struct fk  fk[MAX_FKS];
	size_t     n;
	int        slot[32];      /* fk of each field, or -1 */
	int        complete;
};

/* 1 if column col of table has no default (NULL). */
static int default_null(struct db *db, const char *table, const char *col)
{
	char *sql = xasprintf("SELECT dflt_value IS NULL FROM pragma_table_info('%s') WHERE name = ?",
	                      table);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	int null = 0;
	free(sql);
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, col, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		null = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return null;
}

static int field_of(const struct profile *p, const char *col)
{
	for (size_t i = 0; i < p->n && i < 32; i++)
		if (strcmp(p->f[i].col, col) == 0)
			return (int)i;
	return -1;
}

struct refcheck *refcheck_new(struct db *db, const struct profile *p, const int *staged)
{
	char *sql = xasprintf("SELECT id, seq, \"table\", \"from\", \"to\" FROM "
	                      "pragma_foreign_key_list('%s')", p->table);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	free(sql);
	if (st == NULL)
		return NULL;
	struct refcheck *r = xcalloc(1, sizeof *r);
	r->db = db;
	r->complete = 1;
	for (int i = 0; i < 32; i++)
		r->slot[i] = -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 3);
		int f = field_of(p, from);
		if (sqlite3_column_int(st, 1) > 0 || r->n == MAX_FKS) {
			r->complete = 0;             /* a key of two columns */
			continue;
		}
		if (f >= 0 && staged[f] && (p->f[f].type < FT_REGION || p->f[f].type > FT_TASK)) {
			r->complete = 0;             /* not an id the importer looked up */
		} else if (f >= 0 && staged[f]) {
			struct fk *k = &r->fk[r->n++];
			k->field = f;
			k->parent = xstrdup((const char *)sqlite3_column_text(st, 2));
			k->to = xstrdup((const char *)sqlite3_column_text(st, 4));
			r->slot[f] = (int)(k - r->fk);
		} else if (strcmp(from, "batch_id") != 0 && !default_null(db, p->table, from)) {
			r->complete = 0;             /* a default that names a row */
		}
	}
	sqlite3_finalize(st);
	if (r->n == 0 && r->complete) {
		refcheck_free(r);
		return NULL;
	}
	return r;
}

void refcheck_free(struct refcheck *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->fk[i].parent);
		free(r->fk[i].to);
	}
	free(r);
}

void refcheck_add(struct refcheck *r, size_t f, long long id)
{
	if (r == NULL || f >= 32 || r->slot[f] < 0)
		return;
	struct fk *k = &r->fk[r->slot[f]];
	if (k->has_last && k->last == id)
		return;
	k->last = id;
	k->has_last = 1;
	if (k->n > MAX_IDS)
		return;
	size_t h = (size_t)((unsigned long long)id * 0x9E3779B97F4A7C15ULL >> 40) & (ID_SLOTS - 1);
	while (k->used[h] && k->id[h] != id)
		h = (h + 1) & (ID_SLOTS - 1);
	if (!k->used[h]) {
		k->used[h] = 1;
		k->id[h] = id;
		k->n++;                      /* past MAX_IDS: no longer complete */
	}
}

int refcheck_complete(const struct refcheck *r)
{
	if (r == NULL)
		return 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->fk[i].n > MAX_IDS)
			return 0;
	return r->complete;
}

int refcheck_verify(struct refcheck *r, char **err)
{
	for (size_t i = 0; r && i < r->n; i++) {
		struct fk *k = &r->fk[i];
		char *sql = xasprintf("SELECT 1 FROM main.\"%s\" WHERE \"%s\" = ?", k->parent,
		                      k->to ? k->to : "rowid");
		sqlite3_stmt *st = db_prepare(r->db, sql, err);
		free(sql);
		if (st == NULL)
			return ST_DB;
		int rc = ST_OK;
		for (size_t h = 0; h < ID_SLOTS && rc == ST_OK; h++) {
			if (!k->used[h])
				continue;
			sqlite3_bind_int64(st, 1, k->id[h]);
			int step = sqlite3_step(st);
			if (step == SQLITE_DONE)        /* a row names one that is gone */
				err_set(err, "%s: %s", r->db->path, tr("a record breaks a rule of the database "
				        "(a duplicate or a missing reference)"));
			if (step != SQLITE_ROW)
				rc = step == SQLITE_DONE ? ST_DB : db_fail(r->db, "import", err);
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
		if (rc != ST_OK)
			return rc;
	}
	return ST_OK;
}
