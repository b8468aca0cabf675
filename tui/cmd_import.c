/* cmd_import.c: the commands import, imports, undo-import and export.
 * They parse arguments, show progress on a terminal, and print what core
 * reports; the work is in core/import.c, core/batch.c, core/export.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/batch.h"
#include "core/export.h"
#include "core/i18n.h"
#include "core/profile.h"
#include "core/termtext.h"
#include "core/import.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/cli.h"
#include "tui/cli_cmds.h"

static double now_s(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

/* The progress bar: only on a terminal, only after the first second. */
struct bar {
	int    on;         /* stderr is a terminal */
	int    timing;     /* $INNOTRACK_TIMING: print when each phase starts */
	char   phase[16];
	int    shown;      /* something is drawn on the line */
	int    said_wait;  /* the waiting line was printed (not a terminal) */
	double start, last;
};

static void bar_clear(struct bar *b)
{
	if (b->shown) {
		fputs("\r\033[K", stderr);
		b->shown = 0;
	}
}

/* One cell of the list of batches and a space, padded to `cells` display
 * cells (Chinese takes two); a longer text is not cut.  Control
 * characters are shown escaped (a file's name may hold them). */
static void put_cell(FILE *f, const char *s, int cells)
{
	char *t = termtext(s);
	int w = width_str(t);
	fprintf(f, "%s%*s", t, (w < cells ? cells - w : 0) + 1, "");
	free(t);
}

static void on_progress(void *ctx, const char *phase, long rows, long long done, long long total)
{
	struct bar *b = ctx;
	double t = now_s();
	if (b->timing && strcmp(b->phase, phase) != 0) {
		fprintf(stderr, tr("%.3f s: %s\n"), t - b->start, tr(phase));
		snprintf(b->phase, sizeof b->phase, "%s", phase);
	}
	if (!b->on || t - b->start < 1.0 || t - b->last < 0.2)
		return;
	b->last = t;
	double rate = rows / (t - b->start);
	char cells[32];
	int pct = total > 0 ? (int)(100 * done / total) : 100;
	int fill = pct / 5;
	for (int i = 0; i < 20; i++)
		cells[i] = i < fill ? '#' : '.';
	cells[20] = '\0';
	fputs("\r\033[K", stderr);
	put_cell(stderr, tr(phase), 8);
	fprintf(stderr, "[%s] %3d%%  ", cells, pct);
	fprintf(stderr, tr("%ld rows  %.0f rows/s"), rows, rate);
	fflush(stderr);
	b->shown = 1;
}

/* A message of the import: it quotes cells of the file, so its control
 * characters are shown escaped. */
static void on_message(void *ctx, enum import_sev sev, const char *text)
{
	struct bar *b = ctx;
	char *t = termtext(text);
	bar_clear(b);
	if (sev == IMP_ERROR)
		fprintf(stderr, "%s\n", t);
	else if (sev == IMP_WARNING)
		fprintf(stderr, tr("%s (warning)\n"), t);
	else
		printf("%s\n", t);
	free(t);
}

/* What the import did, or why nothing was written.  The file's name is
 * shown escaped: it may hold control characters. */
static void say_result(const struct import_opts *o, const struct import_result *r, int rc)
{
	char *path = termtext(o->path);
	if (rc == ST_DATA) {
		fprintf(stderr, trn("%s: rejected: %ld error; nothing was written\n",
		                    "%s: rejected: %ld errors; nothing was written\n", (unsigned long)r->errors),
		        path, r->errors);
		free(path);
		return;
	}
	char warn[64] = "";
	if (r->warnings)
		snprintf(warn, sizeof warn, trn("; %ld warning", "; %ld warnings", (unsigned long)r->warnings),
		         r->warnings);
	if (o->dry_run) {
		printf(tr("%s: dry run (%s): %ld rows would be %ld new, %ld changed, %ld unchanged%s; "
		          "nothing was written\n"), path, textenc_name(r->encoding), r->rows, r->rows_new,
		       r->rows_changed, r->rows_unchanged, warn);
	} else if (r->batch_id == 0) {
		printf(tr("%s: nothing to change: all %ld rows are already in the database"), path, r->rows);
		if (r->same_as)
			printf(tr(" (the same file as import batch %lld)"), r->same_as);
		printf("%s\n", warn);
	} else {
		printf(tr("%s: imported as batch %lld (%s): %ld new, %ld changed, %ld unchanged%s\n"),
		       path, r->batch_id, textenc_name(r->encoding), r->rows_new, r->rows_changed,
		       r->rows_unchanged, warn);
	}
	free(path);
}

