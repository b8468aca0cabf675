/* pipeedit.c: the move form and the moves in the record view (see
 * pipeedit.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/pipe.h"
#include "core/record.h"
#include "core/util.h"
#include "tui/form.h"
#include "tui/pipeedit.h"

enum { MV_STAGE, MV_DAY, MV_REASON };

struct moveform {
	struct db *db;
	const struct profile *p;
	const struct choice_set *stages;
	long long id, version;
};

static int mv_save(void *ctx, struct form *fm, struct edit_conflict *c, char **msg)
{
	struct moveform *m = ctx;
	(void)c;
	const struct field *st = form_field(fm, MV_STAGE);
	const struct field *day = form_field(fm, MV_DAY);
	const struct field *why = form_field(fm, MV_REASON);
	const char *to = m->stages->v[st->choice].value;
	char *err = NULL;
	int rc = pipe_move(m->db, m->p, m->id, m->version, to, day->date, why->le.buf, &err);
	if (rc == ST_OK)
		return FORM_SAVED;
	*msg = err ? err : xstrdup(tr("Not saved"));
	return FORM_FAILED;
}

static void mv_reload(void *ctx, struct form *fm)
{
	(void)ctx;
	(void)fm;
}

static void mv_overrule(void *ctx, const struct edit_conflict *c)
{
	(void)ctx;
	(void)c;
}

static const struct form_ops mv_ops = {
	.save = mv_save,
	.reload = mv_reload,
	.overrule = mv_overrule,
};

const char *pipeedit_label(const struct profile *p)
{
	const struct choice_set *s = pipe_stages(p);
	if (s == NULL)
		return NULL;
	return s == &CH_TIER ? tr("Move on the ladder") : tr("Move to another stage");
}

int pipeedit_move(struct frame *f, struct db *db, const struct profile *p, long long id)
{
	struct moveform m = { .db = db, .p = p, .stages = pipe_stages(p), .id = id };
	struct record rec;
	char *err = NULL;
	if (m.stages == NULL)
		return 0;
	if (record_read(db, p, id, &rec, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		record_free(&rec);
		return 0;
	}
	m.version = rec.version;
	record_free(&rec);
	char *now = pipe_stage_of(db, p, id);
	const struct choice *cur = choice_by_value(m.stages, now);
	const char **labels = xcalloc(m.stages->n, sizeof *labels);
	for (size_t i = 0; i < m.stages->n; i++)
		labels[i] = choice_label(&m.stages->v[i]);
	char *label = record_label(db, p, id);
	char *title = xasprintf("%s %s", pipeedit_label(p), label ? label : "");
	struct form *fm = form_new(title, &mv_ops, &m);
	char *info = xasprintf(tr("Now: %s"), cur ? choice_label(cur) : "");
	form_info(fm, info);
	char today[11];
	snprintf(today, sizeof today, "%.10s", util_now());
	form_add(fm, FIELD_CHOICE, tr("Move to"), NULL);
	field_set_choices(form_field(fm, MV_STAGE), labels, m.stages->n);
	form_field(fm, MV_STAGE)->required = 1;
	form_add(fm, FIELD_DATE, tr("On"), today);
	form_field(fm, MV_DAY)->required = 1;
	form_add(fm, FIELD_TEXT, tr("Reason"), NULL);
	form_field(fm, MV_REASON)->le.maxchars = 200;
	form_save_as(fm, N_("Move"), N_("Record the move"));
	form_focus(fm, MV_STAGE);
	int moved = form_run(fm, f) == 1;
	form_free(fm);
	if (moved)
		frame_message(f, tr("Moved: %s"), label ? label : "");
	free(info);
	free(title);
	free(label);
	free(labels);
	free(now);
	return moved;
}

void pipeedit_history(struct frame *f, struct db *db, const struct profile *p, long long id,
                      struct grid *g)
{
	const struct choice_set *s = pipe_stages(p);
	struct pipe_step *st;
	size_t n;
	char *err = NULL;
	if (s == NULL)
		return;
	if (pipe_history(db, p, id, &st, &n, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		return;
	}
	const char *blank[] = { "", "" };
	grid_add(g, blank);
	const char *head[] = { s == &CH_TIER ? tr("Ladder moves") : tr("Stage moves"), "" };
	grid_add(g, head);
	if (n == 0) {
		const char *none[] = { "", tr("none recorded") };
		grid_add(g, none);
	}
	for (size_t i = 0; i < n; i++) {
		const struct choice *from = choice_by_value(s, st[i].from);
		const struct choice *to = choice_by_value(s, st[i].to);
		char *what = from ? xasprintf(tr("%s to %s"), choice_label(from), to ? choice_label(to) : st[i].to)
		                  : xstrdup(to ? choice_label(to) : st[i].to);
		char *who = st[i].batch_id
		    ? xasprintf(tr("%s (import batch %lld)"), st[i].login, st[i].batch_id)
		    : xstrdup(st[i].login);
		char *line = xasprintf("%s%s%s  %s", what, *st[i].reason ? tr(": ") : "", st[i].reason, who);
		const char *row[] = { st[i].on, line };
		grid_add(g, row);
		free(what);
		free(who);
		free(line);
	}
	pipe_history_free(st, n);
}
