/* test_conffile.c: the configuration files' parser: every key, comments
 * and blank lines, Windows line ends, a later value over an earlier one,
 * and each mistake named by file and line. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/conffile.h"
#include "core/i18n.h"
#include "core/util.h"

/* Parse text as file "f.conf"; the return of config_parse, c filled. */
static int parse(struct config *c, const char *text, int take_db, char **err)
{
	config_init(c);
	return config_parse(c, "f.conf", text, strlen(text), take_db, err);
}

static void test_every_key(void **state)
{
	struct config c;
	char *err = NULL;
	assert_int_equal(parse(&c,
	    "\xEF\xBB\xBF# the bureau's server\r\n"
	    "\n"
	    "database = /srv/ledger/city.db\r\n"
	    "  language=zh  \n"
	    "ascii = on\n"
	    "colors = off\n"
	    "\t# esc_delay = 900\n"
	    "esc_delay = 25\n"
	    "wait = 0.5", 1, &err), 0);
	assert_null(err);
	assert_string_equal(c.database, "/srv/ledger/city.db");
	assert_int_equal(c.language, LANG_ZH);
	assert_int_equal(c.ascii, 1);
	assert_int_equal(c.colours, 0);
	assert_int_equal(c.esc_delay, 25);
	assert_true(c.wait == 30);
	assert_null(c.ignored_db);
	config_free(&c);
}

static void test_unset_and_later_wins(void **state)
{
	struct config c;
	char *err = NULL;
	assert_int_equal(parse(&c, "", 1, &err), 0);
	assert_null(c.database);
	assert_int_equal(c.language, CONFIG_UNSET);
	assert_int_equal(c.ascii, CONFIG_UNSET);
	assert_int_equal(c.colours, CONFIG_UNSET);
	assert_int_equal(c.esc_delay, CONFIG_UNSET);
	assert_true(c.wait == CONFIG_UNSET);
	/* a second file over the first, as the clerk's over the system's */
	assert_int_equal(config_parse(&c, "sys", "language = zh\ncolours = yes\n", 28, 1, &err), 0);
	assert_int_equal(config_parse(&c, "user", "language = en\n", 14, 1, &err), 0);
	assert_int_equal(c.language, LANG_EN);
	assert_int_equal(c.colours, 1);
	config_free(&c);
}

static void test_database_not_taken(void **state)
{
	struct config c;
	char *err = NULL;
	assert_int_equal(parse(&c, "language = en\ndatabase = /home/a/mine.db\n", 0, &err), 0);
	assert_null(c.database);
	assert_string_equal(c.ignored_db, "f.conf:2");
	assert_int_equal(c.language, LANG_EN);
	config_free(&c);
}

/* Each mistake: the message, which starts with the file and line. */
static void test_mistakes_named(void **state)
{
	static const struct { const char *text, *msg; } bad[] = {
		{ "language = fr\n", "f.conf:1: language takes zh or en, not \"fr\"" },
		{ "# ok\nlangauge = zh\n", "f.conf:2: unknown key \"langauge\"" },
		{ "\n\nascii\n", "f.conf:3: expected key = value, found \"ascii\"" },
		{ "ascii =\n", "f.conf:1: ascii has no value" },
		{ "= on\n", "f.conf:1: a value with no key before the =" },
		{ "colours = maybe\n", "f.conf:1: colours takes on or off, not \"maybe\"" },
		{ "esc_delay = 20ms\n", "f.conf:1: esc_delay takes milliseconds" },
		{ "esc_delay = -1\n", "f.conf:1: esc_delay takes milliseconds" },
		{ "esc_delay = 99999\n", "f.conf:1: esc_delay takes milliseconds" },
		{ "wait = soon\n", "f.conf:1: wait takes minutes from 0 to 1440" },
		{ "wait = -1\n", "f.conf:1: wait takes minutes from 0 to 1440" },
		{ "wait = 2000\n", "f.conf:1: wait takes minutes from 0 to 1440" },
		{ "database = city.db\n", "f.conf:1: database must be an absolute path" },
		/* checked even where the database is not taken */
		{ "database = city.db\n", "f.conf:1: database must be an absolute path" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct config c;
		char *err = NULL;
		assert_int_equal(parse(&c, bad[i].text, i != sizeof bad / sizeof bad[0] - 1, &err), -1);
		assert_non_null(err);
		if (strncmp(err, bad[i].msg, strlen(bad[i].msg)) != 0)
			fail_msg("%s: got \"%s\", wanted \"%s...\"", bad[i].text, err, bad[i].msg);
		free(err);
		config_free(&c);
	}
}

static void test_read_file(void **state)
{
	char dir[] = "/tmp/innotrack-conf-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/config", dir);
	struct config c;
	char *err = NULL;
	config_init(&c);
	/* no file: nothing set, no error */
	assert_int_equal(config_read(&c, path, 1, 1, &err), 0);
	assert_int_equal(c.language, CONFIG_UNSET);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("ascii = yes\nlanguage = xx\n", f);
	fclose(f);
	assert_int_equal(config_read(&c, path, 0, 1, &err), -1);
	char *want = xasprintf("%s:2: language takes zh or en", path);
	assert_memory_equal(err, want, strlen(want));
	free(want);
	free(err);
	err = NULL;
	/* more than a configuration file can be */
	f = fopen(path, "w");
	for (int i = 0; i < 70 * 1024 / 16; i++)
		fputs("# a long comment\n", f);
	fclose(f);
	assert_int_equal(config_read(&c, path, 0, 1, &err), -1);
	assert_non_null(strstr(err, "too long"));
	free(err);
	unlink(path);
	rmdir(dir);
	free(path);
	config_free(&c);
}

static void test_user_path(void **state)
{
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	setenv("HOME", "/home/clerk", 1);
	char *p = config_user_path();
	assert_string_equal(p, "/x/cfg/innotrack/config");
	free(p);
	/* a relative XDG_CONFIG_HOME is not one (the XDG rule) */
	setenv("XDG_CONFIG_HOME", "cfg", 1);
	p = config_user_path();
	assert_string_equal(p, "/home/clerk/.config/innotrack/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(config_user_path());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_unset_and_later_wins),
		cmocka_unit_test(test_database_not_taken),
		cmocka_unit_test(test_mistakes_named),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_user_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
