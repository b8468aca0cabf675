/* cli.h: the command line (DESIGN.md "Command line"): options and commands. */
#ifndef INNOTRACK_CLI_H
#define INNOTRACK_CLI_H

#include <stdio.h>

#include "core/db.h"

struct cli {
	const char *db_path;   /* --db; after setup_db_path the database of this run */
	int         db_named;  /* the clerk or a configuration named it: a missing file is a mistake */
	int         shared;    /* setgid: the shared ledger of the system configuration */
	const char *lang;      /* --lang zh|en; NULL for the locale's */
	int         ascii;     /* --ascii: plain ASCII borders */
	double      wait;      /* --wait MINUTES, in seconds; -1 if not given */
	int         argc;      /* the command and its arguments */
	char      **argv;
};

/* Parse the global options.  Returns -1 to go on, else an exit status
 * (after --help, --version, or a usage error). */
int cli_parse(int argc, char **argv, struct cli *c);

/* Run the command in c->argv[0] (there is one).  Returns an exit status. */
int cli_run(struct cli *c);

/* "innotrack: " and the message on stderr; fmt is English, translated here. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The usage text, for --help and usage errors. */
void cli_usage(FILE *f);

#endif
