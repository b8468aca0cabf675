/* check.c: the checks of `innotrack check` (see check.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/counter.h"
#include "core/period.h"
#include "core/profile.h"
#include "core/util.h"

#define MAX_LINES 200   /* of the integrity check: after that, it is damaged enough */

struct checker {
	struct db *db;
	void     (*finding)(void *ctx, const char *text);
	void      *ctx;
	long       n;
	char     **err;
};

static void found(struct checker *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void found(struct checker *k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = xvasprintf(tr(fmt), ap);
	va_end(ap);
	k->finding(k->ctx, t);
	free(t);
	k->n++;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

/* Each row of `sql` is given to fn; ST_OK or ST_DB. */
static int each_row(struct checker *k, const char *sql, void (*fn)(struct checker *, sqlite3_stmt *))
{
	sqlite3_stmt *st = db_prepare(k->db, sql, k->err);
	if (st == NULL)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(k, st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(k->db, "check", k->err);
}

/* --- SQLite's own ------------------------------------------------------- */

static int integrity(struct checker *k)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA integrity_check(%d)", MAX_LINES);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(k->db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		found(k, "the database cannot be read: %s", db_errmsg(k->db));
		return ST_DB;
	}
	int rc, bad = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(col(st, 0), "ok") == 0)
			continue;
		found(k, "damaged: %s", col(st, 0));
		bad = 1;
	}
	if (rc != SQLITE_DONE) {
		found(k, "the database cannot be read: %s", db_errmsg(k->db));
		bad = 1;
	}
	sqlite3_finalize(st);
	return bad ? ST_DB : ST_OK;
}

/* A table by the name of the records it holds ("企业"); else the table's. */
static const char *table_title(const char *table)
{
	const struct profile *p = profile_audited(table);
	return p != NULL ? profile_title(p) : table;
}

static void fk_row(struct checker *k, sqlite3_stmt *st)
{
	found(k, "table %s, row %s: refers to a row of %s that does not exist",
	      table_title(col(st, 0)), col(st, 1), table_title(col(st, 2)));
}

/* --- the ledger's own --------------------------------------------------- */

static void target_row(struct checker *k, sqlite3_stmt *st)
{
	found(k, "target %s (%s, %s, %s): its document (id %s) does not exist", col(st, 0), col(st, 1),
	    col(st, 2), col(st, 3), col(st, 4));
}

static const char targets_sql[] =
    "SELECT t.id, coalesce(i.name, '?'), coalesce(r.name, '?'), t.year, t.doc_id FROM target t"
    " LEFT JOIN indicator i ON i.id = t.indicator_id LEFT JOIN region r ON r.id = t.region_id"
    " WHERE NOT EXISTS (SELECT 1 FROM policy_doc d WHERE d.id = t.doc_id) ORDER BY t.id";

static void period_row(struct checker *k, sqlite3_stmt *st)
{
	struct period p;
	char end[16];
	const char *period = col(st, 3), *stored = col(st, 4);
	if (period_parse(period, &p) != 0)
		found(k, "figure %s (%s, %s): \"%s\" is not a period (a year like 2025 or a quarter like "
		    "2025Q3)", col(st, 0), col(st, 1), col(st, 2), period);
	else if (strcmp(period_end(p, end, sizeof end), stored) != 0)
		found(k, "figure %s (%s, %s, %s): the period ends on %s, but the row says %s", col(st, 0),
		    col(st, 1), col(st, 2), period, end, stored);
}

static const char periods_sql[] =
    "SELECT o.id, coalesce(i.name, '?'), coalesce(r.name, '?'), o.period, o.period_end"
    " FROM observation o LEFT JOIN indicator i ON i.id = o.indicator_id"
    " LEFT JOIN region r ON r.id = o.region_id ORDER BY o.id";

/* Counted indicators: the official (imported) figure against the count
 * of the register at the end of its period (core/counter.h), once the
 * register holds anything to count. */
static int counted(struct checker *k)
{
	sqlite3_stmt *st = db_prepare(k->db,
	    "SELECT o.id, i.name, r.name, o.period, o.value, o.region_id, i.counter FROM observation o"
	    " JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id"
	    " WHERE i.counter IS NOT NULL AND o.value IS NOT NULL ORDER BY o.id", k->err);
	if (st == NULL)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct period p;
		const struct counter *c = counter_find(col(st, 6));
		if (c == NULL || period_parse(col(st, 3), &p) != 0 || counter_used(k->db, c) <= 0)
			continue;   /* an unknown period is said above */
		long long n;
		if (counter_count(k->db, c, sqlite3_column_int64(st, 5), p, &n, k->err) != ST_OK) {
			sqlite3_finalize(st);
			return ST_DB;
		}
		double v = sqlite3_column_double(st, 4);
		if (v != (double)n) {
			char a[32];
			found(k, "figure %s (%s, %s, %s): the official figure is %s, the register counts %lld",
			      col(st, 0), col(st, 1), col(st, 2), col(st, 3), fmt_num(a, sizeof a, v, 2), n);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(k->db, "check", k->err);
}

int check_ledger_all(struct db *db, void (*finding)(void *ctx, const char *text), void *ctx,
                     char **err)
{
	struct checker k = { db, finding, ctx, 0, err };
	/* one snapshot for every check, however the clerks write meanwhile */
	if (db_exec(db, "BEGIN", err) != ST_OK)
		return ST_DB;
	int rc = integrity(&k);
	if (rc == ST_OK)
		rc = each_row(&k, "SELECT \"table\", coalesce(rowid, '?'), parent FROM pragma_foreign_key_check",
		              fk_row);
	if (rc == ST_OK)
		rc = each_row(&k, targets_sql, target_row);
	if (rc == ST_OK)
		rc = each_row(&k, periods_sql, period_row);
	if (rc == ST_OK)
		rc = counted(&k);
	db_rollback(db);
	if (rc != ST_OK)
		return ST_DB;
	return k.n > 0 ? ST_DATA : ST_OK;
}
