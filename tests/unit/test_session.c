/* test_session.c: who is working: the login from the real user id (or
 * INNOTRACK_LOGIN for tests), role and region from app_user, and the
 * login every write records. */
#include "config.h"

#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/audit.h"
#include "core/db_internal.h"
#include "core/pack.h"
#include "core/region.h"
#include "core/session.h"
#include "core/util.h"

static char tmpdir[] = "/tmp/innotrack-session-XXXXXX";

/* Open (creating with the default pack the first time) tmpdir/name. */
static struct db *open_db(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *err = NULL;
	struct db *db = NULL;
	int fresh = access(path, F_OK) != 0;
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), ST_OK);
	if (fresh)
		assert_int_equal(pack_load(db, "jingdezhen", &err), ST_OK);
	free(path);
	return db;
}

/* The name the system gives the real user id, as the session should. */
static char *uid_name(void)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name[0] != '\0')
		return xstrdup(pw->pw_name);
	return xasprintf("#%lu", (unsigned long)getuid());
}

static void test_login_from_uid(void **state)
{
	(void)state;
	unsetenv("INNOTRACK_LOGIN");
	setenv("USER", "someone-else", 1);      /* never taken from the environment */
	struct db *db = open_db("uid.db");
	const struct session *s = db_session(db);
	char *want = uid_name();
	assert_string_equal(session_login(s), want);
	assert_string_equal(db_login(db), want);
	/* the login that created the ledger is its admin */
	assert_int_equal(session_listed(s), 1);
	assert_int_equal(session_role(s), SESSION_ADMIN);
	assert_int_equal(session_region(s), 0);
	/* an empty override is no override */
	db_close(db);
	setenv("INNOTRACK_LOGIN", "", 1);
	db = open_db("uid.db");
	assert_string_equal(session_login(db_session(db)), want);
	free(want);
	db_close(db);
}

static void test_login_override_for_tests(void **state)
{
	(void)state;
	/* the tests run with their own ids (not setgid): the override holds */
	assert_true(getuid() == geteuid() && getgid() == getegid());
	setenv("INNOTRACK_LOGIN", "clerk7", 1);
	struct db *db = open_db("override.db");
	assert_string_equal(session_login(db_session(db)), "clerk7");
	db_close(db);
	unsetenv("INNOTRACK_LOGIN");
}

static void test_role_and_region_from_app_user(void **state)
{
	(void)state;
	char *err = NULL;
	setenv("INNOTRACK_LOGIN", "clerk7", 1);
	struct db *db = open_db("users.db");
	long long leping = region_find(db, "乐平市");
	assert_true(leping > 0);
	/* clerk7 made the ledger: its admin */
	assert_int_equal(session_role(db_session(db)), SESSION_ADMIN);
	char *sql = xasprintf("INSERT INTO app_user(login, role, region_id) VALUES"
	                      " ('viewer6', 'viewer', NULL), ('boss', 'city', NULL),"
	                      " ('clerk8', 'county', %lld)", leping);
	assert_int_equal(db_exec(db, sql, &err), ST_OK);
	free(sql);
	db_close(db);

	setenv("INNOTRACK_LOGIN", "viewer6", 1);
	db = open_db("users.db");
	const struct session *s = db_session(db);
	assert_int_equal(session_listed(s), 1);
	assert_int_equal(session_role(s), SESSION_VIEWER);
	assert_int_equal(session_region(s), 0);
	db_close(db);

	setenv("INNOTRACK_LOGIN", "boss", 1);
	db = open_db("users.db");
	s = db_session(db);
	assert_int_equal(session_role(s), SESSION_CITY);
	assert_int_equal(session_region(s), 0);
	db_close(db);

	setenv("INNOTRACK_LOGIN", "clerk8", 1);
	db = open_db("users.db");
	s = db_session(db);
	assert_int_equal(session_role(s), SESSION_COUNTY);
	assert_int_equal(session_region(s), leping);
	assert_string_equal(session_role_name(session_role(s)), "county");
	db_close(db);

	/* a login app_user does not list reads only */
	setenv("INNOTRACK_LOGIN", "stranger", 1);
	db = open_db("users.db");
	s = db_session(db);
	assert_int_equal(session_listed(s), 0);
	assert_int_equal(session_role(s), SESSION_NONE);
	assert_string_equal(session_role_name(session_role(s)), "");
	db_close(db);
	unsetenv("INNOTRACK_LOGIN");
}

static void test_writes_record_the_session_login(void **state)
{
	(void)state;
	char *err = NULL;
	setenv("INNOTRACK_LOGIN", "clerk9", 1);
	struct db *db = open_db("audit.db");
	assert_int_equal(audit_log(db, "region", 1, "update", "{}", "{}", 0, &err), ST_OK);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'region'"
	                                 " AND login = ?", "clerk9"), 1);
	db_close(db);
	unsetenv("INNOTRACK_LOGIN");
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf %s", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_from_uid),
		cmocka_unit_test(test_login_override_for_tests),
		cmocka_unit_test(test_role_and_region_from_app_user),
		cmocka_unit_test(test_writes_record_the_session_login),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
