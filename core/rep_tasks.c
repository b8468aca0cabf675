/* rep_tasks.c: the report's tasks section: for the period's year, each
 * region and task of every target that covers the year (the year's own
 * and any plan's span around it), the target, the actual up to the
 * year's end, the completion, the region's score and rank; the totals
 * row where the document has one; the city departments' row after it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/report.h"
#include "core/tasks.h"
#include "core/util.h"

/* The columns of the CSV report, in the order scripts rely on. */
static const char *const columns[] = {
	N_("region"), N_("task"), N_("year_from"), N_("year_to"), N_("target"), N_("actual"),
	N_("completion_pct"), N_("score"), N_("rank"), NULL
};

static void cells(const struct task_grid *g, size_t i, const char *region,
                  const struct task_cell *c, const struct task_row *w, struct rtable *t)
{
	rt_text(t, region);
	rt_text(t, g->col[i].name);
	rt_int(t, 1, g->from);
	rt_int(t, 1, g->to);
	rt_num(t, c->has_target, c->target, 4);
	rt_num(t, c->has_actual, c->actual, 4);
	rt_num(t, c->has_pct, c->pct, 1);
	rt_num(t, w != NULL && w->has_score, w ? w->score : 0, 1);
	rt_int(t, w != NULL && w->rank > 0, w ? w->rank : 0);
}

static void fill_grid(const struct report_ctx *c, const struct task_grid *g, struct rtable *t)
{
	int inside = 1;
	for (size_t r = 0; r <= g->nrow; r++) {
		const struct task_row *w = r < g->nrow ? &g->row[r] : NULL;
		/* the totals row between the regions and the rows outside them */
		if (inside && (w == NULL || w->outside)) {
			inside = 0;
			for (size_t i = 0; g->has_totals && c->region_id == 0 && i < g->ncol; i++)
				if (g->tot[i].has_target)
					cells(g, i, tr("total"), &g->tot[i], NULL, t);
		}
		if (w == NULL)
			break;
		if (c->region_id != 0 && w->region_id != c->region_id)
			continue;
		char *name = *w->responsible ? xasprintf(tr("%s (%s)"), w->region, w->responsible)
		                             : xstrdup(w->region);
		for (size_t i = 0; i < g->ncol; i++)
			if (w->c[i].has_target)
				cells(g, i, name, &w->c[i], w, t);
		free(name);
	}
}

static int fill(const struct report_ctx *c, struct rtable *t, char **err)
{
	struct task_span *sp;
	size_t n;
	int year = c->p.year;
	if (tasks_spans(c->db, &sp, &n, err) != ST_OK)
		return ST_DB;
	int rc = ST_OK;
	for (size_t k = 0; k < n && rc == ST_OK; k++) {
		if (year < sp[k].from || year > sp[k].to)
			continue;
		struct task_grid g;
		rc = tasks_load(c->db, sp[k].from, sp[k].to, year, &g, err);
		if (rc == ST_OK)
			fill_grid(c, &g, t);
		tasks_free(&g);
	}
	free(sp);
	rt_note(t, "%s", tr("completion_pct: actual against target up to the year's end; score: the "
	                    "weighted completion of the region's tasks, each capped (at 100 unless the "
	                    "year's weights say otherwise)"));
	return rc;
}

const struct report_section report_tasks = {
	.key = "tasks",
	.title = N_("Task tables"),
	.columns = columns,
	.fill = fill,
	.text = NULL,
};
