/* recedit.c: the record editor (see recedit.h).  A form field per field
 * of the profile: a choice for enums, yes/no and references, a date, a
 * whole number, a decimal (money in yuan), text with its limit.  Core
 * checks and saves; this turns fields into values and back. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/record.h"
#include "core/reftype.h"
#include "core/util.h"
#include "tui/ask.h"
#include "tui/form.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/recedit.h"
#include "tui/screen.h"

#define REC_LIST_MAX 50        /* rows of a long reference list held at a time */
#define REC_SMALL_MAX 10000    /* a small list is loaded whole, up to this */

/* The kind's name, for titles ("新增企业"). */
static const char *rec_noun(const struct profile *p)
{
	return profile_title(p);
}

/* A profile field in the form. */
struct recfield {
	int form;                       /* its index in the form; -1: not shown (derived) */
	const struct reftype *rt;       /* a reference's type, else NULL */
	char **stored;                  /* FIELD_CHOICE: each choice's stored value; owned */
	size_t nstored;
	char *fetched;                  /* a long list: the text its rows were read for; owned */
};

struct recform {
	struct frame *frame;            /* not owned */
	struct db *db;                  /* not owned */
	const struct profile *p;
	struct record rec;              /* as read (or new) */
	struct record_conflict conflict;
	struct recfield *rf;            /* p->n; owned */
	int gone;                       /* another clerk deleted it meanwhile */
};

static void rec_free_stored(struct recfield *rf)
{
	for (size_t k = 0; k < rf->nstored; k++)
		free(rf->stored[k]);
	free(rf->stored);
	rf->stored = NULL;
	rf->nstored = 0;
}

static void recform_free(struct recform *r)
{
	for (size_t i = 0; r->rf != NULL && i < r->p->n; i++) {
		rec_free_stored(&r->rf[i]);
		free(r->rf[i].fetched);
	}
	free(r->rf);
	record_conflict_free(&r->conflict);
	record_free(&r->rec);
}

/* Give choice field i these labels and stored values (both copied). */
static void rec_choices(struct recform *r, struct form *fm, size_t i, const char *const *labels,
                        const char *const *stored, size_t n)
{
	struct recfield *rf = &r->rf[i];
	rec_free_stored(rf);
	rf->stored = xcalloc(n ? n : 1, sizeof *rf->stored);
	for (size_t k = 0; k < n; k++)
		rf->stored[k] = xstrdup(stored[k]);
	rf->nstored = n;
	field_set_choices(form_field(fm, rf->form), labels, n);
}

/* A reference's rows matching `text` as its choices; `keep` (an id as
 * text, may be NULL) stays among them. */
static void rec_refs(struct recform *r, struct form *fm, size_t i, const char *text,
                     const char *keep)
{
	struct recfield *rf = &r->rf[i];
	struct ref_item *it = NULL;
	size_t n = 0;
	char *err = NULL;
	size_t max = rf->rt->small ? REC_SMALL_MAX : REC_LIST_MAX;
	if (reftype_match(r->db, rf->rt, text, max, &it, &n, &err) != ST_OK) {
		form_message(fm, "%s", err);
		free(err);
	}
	const char **labels = xcalloc(n + 1, sizeof *labels);
	char **ids = xcalloc(n + 1, sizeof *ids);
	size_t m = 0;
	char *kept = NULL;
	if (keep != NULL) {
		long long id = strtoll(keep, NULL, 10);
		int in = 0;
		for (size_t k = 0; k < n; k++)
			in |= it[k].id == id;
		if (!in && (kept = reftype_name(r->db, rf->rt, id)) != NULL) {
			labels[m] = kept;
			ids[m++] = xstrdup(keep);
		}
	}
	for (size_t k = 0; k < n; k++) {
		labels[m] = it[k].name;
		ids[m++] = xasprintf("%lld", it[k].id);
	}
	rec_choices(r, fm, i, labels, (const char *const *)ids, m);
	for (size_t k = 0; k < m; k++)
		free(ids[k]);
	free(ids);
	free(labels);
	free(kept);
	ref_items_free(it, n);
	free(rf->fetched);
	rf->fetched = xstrdup(text);
}

