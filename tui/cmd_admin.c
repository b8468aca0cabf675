/* cmd_admin.c: the administrator's commands backup, restore and check.
 * The work is in core/backup.c and core/check.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/backup.h"
#include "core/check.h"
#include "core/i18n.h"
#include "core/util.h"
#include "tui/cli.h"
#include "tui/cli_cmds.h"

int cmd_backup(struct cli *c)
{
	if (c->argc != 2 || c->argv[1][0] == '-') {
		cli_error("backup: usage: innotrack backup FILE");
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db_ro(c, &db);
	if (rc != ST_OK)
		return rc;
	char *err = NULL;
	rc = backup_to(db, c->argv[1], &err);
	if (rc == ST_OK)
		printf(tr("%s: backup of %s written and checked\n"), c->argv[1], db_path(db));
	else
		cli_error("backup: %s", err);
	free(err);
	db_close(db);
	return rc;
}

static void print_finding(void *ctx, const char *text)
{
	(void)ctx;
	printf("%s\n", text);
}

int cmd_check(struct cli *c)
{
	if (c->argc != 1) {
		cli_error("check: no arguments expected (%s)", c->argv[1]);
		return ST_USAGE;
	}
	char *path = c->db_path ? xstrdup(c->db_path) : db_default_path();
	char *err = NULL;
	struct db *db = NULL;
	int rc = db_open(path, DB_READONLY | DB_CHECK, &db, &err);
	if (rc != ST_OK) {
		cli_error("%s", err);
		free(err);
		free(path);
		return ST_DB;
	}
	rc = check_ledger_all(db, print_finding, NULL, &err);
	if (rc == ST_OK)
		printf(tr("%s: no faults found\n"), path);
	else if (rc == ST_DATA)
		fprintf(stderr, tr("innotrack: %s: the ledger is whole, but its figures have the faults "
		                   "above\n"), path);
	else if (err != NULL)
		cli_error("check: %s", err);
	else
		cli_error(tr("%s: the database is damaged; restore the last good backup "
		             "(innotrack restore FILE)"), path);
	free(err);
	free(path);
	db_close(db);
	return rc;
}

/* y/N on the terminal; 1 for yes. */
static int ask_yes(const char *question)
{
	char line[64];
	fprintf(stderr, "%s", question);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	return line[0] == 'y' || line[0] == 'Y' || strncmp(line, "是", strlen("是")) == 0;
}

int cmd_restore(struct cli *c)
{
	const char *file = NULL;
	int yes = 0;
	for (int i = 1; i < c->argc; i++) {
		if (strcmp(c->argv[i], "--yes") == 0 || strcmp(c->argv[i], "-y") == 0)
			yes = 1;
		else if (c->argv[i][0] == '-' || file != NULL) {
			cli_error("restore: usage: innotrack restore FILE [--yes]");
			return ST_USAGE;
		} else
			file = c->argv[i];
	}
	if (file == NULL) {
		cli_error("restore: usage: innotrack restore FILE [--yes]");
		return ST_USAGE;
	}
	char *err = NULL;
	if (backup_check(file, &err) != ST_OK) {
		cli_error("restore: %s", err);
		free(err);
		return ST_DB;
	}
	struct db *db;
	int rc = cli_open_db(c, &db);
	if (rc != ST_OK)
		return rc;
	if (!yes) {
		if (!isatty(STDIN_FILENO)) {
			cli_error("restore: not asking on a pipe: add --yes to replace the ledger");
			db_close(db);
			return ST_USAGE;
		}
		char *q = xasprintf(tr("Replace everything in %s with the copy %s? y/N "), db_path(db), file);
		int ok = ask_yes(q);
		free(q);
		if (!ok) {
			fputs(tr("nothing was restored\n"), stderr);
			db_close(db);
			return ST_USAGE;
		}
	}
	rc = backup_restore(db, file, &err);
	if (rc == ST_OK)
		printf(tr("%s: restored from %s\n"), db_path(db), file);
	else
		cli_error("restore: %s", err);
	free(err);
	db_close(db);
	return rc;
}
