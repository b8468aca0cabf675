/* test_access.c: who may change what (core/access.c), for every role and
 * scope, and the write paths that ask it (the record editor's save and
 * delete, the indicator forms, data packs, grant and revoke), on one real
 * database file made from the default pack.  Each role is a login of
 * app_user, played with INNOTRACK_LOGIN (the program runs with its own ids). */
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
#include "core/db_internal.h"
#include "core/edit.h"
#include "core/i18n.h"
#include "core/pack.h"
#include "core/record.h"
#include "core/region.h"
#include "core/users.h"
#include "core/util.h"
#include "core/value.h"

static char tmpdir[] = "/tmp/innotrack-access-XXXXXX";
static char *path;
static long long city, leping, fuliang, town;

/* The ledger, opened as login. */
static struct db *as(const char *login)
{
	struct db *db = NULL;
	char *err = NULL;
	setenv("INNOTRACK_LOGIN", login, 1);
	assert_int_equal(db_open(path, 0, &db, &err), ST_OK);
	return db;
}

/* admin (made the ledger), city clerk, county clerks of 乐平市 and 浮梁县,
 * a viewer; 鹅湖镇 a township of 浮梁县. */
static int setup(void **state)
{
	(void)state;
	char *err = NULL;
	struct db *db = NULL;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	i18n_set(LANG_EN);
	path = xasprintf("%s/a.db", tmpdir);
	setenv("INNOTRACK_LOGIN", "admin1", 1);
	if (db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err) != ST_OK || pack_load(db, "jingdezhen", &err) != ST_OK)
		return -1;
	city = region_top(db);
	leping = region_find(db, "乐平市");
	fuliang = region_find(db, "浮梁县");
	char *sql = xasprintf("INSERT INTO region(code, name, kind, parent_id) VALUES"
	                      " ('jdz-fl-eh', '鹅湖镇', 'township', %lld)", fuliang);
	if (db_exec(db, sql, &err) != ST_OK)
		return -1;
	free(sql);
	town = region_find(db, "鹅湖镇");
	if (users_grant(db, "city1", users_role("city"), 0, &err) != ST_OK ||
	    users_grant(db, "lp", users_role("县级"), leping, &err) != ST_OK ||
	    users_grant(db, "fl", users_role("county"), fuliang, &err) != ST_OK ||
	    users_grant(db, "view1", users_role("只读"), 0, &err) != ST_OK)
		return -1;
	db_close(db);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf %s", tmpdir);
	int rc = system(cmd);
	free(cmd);
	free(path);
	unsetenv("INNOTRACK_LOGIN");
	return rc == 0 ? 0 : -1;
}

/* access_check's answer for login: 1 allowed, 0 refused. */
static int may(const char *login, const char *table, long long region, enum access_what what)
{
	struct db *db = as(login);
	char *err = NULL;
	int rc = access_check(db, table, region, what, &err);
	assert_true(rc == ST_OK || rc == ST_DATA);
	assert_true((rc == ST_OK) == (err == NULL));
	free(err);
	db_close(db);
	return rc == ST_OK;
}

