/* impscreen.c: the imports screen (see impscreen.h).  The import itself
 * is core/import.c; this screen asks for the file, shows the dry run and
 * the progress, and lists the batches with undo. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/batch.h"
#include "core/guess.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/profile.h"
#include "core/region.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/ask.h"
#include "tui/form.h"
#include "tui/grid.h"
#include "tui/impscreen.h"
#include "tui/keys.h"
#include "tui/pathcomp.h"
#include "tui/popup.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "tui/text.h"

enum { B_ID, B_KIND, B_FILE, B_NEW, B_CHANGED, B_SAME, B_BY, B_AT, B_UNDONE, NB };

struct impscreen {
	struct db *db;                 /* not owned */
	struct grid grid;              /* the batches, newest first; owned */
	long long *ids;                /* their ids; owned */
	struct table_col cols[NB];
	struct table table;
	struct frame *frame;           /* not owned */
	char *error;                   /* owned */

	/* the file being imported, between the dry run and applying it */
	char *path, *kind, *period, *region;   /* owned */
	int complete;                  /* the file lists every record of the region */
	struct grid msgs;              /* the dry run's messages: kind, line, text */
	struct import_result dry;
	struct timespec started;       /* of the run, for rows per second */
	struct timespec drawn;         /* when the progress was last drawn */
	const char     *phase;         /* the phase it showed */
};

static const struct binding imp_keys[] = {
	{ 7, N_("Import"), "i  a  Insert  F7", N_("Import a file: first a dry run, then apply it") },
	{ 8, N_("Undo"), "u  d  Delete  F8", N_("Undo the selected batch (asks first)") },
	{ 5, N_("Refresh"), "F5", N_("Read the list of batches again") },
	{ 0, NULL, "Enter", N_("Everything about the selected batch") },
	{ 0, NULL, "Up Down  j k  PgUp PgDn  g G", N_("Move in the list") },
	{ 0, NULL, NULL, NULL }
};

/* ---- the list of batches ---- */

struct collect {
	struct impscreen *s;
	size_t cap;
};

static void add_batch(void *ctx, const struct batch_info *b)
{
	struct collect *c = ctx;
	struct impscreen *s = c->s;
	char id[24], n[3][24];
	snprintf(id, sizeof id, "%lld", b->id);
	snprintf(n[0], sizeof n[0], "%ld", b->rows_new);
	snprintf(n[1], sizeof n[1], "%ld", b->rows_changed);
	snprintf(n[2], sizeof n[2], "%ld", b->rows_unchanged);
	const char *row[NB] = { id, tr(b->kind), b->file_name, n[0], n[1], n[2], b->login,
	                        b->started_at, b->undone_at ? b->undone_at : "" };
	grid_add(&s->grid, row);
	if (s->grid.nrows > c->cap) {
		c->cap = s->grid.nrows * 2;
		s->ids = xrealloc(s->ids, c->cap * sizeof *s->ids);
	}
	s->ids[s->grid.nrows - 1] = b->id;
}

/* Newest first: the list comes oldest first, so reverse it. */
static void reverse(struct impscreen *s)
{
	size_t n = s->grid.nrows;
	int w = s->grid.ncols;
	for (size_t i = 0; i < n / 2; i++) {
		size_t j = n - 1 - i;
		for (int c = 0; c < w; c++) {
			char *t = s->grid.cells[i * w + c];
			s->grid.cells[i * w + c] = s->grid.cells[j * w + c];
			s->grid.cells[j * w + c] = t;
		}
		long long t = s->ids[i];
		s->ids[i] = s->ids[j];
		s->ids[j] = t;
	}
}

static void imp_load(struct impscreen *s)
{
	struct collect c = { s, 0 };
	grid_free(&s->grid);
	grid_init(&s->grid, NB);
	free(s->ids);
	s->ids = NULL;
	free(s->error);
	s->error = NULL;
	if (batch_list(s->db, add_batch, &c, &s->error) == ST_OK)
		reverse(s);
	for (int i = 0; i < NB; i++) {
		int w = grid_width(&s->grid, i), tw = width_str(s->cols[i].title);
		s->cols[i].max = w > tw ? w : tw;
		s->cols[i].min = i == B_FILE ? 8 : s->cols[i].max;
	}
	table_reload(&s->table);
	table_relayout(&s->table);
}