/* An enum's labels and values from the profile; yes and no for a flag. */
static void rec_enum(struct recform *r, struct form *fm, size_t i)
{
	const struct pfield *pf = &r->p->f[i];
	if (pf->type == FT_BOOL) {
		const char *labels[] = { tr("no"), tr("yes") }, *stored[] = { "0", "1" };
		rec_choices(r, fm, i, labels, stored, 2);
		return;
	}
	/* the kind's closed list (core/choice.h): labels in the UI language */
	const struct choice_set *cs = pf->choices;
	size_t n = cs != NULL ? cs->n : 0;
	const char **labels = xcalloc(n + 1, sizeof *labels);
	const char **stored = xcalloc(n + 1, sizeof *stored);
	for (size_t k = 0; k < n; k++) {
		labels[k] = choice_label(&cs->v[k]);
		stored[k] = cs->v[k].value;
	}
	rec_choices(r, fm, i, labels, stored, n);
	free(labels);
	free(stored);
}

static enum field_kind rec_kind(enum ftype t)
{
	switch (t) {
	case FT_INT: case FT_YEAR:  return FIELD_INT;
	case FT_REAL: case FT_CENTS: return FIELD_DECIMAL;
	case FT_DATE:               return FIELD_DATE;
	case FT_PERIOD:             return FIELD_PERIOD;
	case FT_TEXT: case FT_USCC: return FIELD_TEXT;
	default:                    return FIELD_CHOICE;    /* enum, yes/no, references */
	}
}

static void rec_fields(struct recform *r, struct form *fm)
{
	const struct profile *p = r->p;
	r->rf = xcalloc(p->n ? p->n : 1, sizeof *r->rf);
	for (size_t i = 0; i < p->n; i++) {
		const struct pfield *pf = &p->f[i];
		struct recfield *rf = &r->rf[i];
		rf->form = -1;
		if (pf->flags & PF_DERIVED)
			continue;
		char *label = record_field_name(p, i);
		rf->form = form_add(fm, rec_kind(pf->type), label, NULL);
		free(label);
		struct field *f = form_field(fm, rf->form);
		f->required = (pf->flags & PF_REQ) != 0;
		if (pf->type == FT_YEAR) {
			f->min = 1900;
			f->max = 2999;
		} else if (pf->type == FT_TEXT && pf->maxlen > 0) {
			f->le.maxchars = (size_t)pf->maxlen;
		} else if (pf->type == FT_USCC) {
			f->le.maxchars = 18;
		}
		rf->rt = reftype_of(pf->type);
		if (rf->rt != NULL)
			rec_refs(r, fm, i, "", r->rec.v[i]);
		else if (pf->type == FT_ENUM || pf->type == FT_BOOL)
			rec_enum(r, fm, i);
	}
}

/* The record's values into the fields, as the record now has them. */
static void rec_fill(struct recform *r, struct form *fm)
{
	for (size_t i = 0; i < r->p->n; i++) {
		struct recfield *rf = &r->rf[i];
		const char *v = r->rec.v[i];
		if (rf->form < 0)
			continue;
		if (rf->rt != NULL && !rf->rt->small)
			rec_refs(r, fm, i, "", v);
		enum ftype t = r->p->f[i].type;
		char *text = rf->rt != NULL || t == FT_ENUM || t == FT_BOOL || t == FT_CENTS
		    ? record_show(r->db, r->p, i, v) : xstrdup(v ? v : "");
		form_set(fm, rf->form, text);
		free(text);
	}
}

/* What field i of the form holds, as core takes it.  Caller frees. */
static char *rec_value(struct recform *r, struct form *fm, size_t i)
{
	const struct recfield *rf = &r->rf[i];
	const struct field *f = form_field(fm, rf->form);
	char buf[32];
	if (f->kind == FIELD_TEXT)
		return xstrdup(f->le.buf);
	if (!f->has_value)
		return NULL;
	switch (f->kind) {
	case FIELD_INT:
		return xasprintf("%lld", f->integer);
	case FIELD_DECIMAL:
		if (r->p->f[i].type == FT_CENTS)
			return xasprintf("%lld", llround(f->num * 100));
		return xasprintf("%.15g", f->num);
	case FIELD_DATE:
		return xstrdup(f->date);
	case FIELD_PERIOD:
		return xstrdup(period_format(f->period, buf, sizeof buf));
	case FIELD_CHOICE:
		return f->choice < rf->nstored ? xstrdup(rf->stored[f->choice]) : NULL;
	default:
		return xstrdup(f->le.buf);
	}
}

