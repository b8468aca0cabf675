/* cli.c: global options and the commands that run without a terminal. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/pack.h"
#include "core/period.h"
#include "core/privs.h"
#include "core/profile.h"
#include "core/region.h"
#include "core/report.h"
#include "core/termtext.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/cli.h"
#include "tui/cli_cmds.h"
#include "tui/sysdirs.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(tr(fmt), ap);
	va_end(ap);
	fputs("innotrack: ", stderr);
	termtext_fputs(msg, stderr);     /* it may quote a cell of a file */
	fputc('\n', stderr);
	free(msg);
}

/* One item of a list in the help, at column col, after a separator in
 * the language's way (", " or "、") and wrapped to indent past 92
 * columns; the column after it. */
static int list_item(FILE *f, int col, int first, const char *one, const char *indent)
{
	const char *sep = tr(", ");
	size_t n = strlen(sep);
	int spaced = first || (n > 0 && sep[n - 1] == ' ');
	if (!first) {
		char *mark = xasprintf("%.*s", (int)(n > 0 && sep[n - 1] == ' ' ? n - 1 : n), sep);
		fputs(mark, f);
		col += width_str(mark);
		free(mark);
	}
	if (col + spaced + width_str(one) > 92) {
		fputs(indent, f);          /* a newline and spaces */
		col = (int)strlen(indent) - 1;
		spaced = 1;
	}
	fprintf(f, "%s%s", spaced ? " " : "", one);
	return col + spaced + width_str(one);
}

void cli_usage(FILE *f)
{
	/* the synopsis lines are commands and options, typed as they stand */
	fputs(tr(
"usage: innotrack [--db PATH] [--lang zh|en] [--ascii]   the full-screen program\n"), f);
	fputs(
"       innotrack [--db PATH] init [--pack NAME | --empty]\n"
"       innotrack [--db PATH] report [--period P] [--region R] [--section S]... [--within DAYS]\n"
"                                    [--format text|csv|markdown|html] [-o FILE|DIR]\n"
CLI_EXTRA_USAGE
"       innotrack --help | --version\n", f);
	/* the kinds a file may hold, from their descriptions (core/profile.c),
	 * with their Chinese names on a Chinese screen */
	int col = fprintf(f, "         KIND:"), first = 1;
	for (const struct profile *const *p = profiles; *p; p++) {
		if (!((*p)->flags & PK_IMPORT))
			continue;
		char *one = i18n_get() == LANG_ZH ? xasprintf("%s（%s）", (*p)->kind, (*p)->zh)
		                                  : xstrdup((*p)->kind);
		col = list_item(f, col, first, one, "\n              ");
		free(one);
		first = 0;
	}
	/* the report's sections, from their list (core/report.c) */
	col = fprintf(f, "\n         S:");
	for (const struct report_section *const *s = report_sections; *s; s++) {
		char *one = i18n_get() == LANG_ZH ? xasprintf("%s（%s）", (*s)->key, tr((*s)->title))
		                                  : xstrdup((*s)->key);
		col = list_item(f, col, s == report_sections, one, "\n           ");
		free(one);
	}
	fputs("\n\n", f);
	/* one block per option and command, so that a command added later
	 * adds its own block */
	static const char *const help[] = {
		N_("  --db PATH     the database (default: $INNOTRACK_DB, else\n"
		   "                $XDG_DATA_HOME/innotrack/innotrack.db, else ~/.local/share/innotrack/innotrack.db)\n"),
		N_("  --lang zh|en  the language of screens and reports (default: from the locale)\n"),
		N_("  --ascii       plain ASCII borders, for terminals that draw box lines two cells wide\n"
		   "                (also INNOTRACK_ASCII=1)\n"),
		N_("  init          create the database from a data pack: jingdezhen (default), kunshan,\n"
		   "                nanchang, or a folder (./mypack) of the same CSV files; --empty: no data\n"),
		N_("  report        each indicator with its baseline, target in force, other documents'\n"
		   "                targets, actual, progress and status; P is 2025 or 2025Q3 (default: this\n"
		   "                year), R a region's name (default: every region with targets)\n"),
		N_("                --section S: one of the sections S above (default: indicators), or\n"
		   "                several; with -o DIR one file each; --within DAYS: certificates expiring\n"
		   "                within DAYS of the period's end (default 90)\n"),
		N_("                --section tasks: each region's task targets for the year P and for\n"
		   "                the plan's span around it, actual, completion, score and rank\n"),
		CLI_EXTRA_HELP
		NULL
	};
	for (int i = 0; help[i]; i++)
		fputs(tr(help[i]), f);
	/* the files tui/setup.c reads */
	fprintf(f, tr("\nconfiguration: %s, then %s\n"
	              "  keys database, language, ascii, colours, esc_delay, wait; they win over the\n"
	              "  defaults above, and the options and INNOTRACK_DB, INNOTRACK_ASCII, NO_COLOR,\n"
	              "  ESCDELAY, INNOTRACK_WAIT win over them\n"),
	        sysdirs_config, "$XDG_CONFIG_HOME/innotrack/config");
	fputs(tr("\nexit status: 0 done, 1 data rejected (nothing written), 2 wrong usage,\n"
	         "             3 database could not be opened, was busy, or is damaged\n"), f);
}

