/* test_profile.c: every kind's description against the schema a new
 * database has, so that the two cannot drift apart: each field's column
 * and its storage type, required columns, the natural key's UNIQUE index,
 * each closed list against the column's CHECK list, and the register SQL
 * derived from it (every column shown, sorted and filtered). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/access.h"
#include "core/choice.h"
#include "core/dataset.h"
#include "core/db.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/pack.h"
#include "core/profile.h"
#include "core/util.h"

static char tmpdir[] = "/tmp/innotrack-profile-XXXXXX";
static struct db *db;

static int setup(void **state)
{
	(void)state;
	char *err = NULL;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	char *path = xasprintf("%s/p.db", tmpdir);
	int rc = db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err);
	if (rc == ST_OK)
		rc = pack_load(db, "jingdezhen", &err);
	free(path);
	if (rc != ST_OK)
		fprintf(stderr, "%s\n", err);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	char *path = xasprintf("%s/p.db", tmpdir);
	db_close(db);
	unlink(path);
	free(path);
	char *wal = xasprintf("%s/p.db-wal", tmpdir), *shm = xasprintf("%s/p.db-shm", tmpdir);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	rmdir(tmpdir);
	return 0;
}

/* The storage type SQLite declares for a field of type t. */
static const char *storage(enum ftype t)
{
	switch (t) {
	case FT_REAL:
		return "REAL";
	case FT_TEXT: case FT_DATE: case FT_USCC: case FT_PERIOD: case FT_PERIOD_END:
	case FT_ENUM: case FT_KIND:
		return "TEXT";
	default:
		return "INTEGER";
	}
}

struct colinfo {
	char type[16];
	int notnull, has_default, found;
};

static struct colinfo column(const char *table, const char *col)
{
	struct colinfo c = { { 0 }, 0, 0, 0 };
	char *err = NULL;
	char *sql = xasprintf("SELECT type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info('%s')"
	                      " WHERE name = '%s'", table, col);
	sqlite3_stmt *st = db_prepare(db, sql, &err);
	assert_non_null(st);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(c.type, sizeof c.type, "%s", (const char *)sqlite3_column_text(st, 0));
		c.notnull = sqlite3_column_int(st, 1);
		c.has_default = sqlite3_column_int(st, 2);
		c.found = 1;
	}
	sqlite3_finalize(st);
	free(sql);
	return c;
}

