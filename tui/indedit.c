/* indedit.c: observation and target forms of the indicator screen (see
 * indedit.h).  The form (tui/form.h) does the typing and the checks; this
 * turns its fields into records of core/edit.h and back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/edit.h"
#include "core/i18n.h"
#include "core/util.h"
#include "tui/ask.h"
#include "tui/form.h"
#include "tui/indedit.h"
#include "tui/screen.h"

#define IND_NOTE_CHARS 60     /* a note fits the record's 256 bytes */

/* A figure as the forms show it. */
static const char *ind_num(char *buf, size_t size, double v)
{
	return fmt_num(buf, size, v, 6);
}

/* Their value in a conflict, as SQLite gave it ("315.0"), shown like ours. */
static void ind_conflict_value(struct edit_conflict *c)
{
	char *end;
	double v = strtod(c->value, &end);
	if (*c->value && *end == '\0')
		ind_num(c->value, sizeof c->value, v);
}

/* "高新技术企业数量 (家)" and "目标 300 (2025) · 基期 200 (2020)". */
static void ind_form_info(struct form *fm, const struct ind_row *r)
{
	char a[32], b[32];
	char *line = r->unit && *r->unit ? xasprintf(tr("%s (%s)"), r->name, r->unit) : xstrdup(r->name);
	form_info(fm, line);
	free(line);
	if (r->has_target && r->has_baseline)
		line = xasprintf("%s %s%s (%d)%s%s %s (%d)", tr("Target"),
		                 strcmp(r->target.cmp, "=") ? r->target.cmp : "",
		                 ind_num(a, sizeof a, r->target.value), r->target.year, scr_sep(),
		                 tr("Baseline"), ind_num(b, sizeof b, r->baseline), r->baseline_year);
	else if (r->has_target)
		line = xasprintf("%s %s%s (%d)", tr("Target"),
		                 strcmp(r->target.cmp, "=") ? r->target.cmp : "",
		                 ind_num(a, sizeof a, r->target.value), r->target.year);
	else
		line = xstrdup(tr("No target for this indicator in this region"));
	form_info(fm, line);
	free(line);
}

/* ---- observations ---- */

struct obsform {
	struct db *db;                      /* not owned */
	const struct region_list *regions;  /* not owned */
	struct obs_rec rec;                 /* the cell being edited, as read */
	int f_region, f_period, f_value, f_note;
};

/* The region and period the form's fields name now. */
static long long obs_form_region(struct obsform *o, struct form *fm)
{
	const struct field *f = form_field(fm, o->f_region);
	return f->choice < o->regions->n ? o->regions->items[f->choice].id : o->rec.region_id;
}

static const char *obs_region_name(const struct obsform *o, long long id)
{
	for (size_t i = 0; i < o->regions->n; i++)
		if (o->regions->items[i].id == id)
			return o->regions->items[i].name;
	return "?";
}

/* The form was pointed at another cell: read that cell's version, and
 * say so if it already holds a figure (saving will replace it). */
static void obs_retarget(struct obsform *o, struct form *fm)
{
	long long reg = obs_form_region(o, fm);
	const char *per = form_field(fm, o->f_period)->le.buf;
	struct obs_rec now;
	char *err = NULL, num[32];
	if (reg == o->rec.region_id && strcmp(per, o->rec.period) == 0)
		return;
	if (obs_read(o->db, o->rec.indicator_id, reg, per, &now, &err) != ST_OK) {
		form_message(fm, "%s", err);
		free(err);
		return;
	}
	o->rec = now;
	if (now.id && now.has_value)
		form_message(fm, tr("%s %s already has %s (%s, %s); saving replaces it"),
		             obs_region_name(o, reg), per, ind_num(num, sizeof num, now.value),
		             now.updated_by, now.updated_at);
}

static void obs_left(void *ctx, struct form *fm, int i)
{
	struct obsform *o = ctx;
	if (i == o->f_region || i == o->f_period)
		obs_retarget(o, fm);
}

static int obs_save_cb(void *ctx, struct form *fm, struct edit_conflict *c, char **msg)
{
	struct obsform *o = ctx;
	const struct field *v = form_field(fm, o->f_value);
	obs_retarget(o, fm);
	o->rec.has_value = v->has_value;
	o->rec.value = v->num;
	snprintf(o->rec.note, sizeof o->rec.note, "%s", form_field(fm, o->f_note)->le.buf);
	int rc = obs_save(o->db, &o->rec, c, msg);
	if (rc == ST_CONFLICT) {
		ind_conflict_value(c);
		return FORM_CONFLICT;
	}
	return rc == ST_OK ? FORM_SAVED : FORM_FAILED;
}