/* ---- progress, drawn on the status line while core works ---- */

static double since(const struct timespec *a)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - a->tv_sec) + (now.tv_nsec - a->tv_nsec) / 1e9;
}

static void imp_progress(void *ctx, const char *phase, long rows, long long done, long long total)
{
	struct impscreen *s = ctx;
	/* ten frames a second is plenty over SSH; a new phase is shown at once
	 * (the last of reading is followed within a moment by the writing) */
	if (since(&s->drawn) < 0.1 && s->phase != NULL && strcmp(s->phase, phase) == 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &s->drawn);
	s->phase = phase;
	double secs = since(&s->started);
	int pct = total > 0 ? (int)(100 * done / total) : 0;
	char bar[24];
	int fill = pct * 20 / 100;
	for (int i = 0; i < 20; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[20] = '\0';
	char *line = xasprintf(" [%s] %3d%%  %s  %s %ld  %s %.0f", bar, pct, tr(phase), tr("rows"),
	                       rows, tr("rows/s"), secs > 0 ? rows / secs : 0.0);
	scr_put(stdscr, LINES - 2, 0, line, COLS, -1, scr_attr(ROLE_STATUS));
	free(line);
	wnoutrefresh(stdscr);
	doupdate();
}

static void imp_message(void *ctx, enum import_sev sev, const char *text)
{
	struct impscreen *s = ctx;
	static const char *const sevs[] = { N_("error"), N_("warning"), N_("note") };
	/* "FILE:LINE: column ...": the file is known; show the line apart */
	const char *rest = text;
	char line[24] = "";
	size_t plen = strlen(s->path);
	if (strncmp(text, s->path, plen) == 0 && text[plen] == ':') {
		const char *p = text + plen + 1;
		char *end;
		long n = strtol(p, &end, 10);
		if (end != p && *end == ':') {
			snprintf(line, sizeof line, "%ld", n);
			rest = end + 1;
		} else {
			rest = p;
		}
		while (*rest == ' ')
			rest++;
	}
	const char *row[3] = { tr(sevs[sev]), line, rest };
	grid_add(&s->msgs, row);
}

static int imp_run(struct impscreen *s, int dry, struct import_result *r)
{
	struct import_opts o = {
		.kind = s->kind, .path = s->path, .encoding = ENC_AUTO, .dry_run = dry,
		.period = s->period, .region = s->region, .complete = s->complete,
		.message = imp_message, .progress = imp_progress, .ctx = s,
	};
	grid_free(&s->msgs);
	grid_init(&s->msgs, 3);
	clock_gettime(CLOCK_MONOTONIC, &s->started);
	s->drawn.tv_sec = 0;
	s->drawn.tv_nsec = 0;
	s->phase = NULL;
	memset(r, 0, sizeof *r);
	int rc = import_file(s->db, &o, r);
	frame_uncover(s->frame);
	return rc;
}

/* ---- the dry run's result, and applying it ---- */

static const struct binding result_keys[] = {
	{ 2, N_("Apply"), "a  F2", N_("Apply the import (one batch, all or nothing)") },
	{ 10, N_("Close"), "Esc  q  F10", N_("Close without importing") },
	{ 0, NULL, NULL, NULL }
};

static const struct binding result_keys_bad[] = {
	{ 10, N_("Close"), "Esc  q  F10", N_("Close: fix the file and import it again") },
	{ 0, NULL, NULL, NULL }
};

static void imp_apply(struct impscreen *s)
{
	struct import_result r;
	int rc = imp_run(s, 0, &r);
	imp_load(s);
	if (rc == ST_OK && r.batch_id)
		frame_message(s->frame, tr("Imported as batch %lld: %ld new, %ld changed, %ld unchanged"),
		              r.batch_id, r.rows_new, r.rows_changed, r.rows_unchanged);
	else if (rc == ST_OK)
		frame_message(s->frame, "%s", tr("Nothing to change: the database has all of it already"));
	else
		frame_message(s->frame, tr("Not imported: %ld errors (nothing was written)"), r.errors);
}

static int result_key(struct popup *p, int key)
{
	struct impscreen *s = p->ctx;
	if ((key == 'a' || key == KC_F(2)) && s->dry.errors == 0) {
		imp_apply(s);
		return 2;
	}
	return 0;
}

/* Where to break s, which must be cut within its first k bytes: after a
 * space or a Chinese comma, colon or semicolon, or before an opening
 * bracket, if there is one in the second half; else at k. */
static size_t break_at(const char *s, size_t k)
{
	static const char *const after[] = { " ", "，", "：", "；", "、", "）", "」", NULL };
	static const char *const before[] = { "（", "「", NULL };
	for (size_t i = k; i > k / 2; i--) {
		for (const char *const *a = after; *a; a++) {
			size_t n = strlen(*a);
			if (i >= n && memcmp(s + i - n, *a, n) == 0)
				return i;
		}
		for (const char *const *b = before; *b; b++)
			if (strncmp(s + i, *b, strlen(*b)) == 0)
				return i;
	}
	return k;
}

/* A message of the dry run as rows of the list, each narrow enough to be
 * read whole on the screen: a changed row's fields ("name: old -> new;
 * ...") and other parts after "; " (Chinese "；") go on rows of their own
 * below it, and a part too wide for the popup goes on over more rows. */
static void add_message_rows(struct grid *g, const char *kind, const char *line, const char *text)
{
	/* the popup is at most COLS - 6 wide: a border each side, the kind,
	 * the line number, two separators */
	int cells = COLS - 6 - 2 - 4 - 6 - 2;
	const char *p = text;
	int first = 1;
	if (cells < 20)
		cells = 20;
	while (*p || first) {
		/* "; " in English, "；" in Chinese */
		const char *semi = strstr(p, "; "), *wide = strstr(p, "；");
		size_t skip = 2;
		if (wide != NULL && (semi == NULL || wide < semi)) {
			semi = wide;
			skip = strlen("；");
		}
		size_t n = semi ? (size_t)(semi - p) : strlen(p);
		for (size_t done = 0; done < n || first; ) {
			int room = first ? cells : cells - 2;
			char *piece = xstrndup(p + done, n - done);
			size_t k = width_fit(piece, room, NULL);
			if (k == 0 && n > done)
				k = n - done;        /* a character wider than the room */
			else if (k < n - done)
				k = break_at(piece, k);
			char *part = first ? xstrndup(piece, k) : xasprintf("  %.*s", (int)k, piece);
			const char *row[3] = { first ? kind : "", first ? line : "", part };
			grid_add(g, row);
			free(part);
			free(piece);
			first = 0;
			done += k;
		}
		p += n + (semi ? skip : 0);
	}
}

static void imp_show_result(struct impscreen *s)
{
	const char *titles[3] = { tr("Kind"), tr("Line"), tr("What") };
	const enum table_align align[3] = { TA_LEFT, TA_RIGHT, TA_LEFT };
	const char *base = strrchr(s->path, '/');
	char *title = xasprintf(tr("Dry run of %s (%s): %ld new, %ld changed, %ld unchanged; "
	                           "%ld errors, %ld warnings"),
	                        base ? base + 1 : s->path, tr(s->kind), s->dry.rows_new,
	                        s->dry.rows_changed, s->dry.rows_unchanged, s->dry.errors,
	                        s->dry.warnings);
	struct popup *p = popup_new(title, 3, titles, align);
	free(title);
	for (size_t i = 0; i < s->msgs.nrows; i++)
		add_message_rows(&p->grid, grid_cell(&s->msgs, i, 0), grid_cell(&s->msgs, i, 1),
		                 grid_cell(&s->msgs, i, 2));
	if (s->msgs.nrows == 0) {
		const char *row[3] = { tr("note"), "", tr("Every row passed its checks") };
		grid_add(&p->grid, row);
	}
	p->key = result_key;
	p->ctx = s;
	p->bindings = s->dry.errors ? result_keys_bad : result_keys;
	popup_ready(p, 0);
	frame_popup(s->frame, p);
}

/* ---- the form that asks for the file ---- */

struct impform {
	struct impscreen *s;
	struct region_list regions;
	const char **kinds;            /* "auto" then every kind; owned array */
	size_t nkinds;
	int f_path, f_kind, f_period, f_region, f_complete;
};

static int imp_form_tab(void *ctx, struct form *fm, int i)
{
	struct impform *o = ctx;
	if (i != o->f_path)
		return 0;
	struct field *f = form_field(fm, i);
	size_t n;
	char *done = pathcomp(f->le.buf, &n);
	int took = strcmp(done, f->le.buf) != 0;
	if (took) {
		le_set(&f->le, done);
	} else if (n > 1) {
		form_message(fm, tr("%zu files begin so; type more"), n);
		took = 1;
	} else if (n == 0 && *f->le.buf) {
		form_message(fm, "%s", tr("No such file"));
		took = 1;
	}
	free(done);
	return took;
}

static int imp_form_save(void *ctx, struct form *fm, struct edit_conflict *c, char **msg)
{
	struct impform *o = ctx;
	struct impscreen *s = o->s;
	(void)c;
	const struct field *fp = form_field(fm, o->f_path), *fk = form_field(fm, o->f_kind);
	const struct field *fper = form_field(fm, o->f_period), *freg = form_field(fm, o->f_region);
	free(s->path);
	free(s->kind);
	free(s->period);
	free(s->region);
	s->path = xstrdup(fp->le.buf);
	s->period = fper->has_value ? xstrdup(fper->le.buf) : NULL;
	s->region = freg->has_value && freg->choice > 0 ? xstrdup(freg->le.buf) : NULL;
	s->complete = form_field(fm, o->f_complete)->choice == 1;
	if (fk->choice == 0) {
		const char *kind;
		char *err = NULL;
		if (guess_kind(s->db, s->path, ENC_AUTO, &kind, &err) != ST_OK) {
			*msg = err;
			s->kind = NULL;
			return FORM_FAILED;
		}
		s->kind = xstrdup(kind);
		form_message(fm, tr("The header says: %s"), tr(kind));
	} else {
		s->kind = xstrdup(o->kinds[fk->choice]);
	}
	int rc = imp_run(s, 1, &s->dry);
	if (rc == ST_USAGE) {
		*msg = s->msgs.nrows ? xstrdup(grid_cell(&s->msgs, 0, 2)) : xstrdup(tr("Cannot import that"));
		return FORM_FAILED;
	}
	if (rc == ST_DB) {
		*msg = xstrdup(tr("The database could not be read or is busy; try again"));
		return FORM_FAILED;
	}
	return FORM_SAVED;
}

static void imp_form_reload(void *ctx, struct form *fm)
{
	(void)ctx;
	(void)fm;
}

static void imp_form_overrule(void *ctx, const struct edit_conflict *c)
{
	(void)ctx;
	(void)c;
}

static const struct form_ops imp_form_ops = {
	.save = imp_form_save,
	.reload = imp_form_reload,
	.overrule = imp_form_overrule,
	.tab = imp_form_tab,
};

static void imp_import(struct impscreen *s)
{
	struct impform o = { .s = s };
	char *err = NULL;
	if (region_list_load(s->db, &o.regions, &err) != ST_OK) {
		frame_message(s->frame, "%s", err);
		free(err);
		return;
	}
	size_t nk = 0;
	while (profiles[nk] != NULL)
		nk++;
	o.kinds = xcalloc(nk + 1, sizeof *o.kinds);
	const char **labels = xcalloc(nk + 1, sizeof *labels);
	o.kinds[0] = "auto";
	labels[0] = tr("from the header");
	o.nkinds = 1;
	for (size_t i = 0; i < nk; i++)
		if (profiles[i]->flags & PK_IMPORT) {
			o.kinds[o.nkinds] = profiles[i]->kind;
			labels[o.nkinds++] = profile_title(profiles[i]);
		}
	const char **rlabels = xcalloc(o.regions.n + 1, sizeof *rlabels);
	rlabels[0] = tr("from the file");
	for (size_t i = 0; i < o.regions.n; i++)
		rlabels[i + 1] = o.regions.items[i].name;

	struct form *fm = form_new(tr("Import a file"), &imp_form_ops, &o);
	form_info(fm, tr("The file as Excel saved it: UTF-8 or GB18030, with its title and notes"));
	form_info(fm, tr("Tab completes the file name; F2 runs a dry run (nothing is written before you apply)"));
	form_save_as(fm, N_("Dry run"), N_("Dry run: what the import would do (nothing is written yet)"));
	o.f_path = form_add(fm, FIELD_TEXT, tr("File"), s->path ? s->path : "");
	form_field(fm, o.f_path)->required = 1;
	form_select(fm, o.f_path);     /* last time's file: typing replaces it */
	o.f_kind = form_add(fm, FIELD_CHOICE, tr("Kind"), labels[0]);
	field_set_choices(form_field(fm, o.f_kind), labels, o.nkinds);
	o.f_period = form_add(fm, FIELD_PERIOD, tr("Period"), "");
	o.f_region = form_add(fm, FIELD_CHOICE, tr("Region"), rlabels[0]);
	field_set_choices(form_field(fm, o.f_region), rlabels, o.regions.n + 1);
	/* a full list of the region: the register's counts then stand for its figures */
	const char *yesno[] = { tr("No"), tr("Yes: the file lists every record of the region") };
	o.f_complete = form_add(fm, FIELD_CHOICE, tr("Full list"), yesno[s->complete != 0]);
	field_set_choices(form_field(fm, o.f_complete), yesno, 2);
	int ran = form_run(fm, s->frame);
	form_free(fm);
	free(rlabels);
	free(labels);
	free(o.kinds);
	region_list_free(&o.regions);
	frame_uncover(s->frame);
	if (ran)
		imp_show_result(s);
}

/* ---- undo and details ---- */

static void add_conflict(void *ctx, const char *text)
{
	struct grid *g = ctx;
	const char *row[1] = { text };
	grid_add(g, row);
}

static void imp_undo(struct impscreen *s)
{
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1) {
		frame_message(s->frame, "%s", tr("No batch here"));
		return;
	}
	if (*grid_cell(&s->grid, i, B_UNDONE)) {
		frame_message(s->frame, "%s", tr("That batch is undone already"));
		return;
	}
	char *q = xasprintf(tr("Undo batch %lld (%s, %s new, %s changed)? y/n"), s->ids[i],
	                    grid_cell(&s->grid, i, B_FILE), grid_cell(&s->grid, i, B_NEW),
	                    grid_cell(&s->grid, i, B_CHANGED));
	int yes = ask_yes(s->frame, q, NULL, NULL);
	free(q);
	if (!yes)
		return;
	struct grid conflicts;
	grid_init(&conflicts, 1);
	long restored = 0, deleted = 0;
	char *err = NULL;
	long long id = s->ids[i];
	int rc = batch_undo(s->db, id, add_conflict, &conflicts, &restored, &deleted, &err);
	imp_load(s);
	if (rc == ST_OK) {
		frame_message(s->frame, tr("Batch %lld undone: %ld rows removed, %ld restored"),
		              id, deleted, restored);
	} else if (conflicts.nrows > 0) {
		const char *titles[1] = { tr("Changed since the import") };
		const enum table_align align[1] = { TA_LEFT };
		char *title = xasprintf(tr("Batch %lld is not undone: these rows changed since"), id);
		struct popup *p = popup_new(title, 1, titles, align);
		free(title);
		for (size_t k = 0; k < conflicts.nrows; k++) {
			const char *row[1] = { grid_cell(&conflicts, k, 0) };
			grid_add(&p->grid, row);
		}
		popup_ready(p, 0);
		frame_popup(s->frame, p);
	} else {
		frame_message(s->frame, "%s", err ? err : tr("Not undone"));
	}
	free(err);
	grid_free(&conflicts);
}