/* Waiting for another clerk's import: on the progress line, or once as
 * a line of its own when stderr is not a terminal. */
static void on_wait(void *ctx, const char *text)
{
	struct bar *b = ctx;
	if (b->on) {
		bar_clear(b);
		if (text != NULL) {
			fprintf(stderr, "%s", text);
			fflush(stderr);
			b->shown = 1;
		}
	} else if (text != NULL && !b->said_wait) {
		fprintf(stderr, "%s\n", text);
		b->said_wait = 1;
	}
}

int cmd_import(struct cli *c)
{
	struct import_opts o = { .encoding = ENC_AUTO, .message = on_message, .progress = on_progress };
	struct bar bar = { .on = isatty(STDERR_FILENO), .start = now_s(),
	                   .timing = getenv("INNOTRACK_TIMING") != NULL };
	const char *pos[2] = { NULL, NULL };
	int npos = 0;
	for (int i = 1; i < c->argc; i++) {
		const char *v;
		int m;
		if (strcmp(c->argv[i], "--dry-run") == 0 || strcmp(c->argv[i], "-n") == 0) {
			o.dry_run = 1;
		} else if (strcmp(c->argv[i], "--complete") == 0) {
			o.complete = 1;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--encoding", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (textenc_parse(v, &o.encoding) != 0) {
				cli_error("import: --encoding takes auto, utf-8 or gb18030, not \"%s\"", v);
				return ST_USAGE;
			}
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--period", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			o.period = v;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--region", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			o.region = v;
		} else if (c->argv[i][0] == '-' && c->argv[i][1] != '\0') {
			cli_error("import: unknown option %s", c->argv[i]);
			return ST_USAGE;
		} else if (npos < 2) {
			pos[npos++] = c->argv[i];
		} else {
			cli_error("import: too many arguments (%s)", c->argv[i]);
			return ST_USAGE;
		}
	}
	if (npos < 2) {
		cli_error("import: usage: innotrack import KIND FILE [--dry-run] [--encoding auto|utf-8|gb18030]"
		          " [--period P] [--region R [--complete]]; KIND is one of %s", import_kinds());
		return ST_USAGE;
	}
	o.kind = pos[0];
	o.path = pos[1];
	o.ctx = &bar;
	const char *why = import_check_file(o.path);
	if (why != NULL) {
		cli_error("import: %s: %s", o.path, why);
		return ST_DATA;
	}
	struct db *db;
	int rc = cli_open_db(c, &db);
	if (rc != ST_OK)
		return rc;
	struct import_result r;
	db_on_wait(db, on_wait, &bar);
	rc = import_file(db, &o, &r);
	bar_clear(&bar);
	double waited = db_waited(db);
	if (bar.timing)
		fprintf(stderr, tr("%.3f s: done, %.3f s of it waiting for other clerks\n"),
		        now_s() - bar.start, waited);
	else if (waited >= 1.0)
		fprintf(stderr, tr("%s: waited %.0f s for other clerks' imports\n"), o.path, waited);
	db_close(db);
	if (rc == ST_OK || rc == ST_DATA)
		say_result(&o, &r, rc);
	return rc;
}