static void test_every_role_and_scope(void **state)
{
	(void)state;
	static const enum access_what rec[] = { ACCESS_ADD, ACCESS_CHANGE, ACCESS_DELETE, ACCESS_UNDO };
	static const char *const writers[] = { "admin1", "city1" };
	static const char *const readers[] = { "view1", "stranger" };
	long long regions[] = { city, leping, fuliang, town, 0 };
	for (size_t w = 0; w < 4; w++)
		for (size_t r = 0; r < 5; r++) {
			for (size_t k = 0; k < 2; k++) {
				assert_true(may(writers[k], "enterprise", regions[r], rec[w]));
				assert_false(may(readers[k], "enterprise", regions[r], rec[w]));
			}
			/* the county clerk of 浮梁县: it and its township, nothing else */
			int own = regions[r] == fuliang || regions[r] == town;
			assert_int_equal(may("fl", "enterprise", regions[r], rec[w]), own);
			assert_int_equal(may("lp", "enterprise", regions[r], rec[w]), regions[r] == leping);
		}
	/* records of no region are the city's; a county clerk may add an institute only */
	assert_false(may("fl", "indicator", 0, ACCESS_CHANGE));
	assert_false(may("fl", "region", 0, ACCESS_ADD));
	assert_true(may("fl", "institute", 0, ACCESS_ADD));
	assert_false(may("fl", "institute", 0, ACCESS_CHANGE));
	assert_false(may("fl", "institute", 0, ACCESS_DELETE));
	assert_true(may("city1", "institute", 0, ACCESS_DELETE));
	/* packs: admin and city; users: admin */
	const char *const all[] = { "admin1", "city1", "fl", "view1", "stranger" };
	const int pack[] = { 1, 1, 0, 0, 0 }, users[] = { 1, 0, 0, 0, 0 };
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(may(all[i], "region", 0, ACCESS_PACK), pack[i]);
		assert_int_equal(may(all[i], "app_user", 0, ACCESS_USERS), users[i]);
	}
}

static void test_refusals_say_who_what_and_why(void **state)
{
	(void)state;
	struct db *db = as("fl");
	char *err = NULL;
	i18n_set(LANG_ZH);
	assert_int_equal(access_check(db, "enterprise", leping, ACCESS_CHANGE, &err), ST_DATA);
	assert_string_equal(err, "县级用户 fl（浮梁县）不能修改 乐平市 的记录");
	assert_int_equal(access_check(db, "indicator", 0, ACCESS_DELETE, &err), ST_DATA);
	assert_string_equal(err, "县级用户 fl（浮梁县）不能删除全市共用的记录（指标库）");
	i18n_set(LANG_EN);
	assert_int_equal(access_check(db, "enterprise", leping, ACCESS_ADD, &err), ST_DATA);
	assert_string_equal(err, "County clerk fl (浮梁县) may not add records of 乐平市");
	free(err);
	err = NULL;
	db_close(db);
	db = as("stranger");
	assert_int_equal(access_check(db, "enterprise", fuliang, ACCESS_ADD, &err), ST_DATA);
	assert_non_null(strstr(err, "stranger may only read (not a user of this ledger)"));
	assert_non_null(strstr(err, "(admin1)"));
	assert_non_null(strstr(err, "innotrack grant stranger ROLE [REGION]"));
	free(err);
	db_close(db);
}

static void set(struct record *r, const char *col, const char *v)
{
	int i = record_field(r->p, col);
	assert_true(i >= 0);
	record_set(r, (size_t)i, v);
}

/* A record of kind saved by login into record id (0: a new one) with the
 * n fields named in kv (name, value; a NULL value empties it); its id, or
 * 0 if refused (*err). */
static long long save_as(const char *login, const char *kind, long long id, const char *const *kv,
                         size_t n, char **err)
{
	struct db *db = as(login);
	const struct profile *p = profile_find(kind);
	struct record r;
	struct record_conflict c;
	if (id)
		assert_int_equal(record_read(db, p, id, &r, err), ST_OK);
	else
		record_init(&r, p);
	for (size_t i = 0; i < n; i++)
		set(&r, kv[2 * i], kv[2 * i + 1]);
	int rc = record_save(db, &r, &c, err);
	long long got = rc == ST_OK ? r.id : 0;
	assert_true(rc == ST_OK || rc == ST_DATA);
	record_conflict_free(&c);
	record_free(&r);
	db_close(db);
	return got;
}

/* An enterprise of region, saved by login; its id, or 0 if refused (*err). */
static long long save_enterprise(const char *login, long n, long long region, long long id, char **err)
{
	char code[19], reg[24];
	snprintf(code, sizeof code, "91360200MA%07ld", n);
	code[17] = uscc_check_char(code);
	code[18] = '\0';
	snprintf(reg, sizeof reg, "%lld", region);
	const char *kv[] = { "uscc", code, "name", "测试企业", "region_id", region ? reg : NULL };
	return save_as(login, "enterprises", id, kv, 3, err);
}