static void imp_details(struct impscreen *s)
{
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1)
		return;
	const char *titles[2] = { "", "" };
	const enum table_align align[2] = { TA_LEFT, TA_LEFT };
	char *title = xasprintf(tr("Batch %lld"), s->ids[i]);
	struct popup *p = popup_new(title, 2, titles, align);
	free(title);
	for (int c = 0; c < NB; c++) {
		const char *row[2] = { s->cols[c].title, grid_cell(&s->grid, i, c) };
		grid_add(&p->grid, row);
	}
	popup_ready(p, 0);
	frame_popup(s->frame, p);
}

/* ---- the section ---- */

static int imp_key(void *self, struct frame *f, int key, int focused)
{
	struct impscreen *s = self;
	s->frame = f;
	switch (key) {
	case 'i': case 'a': case KC_KEY(KEY_IC): case KC_F(7):
		imp_import(s);
		return 1;
	case 'u': case 'd': case KC_KEY(KEY_DC): case KC_F(8):
		imp_undo(s);
		return 1;
	case KC_F(5):
		imp_load(s);
		return 1;
	case '\n':
		if (focused)
			imp_details(s);
		return focused;
	default:
		return focused && table_key(&s->table, key);
	}
}

static void imp_place(void *self, WINDOW *win, int h, int w)
{
	struct impscreen *s = self;
	table_place(&s->table, win, 0, 0, h, w);
}

