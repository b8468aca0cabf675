/* cli_cmds.h: the table of commands, and the helpers command files share.
 * A new command file adds its entry to CLI_EXTRA_COMMANDS, its usage
 * line to CLI_EXTRA_USAGE and its help block to CLI_EXTRA_HELP. */
#ifndef INNOTRACK_CLI_CMDS_H
#define INNOTRACK_CLI_CMDS_H

#include "tui/cli.h"

struct cli_command {
	const char *name;
	int (*run)(struct cli *c);   /* returns an exit status */
};

int cli_opt(int argc, char **argv, int *i, const char *name, const char **value);
int cli_open_db(struct cli *c, struct db **db);
/* The same for a command that only reads: the file is opened read-only,
 * so it works on a read-only file or in a read-only folder. */
int cli_open_db_ro(struct cli *c, struct db **db);
/* While a write waits for another clerk's: the line on a terminal's
 * progress line, or once as a plain line when stderr is not a terminal. */
void cli_show_wait(struct db *db);

/* Where a command writes: stdout, or FILE through a temporary file beside
 * it that is renamed into place only when everything was written, so that
 * a reader never sees half a file. */
struct cli_out {
	FILE       *f;        /* write here */
	const char *path;     /* FILE, or NULL for stdout */
	char       *tmp;      /* the temporary; owned */
};
/* Open; 0, or -1 (and a message naming cmd and the file). */
int cli_out_open(struct cli_out *o, const char *cmd, const char *path);
/* Close and put the file in place if rc is ST_OK, else remove it.
 * Returns rc, or ST_DATA with *err set when the file could not be written. */
int cli_out_close(struct cli_out *o, int rc, char **err);

/* tui/cmd_import.c */
int cmd_import(struct cli *c);
int cmd_imports(struct cli *c);
int cmd_undo_import(struct cli *c);
int cmd_export(struct cli *c);

/* tui/cmd_admin.c */
int cmd_backup(struct cli *c);
int cmd_restore(struct cli *c);
int cmd_check(struct cli *c);

#define CLI_EXTRA_USAGE \
"       innotrack [--db PATH] import KIND FILE [--dry-run] [--encoding auto|utf-8|gb18030]\n" \
"                                    [--period P] [--region R]\n" \
"       innotrack [--db PATH] imports\n" \
"       innotrack [--db PATH] undo-import ID\n" \
"       innotrack [--db PATH] export KIND [-o FILE] [--encoding utf-8|gb18030]\n" \
"       innotrack [--db PATH] backup FILE\n" \
"       innotrack [--db PATH] restore FILE [--yes]\n" \
"       innotrack [--db PATH] check\n"
/* help blocks of the commands above, N_() marked */
#define CLI_EXTRA_HELP \
	N_("  --wait MIN    how long a write waits for other clerks' writes before it gives up,\n" \
	   "                in minutes (default 10; also INNOTRACK_WAIT)\n"), \
	N_("  backup        copy the ledger to FILE while clerks work (a temporary file beside FILE,\n" \
	   "                checked, then renamed over it)\n"), \
	N_("  restore       replace the ledger with the copy in FILE once it passes its check; asks\n" \
	   "                first unless --yes; refused while another clerk is writing\n"), \
	N_("  check         integrity, references, and the ledger's own checks, one line a fault;\n" \
	   "                exit 0 none, 1 faults in the figures, 3 damaged\n"),
#define CLI_EXTRA_COMMANDS \
	{ "import", cmd_import }, \
	{ "imports", cmd_imports }, \
	{ "undo-import", cmd_undo_import }, \
	{ "export", cmd_export }, \
	{ "backup", cmd_backup }, \
	{ "restore", cmd_restore }, \
	{ "check", cmd_check },

#endif
