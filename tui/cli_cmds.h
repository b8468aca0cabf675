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
 * a reader never sees half a file.  When stdout is a terminal, what is
 * written goes through a temporary file too, and is shown with its
 * control characters escaped (core/termtext.h): a pipe or a file gets
 * the bytes as they are. */
struct cli_out {
	FILE       *f;        /* write here */
	const char *path;     /* FILE, or NULL for stdout */
	char       *tmp;      /* the temporary; owned */
	int         tty;      /* stdout is a terminal: f is a tmpfile() */
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
/* tui/cmd_users.c */
int cmd_users(struct cli *c);
int cmd_grant(struct cli *c);
int cmd_revoke(struct cli *c);
/* tui/cmd_audit.c */
int cmd_audit(struct cli *c);

/* tui/cmd_complete.c */
int cmd_complete(struct cli *c);

/* tui/cmd_admin.c */
int cmd_backup(struct cli *c);
int cmd_restore(struct cli *c);
int cmd_check(struct cli *c);

#define CLI_EXTRA_USAGE \
"       innotrack [--db PATH] import KIND FILE [--dry-run] [--encoding auto|utf-8|gb18030]\n" \
"                                    [--period P] [--region R [--complete]]\n" \
"       innotrack [--db PATH] imports\n" \
"       innotrack [--db PATH] undo-import ID\n" \
"       innotrack [--db PATH] export KIND [-o FILE] [--encoding utf-8|gb18030]\n" \
"       innotrack [--db PATH] complete KIND REGION [--as-of DATE] [--not]\n" \
"       innotrack [--db PATH] users | grant LOGIN ROLE [REGION] | revoke LOGIN\n" \
"       innotrack [--db PATH] audit [--since DATE] [--login L] [--kind K] [--format text|csv]\n" \
"                                   [-o FILE]\n" \
"       innotrack [--db PATH] backup FILE\n" \
"       innotrack [--db PATH] restore FILE [--yes]\n" \
"       innotrack [--db PATH] check\n"
/* help blocks of the commands above, N_() marked, each ending in a comma */
#define CLI_EXTRA_HELP \
	N_("  import        --complete: the file lists every record of region R, so the register's\n" \
	   "                counts stand for R's figures from the end of P (default: today) on\n"), \
	N_("  complete      the register KIND holds every record of REGION from DATE (default:\n" \
	   "                today) on, so its counts stand for the region's figures; --not: no longer\n"), \
	N_("  users         who may change what: each login, its role and region; grant gives\n" \
	   "                LOGIN a role: admin, city, county with the REGION it keeps, or viewer\n" \
	   "                (管理员, 市级, 县级, 只读); revoke takes it back (admins only)\n"), \
	N_("  audit         every change: when, who, kind, record, field, before and after, oldest\n" \
	   "                first; --since DATE, --login L, --kind K narrow it\n"), \
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
	{ "complete", cmd_complete }, \
	{ "users", cmd_users }, \
	{ "grant", cmd_grant }, \
	{ "revoke", cmd_revoke }, \
	{ "audit", cmd_audit }, \
	{ "backup", cmd_backup }, \
	{ "restore", cmd_restore }, \
	{ "check", cmd_check },

#endif
