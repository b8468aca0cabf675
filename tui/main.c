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
#include "core/privs.h"
#include "core/util.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/setup.h"

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

static int full_screen(struct cli *c, const struct config *conf)
{
	char *path = xstrdup(c->db_path);
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
	if (fresh && c->shared) {
		/* the one who creates the shared ledger is its administrator */
		cli_error(tr("%s: the shared ledger is not there yet; the administrator creates it "
		             "with: innotrack init"), path);
		free(path);
		return ST_DB;
	}
	/* a named file that is missing is more likely a typo than a wish
	 * for a new ledger */
	if (fresh && c->db_named && !ask_create(path)) {
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
	struct app_opts o;
	setup_app_opts(c, conf, &o);
	rc = app_run(db, &o);
	db_close(db);
	free(path);
	return rc;
}

int main(int argc, char **argv)
{
	struct cli c;
	struct config conf;
	int dropped_db;
	/* first of all: the environment of a setgid run, and umask 007 for
	 * the ledger's files, which the clerks' group shares */
	privs_init(&dropped_db);
	set_locale();
	i18n_set(i18n_from_env());
	int rc = setup_config(&conf);
	if (rc == ST_OK && (rc = cli_parse(argc, argv, &c)) < 0 &&
	    (rc = setup_db_path(&c, &conf, dropped_db)) == ST_OK) {
		setup_wait(&c, &conf);
		rc = c.argc > 0 ? cli_run(&c) : full_screen(&c, &conf);
	}
	config_free(&conf);
	setup_free();
	return rc;
}