/* ---- another clerk's change ---- */

static const struct binding rec_conflict_keys[] = {
	{ 0, N_("Take theirs"), "r", N_("Take their version into the form") },
	{ 0, N_("Keep mine"), "k", N_("Keep what the form holds and save it over theirs") },
	{ 10, N_("Back"), "Esc", N_("Back to the form, nothing saved") },
	{ 0, NULL, NULL, NULL }
};

static const struct binding rec_gone_keys[] = {
	{ 0, N_("Add again"), "k", N_("Save what the form holds as a new record") },
	{ 10, N_("Back"), "Esc", N_("Back to the form, nothing saved (Esc there leaves it)") },
	{ 0, NULL, NULL, NULL }
};

struct recconflict {
	struct frame *frame;
	struct popup *pop;              /* owned */
};

static void rec_conflict_show(void *ctx, int resized)
{
	struct recconflict *k = ctx;
	if (frame_redraw(k->frame, resized) != 0) {
		doupdate();
		return;
	}
	if (resized || k->pop->win == NULL)
		popup_place(k->pop);
	if (k->pop->win != NULL) {
		popup_draw(k->pop, 1);
		touchwin(k->pop->win);
		wnoutrefresh(k->pop->win);
	}
	doupdate();
}

/* Another clerk saved (or deleted) the record since the form read it:
 * a window says who and when, and field by field what they saved beside
 * what the form holds.  Returns 'r' (take theirs), 'k' (keep mine: save
 * over theirs, or add it again) or 0 (back to the form). */
static int rec_conflict_ask(struct recform *r, struct frame *f)
{
	static const enum table_align align[] = { TA_LEFT, TA_LEFT, TA_LEFT, TA_LEFT };
	const struct record_conflict *c = &r->conflict;
	int gone = c->version == 0;
	const char *titles[] = { tr("Field"), tr("When you opened it"), tr("Theirs"), tr("Yours") };
	const char *gone_title[] = { tr("The record is gone") };
	char *title = gone
	    ? xasprintf(tr("%s deleted this record at %s"), *c->by ? c->by : tr("another clerk"),
	                *c->at ? c->at : "?")
	    : xasprintf(tr("%s saved this record at %s"), *c->by ? c->by : tr("another clerk"),
	                *c->at ? c->at : "?");
	struct recconflict k = { .frame = f, .pop = gone ? popup_new(title, 1, gone_title, align)
	                                                 : popup_new(title, 4, titles, align) };
	free(title);
	for (size_t n = 0; n < c->nch; n++) {
		size_t i = (size_t)c->ch[n].field;
		char *name = record_field_name(r->p, i);
		char *was = record_show(r->db, r->p, i, c->ch[n].before);
		char *theirs = record_show(r->db, r->p, i, c->ch[n].after);
		char *mine = record_show(r->db, r->p, i, r->rec.v[i]);
		const char *row[] = { name, was, theirs, mine };
		grid_add(&k.pop->grid, row);
		free(name);
		free(was);
		free(theirs);
		free(mine);
	}
	if (gone) {
		const char *row[] = { tr("k saves yours as a new record; Esc goes back to the form") };
		grid_add(&k.pop->grid, row);
	}
	popup_ready(k.pop, 0);
	k.pop->bindings = gone ? rec_gone_keys : rec_conflict_keys;
	const struct binding *bar = frame_set_keys(f, k.pop->bindings);
	int a = ask_key(f, (gone ? tr("k: add yours again   Esc: back to the form") : tr("r: take theirs   k: keep yours and save it over theirs   Esc: back")),
	                gone ? "k" : "rk", rec_conflict_show, &k);
	frame_set_keys(f, bar);
	popup_free(k.pop);
	frame_uncover(f);
	return a;
}

