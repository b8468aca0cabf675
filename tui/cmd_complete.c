/* cmd_complete.c: `innotrack complete KIND REGION [--as-of DATE] [--not]`:
 * a clerk says a register holds every record of a region (or no longer
 * does), so that its counts stand for the region's figures. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/regfull.h"
#include "tui/cli.h"
#include "tui/cli_cmds.h"

int cmd_complete(struct cli *c)
{
	const char *pos[2] = { NULL, NULL }, *as_of = NULL;
	int npos = 0, complete = 1;
	for (int i = 1; i < c->argc; i++) {
		const char *v;
		int m;
		if (strcmp(c->argv[i], "--not") == 0) {
			complete = 0;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--as-of", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			as_of = v;
		} else if (c->argv[i][0] == '-' && c->argv[i][1] != '\0') {
			cli_error("complete: unknown option %s", c->argv[i]);
			return ST_USAGE;
		} else if (npos < 2) {
			pos[npos++] = c->argv[i];
		} else {
			cli_error("complete: too many arguments (%s)", c->argv[i]);
			return ST_USAGE;
		}
	}
	if (npos < 2) {
		cli_error("complete: usage: innotrack complete KIND REGION [--as-of DATE] [--not]");
		return ST_USAGE;
	}
	struct db *db;
	char *err = NULL;
	int rc = cli_open_db(c, &db);
	if (rc != ST_OK)
		return rc;
	rc = regfull_set(db, pos[0], pos[1], as_of, complete, &err);
	if (rc == ST_OK)
		printf(complete ? tr("%s: the register is complete for %s; its counts stand for the "
		                     "region's figures\n")
		                : tr("%s: the register is no longer complete for %s; the official "
		                     "figures stand\n"), pos[0], pos[1]);
	else
		cli_error("complete: %s", err);
	free(err);
	db_close(db);
	return rc;
}