/* Is argv[*i] the option `name` (as "--name V" or "--name=V")?  Then
 * *value gets V and *i moves past it.  Returns 1 if it matched, 0 if not,
 * -1 if the value is missing. */
int cli_opt(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		cli_error("%s needs a value", name);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

/* The language is chosen before anything is said: --help, or an error
 * about an option in front of --lang zh, is said in Chinese too. */
static void lang_first(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		if (v != NULL && (strcmp(v, "zh") == 0 || strcmp(v, "en") == 0))
			i18n_set(strcmp(v, "zh") == 0 ? LANG_ZH : LANG_EN);
	}
}

/* Global options may stand before or after the command
 * (innotrack report --format csv --lang en); they are taken out and the
 * command with its own arguments is left in c->argv. */
int cli_parse(int argc, char **argv, struct cli *c)
{
	static char *rest[256];
	memset(c, 0, sizeof *c);
	c->wait = -1;
	/* the locale's or the configuration's language is set (tui/main.c) */
	lang_first(argc, argv);
	if (argc > (int)(sizeof rest / sizeof rest[0])) {
		cli_error("too many arguments");
		return ST_USAGE;
	}
	int n = 0;
	for (int i = 1; i < argc; i++) {
		const char *v;
		int m;
		if (n == 0 && (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)) {
			cli_usage(stdout);
			return ST_OK;
		}
		if (n == 0 && (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0)) {
			printf(tr("innotrack %s (schema %d)\n"), PACKAGE_VERSION, db_schema_latest());
			return ST_OK;
		}
		if ((m = cli_opt(argc, argv, &i, "--wait", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if ((c->wait = db_parse_minutes(v)) < 0) {
				cli_error("--wait takes a number of minutes (10, 0.5), not \"%s\"", v);
				return ST_USAGE;
			}
			db_set_wait_limit(c->wait);
			continue;
		}
		if (strcmp(argv[i], "--ascii") == 0) {
			c->ascii = 1;
			continue;
		}
		if ((m = cli_opt(argc, argv, &i, "--db", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			c->db_path = v;
			continue;
		}
		if ((m = cli_opt(argc, argv, &i, "--lang", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) {
				cli_error("--lang takes zh or en, not \"%s\"", v);
				return ST_USAGE;
			}
			c->lang = v;
			i18n_set(strcmp(v, "zh") == 0 ? LANG_ZH : LANG_EN);
			continue;
		}
		if (n == 0 && argv[i][0] == '-') {
			cli_error("unknown option %s (see innotrack --help)", argv[i]);
			return ST_USAGE;
		}
		rest[n++] = argv[i];
	}
	rest[n] = NULL;
	c->argc = n;
	c->argv = rest;
	return -1;
}

static int open_db(struct cli *c, struct db **db, int flags)
{
	char *path = c->db_path ? xstrdup(c->db_path) : db_default_path();
	char *err = NULL;
	struct stat sb;
	if (stat(path, &sb) != 0) {
		/* say it in the clerk's language, and create nothing */
		*db = NULL;
		if (c->shared)
			cli_error(tr("%s: the shared ledger is not there yet; the administrator creates it "
			             "with: innotrack init"), path);
		else
			cli_error(tr("%s: no such database (create one with: innotrack --db %s init)"), path, path);
		free(path);
		return ST_DB;
	}
	int rc = db_open(path, flags, db, &err);
	if (rc != ST_OK) {
		cli_error("%s", err);
		free(err);
	}
	free(path);
	return rc;
}

/* Open the database for a command (never creates it). */
int cli_open_db(struct cli *c, struct db **db)
{
	int rc = open_db(c, db, 0);
	if (rc == ST_OK)
		cli_show_wait(*db);
	return rc;
}

int cli_open_db_ro(struct cli *c, struct db **db)
{
	return open_db(c, db, DB_READONLY);
}

static void on_wait(void *ctx, const char *text)
{
	static int said;
	(void)ctx;
	if (isatty(STDERR_FILENO)) {
		fputs("\r\033[K", stderr);
		if (text != NULL)
			fprintf(stderr, "innotrack: %s", text);
		fflush(stderr);
	} else if (text != NULL && !said) {
		/* in a log, once: the seconds of every second would fill it */
		fprintf(stderr, "innotrack: %s\n", text);
		said = 1;
	}
}

void cli_show_wait(struct db *db)
{
	db_on_wait(db, on_wait, NULL);
}

/* The file is written as the clerk, not as the ledger's group, through a
 * temporary that mkstemp makes beside it (core/privs.h). */
int cli_out_open(struct cli_out *o, const char *cmd, const char *path)
{
	o->f = stdout;
	o->path = path;
	o->tmp = NULL;
	o->tty = 0;
	if (path == NULL && isatty(STDOUT_FILENO)) {
		if ((o->f = tmpfile()) == NULL) {
			cli_error("%s: %s", cmd, errno_text(errno));
			return -1;
		}
		o->tty = 1;
	}
	if (path == NULL)
		return 0;
	int fd = privs_out_create(path, &o->tmp);
	if (fd < 0 || (o->f = fdopen(fd, "wb")) == NULL) {
		cli_error("%s: %s: %s", cmd, path, errno_text(errno));
		if (fd >= 0) {
			close(fd);
			privs_out_discard(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

int cli_out_close(struct cli_out *o, int rc, char **err)
{
	if (o->tty) {
		rewind(o->f);
		if (termtext_copy(o->f, stdout) != 0 && rc == ST_OK) {
			err_set(err, "%s", errno_text(errno));
			rc = ST_DATA;
		}
		fclose(o->f);
		o->f = stdout;
		o->tty = 0;
	}
	if (o->path == NULL)
		return rc;
	/* on the disk before it takes the target's name */
	if (rc == ST_OK && (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)) {
		err_set(err, "%s: %s", o->path, errno_text(errno));
		rc = ST_DATA;
	}
	if (fclose(o->f) != 0 && rc == ST_OK) {
		err_set(err, "%s: %s", o->path, errno_text(errno));
		rc = ST_DATA;
	}
	if (rc == ST_OK && privs_out_commit(o->tmp, o->path) != 0) {
		err_set(err, "%s: %s", o->path, errno_text(errno));
		rc = ST_DATA;
	} else if (rc != ST_OK) {
		privs_out_discard(o->tmp);
	}
	free(o->tmp);
	o->tmp = NULL;
	return rc;
}

static int cmd_init(struct cli *c)
{
	const char *pack = pack_names[0];
	int empty = 0;
	for (int i = 1; i < c->argc; i++) {
		const char *v;
		int m = cli_opt(c->argc, c->argv, &i, "--pack", &v);
		if (m < 0)
			return ST_USAGE;
		if (m > 0)
			pack = v;
		else if (strcmp(c->argv[i], "--empty") == 0)
			empty = 1;
		else {
			cli_error("init: unknown argument %s", c->argv[i]);
			return ST_USAGE;
		}
	}
	char *path = c->db_path ? xstrdup(c->db_path) : db_default_path();
	char *err = NULL;
	struct db *db = NULL;
	int rc = db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err);
	if (rc == ST_OK && !empty)
		rc = pack_load(db, pack, &err);
	if (rc == ST_OK)
		printf(empty ? tr("%s: created empty\n") : tr("%s: created from pack %s\n"), path,
		       pack_title(pack));
	db_close(db);
	if (rc != ST_OK) {
		cli_error("%s", err);
		/* a half-made database is worse than none */
		if (db != NULL) {
			unlink(path);
			char *aux = xasprintf("%s-wal", path);
			unlink(aux);
			free(aux);
			aux = xasprintf("%s-shm", path);
			unlink(aux);
			free(aux);
		}
	}
	free(err);
	free(path);
	return rc;
}

/* Where each section goes: stdout, FILE (all of them), or DIR/KEY.EXT
 * (one file each). */
static int report_to(struct cli *c, struct report_ctx *ctx, const struct report_section **secs,
                     int nsec, enum report_format fmt, const char *outfile)
{
	struct stat sb;
	int dir = outfile != NULL && stat(outfile, &sb) == 0 && S_ISDIR(sb.st_mode);
	int rc = ST_OK;
	struct cli_out out;
	(void)c;
	for (int k = 0; k < nsec && rc == ST_OK; k++) {
		char *err = NULL, *path = NULL;
		if (dir)
			path = xasprintf("%s/%s.%s", outfile, secs[k]->key, report_format_ext(fmt));
		if ((dir || k == 0) && cli_out_open(&out, "report", dir ? path : outfile) != 0) {
			free(path);
			return ST_USAGE;
		}
		/* several sections in one place: a blank line between them */
		if (!dir && k > 0)
			fputc('\n', out.f);
		rc = report_write(ctx, secs[k], fmt, outfile != NULL, nsec > 1 && !dir, out.f, &err);
		if (dir || k == nsec - 1 || rc != ST_OK)
			rc = cli_out_close(&out, rc, &err);
		if (rc != ST_OK)
			cli_error("report: %s", err);
		free(err);
		free(path);
	}
	return rc;
}

static double wall_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (now.tv_nsec - t->tv_nsec) / 1e9;
}

static int cmd_report(struct cli *c)
{
	struct report_ctx ctx = { .p = period_now(0), .within_days = 90 };
	const char *region = NULL, *outfile = NULL;
	enum report_format fmt = REPORT_TEXT;
	const struct report_section *secs[32];
	int nsec = 0;
	for (int i = 1; i < c->argc; i++) {
		const char *v;
		int m;
		if ((m = cli_opt(c->argc, c->argv, &i, "--period", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (period_parse(v, &ctx.p) != 0) {
				cli_error("report: --period \"%s\" is not a year (2025) or a quarter (2025Q3)", v);
				return ST_USAGE;
			}
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--region", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			region = v;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--section", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			const struct report_section *s = report_section_find(v);
			if (s == NULL) {
				struct sbuf known = { 0 };
				for (const struct report_section *const *k = report_sections; *k; k++)
					sbuf_printf(&known, "%s%s", known.len ? tr(", ") : "", (*k)->key);
				cli_error("report: --section takes %s, not \"%s\"", known.s, v);
				sbuf_free(&known);
				return ST_USAGE;
			}
			if (nsec < (int)(sizeof secs / sizeof secs[0]))
				secs[nsec++] = s;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--within", &v)) != 0) {
			char *end;
			if (m < 0)
				return ST_USAGE;
			long d = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || d < 0 || d > 3650) {
				cli_error("report: --within takes a number of days (0 to 3650), not \"%s\"", v);
				return ST_USAGE;
			}
			ctx.within_days = (int)d;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--format", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (report_format_parse(v, &fmt) != 0) {
				cli_error("report: --format takes text, csv, markdown or html, not \"%s\"", v);
				return ST_USAGE;
			}
		} else if ((m = cli_opt(c->argc, c->argv, &i, "-o", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			outfile = v;
		} else {
			cli_error("report: unknown argument %s", c->argv[i]);
			return ST_USAGE;
		}
	}
	if (nsec == 0)
		secs[nsec++] = report_sections[0];
	struct timespec started;
	clock_gettime(CLOCK_MONOTONIC, &started);
	int rc = cli_open_db_ro(c, &ctx.db);
	if (rc != ST_OK)
		return rc;
	if (region != NULL && (ctx.region_id = region_find(ctx.db, region)) == 0) {
		cli_error("report: --region \"%s\" is not a region of this database", region);
		db_close(ctx.db);
		return ST_USAGE;
	}
	rc = report_to(c, &ctx, secs, nsec, fmt, outfile);
	/* how long the report waited for locks: nothing, since readers take none */
	if (getenv("INNOTRACK_TIMING") != NULL)
		fprintf(stderr, tr("%.3f s: done, %.3f s of it waiting for other clerks\n"),
		        wall_since(&started), db_waited(ctx.db));
	db_close(ctx.db);
	return rc;
}

static const struct cli_command commands[] = {
	{ "init", cmd_init },
	{ "report", cmd_report },
	CLI_EXTRA_COMMANDS
	{ NULL, NULL }
};

int cli_run(struct cli *c)
{
	for (const struct cli_command *k = commands; k->name; k++)
		if (strcmp(k->name, c->argv[0]) == 0)
			return k->run(c);
	cli_error("unknown command \"%s\" (see innotrack --help)", c->argv[0]);
	return ST_USAGE;
}