/* A message naming a field ("企业名称：必须填写"): go to that field. */
static void rec_focus_named(struct recform *r, struct form *fm, const char *msg)
{
	for (size_t i = 0; i < r->p->n; i++) {
		if (r->rf[i].form < 0)
			continue;
		char *name = record_field_name(r->p, i);
		size_t len = strlen(name);
		int hit = strncmp(msg, name, len) == 0 &&
		          (strncmp(msg + len, "：", 3) == 0 || msg[len] == ':');
		free(name);
		if (hit) {
			form_focus(fm, r->rf[i].form);
			return;
		}
	}
}

static void rec_reload(void *ctx, struct form *fm);

static int rec_save(void *ctx, struct form *fm, struct edit_conflict *c, char **msg)
{
	struct recform *r = ctx;
	char *err = NULL;
	(void)c;
	for (size_t i = 0; i < r->p->n; i++)
		if (r->rf[i].form >= 0) {
			free(r->rec.v[i]);
			r->rec.v[i] = rec_value(r, fm, i);
		}
	for (;;) {
		record_conflict_free(&r->conflict);
		int rc = record_save(r->db, &r->rec, &r->conflict, &err);
		if (rc == ST_OK)
			return FORM_SAVED;
		if (rc != ST_CONFLICT) {
			if (err != NULL)
				rec_focus_named(r, fm, err);
			*msg = err ? err : xstrdup(tr("Not saved"));
			return FORM_FAILED;
		}
		/* their change, shown here field by field; the clerk chooses */
		r->gone |= r->conflict.version == 0;
		switch (rec_conflict_ask(r, r->frame)) {
		case 'k':
			record_overrule(&r->rec, &r->conflict);
			continue;
		case 'r':
			rec_reload(r, fm);
			*msg = xstrdup(tr("Their version is in the form now; F2 saves it"));
			return FORM_FAILED;
		default:
			*msg = xstrdup(tr("Not saved"));
			return FORM_FAILED;
		}
	}
}

static void rec_reload(void *ctx, struct form *fm)
{
	struct recform *r = ctx;
	struct record now = { 0 };
	char *err = NULL;
	if (r->rec.id == 0 || record_read(r->db, r->p, r->rec.id, &now, &err) != ST_OK) {
		/* deleted meanwhile: what is typed can be added anew (F2), or left (Esc) */
		free(err);
		record_free(&now);
		form_message(fm, "%s", tr("Another clerk deleted this record after you opened it"));
		r->rec.id = r->rec.version = 0;
		return;
	}
	record_free(&r->rec);
	r->rec = now;
	rec_fill(r, fm);
}

static void rec_overrule(void *ctx, const struct edit_conflict *c)
{
	struct recform *r = ctx;
	(void)c;
	record_overrule(&r->rec, &r->conflict);
}

/* An enum's other names ("高企" for 高新技术企业): when no label holds the
 * text, the choice the profile gives for it. */
static void rec_enum_alias(struct recform *r, struct field *f, size_t i)
{
	char buf[128];
	const char *v = f->nmatch == 0 ? profile_enum_value(&r->p->f[i], f->le.buf, buf, sizeof buf)
	                               : NULL;
	for (size_t k = 0; v != NULL && k < r->rf[i].nstored; k++)
		if (strcmp(r->rf[i].stored[k], v) == 0) {
			f->match[0] = k;
			f->nmatch = 1;
			f->hl = 0;
			return;
		}
}

/* Typing in a reference list: read the rows that match now (by name,
 * alias, code, a document's number or short name: what core takes). */
