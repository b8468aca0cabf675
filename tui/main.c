/* main.c: innotrack's entry point: set the locale, parse the command line,
 * then run a command or the full-screen program. */
#include "config.h"

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/i18n_table.h"
#include "core/pack.h"
#include "core/util.h"
#include "tui/app.h"
#include "tui/cli.h"

/* The screen needs a UTF-8 codeset to draw Chinese; fall back to C.UTF-8
 * when the locale is missing or not UTF-8 (LANG=C over SSH). */
static void set_locale(void)
{
	const char *ok = setlocale(LC_ALL, "");
	if (ok == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* numbers are read and written with '.', whatever the locale */
	setlocale(LC_NUMERIC, "C");
}

/* Did the clerk name the database (--db or $INNOTRACK_DB)?  Then a
 * missing file is more likely a typo than a wish for a private ledger. */
static int named_path(const struct cli *c)
{
	const char *env = getenv("INNOTRACK_DB");
	return c->db_path != NULL || (env != NULL && *env != '\0');
}

/* Ask on the terminal, before the screen starts, whether to create a new
 * ledger at `path`.  1 for yes. */
static int ask_create(const char *path)
{
	char line[64];
	fputs("innotrack: ", stderr);
	fprintf(stderr, tr("there is no database at %s"), path);
	fputc('\n', stderr);
	fputs(tr("Create a new ledger there from the default pack? y/N "), stderr);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	return line[0] == 'y' || line[0] == 'Y' || strncmp(line, "是", strlen("是")) == 0;
}

static int full_screen(struct cli *c)
{
	char *path = c->db_path ? xstrdup(c->db_path) : db_default_path();
	char *err = NULL;
	struct db *db = NULL;
	struct stat sb;
	int rc;

	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		if (isatty(STDIN_FILENO))
			cli_error("the full-screen program needs a terminal; standard output is not one "
			          "(for scripts use a command: innotrack --help)");
		else
			cli_error("the full-screen program needs a terminal; standard input is not one "
			          "(for scripts use a command: innotrack --help)");
		free(path);
		return ST_USAGE;
	}
	int fresh = stat(path, &sb) != 0;
	if (fresh && named_path(c) && !ask_create(path)) {
		cli_error(tr("no database created; check --db or INNOTRACK_DB, or create one with: "
		             "innotrack --db %s init"), path);
		free(path);
		return ST_DB;
	}
	rc = db_open(path, DB_CREATE, &db, &err);
	if (rc == ST_OK && fresh) {
		/* first start: fill the new database from the default pack */
		rc = pack_load(db, pack_names[0], &err);
		if (rc != ST_OK) {
			db_close(db);
			db = NULL;
			unlink(path);
		}
	}
	if (rc != ST_OK) {
		cli_error("%s", err);
		free(err);
		free(path);
		return rc;
	}
	struct app_opts o = { .ascii = c->ascii };
	const char *env = getenv("INNOTRACK_ASCII");
	if (env != NULL && *env != '\0' && strcmp(env, "0") != 0)
		o.ascii = 1;
	rc = app_run(db, &o);
	db_close(db);
	free(path);
	return rc;
}

int main(int argc, char **argv)
{
	struct cli c;
	umask(007);   /* the database is shared by the clerks' group */
	set_locale();
	int rc = cli_parse(argc, argv, &c);
	if (rc >= 0)
		return rc;
	return c.argc > 0 ? cli_run(&c) : full_screen(&c);
}
