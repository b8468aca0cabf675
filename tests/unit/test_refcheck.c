/* test_refcheck.c: unit tests of a big load's references checked once per
 * distinct id (core/refcheck) and of the load that relies on it
 * (stage_refs_off, stage_apply): a region gone between reading and writing
 * is still refused, and the rows written are exactly those staged. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/db_internal.h"
#include "core/profile.h"
#include "core/refcheck.h"
#include "core/stage.h"
#include "core/util.h"

#define ROWS 12000          /* more than a big load's threshold in stage.c */

static char tmpdir[] = "/tmp/innotrack-refcheck-XXXXXX";
static struct db *db;
static const struct profile *ent;
static int staged[32];      /* uscc, name, region_id */

static int field(const char *col)
{
	for (size_t i = 0; i < ent->n; i++)
		if (strcmp(ent->f[i].col, col) == 0)
			return (int)i;
	fail_msg("no field %s", col);
	return -1;
}

static int setup(void **state)
{
	(void)state;
	char *err = NULL;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	char *path = xasprintf("%s/r.db", tmpdir);
	int rc = db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err);
	free(path);
	if (rc != ST_OK)
		return -1;
	db_exec(db, "INSERT INTO region(id, code, name, kind) VALUES (1, 'a', 'A', 'county'),"
	            " (2, 'b', 'B', 'county'), (3, 'c', 'C', 'county')", NULL);
	ent = profile_find("enterprises");
	staged[field("uscc")] = staged[field("name")] = staged[field("region_id")] = 1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(db);
	char *cmd = xasprintf("rm -rf %s", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static void distinct_ids_are_looked_up(void **state)
{
	(void)state;
	char *err = NULL;
	int reg = field("region_id");
	struct refcheck *r = refcheck_new(db, ent, staged);
	assert_non_null(r);
	for (int i = 0; i < 1000; i++)
		refcheck_add(r, (size_t)reg, 1 + i % 3);
	refcheck_add(r, (size_t)field("name"), 77);      /* no reference: ignored */
	assert_true(refcheck_complete(r));
	assert_int_equal(refcheck_verify(r, &err), ST_OK);
	refcheck_add(r, (size_t)reg, 999);                  /* no such region */
	assert_int_equal(refcheck_verify(r, &err), ST_DB);
	assert_non_null(strstr(err, "missing reference"));
	free(err);
	refcheck_free(r);
}

static void too_many_ids_leave_it_to_sqlite(void **state)
{
	(void)state;
	struct refcheck *r = refcheck_new(db, ent, staged);
	for (int i = 0; i < 300; i++)
		refcheck_add(r, (size_t)field("region_id"), 1000 + i);
	assert_false(refcheck_complete(r));
	refcheck_free(r);
}

/* Stage ROWS enterprises in regions 1..3. */
static struct stage *staged_rows(void)
{
	char *err = NULL;
	struct stage *s = stage_new(db, ent, staged, &err);
	assert_non_null(s);
	for (int i = 0; i < ROWS; i++) {
		char code[32], name[32];
		snprintf(code, sizeof code, "U%08d", i);
		snprintf(name, sizeof name, "firm %d", i);
		stage_bind_text(s, (size_t)field("uscc"), code, -1);
		stage_bind_text(s, (size_t)field("name"), name, -1);
		stage_bind_int(s, (size_t)field("region_id"), 1 + i % 3);
		assert_int_equal(stage_row(s, i + 2, &err), 0);
	}
	return s;
}

static int apply(struct stage *s, char **err)
{
	struct stage_counts c;
	struct stage_batch b = { .kind = "enterprises", .file_name = "f.csv", .sha256 = "0",
	                         .encoding = "UTF-8", .file_size = 1 };
	long long batch;
	int rc = db_begin_write(db, err);
	if (rc == ST_OK)
		rc = stage_classify(s, &c, err);
	if (rc == ST_OK)
		rc = stage_apply(s, &b, &c, &batch, err);
	if (rc == ST_OK)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	stage_refs_on(s);
	return rc;
}

static void a_region_gone_is_refused(void **state)
{
	(void)state;
	char *err = NULL;
	struct stage *s = staged_rows();
	assert_int_equal(db_exec(db, "DELETE FROM region WHERE id = 3", &err), ST_OK);
	assert_int_equal(stage_refs_off(s), 1);
	assert_int_equal(apply(s, &err), ST_DB);
	assert_non_null(strstr(err, "missing reference"));
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise", NULL), 0);
	assert_int_equal(db_scalar(db, "PRAGMA foreign_keys", NULL), 1);   /* back on */
	free(err);
	stage_free(s);
	db_exec(db, "INSERT INTO region(id, code, name, kind) VALUES (3, 'c', 'C', 'county')", NULL);
}

static void a_big_load_is_written_whole(void **state)
{
	(void)state;
	char *err = NULL;
	struct stage *s = staged_rows();
	assert_int_equal(stage_refs_off(s), 1);
	assert_int_equal(db_scalar(db, "PRAGMA foreign_keys", NULL), 0);
	const char *indexes = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
	                      " WHERE type = 'index' AND tbl_name = 'enterprise' ORDER BY name)";
	char *before = db_text_of(db, indexes, 0);
	int rc = apply(s, &err);
	if (rc != ST_OK)
		fail_msg("%s", err);
	assert_int_equal(db_scalar(db, "PRAGMA foreign_keys", NULL), 1);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise", NULL), ROWS);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise WHERE region_id = 3", NULL),
	                 ROWS / 3);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM pragma_foreign_key_check('enterprise')",
	                           NULL), 0);
	/* every index is back (those dropped for the load made again, the one
	 * of updated_at kept), each holding every row */
	char *after = db_text_of(db, indexes, 0);
	assert_string_equal(after, before);
	free(before);
	free(after);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise INDEXED BY enterprise_updated"
	                           " WHERE updated_at > ''", NULL), ROWS);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise INDEXED BY enterprise_name"
	                           " WHERE name > ''", NULL), ROWS);
	char *ok = db_text_of(db, "PRAGMA integrity_check", 0);
	assert_string_equal(ok, "ok");
	free(ok);
	/* the checks are back for the tier (not given: its default) */
	assert_int_equal(db_exec(db, "UPDATE enterprise SET tier = 'bogus' WHERE id = 1", NULL), ST_DB);
	stage_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distinct_ids_are_looked_up),
		cmocka_unit_test(too_many_ids_leave_it_to_sqlite),
		cmocka_unit_test(a_region_gone_is_refused),
		cmocka_unit_test(a_big_load_is_written_whole),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