static void rec_edited(void *ctx, struct form *fm, int fi)
{
	struct recform *r = ctx;
	for (size_t i = 0; i < r->p->n; i++) {
		struct recfield *rf = &r->rf[i];
		if (rf->form == fi && r->p->f[i].type == FT_ENUM)
			rec_enum_alias(r, form_field(fm, fi), i);
		if (rf->form != fi || rf->rt == NULL)
			continue;
		struct field *f = form_field(fm, fi);
		if (rf->fetched != NULL && strcmp(rf->fetched, f->le.buf) == 0)
			return;
		char *text = xstrdup(f->le.buf);
		rec_refs(r, fm, i, text, NULL);
		free(text);
		/* every row read matches (by name, alias or code): show them all */
		f->narrowing = 1;
		f->nmatch = f->nchoices;
		for (size_t k = 0; k < f->nchoices; k++)
			f->match[k] = k;
		f->hl = 0;
		return;
	}
}

static const struct form_ops rec_ops = {
	.save = rec_save,
	.reload = rec_reload,
	.overrule = rec_overrule,
	.edited = rec_edited,
};

/* "No. 12 · version 3 · last saved by clerk1 at 2025-12-01 09:30:00" */
static void rec_info(struct recform *r, struct form *fm)
{
	char *line;
	if (r->rec.id == 0)
		return;
	if (r->rec.updated_by != NULL)
		line = xasprintf(tr("No. %lld%sversion %lld%slast saved by %s at %s"), r->rec.id,
		                 scr_sep(), r->rec.version, scr_sep(), r->rec.updated_by,
		                 r->rec.updated_at ? r->rec.updated_at : "?");
	else
		line = xasprintf(tr("No. %lld%sversion %lld"), r->rec.id, scr_sep(), r->rec.version);
	form_info(fm, line);
	free(line);
}

/* The form over record r->rec (id 0: a new one).  1 if saved. */
static int rec_run(struct frame *f, struct recform *r)
{
	r->frame = f;
	char *title = xasprintf((r->rec.id ? tr("Edit %s") : tr("Add %s")), rec_noun(r->p));
	struct form *fm = form_new(title, &rec_ops, r);
	free(title);
	rec_info(r, fm);
	rec_fields(r, fm);
	rec_fill(r, fm);
	form_focus(fm, 0);
	int saved = form_run(fm, f);
	form_free(fm);
	if (saved) {
		char *label = record_label(r->db, r->p, r->rec.id);
		frame_message(f, tr("Saved: %s"), label ? label : "");
		free(label);
	}
	return saved;
}

long long recedit_add(struct frame *f, struct db *db, const struct profile *p)
{
	return recedit_add_preset(f, db, p, NULL);
}

long long recedit_add_preset(struct frame *f, struct db *db, const struct profile *p,
                             const char *const *preset)
{
	struct recform r = { .db = db, .p = p };
	record_init(&r.rec, p);
	for (size_t i = 0; preset != NULL && preset[i] != NULL; i += 2) {
		int k = record_field(p, preset[i]);
		if (k >= 0)
			record_set(&r.rec, (size_t)k, preset[i + 1]);
	}
	long long id = rec_run(f, &r) ? r.rec.id : 0;
	recform_free(&r);
	return id;
}

