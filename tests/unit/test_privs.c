/* test_privs.c: a clerk's output file, written through a temporary file
 * beside it and renamed into place: a new file's mode under the clerk's
 * umask, a symbolic link at the target replaced and never written
 * through, nothing left behind when discarded.  (The setgid half, with
 * real users, is tests/cli/test_server.sh.) */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/privs.h"
#include "core/util.h"

static char dir[] = "/tmp/innotrack-privs-XXXXXX";

static int setup(void **state)
{
	int dropped = -1;
	umask(027);               /* the clerk's */
	privs_init(&dropped);     /* records it, and sets 007 */
	assert_int_equal(dropped, 0);
	return mkdtemp(dir) == NULL;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

static char *slurp(const char *path)
{
	FILE *f = privs_fopen_clerk(path, "rb");
	char buf[256] = "";
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return xstrdup(buf);
}

/* Write text to target as -o does; the return of privs_out_commit. */
static int write_out(const char *target, const char *text)
{
	char *tmp = NULL;
	int fd = privs_out_create(target, &tmp);
	assert_true(fd >= 0);
	assert_non_null(tmp);
	assert_int_equal(strncmp(tmp, target, strlen(target)), 0);   /* beside it */
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	int rc = privs_out_commit(tmp, target);
	free(tmp);
	return rc;
}

static void test_not_setgid_here(void **state)
{
	assert_int_equal(privs_setgid(), 0);
	assert_int_equal(privs_clerk_umask(), 027);
}

static void test_new_file_mode(void **state)
{
	char *target = xasprintf("%s/report.txt", dir);
	assert_int_equal(write_out(target, "one\n"), 0);
	struct stat sb;
	assert_int_equal(lstat(target, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0666 & ~027);
	/* over an existing file: replaced whole */
	assert_int_equal(write_out(target, "two\n"), 0);
	char *text = slurp(target);
	assert_string_equal(text, "two\n");
	free(text);
	free(target);
}

static void test_link_replaced_not_followed(void **state)
{
	char *victim = xasprintf("%s/private", dir);
	char *target = xasprintf("%s/planted.txt", dir);
	FILE *f = fopen(victim, "w");
	fputs("private\n", f);
	fclose(f);
	assert_int_equal(symlink(victim, target), 0);
	assert_int_equal(write_out(target, "report\n"), 0);
	char *text = slurp(victim);
	assert_string_equal(text, "private\n");
	free(text);
	struct stat sb;
	assert_int_equal(lstat(target, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	text = slurp(target);
	assert_string_equal(text, "report\n");
	free(text);
	free(victim);
	free(target);
}

static void test_discard_and_errors(void **state)
{
	char *target = xasprintf("%s/never.txt", dir);
	char *tmp = NULL;
	int fd = privs_out_create(target, &tmp);
	assert_true(fd >= 0);
	close(fd);
	privs_out_discard(tmp);
	assert_int_equal(access(tmp, F_OK), -1);
	assert_int_equal(access(target, F_OK), -1);
	free(tmp);
	free(target);
	/* a folder that is not there: -1, nothing allocated */
	target = xasprintf("%s/no/such/folder.txt", dir);
	assert_int_equal(privs_out_create(target, &tmp), -1);
	assert_null(tmp);
	free(target);
	/* a folder at the target: the rename fails and the temporary goes */
	target = xasprintf("%s/sub", dir);
	assert_int_equal(mkdir(target, 0700), 0);
	fd = privs_out_create(target, &tmp);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(privs_out_commit(tmp, target), -1);
	assert_int_equal(access(tmp, F_OK), -1);
	free(tmp);
	free(target);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_setgid_here),
		cmocka_unit_test(test_new_file_mode),
		cmocka_unit_test(test_link_replaced_not_followed),
		cmocka_unit_test(test_discard_and_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
