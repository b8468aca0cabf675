/* cmd_audit.c: `innotrack audit [--since DATE] [--login L] [--kind K]
 * [--format text|csv] [-o FILE]`: the audit, one line per field changed
 * (core/history.h), oldest first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/history.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/cli.h"
#include "tui/cli_cmds.h"

struct out {
	FILE       *f;
	int         csv;
	struct csvw w;
	long        n;
};

/* The columns of --format csv: keys with --lang en, else their names. */
static const char *const csv_head[] = {
	N_("at"), N_("login"), N_("kind"), N_("record_id"), N_("record"), N_("action"),
	N_("field"), N_("before"), N_("after"), N_("batch")
};

static void put_cell(FILE *f, const char *s, int cells)
{
	int w = width_str(s);
	fprintf(f, "%s%*s", s, (w < cells ? cells - w : 0) + 1, "");
}

static void text_line(struct out *o, const struct history_line *l)
{
	char rec[48];
	if (l->row_last)
		snprintf(rec, sizeof rec, "#%lld-%lld", l->row_id, l->row_last);
	else
		snprintf(rec, sizeof rec, "#%lld", l->row_id);
	put_cell(o->f, l->at, 19);
	put_cell(o->f, l->login, 10);
	put_cell(o->f, l->kind, 8);
	put_cell(o->f, rec, 6);
	if (*l->record)
		fprintf(o->f, "%s ", l->record);
	fputs(l->action_label, o->f);
	if (*l->field)
		fprintf(o->f, tr("  %s: %s -> %s"), l->field, l->before, l->after);
	if (l->batch_id)
		fprintf(o->f, tr("  (import batch %lld)"), l->batch_id);
	fputc('\n', o->f);
}

static void csv_line(struct out *o, const struct history_line *l)
{
	char rec[48];
	if (l->row_last)
		snprintf(rec, sizeof rec, "%lld-%lld", l->row_id, l->row_last);
	else
		snprintf(rec, sizeof rec, "%lld", l->row_id);
	csvw_field(&o->w, l->at);
	csvw_field(&o->w, l->login);
	csvw_field(&o->w, i18n_get() == LANG_EN ? l->kind_key : l->kind);
	csvw_field(&o->w, rec);
	csvw_field(&o->w, l->record);
	csvw_field(&o->w, i18n_get() == LANG_EN ? l->action : l->action_label);
	csvw_field(&o->w, i18n_get() == LANG_EN ? l->field_key : l->field);
	csvw_field(&o->w, l->before);
	csvw_field(&o->w, l->after);
	csvw_int(&o->w, l->batch_id != 0, l->batch_id);
	csvw_end_row(&o->w);
}

static void on_line(void *ctx, const struct history_line *l)
{
	struct out *o = ctx;
	o->n++;
	if (o->csv)
		csv_line(o, l);
	else
		text_line(o, l);
}

/* The options into *f and the format; ST_OK or ST_USAGE (said). */
static int take_options(struct cli *c, struct history_filter *f, char since[11], int *csv,
                        const char **outfile)
{
	for (int i = 1; i < c->argc; i++) {
		const char *v;
		int m;
		if ((m = cli_opt(c->argc, c->argv, &i, "--since", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (parse_date(v, since) != 0) {
				cli_error("audit: --since \"%s\" is not a date (YYYY-MM-DD)", v);
				return ST_USAGE;
			}
			f->since = since;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--login", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			f->login = v;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--kind", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if ((f->table = history_table(v)) == NULL) {
				char *kinds = history_kinds();
				cli_error("audit: --kind \"%s\" is not a kind; the kinds are: %s", v, kinds);
				free(kinds);
				return ST_USAGE;
			}
		} else if ((m = cli_opt(c->argc, c->argv, &i, "--format", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			if (strcmp(v, "text") != 0 && strcmp(v, "csv") != 0) {
				cli_error("audit: --format takes text or csv, not \"%s\"", v);
				return ST_USAGE;
			}
			*csv = strcmp(v, "csv") == 0;
		} else if ((m = cli_opt(c->argc, c->argv, &i, "-o", &v)) != 0) {
			if (m < 0)
				return ST_USAGE;
			*outfile = v;
		} else {
			cli_error("audit: unknown argument %s", c->argv[i]);
			return ST_USAGE;
		}
	}
	return ST_OK;
}

int cmd_audit(struct cli *c)
{
	struct history_filter f = { 0 };
	char since[11];
	int csv = 0;
	const char *outfile = NULL;
	int rc = take_options(c, &f, since, &csv, &outfile);
	if (rc != ST_OK)
		return rc;
	struct db *db;
	if ((rc = cli_open_db_ro(c, &db)) != ST_OK)
		return rc;
	struct cli_out co;
	if (cli_out_open(&co, "audit", outfile) != 0) {
		db_close(db);
		return ST_USAGE;
	}
	struct out o = { .f = co.f, .csv = csv };
	if (csv) {
		csvw_start(&o.w, co.f, outfile != NULL);
		for (size_t i = 0; i < sizeof csv_head / sizeof csv_head[0]; i++)
			csvw_field(&o.w, i18n_get() == LANG_EN ? csv_head[i] : tr(csv_head[i]));
		csvw_end_row(&o.w);
	}
	char *err = NULL;
	rc = history_each(db, &f, on_line, &o, &err);
	if (rc == ST_OK && o.n == 0 && !csv)
		fputs(tr("no changes recorded\n"), co.f);
	rc = cli_out_close(&co, rc, &err);
	if (rc != ST_OK)
		cli_error("audit: %s", err);
	free(err);
	db_close(db);
	return rc;
}