int recedit_edit(struct frame *f, struct db *db, const struct profile *p, long long id)
{
	struct recform r = { .db = db, .p = p };
	char *err = NULL;
	if (record_read(db, p, id, &r.rec, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		recform_free(&r);
		return 1;                       /* gone: the register reads again */
	}
	int saved = rec_run(f, &r) || r.gone;     /* gone: the register reads again */
	recform_free(&r);
	return saved;
}

/* ---- delete ---- */

/* Ask, then delete: 2 if deleted, 1 if it was changed or deleted by
 * another clerk meanwhile (read it again), 0 if not. */
static int rec_delete(struct frame *f, struct db *db, const struct profile *p, long long id,
                      ask_redraw_fn redraw, void *ctx)
{
	struct record rec;
	struct record_conflict c;
	char *err = NULL;
	if (record_read(db, p, id, &rec, &err) != ST_OK) {
		frame_message(f, "%s", err);
		free(err);
		record_free(&rec);
		return 1;
	}
	char *label = record_label(db, p, id);
	char *q = xasprintf(tr("Delete %s %s? y/n"), rec_noun(p), label ? label : "");
	int yes = ask_yes(f, q, redraw, ctx);
	free(q);
	int rc = yes ? record_delete(db, &rec, &c, &err) : ST_USAGE;
	if (rc == ST_OK) {
		frame_message(f, tr("Deleted: %s"), label ? label : "");
	} else if (rc == ST_CONFLICT && c.version == 0) {
		frame_message(f, "%s", tr("Another clerk deleted it already"));
	} else if (rc == ST_CONFLICT) {
		char *what = record_changes_text(db, p, c.ch, c.nch);
		frame_message(f, tr("Not deleted: %s changed it at %s (%s); look again"), c.by, c.at, what);
		free(what);
		record_conflict_free(&c);
	} else if (rc != ST_USAGE) {
		frame_message(f, "%s", err ? err : tr("Not deleted"));
	}
	free(err);
	free(label);
	record_free(&rec);
	return rc == ST_OK ? 2 : rc == ST_CONFLICT;
}

int recedit_delete(struct frame *f, struct db *db, const struct profile *p, long long id)
{
	return rec_delete(f, db, p, id, NULL, NULL) != 0;
}

/* ---- view ---- */

static const struct binding view_keys[] = {
	{ 4, N_("Edit"), "e  F4", N_("Edit this record") },
	{ 8, N_("Delete"), "d  Delete  F8", N_("Delete this record (asks first)") },
	{ 10, N_("Close"), "Esc  F10  q  Enter", N_("Close this window") },
	{ 0, NULL, "Up Down  PgUp PgDn", N_("Scroll") },
	{ 0, NULL, NULL, NULL }
};

struct recview {
	struct frame *frame;
	struct db *db;
	const struct profile *p;
	long long id;
	struct popup *pop;             /* owned */
};

static const char *rec_action(const struct record_event *e)
{
	if (strcmp(e->action, "insert") == 0)
		return tr("added");
	if (strcmp(e->action, "delete") == 0)
		return tr("deleted");
	return tr("changed");
}

/* One change as the history shows it: "名称：甲 改为 乙", or for an
 * insert or delete the value alone. */
static char *rec_change_text(struct recview *v, const struct record_event *e,
                             const struct record_change *ch)
{
	if (strcmp(e->action, "update") == 0)
		return record_changes_text(v->db, v->p, ch, 1);
	char *name = record_field_name(v->p, (size_t)ch->field);
	char *s = record_show(v->db, v->p, (size_t)ch->field, ch->after ? ch->after : ch->before);
	char *t = xasprintf("%s%s%s", name, tr(": "), s);
	free(name);
	free(s);
	return t;
}

static void rec_view_history(struct recview *v)
{
	struct record_event *ev;
	size_t n;
	char *err = NULL;
	if (record_history(v->db, v->p, v->id, &ev, &n, &err) != ST_OK) {
		frame_message(v->frame, "%s", err);
		free(err);
		return;
	}
	const char *head[] = { "", "" };
	grid_add(&v->pop->grid, head);
	const char *title[] = { tr("Changes"), "" };
	grid_add(&v->pop->grid, title);
	for (size_t k = 0; k < n; k++) {
		const struct record_event *e = &ev[k];
		char *who = e->batch_id
		    ? xasprintf(tr("%s %s (import batch %lld)"), e->login, rec_action(e), e->batch_id)
		    : xasprintf("%s %s", e->login, rec_action(e));
		const char *row[] = { e->at, who };
		grid_add(&v->pop->grid, row);
		free(who);
		for (size_t c = 0; c < e->nch; c++) {
			char *t = rec_change_text(v, e, &e->ch[c]);
			const char *more[] = { "", t };
			grid_add(&v->pop->grid, more);
			free(t);
		}
	}
	record_history_free(ev, n);
}

/* The records that refer to this one (an institute's partnerships,
 * platforms, events, projects, achievements, talents), by kind. */
static void rec_view_referring(struct recview *v)
{
	struct record_ref *refs;
	size_t n;
	char *err = NULL;
	if (record_referring(v->db, v->p, v->id, &refs, &n, &err) != ST_OK) {
		frame_message(v->frame, "%s", err);
		free(err);
		return;
	}
	if (n > 0) {
		const char *gap[] = { "", "" };
		grid_add(&v->pop->grid, gap);
		const char *title[] = { tr("Referred to by"), "" };
		grid_add(&v->pop->grid, title);
	}
	for (size_t i = 0; i < n; i++) {
		char *label = record_label(v->db, refs[i].p, refs[i].id);
		const char *row[] = { i == 0 || refs[i].p != refs[i - 1].p ? profile_title(refs[i].p) : "",
		                      label ? label : "" };
		grid_add(&v->pop->grid, row);
		free(label);
	}
	free(refs);
}

/* Read the record and its history into the window.  -1 if it is gone. */
static int rec_view_fill(struct recview *v)
{
	struct record rec;
	char *err = NULL;
	if (record_read(v->db, v->p, v->id, &rec, &err) != ST_OK) {
		frame_message(v->frame, "%s", err);
		free(err);
		record_free(&rec);
		return -1;
	}
	grid_free(&v->pop->grid);
	grid_init(&v->pop->grid, 2);
	for (size_t i = 0; i < v->p->n; i++) {
		if (v->p->f[i].flags & PF_DERIVED)
			continue;
		char *name = record_field_name(v->p, i);
		char *value = record_show(v->db, v->p, i, rec.v[i]);
		const char *row[] = { name, value };
		grid_add(&v->pop->grid, row);
		free(name);
		free(value);
	}
	rec_view_referring(v);
	rec_view_history(v);
	record_free(&rec);
	size_t keep = table_selected(&v->pop->table);
	popup_ready(v->pop, keep == (size_t)-1 ? 0 : keep);
	return 0;
}

static void rec_view_show(void *ctx, int resized)
{
	struct recview *v = ctx;
	if (frame_redraw(v->frame, resized) != 0) {
		doupdate();
		return;
	}
	if (resized || v->pop->win == NULL)
		popup_place(v->pop);
	if (v->pop->win != NULL) {
		popup_draw(v->pop, 1);
		touchwin(v->pop->win);
		wnoutrefresh(v->pop->win);
	}
	doupdate();
}

int recedit_view(struct frame *f, struct db *db, const struct profile *p, long long id)
{
	static const enum table_align align[] = { TA_LEFT, TA_LEFT };
	const char *titles[] = { tr("Field"), tr("Content") };
	struct recview v = { .frame = f, .db = db, .p = p, .id = id };
	char *label = record_label(db, p, id);
	char *title = xasprintf("%s %s", rec_noun(p), label ? label : "");
	int result = RECEDIT_NONE, done = 0, resized = 1;
	v.pop = popup_new(title, 2, titles, align);
	free(title);
	free(label);
	if (rec_view_fill(&v) != 0) {
		popup_free(v.pop);
		return RECEDIT_DELETED;
	}
	const struct binding *bar = frame_set_keys(f, view_keys);
	while (!done) {
		rec_view_show(&v, resized);
		resized = 0;
		untouchwin(stdscr);   /* reading keys from it must not repaint it */
		int k = keys_read(stdscr, 300);
		if (k == KC_NONE)
			continue;
		if (k == KC_KEY(KEY_RESIZE)) {
			resized = 1;
			continue;
		}
		frame_clear_message(f);
		switch (k) {
		case 'e': case KC_F(4):
			if (recedit_edit(f, db, p, id)) {
				result = RECEDIT_SAVED;
				done = rec_view_fill(&v) != 0;
				resized = 1;
			}
			break;
		case 'd': case KC_KEY(KEY_DC): case KC_F(8):
			switch (rec_delete(f, db, p, id, rec_view_show, &v)) {
			case 2:
				result = RECEDIT_DELETED;
				done = 1;
				break;
			case 1:                 /* another clerk's change: show it */
				result = RECEDIT_SAVED;
				if (rec_view_fill(&v) != 0) {
					result = RECEDIT_DELETED;
					done = 1;
				}
				break;
			}
			break;
		case KC_ESC: case 'q': case KC_F(10): case '\n':
			done = 1;
			break;
		default:
			table_key(&v.pop->table, k);
		}
	}
	frame_set_keys(f, bar);
	popup_free(v.pop);
	frame_uncover(f);
	return result;
}