static void test_fields_are_columns(void **state)
{
	(void)state;
	for (const struct profile *const *pp = profiles; *pp; pp++) {
		const struct profile *p = *pp;
		int names = 0;
		for (size_t i = 0; i < p->n; i++) {
			const struct pfield *f = &p->f[i];
			struct colinfo c = column(p->table, f->col);
			if (!c.found)
				fail_msg("%s: no column %s in table %s", p->kind, f->col, p->table);
			if (strcmp(c.type, storage(f->type)) != 0)
				fail_msg("%s.%s: the description says %s, the schema %s", p->kind, f->col,
				         storage(f->type), c.type);
			/* a NOT NULL column without a default must be required or defaulted */
			if (c.notnull && !c.has_default && !(f->flags & (PF_REQ | PF_DERIVED | PF_VIEW)) &&
			    f->dflt == NULL)
				fail_msg("%s.%s is NOT NULL without default: PF_REQ or dflt", p->kind, f->col);
			if ((f->type == FT_ENUM) != (f->choices != NULL))
				fail_msg("%s.%s: choices go with FT_ENUM", p->kind, f->col);
			if (f->zh == NULL || f->en == NULL || f->key == NULL)
				fail_msg("%s.%s: names in both languages", p->kind, f->col);
			names += (f->flags & PF_NAME) != 0;
			/* an owner: a reference to a kind with a region, which gives
			 * this kind (of none of its own) its region */
			if ((f->flags & PF_OWNER) && access_region_source(p) != (int)i)
				fail_msg("%s.%s: PF_OWNER, but the record's region is not its owner's",
				         p->kind, f->col);
		}
		if (names != 1)
			fail_msg("%s: %d fields name the record, not 1", p->kind, names);
		/* a kind a clerk edits keeps the row's version and who changed it
		 * last (the registers show them, the record editor writes them) */
		static const char *const stamps[] = { "version", "updated_by", "updated_at" };
		for (size_t i = 0; (p->flags & PK_EDIT) && i < 3; i++)
			if (!column(p->table, stamps[i]).found)
				fail_msg("%s: edited, but its table has no %s", p->kind, stamps[i]);
		/* a kind that is written: every NOT NULL column without a default is described */
		if (!(p->flags & (PK_EDIT | PK_IMPORT)))
			continue;
		char *err = NULL;
		char *sql = xasprintf("SELECT name FROM pragma_table_info('%s') WHERE \"notnull\""
		                      " AND dflt_value IS NULL AND pk = 0", p->table);
		sqlite3_stmt *st = db_prepare(db, sql, &err);
		while (sqlite3_step(st) == SQLITE_ROW)
			if (profile_field(p, (const char *)sqlite3_column_text(st, 0)) < 0)
				fail_msg("%s: column %s must be given but is not described", p->kind,
				         sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		free(sql);
	}
}

/* The values of "CHECK (col IN ('a','b',...))" in the table's SQL, as
 * "a|b|..."; NULL if the column has no such list. */
static char *check_list(const char *table, const char *col)
{
	char *sql = xasprintf("SELECT sql FROM sqlite_schema WHERE name = '%s'", table);
	char *err = NULL;
	sqlite3_stmt *st = db_prepare(db, sql, &err);
	free(sql);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	char *text = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	char *want = xasprintf("CHECK (%s IN (", col);
	char *at = strstr(text, want);
	free(want);
	if (at == NULL) {
		free(text);
		return NULL;
	}
	struct sbuf b = { 0 };
	for (char *p = strchr(at, '('); *p && *p != ')'; p++) {
		if (*p != '\'')
			continue;
		char *q = strchr(p + 1, '\'');
		sbuf_printf(&b, "%s%.*s", b.len ? "|" : "", (int)(q - p - 1), p + 1);
		p = q;
	}
	free(text);
	return sbuf_take(&b);
}

static void test_choices_are_check_lists(void **state)
{
	(void)state;
	int checked = 0;
	for (const struct profile *const *pp = profiles; *pp; pp++)
		for (size_t i = 0; i < (*pp)->n; i++) {
			const struct pfield *f = &(*pp)->f[i];
			if (f->type != FT_ENUM)
				continue;
			char *list = check_list((*pp)->table, f->col);
			if (list == NULL)
				continue;
			struct sbuf b = { 0 };
			for (size_t k = 0; k < f->choices->n; k++)
				sbuf_printf(&b, "%s%s", k ? "|" : "", f->choices->v[k].value);
			char *mine = sbuf_take(&b);
			if (strcmp(list, mine) != 0)
				fail_msg("%s.%s: schema allows %s, the choices are %s", (*pp)->kind, f->col,
				         list, mine);
			free(mine);
			free(list);
			checked++;
		}
	assert_true(checked >= 10);     /* tiers, comparators, levels, stages, kinds, ... */
}

/* The natural key (PF_KEY fields) is what a UNIQUE index of the table holds. */
static void test_keys_are_unique_indexes(void **state)
{
	(void)state;
	for (const struct profile *const *pp = profiles; *pp; pp++) {
		const struct profile *p = *pp;
		struct sbuf k = { 0 };
		for (size_t i = 0; i < p->n; i++)
			if (p->f[i].flags & PF_KEY)
				sbuf_printf(&k, "%s%s", k.len ? "," : "", p->f[i].col);
		char *key = sbuf_take(&k);
		if (*key == '\0') {
			free(key);
			continue;
		}
		char *err = NULL;
		char *sql = xasprintf("SELECT (SELECT group_concat(name, ',') FROM"
		                      " (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno))"
		                      " FROM pragma_index_list('%s') l WHERE l.\"unique\"", p->table);
		sqlite3_stmt *st = db_prepare(db, sql, &err);
		int found = 0;
		while (sqlite3_step(st) == SQLITE_ROW)
			found |= strcmp((const char *)sqlite3_column_text(st, 0), key) == 0;
		sqlite3_finalize(st);
		free(sql);
		if (!found)
			fail_msg("%s: no UNIQUE index on its key (%s)", p->kind, key);
		free(key);
	}
}

static void take(void *ctx, long index, long long id, const char *const *cells)
{
	(void)index;
	(void)id;
	(void)cells;
	(*(int *)ctx)++;
}

/* Every register derived from a description reads, sorts and filters. */
static void test_registers_from_descriptions(void **state)
{
	(void)state;
	char *err = NULL;
	for (int zh = 0; zh < 2; zh++) {
		i18n_set(zh ? LANG_ZH : LANG_EN);
		for (const struct profile *const *pp = profiles; *pp; pp++) {
			const char *const *name = &(*pp)->kind;
			struct dataset *ds = dataset_open(db, *name, &err);
			if (ds == NULL)
				fail_msg("%s: %s", *name, err);
			assert_ptr_equal(dataset_profile(ds), profile_find(*name));
			for (int c = -1; c < dataset_ncols(ds); c++) {
				int n = 0;
				dataset_sort(ds, c, c & 1);
				if (dataset_fetch(ds, 0, 5, take, &n, &err) != ST_OK)
					fail_msg("%s sorted by %d: %s", *name, c, err);
				if (c >= 0) {
					assert_int_equal(dataset_filter(ds, c, "景", &err), ST_OK);
					if (dataset_count(ds, &err) < 0)
						fail_msg("%s filtered on %s: %s", *name, dataset_col(ds, c)->key, err);
					dataset_filter_clear(ds);
				}
			}
			dataset_close(ds);
		}
	}
	i18n_set(LANG_EN);
}

/* Stored values show as their labels, in the UI language; figures as
 * every screen writes them. */
static void test_register_labels(void **state)
{
	(void)state;
	char *err = NULL;
	i18n_set(LANG_ZH);
	struct dataset *ds = dataset_open(db, "regions", &err);
	assert_non_null(ds);
	int kind = dataset_col_index(ds, "kind");
	assert_int_equal(dataset_col_index(ds, "name"), 0);        /* the name stays left */
	assert_string_equal(dataset_col(ds, kind)->title, "类型");
	assert_int_equal(dataset_filter(ds, kind, "=县级市", &err), ST_OK);
	assert_int_equal(dataset_count(ds, &err), 1);              /* 乐平市 */
	dataset_close(ds);
	i18n_set(LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_are_columns),
		cmocka_unit_test(test_choices_are_check_lists),
		cmocka_unit_test(test_keys_are_unique_indexes),
		cmocka_unit_test(test_registers_from_descriptions),
		cmocka_unit_test(test_register_labels),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