static void test_record_editor_save_and_delete(void **state)
{
	(void)state;
	char *err = NULL;
	long long mine = save_enterprise("fl", 1, town, 0, &err);
	assert_true(mine > 0);
	assert_int_equal(save_enterprise("fl", 2, leping, 0, &err), 0);
	assert_string_equal(err, "County clerk fl (浮梁县) may not add records of 乐平市");
	/* moving their record out of their county is changing another's */
	assert_int_equal(save_enterprise("fl", 1, leping, mine, &err), 0);
	assert_non_null(strstr(err, "may not change records of 乐平市"));
	long long theirs = save_enterprise("lp", 3, leping, 0, &err);
	assert_true(theirs > 0);
	/* nor into it from another */
	assert_int_equal(save_enterprise("fl", 3, fuliang, theirs, &err), 0);
	assert_non_null(strstr(err, "may not change records of 乐平市"));
	assert_int_equal(save_enterprise("view1", 4, fuliang, 0, &err), 0);
	assert_non_null(strstr(err, "viewer view1 may only read"));

	struct db *db = as("fl");
	struct record r;
	struct record_conflict c;
	assert_int_equal(record_read(db, profile_find("enterprises"), theirs, &r, &err), ST_OK);
	assert_int_equal(record_may(db, r.p, theirs, 0, &err), ST_DATA);
	assert_int_equal(record_may(db, r.p, mine, 0, &err), ST_OK);
	/* adding: an enterprise (its region comes later), an institute, not an indicator */
	assert_int_equal(record_may(db, r.p, 0, 0, &err), ST_OK);
	assert_int_equal(record_may(db, profile_find("institutes"), 0, 0, &err), ST_OK);
	assert_int_equal(record_may(db, profile_find("indicators"), 0, 0, &err), ST_DATA);
	assert_non_null(strstr(err, "may not add records that belong to the whole city"));
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "may not delete records of 乐平市"));
	record_free(&r);
	assert_int_equal(record_read(db, profile_find("enterprises"), mine, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	/* nothing refused reached the table or the audit */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise", NULL), 1);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'enterprise'", NULL), 3);
	free(err);
	db_close(db);
}

/* A yearly figure of firm e for year, saved by login into record id (0:
 * a new one); its id, or 0 if refused (*err). */
static long long save_year(const char *login, long long e, int year, long long id, char **err)
{
	char firm[24], y[24];
	snprintf(firm, sizeof firm, "%lld", e);
	snprintf(y, sizeof y, "%d", year);
	const char *kv[] = { "enterprise_id", firm, "year", y, "revenue_cents", "1234500" };
	return save_as(login, "enterprise-years", id, kv, 3, err);
}

/* Delete record id of kind by login: ST_OK or ST_DATA (*err). */
static int delete_as(const char *login, const char *kind, long long id, char **err)
{
	struct db *db = as(login);
	struct record r;
	struct record_conflict c;
	assert_int_equal(record_read(db, profile_find(kind), id, &r, err), ST_OK);
	int rc = record_delete(db, &r, &c, err);
	record_conflict_free(&c);
	record_free(&r);
	db_close(db);
	return rc;
}

