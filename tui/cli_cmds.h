/* cli_cmds.h: the table of commands, and the helpers command files share.
 * A new command file adds its entry to CLI_EXTRA_COMMANDS and its usage
 * line to CLI_EXTRA_USAGE. */
#ifndef INNOTRACK_CLI_CMDS_H
#define INNOTRACK_CLI_CMDS_H

#include "tui/cli.h"

struct cli_command {
	const char *name;
	int (*run)(struct cli *c);   /* returns an exit status */
};

int cli_opt(int argc, char **argv, int *i, const char *name, const char **value);
int cli_open_db(struct cli *c, struct db **db);

#define CLI_EXTRA_USAGE ""
#define CLI_EXTRA_COMMANDS

#endif
