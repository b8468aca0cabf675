/* rep_indicators.c: the report's indicators section: each indicator and
 * region with its baseline, the target in force, other documents'
 * targets, the actual, progress and status. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/indview.h"
#include "core/report.h"
#include "core/termtext.h"
#include "core/util.h"
#include "core/width.h"

/* The columns of the CSV report, in the order scripts rely on. */
static const char *const columns[] = {
	N_("indicator"), N_("unit"), N_("region"), N_("baseline_year"), N_("baseline"), N_("target_year"), N_("target"),
	N_("target_source"), N_("other_targets"), N_("period"), N_("actual"), N_("progress_pct"), N_("status"), NULL
};

static void fill_rows(const struct ind_set *s, const char *period, struct rtable *t)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct ind_row *r = &s->rows[i];
		char *others = indview_others_text(r);
		rt_text(t, r->name);
		rt_text(t, r->unit);
		rt_text(t, r->region);
		rt_int(t, r->has_baseline, r->baseline_year);
		rt_num(t, r->has_baseline, r->baseline, 4);
		rt_int(t, r->has_target, r->target.year);
		rt_num(t, r->has_target, r->target.value, 4);
		rt_text(t, r->has_target ? r->target.source : NULL);
		rt_text(t, *others ? others : NULL);
		rt_text(t, period);
		rt_num(t, r->has_actual, r->actual, 4);
		rt_num(t, r->has_progress, r->progress_pct, 1);
		rt_text(t, ind_status_label(r->status));
		free(others);
		char *note = indview_note(r);
		if (note != NULL)
			rt_note(t, tr("%s, %s: %s"), r->name, r->region, note);
		free(note);
	}
}

/* *s with its control characters escaped: the text report is for a
 * terminal, and names come from clerks' files. */
static void shown(char **s)
{
	char *t = termtext(*s);
	free(*s);
	*s = t;
}

/* Below the table: how marked figures were had (Σ, #, !), the register's
 * count beside the official figure, baselines of other documents. */
static void write_notes(const struct ind_set *s, FILE *out)
{
	for (size_t i = 0; i < s->n; i++) {
		char *note = indview_note(&s->rows[i]);
		if (note != NULL) {
			char *line = xasprintf(tr("%s, %s: %s"), s->rows[i].name, s->rows[i].region, note);
			termtext_fputs(line, out);
			fputc('\n', out);
			free(line);
		}
		free(note);
	}
}

/* Text: a table whose columns line up in display cells, for a terminal
 * or a mail; figures right-aligned. */
static void write_text(const struct ind_set *s, const char *period, FILE *out)
{
	enum { NCOL = 10 };
	const char *head[NCOL] = { tr("indicator"), tr("unit"), tr("region"), tr("baseline"),
		tr("target"), tr("target_source"), tr("actual"), tr("progress_pct"), tr("expected_pct"),
		tr("status") };
	const int right[NCOL] = { 0, 0, 0, 1, 1, 0, 1, 1, 1, 0 };
	int wd[NCOL];
	char ***cells = xcalloc(s->n, sizeof *cells);
	for (int c = 0; c < NCOL; c++)
		wd[c] = width_str(head[c]);
	for (size_t i = 0; i < s->n; i++) {
		const struct ind_row *r = &s->rows[i];
		char b[64], t[64], a[64], g[64];
		char *others = indview_others_text(r);
		cells[i] = xcalloc(NCOL, sizeof **cells);
		cells[i][0] = xstrdup(r->name);
		cells[i][1] = xstrdup(r->unit);
		cells[i][2] = xstrdup(r->region);
		cells[i][3] = r->has_baseline
		    ? xasprintf("%s (%d)", fmt_num(b, sizeof b, r->baseline, 4), r->baseline_year)
		    : xstrdup("-");
		cells[i][4] = r->has_target
		    ? xasprintf("%s%s (%d)%s", strcmp(r->target.cmp, "=") ? r->target.cmp : "",
		                fmt_num(t, sizeof t, r->target.value, 4), r->target.year,
		                r->n_others ? " *" : "")
		    : xstrdup("-");
		cells[i][5] = r->has_target
		    ? (r->n_others ? xasprintf("%s; * %s", r->target.source, others)
		                   : xstrdup(r->target.source))
		    : xstrdup("");
		const char *mark = indview_mark(r);
		cells[i][6] = r->has_actual
		    ? xasprintf("%s (%s)%s%s", fmt_num(a, sizeof a, r->actual, 4), r->actual_period,
		                *mark ? " " : "", mark)
		    : xstrdup("-");
		cells[i][7] = r->has_progress ? xstrdup(fmt_num(g, sizeof g, r->progress_pct, 1))
		                              : xstrdup("-");
		/* stocks: the share of the way from baseline to target due by
		 * now; flows: the share of the year's goal due */
		cells[i][8] = r->has_expected ? xstrdup(fmt_num(g, sizeof g, r->expected_pct, 0))
		                              : xstrdup("-");
		cells[i][9] = xstrdup(ind_status_label(r->status));
		free(others);
		for (int c = 0; c < NCOL; c++) {
			shown(&cells[i][c]);
			int w = width_str(cells[i][c]);
			if (w > wd[c])
				wd[c] = w;
		}
	}
	fprintf(out, "%s %s\n", tr("period"), period);
	for (int row = -1; row < (int)s->n; row++) {
		struct sbuf line = { 0 };
		for (int c = 0; c < NCOL; c++) {
			const char *v = row < 0 ? head[c] : cells[row][c];
			char *p = width_pad(v, wd[c], row >= 0 && right[c] ? 1 : -1, "~");
			sbuf_printf(&line, "%s%s", c ? "  " : "", p);
			free(p);
		}
		while (line.len > 0 && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		fprintf(out, "%s\n", line.s);
		sbuf_free(&line);
	}
	for (size_t i = 0; i < s->n; i++) {
		for (int c = 0; c < NCOL; c++)
			free(cells[i][c]);
		free(cells[i]);
	}
	free(cells);
	write_notes(s, out);
}


static int load(const struct report_ctx *c, struct ind_set *s, char *period, size_t n, char **err)
{
	period_format(c->p, period, n);
	return indview_load(c->db, c->p, c->region_id, s, err);
}

static int fill(const struct report_ctx *c, struct rtable *t, char **err)
{
	struct ind_set s;
	char period[16];
	int rc = load(c, &s, period, sizeof period, err);
	if (rc != ST_OK)
		return rc;
	fill_rows(&s, period, t);
	indview_free(&s);
	return ST_OK;
}

static int text(const struct report_ctx *c, FILE *out, char **err)
{
	struct ind_set s;
	char period[16];
	int rc = load(c, &s, period, sizeof period, err);
	if (rc != ST_OK)
		return rc;
	write_text(&s, period, out);
	indview_free(&s);
	return ST_OK;
}

const struct report_section report_indicators = {
	.key = "indicators",
	.title = N_("Indicators"),
	.columns = columns,
	.fill = fill,
	.text = text,
};