/* The yearly figures of a firm are of the firm's region. */
static void test_records_of_a_firm(void **state)
{
	(void)state;
	char *err = NULL;
	const struct profile *ey = profile_find("enterprise-years");
	assert_int_equal(access_region_source(ey), record_field(ey, "enterprise_id"));
	assert_int_equal(access_region_field(ey), -1);
	long long own = save_enterprise("fl", 21, town, 0, &err);        /* of 鹅湖镇, 浮梁县 */
	long long other = save_enterprise("lp", 22, leping, 0, &err);
	long long none = save_enterprise("city1", 23, 0, 0, &err);
	assert_true(own > 0 && other > 0 && none > 0);
	/* the county clerk: their county's firm's figures, not another's */
	long long mine = save_year("fl", own, 2024, 0, &err);
	assert_true(mine > 0);
	assert_int_equal(save_year("fl", other, 2024, 0, &err), 0);
	assert_string_equal(err, "County clerk fl (浮梁县) may not add records of 乐平市 (测试企业)");
	i18n_set(LANG_ZH);
	assert_int_equal(save_year("fl", other, 2024, 0, &err), 0);
	assert_string_equal(err, "县级用户 fl（浮梁县）不能添加 乐平市 的记录（测试企业）");
	i18n_set(LANG_EN);
	/* a firm of no region is the city's */
	assert_int_equal(save_year("fl", none, 2024, 0, &err), 0);
	assert_non_null(strstr(err, "may not add records that belong to the whole city"));
	/* city and admin clerks: any; a viewer: none */
	long long theirs = save_year("city1", other, 2024, 0, &err);
	assert_true(theirs > 0);
	assert_true(save_year("admin1", none, 2024, 0, &err) > 0);
	assert_true(save_year("lp", other, 2025, 0, &err) > 0);
	assert_int_equal(save_year("view1", own, 2025, 0, &err), 0);
	assert_non_null(strstr(err, "viewer view1 may only read"));
	/* change: their own, not another county's, nor moved to another's firm */
	assert_int_equal(save_year("fl", own, 2023, mine, &err), mine);
	assert_int_equal(save_year("fl", other, 2024, theirs, &err), 0);
	assert_non_null(strstr(err, "may not change records of 乐平市 (测试企业)"));
	assert_int_equal(save_year("fl", other, 2023, mine, &err), 0);
	assert_non_null(strstr(err, "may not change records of 乐平市 (测试企业)"));
	struct db *db = as("fl");
	assert_int_equal(record_may(db, ey, 0, 0, &err), ST_OK);
	assert_int_equal(record_may(db, ey, mine, 0, &err), ST_OK);
	assert_int_equal(record_may(db, ey, theirs, 1, &err), ST_DATA);
	assert_int_equal(access_check_row(db, ey, theirs, ACCESS_UNDO, &err), ST_DATA);
	db_close(db);
	/* delete: the same */
	assert_int_equal(delete_as("fl", "enterprise-years", theirs, &err), ST_DATA);
	assert_non_null(strstr(err, "may not delete records of 乐平市 (测试企业)"));
	assert_int_equal(delete_as("fl", "enterprise-years", mine, &err), ST_OK);
	db = as("fl");
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise_year", NULL), 3);
	db_close(db);
	/* an event's parties are of the event's region */
	const struct profile *party = profile_find("event-parties");
	assert_int_equal(access_region_source(party), record_field(party, "event_id"));
	db = as("admin1");
	char *sql = xasprintf("INSERT INTO event(title, held_on, region_id) VALUES ('对接会', '2025-05-01', %lld)",
	                      leping);
	assert_int_equal(db_exec(db, sql, &err), ST_OK);
	free(sql);
	char ev[24];
	snprintf(ev, sizeof ev, "%lld", db_scalar(db, "SELECT max(id) FROM event", NULL));
	db_close(db);
	char *v[8] = { ev, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	assert_true(party->n <= 8);
	db = as("fl");
	assert_int_equal(access_check_values(db, party, v, ACCESS_ADD, &err), ST_DATA);
	assert_non_null(strstr(err, "may not add records of 乐平市 (对接会)"));
	db_close(db);
	db = as("lp");
	assert_int_equal(access_check_values(db, party, v, ACCESS_ADD, &err), ST_OK);
	db_close(db);
	free(err);
}

static void test_indicator_forms(void **state)
{
	(void)state;
	char *err = NULL;
	struct db *db = as("fl");
	long long ind = db_scalar(db, "SELECT min(id) FROM indicator WHERE counter IS NULL", NULL);
	struct obs_rec o = { .indicator_id = ind, .region_id = leping, .has_value = 1, .value = 3 };
	struct edit_conflict c;
	snprintf(o.period, sizeof o.period, "2025");
	assert_int_equal(obs_save(db, &o, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "may not add records of 乐平市"));
	o.region_id = fuliang;
	assert_int_equal(obs_save(db, &o, &c, &err), ST_OK);
	long long target = db_scalar(db, "SELECT min(id) FROM target WHERE region_id <> "
	                             "(SELECT id FROM region WHERE name = '浮梁县')", NULL);
	struct target_rec t;
	assert_int_equal(target_read(db, target, &t, &err), ST_OK);
	t.value += 1;
	assert_int_equal(target_save(db, &t, &c, &err), ST_DATA);
	assert_int_equal(target_choose(db, target, &err), ST_DATA);
	db_close(db);
	db = as("lp");
	struct obs_rec mine;
	assert_int_equal(obs_read(db, ind, fuliang, "2025", &mine, &err), ST_OK);
	assert_int_equal(obs_delete(db, &mine, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "may not delete records of 浮梁县"));
	free(err);
	db_close(db);
}

static void test_packs_and_users(void **state)
{
	(void)state;
	char *err = NULL;
	struct db *db = as("fl");
	assert_int_equal(pack_load(db, "jingdezhen", &err), ST_DATA);
	assert_non_null(strstr(err, "may not load a data pack"));
	assert_int_equal(users_grant(db, "fl", users_role("admin"), 0, &err), ST_DATA);
	db_close(db);
	db = as("admin1");
	assert_int_equal(users_grant(db, "x", users_role("county"), 0, &err), ST_USAGE);
	assert_int_equal(users_grant(db, "x", users_role("city"), leping, &err), ST_USAGE);
	assert_int_equal(users_grant(db, "a b", users_role("city"), 0, &err), ST_USAGE);
	assert_int_equal(users_revoke(db, "nobody", &err), ST_USAGE);
	assert_int_equal(users_revoke(db, "admin1", &err), ST_DATA);
	assert_int_equal(users_grant(db, "admin1", users_role("viewer"), 0, &err), ST_DATA);
	assert_int_equal(users_revoke(db, "view1", &err), ST_OK);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM app_user WHERE login = ?", "view1"), 0);
	/* the audit holds the row as it was */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'app_user'"
	                           " AND action = 'delete' AND json_extract(before, '$.login') = ?",
	                           "view1"), 1);
	/* and the program cannot change it either */
	assert_int_equal(db_exec(db, "UPDATE audit SET login = 'x'", &err), ST_DB);
	assert_int_equal(db_exec(db, "DELETE FROM audit", &err), ST_DB);
	free(err);
	db_close(db);
}