static void obs_fill(struct obsform *o, struct form *fm)
{
	char num[32];
	form_set(fm, o->f_value, o->rec.has_value ? ind_num(num, sizeof num, o->rec.value) : "");
	form_set(fm, o->f_note, o->rec.note);
}

static void obs_reload(void *ctx, struct form *fm)
{
	struct obsform *o = ctx;
	struct obs_rec now;
	char *err = NULL;
	if (obs_read(o->db, o->rec.indicator_id, o->rec.region_id, o->rec.period, &now, &err) != ST_OK) {
		form_message(fm, "%s", err);
		free(err);
		return;
	}
	o->rec = now;
	obs_fill(o, fm);
}

static void obs_overrule(void *ctx, const struct edit_conflict *c)
{
	struct obsform *o = ctx;
	struct obs_rec now;
	/* the row mine goes over: the one there now (another clerk may have
	 * added the cell after this form was opened as a new one) */
	if (obs_read(o->db, o->rec.indicator_id, o->rec.region_id, o->rec.period, &now, NULL) == ST_OK)
		o->rec.id = now.id;
	o->rec.version = c->version;
	if (c->version == 0)
		o->rec.id = 0;
}

static const struct form_ops obs_ops = {
	.save = obs_save_cb,
	.reload = obs_reload,
	.overrule = obs_overrule,
	.left = obs_left,
};

/* The record `correct` means: the cell's at the period, else the latest
 * figure before it.  id 0 if there is none. */
static int obs_find(struct db *db, const struct ind_row *r, struct period period,
                    struct obs_rec *rec, char **err)
{
	char per[16];
	period_format(period, per, sizeof per);
	if (obs_read(db, r->indicator_id, r->region_id, per, rec, err) != ST_OK)
		return ST_DB;
	if (rec->id == 0 && r->has_actual)
		return obs_read(db, r->indicator_id, r->region_id, r->actual_period, rec, err);
	return ST_OK;
}

int indedit_obs(struct frame *f, struct db *db, const struct region_list *regions,
                const struct ind_row *r, struct period period, int correct)
{
	struct obsform o = { .db = db, .regions = regions };
	char *err = NULL;
	if (regions->n == 0) {
		frame_message(f, "%s", tr("This database has no regions"));
		return 0;
	}
	char per[16];
	period_format(period, per, sizeof per);
	int rc = correct ? obs_find(db, r, period, &o.rec, &err)
	                 : obs_read(db, r->indicator_id, r->region_id, per, &o.rec, &err);
	if (rc != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		return 0;
	}
	if (correct && o.rec.id == 0) {
		frame_message(f, "%s", tr("No figure to correct yet; a adds one"));
		return 0;
	}
	const char **names = xcalloc(regions->n, sizeof *names);
	for (size_t i = 0; i < regions->n; i++)
		names[i] = regions->items[i].name;
	struct form *fm = form_new((correct ? tr("Correct a figure") : tr("Add a figure")), &obs_ops, &o);
	ind_form_info(fm, r);
	o.f_region = form_add(fm, FIELD_CHOICE, tr("Region"), r->region);
	field_set_choices(form_field(fm, o.f_region), names, regions->n);
	form_field(fm, o.f_region)->required = 1;
	o.f_period = form_add(fm, FIELD_PERIOD, tr("Period"), o.rec.period);
	form_field(fm, o.f_period)->required = 1;
	o.f_value = form_add(fm, FIELD_DECIMAL, tr("Value"), NULL);
	form_field(fm, o.f_value)->required = 1;
	o.f_note = form_add(fm, FIELD_TEXT, tr("Note"), NULL);
	form_field(fm, o.f_note)->le.maxchars = IND_NOTE_CHARS;
	free(names);
	if (correct) {
		obs_fill(&o, fm);
	} else if (o.rec.id && o.rec.has_value) {
		/* a new figure for a cell that has one: the form starts empty,
		 * and saving replaces it (at the version read now) */
		char num[32];
		frame_message(f, tr("%s %s already has %s (%s, %s); saving replaces it"),
		              r->region, o.rec.period, ind_num(num, sizeof num, o.rec.value),
		              o.rec.updated_by, o.rec.updated_at);
	}
	form_focus(fm, o.f_value);
	int saved = form_run(fm, f);
	if (saved == 1)
		frame_message(f, tr("Saved: %s %s %s"), r->name, obs_region_name(&o, o.rec.region_id),
		              o.rec.period);
	else if (saved == 2)
		frame_message(f, tr("Left deleted: %s %s %s"), r->name,
		              obs_region_name(&o, o.rec.region_id), o.rec.period);
	form_free(fm);
	return saved != 0;
}