static void imp_draw(void *self, int all)
{
	struct impscreen *s = self;
	table_draw(&s->table, all);
}

static void imp_status(void *self, char *buf, size_t size)
{
	struct impscreen *s = self;
	if (s->error != NULL)
		snprintf(buf, size, "%s", s->error);
	else
		snprintf(buf, size, tr("%zu import batches"), s->grid.nrows);
}

static void imp_position(void *self, char *buf, size_t size)
{
	struct impscreen *s = self;
	table_position(&s->table, buf, size);
}

static void imp_focus(void *self, int on)
{
	struct impscreen *s = self;
	table_focus(&s->table, on);
}

const struct section_ops impscreen_ops = {
	.label = N_("Imports"),
	.bindings = imp_keys,
	.place = imp_place,
	.draw = imp_draw,
	.key = imp_key,
	.status = imp_status,
	.position = imp_position,
	.focus = imp_focus,
};

void *impscreen_new(struct db *db)
{
	static const char *const titles[NB] = { N_("Batch"), N_("Kind"), N_("File"), N_("New"), N_("Changed"),
		N_("Unchanged"), N_("By"), N_("At"), N_("Undone") };
	static const enum table_align align[NB] = { TA_RIGHT, TA_LEFT, TA_LEFT, TA_RIGHT,
		TA_RIGHT, TA_RIGHT, TA_LEFT, TA_LEFT, TA_LEFT };
	struct impscreen *s = xcalloc(1, sizeof *s);
	s->db = db;
	grid_init(&s->grid, NB);
	grid_init(&s->msgs, 3);
	for (int i = 0; i < NB; i++) {
		s->cols[i].title = tr(titles[i]);
		s->cols[i].align = align[i];
		s->cols[i].frozen = i == 0;
	}
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, NB, src);
	s->table.empty = tr("No imports yet: i (F7) imports a file");
	imp_load(s);
	return s;
}

void impscreen_free(void *self)
{
	struct impscreen *s = self;
	if (s == NULL)
		return;
	grid_free(&s->grid);
	grid_free(&s->msgs);
	free(s->ids);
	free(s->error);
	free(s->path);
	free(s->kind);
	free(s->period);
	free(s->region);
	free(s);
}