/* A grant or revoke counts at once, also for a program that was running. */
static void test_revoked_while_running(void **state)
{
	(void)state;
	char *err = NULL;
	struct db *clerk = as("lp");
	struct db *admin = as("admin1");
	long long ind = db_scalar(clerk, "SELECT min(id) FROM indicator WHERE counter IS NULL", NULL);
	struct obs_rec o = { .indicator_id = ind, .region_id = leping, .has_value = 1, .value = 7 };
	struct edit_conflict c;
	snprintf(o.period, sizeof o.period, "2024");
	assert_int_equal(obs_save(clerk, &o, &c, &err), ST_OK);
	assert_int_equal(users_revoke(admin, "lp", &err), ST_OK);
	o.value = 8;
	assert_int_equal(obs_save(clerk, &o, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "lp may only read"));
	assert_int_equal(users_grant(admin, "lp", users_role("county"), leping, &err), ST_OK);
	assert_int_equal(obs_save(clerk, &o, &c, &err), ST_OK);
	free(err);
	db_close(admin);
	db_close(clerk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_role_and_scope),
		cmocka_unit_test(test_refusals_say_who_what_and_why),
		cmocka_unit_test(test_record_editor_save_and_delete),
		cmocka_unit_test(test_records_of_a_firm),
		cmocka_unit_test(test_indicator_forms),
		cmocka_unit_test(test_packs_and_users),
		cmocka_unit_test(test_revoked_while_running),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