static void print_batch(void *ctx, const struct batch_info *b)
{
	static const int w[] = { 5, 13, 7, 7, 9, 5, 19, 10 };
	static const char *const head[] = { N_("batch"), N_("kind"), N_("new"), N_("changed"),
		N_("unchanged"), N_("warn"), N_("when"), N_("login"), N_("file") };
	int *n = ctx;
	char num[5][24];
	if ((*n)++ == 0) {
		for (int i = 0; i < 8; i++)
			put_cell(stdout, tr(head[i]), w[i]);
		printf("%s\n", tr(head[8]));
	}
	snprintf(num[0], sizeof num[0], "%lld", b->id);
	snprintf(num[1], sizeof num[1], "%ld", b->rows_new);
	snprintf(num[2], sizeof num[2], "%ld", b->rows_changed);
	snprintf(num[3], sizeof num[3], "%ld", b->rows_unchanged);
	snprintf(num[4], sizeof num[4], "%ld", b->warnings);
	const char *cell[8] = { num[0], tr(b->kind), num[1], num[2], num[3], num[4],
	                        b->started_at, b->login };
	for (int i = 0; i < 8; i++)
		put_cell(stdout, cell[i], w[i]);
	char *line = xasprintf(tr("%s (%lld bytes, %s, sha256 %.12s)"), b->file_name, b->file_size,
	                       b->encoding, b->sha256);
	termtext_fputs(line, stdout);
	free(line);
	if (b->undone_at) {
		line = xasprintf(tr(" undone %s"), b->undone_at);
		termtext_fputs(line, stdout);
		free(line);
	}
	putchar('\n');
}

int cmd_imports(struct cli *c)
{
	if (c->argc > 1) {
		cli_error("imports: no arguments expected (%s)", c->argv[1]);
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db_ro(c, &db), n = 0;
	char *err = NULL;
	if (rc != ST_OK)
		return rc;
	rc = batch_list(db, print_batch, &n, &err);
	if (rc != ST_OK)
		cli_error("imports: %s", err);
	else if (n == 0)
		fputs(tr("no imports yet\n"), stdout);
	free(err);
	db_close(db);
	return rc;
}

static void on_conflict(void *ctx, const char *text)
{
	(void)ctx;
	cli_error("undo-import: %s", text);
}

int cmd_undo_import(struct cli *c)
{
	char *end;
	if (c->argc != 2) {
		cli_error("undo-import: usage: innotrack undo-import ID (see: innotrack imports)");
		return ST_USAGE;
	}
	long long id = strtoll(c->argv[1], &end, 10);
	if (*end != '\0' || id <= 0) {
		cli_error("undo-import: \"%s\" is not a batch number", c->argv[1]);
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db(c, &db);
	char *err = NULL;
	long restored, deleted;
	if (rc != ST_OK)
		return rc;
	rc = batch_undo(db, id, on_conflict, NULL, &restored, &deleted, &err);
	if (rc == ST_OK)
		printf(tr("import batch %lld undone: %ld rows removed, %ld rows restored\n"), id, deleted,
		       restored);
	else
		cli_error("undo-import: %s", err);
	free(err);
	db_close(db);
	return rc;
}

int cmd_export(struct cli *c)
{
	const char *kind = NULL, *outfile = NULL;
	enum textenc enc = ENC_UTF8;
	for (int i = 1; i < c->argc; i++) {
		const char *v;
		int m;
		if ((m = cli_opt(c->argc, c->argv, &i, "-o", &v)) != 0 ||
		    (m = cli_opt(c->argc, c->argv, &i, "--output", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			outfile = v;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--encoding", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (textenc_parse(v, &enc) != 0 || enc == ENC_AUTO || enc == ENC_CP936) {
				cli_error("export: --encoding takes utf-8 or gb18030, not \"%s\"", v);
				return ST_USAGE;
			}
		} else if (c->argv[i][0] == '-') {
			cli_error("export: unknown option %s", c->argv[i]);
			return ST_USAGE;
		} else if (kind == NULL) {
			kind = c->argv[i];
		} else {
			cli_error("export: too many arguments (%s)", c->argv[i]);
			return ST_USAGE;
		}
	}
	if (kind == NULL) {
		cli_error("export: usage: innotrack export KIND [-o FILE] [--encoding utf-8|gb18030]; "
		          "KIND is one of %s", import_kinds());
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db_ro(c, &db);
	if (rc != ST_OK)
		return rc;
	struct cli_out out;
	char *err = NULL;
	long rows = 0;
	if (cli_out_open(&out, "export", outfile) != 0) {
		db_close(db);
		return ST_USAGE;
	}
	rc = export_write(db, kind, enc, i18n_get() == LANG_ZH, out.f, &rows, &err);
	rc = cli_out_close(&out, rc, &err);
	if (rc == ST_OK && outfile != NULL)
		fprintf(stderr, tr("%s: %ld rows of %s\n"), outfile, rows, tr(kind));
	if (rc != ST_OK)
		cli_error("export: %s", err);
	free(err);
	db_close(db);
	return rc;
}