int indedit_obs_delete(struct frame *f, struct db *db, const struct ind_row *r,
                       struct period period)
{
	struct obs_rec rec;
	struct edit_conflict c;
	char *err = NULL, num[32];
	if (obs_find(db, r, period, &rec, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		return 0;
	}
	if (rec.id == 0) {
		frame_message(f, "%s", tr("No figure to delete"));
		return 0;
	}
	char *q = xasprintf(tr("Delete %s %s %s = %s? y/n"), r->name, r->region, rec.period,
	                    rec.has_value ? ind_num(num, sizeof num, rec.value) : "-");
	int yes = ask_yes(f, q, NULL, NULL);
	free(q);
	if (!yes)
		return 0;
	int rc = obs_delete(db, &rec, &c, &err);
	if (rc == ST_CONFLICT) {
		ind_conflict_value(&c);
		if (c.version == 0 && *c.by)
			frame_message(f, tr("Deleted already, by %s at %s"), c.by, c.at);
		else if (c.version == 0)
			frame_message(f, "%s", tr("Another clerk deleted it already"));
		else
			frame_message(f, tr("Not deleted: changed by %s at %s to %s; look again"),
			              c.by, c.at, c.value);
		return 1;
	}
	if (rc != ST_OK) {
		frame_message(f, "%s", err ? err : tr("Not deleted"));
		free(err);
		return 0;
	}
	frame_message(f, tr("Deleted: %s %s %s"), r->name, r->region, rec.period);
	return 1;
}

/* ---- targets ---- */

static const char *const tgt_cmps[] = { "=", ">=", "<=", "~" };

struct tgtform {
	struct db *db;                  /* not owned */
	struct target_rec rec;
	struct doc_item *docs;          /* owned */
	size_t ndocs;
	int f_doc, f_year, f_cmp, f_value, f_byear, f_base, f_note;
};

static size_t tgt_doc_index(const struct tgtform *t, long long id)
{
	for (size_t i = 0; i < t->ndocs; i++)
		if (t->docs[i].id == id)
			return i;
	return t->ndocs;
}

static char *tgt_doc_label(const struct doc_item *d)
{
	return xasprintf(tr("%s (%s)"), d->label, d->issued_on ? d->issued_on : "");
}

static void tgt_fill(struct tgtform *t, struct form *fm)
{
	char num[32];
	size_t d = tgt_doc_index(t, t->rec.doc_id);
	char *doc = d < t->ndocs ? tgt_doc_label(&t->docs[d]) : xstrdup("");
	char *year = t->rec.year ? xasprintf("%d", t->rec.year) : xstrdup("");
	char *byear = t->rec.has_baseline ? xasprintf("%d", t->rec.baseline_year) : xstrdup("");
	form_set(fm, t->f_doc, doc);
	form_set(fm, t->f_year, year);
	form_set(fm, t->f_cmp, t->rec.cmp);
	form_set(fm, t->f_value, t->rec.id ? ind_num(num, sizeof num, t->rec.value) : "");
	form_set(fm, t->f_byear, byear);
	form_set(fm, t->f_base, t->rec.has_baseline ? ind_num(num, sizeof num, t->rec.baseline) : "");
	form_set(fm, t->f_note, t->rec.note);
	free(doc);
	free(year);
	free(byear);
}

static int tgt_save_cb(void *ctx, struct form *fm, struct edit_conflict *c, char **msg)
{
	struct tgtform *t = ctx;
	const struct field *byear = form_field(fm, t->f_byear), *base = form_field(fm, t->f_base);
	if (byear->has_value != base->has_value) {
		*msg = xstrdup(tr("Give both the baseline year and the baseline figure, or neither"));
		form_focus(fm, byear->has_value ? t->f_base : t->f_byear);
		return FORM_FAILED;
	}
	t->rec.doc_id = t->docs[form_field(fm, t->f_doc)->choice].id;
	t->rec.year = (int)form_field(fm, t->f_year)->integer;
	snprintf(t->rec.cmp, sizeof t->rec.cmp, "%s", tgt_cmps[form_field(fm, t->f_cmp)->choice]);
	t->rec.value = form_field(fm, t->f_value)->num;
	t->rec.has_baseline = byear->has_value;
	t->rec.baseline_year = (int)byear->integer;
	t->rec.baseline = base->num;
	snprintf(t->rec.note, sizeof t->rec.note, "%s", form_field(fm, t->f_note)->le.buf);
	char *err = NULL;
	int rc = target_save(t->db, &t->rec, c, &err);
	if (rc == ST_CONFLICT) {
		free(err);
		ind_conflict_value(c);
		return FORM_CONFLICT;
	}
	if (rc != ST_OK) {
		*msg = xstrdup(err ? tr(err) : tr("Not saved"));
		free(err);
		return FORM_FAILED;
	}
	return FORM_SAVED;
}

static void tgt_reload(void *ctx, struct form *fm)
{
	struct tgtform *t = ctx;
	struct target_rec now;
	char *err = NULL;
	if (target_read(t->db, t->rec.id, &now, &err) != ST_OK) {
		/* deleted meanwhile: what is typed becomes a new target */
		form_message(fm, "%s", tr("Another clerk deleted this record after you opened it"));
		free(err);
		t->rec.id = t->rec.version = 0;
		return;
	}
	t->rec = now;
	tgt_fill(t, fm);
}

static void tgt_overrule(void *ctx, const struct edit_conflict *c)
{
	struct tgtform *t = ctx;
	t->rec.version = c->version;
	if (c->version == 0)
		t->rec.id = 0;
}

static const struct form_ops tgt_ops = {
	.save = tgt_save_cb,
	.reload = tgt_reload,
	.overrule = tgt_overrule,
	.left = NULL,
};

static void tgt_fields(struct tgtform *t, struct form *fm)
{
	char **labels = xcalloc(t->ndocs ? t->ndocs : 1, sizeof *labels);
	for (size_t i = 0; i < t->ndocs; i++)
		labels[i] = tgt_doc_label(&t->docs[i]);
	t->f_doc = form_add(fm, FIELD_CHOICE, tr("Document"), NULL);
	field_set_choices(form_field(fm, t->f_doc), (const char *const *)labels, t->ndocs);
	form_field(fm, t->f_doc)->required = 1;
	for (size_t i = 0; i < t->ndocs; i++)
		free(labels[i]);
	free(labels);
	t->f_year = form_add(fm, FIELD_INT, tr("Year"), NULL);
	form_field(fm, t->f_year)->required = 1;
	form_field(fm, t->f_year)->min = 1900;
	form_field(fm, t->f_year)->max = 2999;
	t->f_cmp = form_add(fm, FIELD_CHOICE, tr("Comparator"), NULL);
	field_set_choices(form_field(fm, t->f_cmp), tgt_cmps, 4);
	form_field(fm, t->f_cmp)->required = 1;
	t->f_value = form_add(fm, FIELD_DECIMAL, tr("Target"), NULL);
	form_field(fm, t->f_value)->required = 1;
	t->f_byear = form_add(fm, FIELD_INT, tr("Baseline year"), NULL);
	form_field(fm, t->f_byear)->min = 1900;
	form_field(fm, t->f_byear)->max = 2999;
	t->f_base = form_add(fm, FIELD_DECIMAL, tr("Baseline"), NULL);
	t->f_note = form_add(fm, FIELD_TEXT, tr("Note"), NULL);
	form_field(fm, t->f_note)->le.maxchars = IND_NOTE_CHARS;
}

int indedit_target(struct frame *f, struct db *db, const struct ind_row *r, long long target_id)
{
	struct tgtform t = { .db = db };
	char *err = NULL;
	int rc = target_id ? target_read(db, target_id, &t.rec, &err) : ST_OK;
	if (rc == ST_OK)
		rc = docs_list(db, &t.docs, &t.ndocs, &err);
	if (rc != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		return 0;
	}
	if (!target_id) {
		t.rec.indicator_id = r->indicator_id;
		t.rec.region_id = r->region_id;
		t.rec.year = r->has_target ? r->target.year : period_now(0).year;
		snprintf(t.rec.cmp, sizeof t.rec.cmp, "=");
		if (r->has_baseline) {
			t.rec.has_baseline = 1;
			t.rec.baseline_year = r->baseline_year;
			t.rec.baseline = r->baseline;
		}
	}
	struct form *fm = form_new((target_id ? tr("Edit a target") : tr("Add a target")), &tgt_ops, &t);
	ind_form_info(fm, r);
	char *where = xasprintf(tr("%s: %s"), tr("Region"), r->region);
	form_info(fm, where);
	free(where);
	tgt_fields(&t, fm);
	tgt_fill(&t, fm);
	form_focus(fm, target_id ? t.f_value : t.f_doc);
	int saved = form_run(fm, f);
	if (saved == 1)
		frame_message(f, tr("Saved: the target of %s for %d"), r->name, t.rec.year);
	else if (saved == 2)
		frame_message(f, tr("Left deleted: the target of %s for %d"), r->name, t.rec.year);
	form_free(fm);
	docs_free(t.docs, t.ndocs);
	return saved != 0;
}
