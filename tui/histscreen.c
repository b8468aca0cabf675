/* histscreen.c: the history screen (see histscreen.h).  The latest
 * HIST_ROWS changes that pass the filters are held in a grid and shown by
 * the table widget; l, k, r and t set the filters, c clears them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/history.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/profile.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/grid.h"
#include "tui/gridfind.h"
#include "tui/histscreen.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/table.h"

#define HIST_ROWS 2000    /* changes read at most (newest first) */

enum { H_AT, H_BY, H_KIND, H_RECORD, H_ACTION, H_FIELD, H_BEFORE, H_AFTER, H_BATCH, NH };

/* the least each column shrinks to: at 80x24 every column but the batch shows */
static const int widths[NH] = { 16, 6, 4, 8, 4, 6, 8, 8, 4 };

struct histscreen {
	struct db *db;                 /* not owned */
	struct grid grid;              /* the lines shown; owned */
	struct grid at;                /* their times to the second; owned */
	struct table_col cols[NH];
	struct table table;
	struct frame *frame;           /* not owned */
	char *error;                   /* owned */
	/* the filters */
	char *login;                   /* owned; NULL: everyone */
	const struct profile *kind;    /* NULL: every kind */
	long long row_id;              /* with kind: one record */
	char since[11], until[11];     /* "" : open */
	int loaded;                    /* read once shown (not at start-up) */
	struct gridfind find;          /* / and f over the lines */
};

static const struct binding hist_keys[] = {
	{ 0, N_("Login"), "l", N_("Only the changes of one login (empty: everyone's)") },
	{ 0, N_("Kind"), "k", N_("Only the changes of one kind of record") },
	{ 0, N_("Record"), "r", N_("Only the changes of one record of that kind, by its number") },
	{ 0, N_("Dates"), "t", N_("Only the changes of some days: 2025-10-01, or 2025-10-01..2025-12-31") },
	{ 0, N_("Clear"), "c", N_("No filters") },
	{ 0, NULL, "/  n  N", N_("Find a text in the changes, then the next or previous") },
	{ 0, NULL, "f", N_("Show only the changes with a text") },
	{ 5, N_("Refresh"), "F5", N_("Read the changes again") },
	{ 0, NULL, "Enter", N_("The selected change in full") },
	{ 0, NULL, "Up Down  j k  PgUp PgDn  g G", N_("Move in the list") },
	{ 0, NULL, NULL, NULL }
};

static void add_line(void *ctx, const struct history_line *l)
{
	struct histscreen *s = ctx;
	char rec[64], batch[24] = "";
	if (l->row_last)
		snprintf(rec, sizeof rec, "#%lld-%lld", l->row_id, l->row_last);
	else if (*l->record)
		snprintf(rec, sizeof rec, "%s", l->record);
	else
		snprintf(rec, sizeof rec, "#%lld", l->row_id);
	if (l->batch_id)
		snprintf(batch, sizeof batch, "%lld", l->batch_id);
	char at[17];          /* to the minute: the seconds are in the details (Enter) */
	snprintf(at, sizeof at, "%s", l->at);
	const char *row[NH] = { at, l->login, l->kind, rec, l->action_label, l->field,
	                        l->before, l->after, batch };
	if (!gridfind_keep(&s->find, row, NH))
		return;
	grid_add(&s->grid, row);
	grid_add(&s->at, &l->at);
}

static void hist_load(struct histscreen *s)
{
	struct history_filter f = {
		.since = *s->since ? s->since : NULL, .until = *s->until ? s->until : NULL,
		.login = s->login, .table = s->kind ? s->kind->table : NULL, .row_id = s->row_id,
		.newest_first = 1, .limit = HIST_ROWS
	};
	grid_free(&s->grid);
	grid_init(&s->grid, NH);
	grid_free(&s->at);
	grid_init(&s->at, 1);
	free(s->error);
	s->error = NULL;
	history_each(s->db, &f, add_line, s, &s->error);
	for (int i = 0; i < NH; i++) {
		int w = grid_width(&s->grid, i), tw = width_str(s->cols[i].title);
		s->cols[i].max = w > tw ? w : tw;
		s->cols[i].min = widths[i] < s->cols[i].max ? widths[i] : s->cols[i].max;
	}
	s->loaded = 1;
	table_reload(&s->table);
	table_relayout(&s->table);
}

static void hist_reload(void *ctx)
{
	hist_load(ctx);
}

static void no_cancel(void *ctx, struct frame *f)
{
	(void)ctx;
	(void)f;
}

/* ---- the filters ---- */

static void login_done(void *ctx, struct frame *f, const char *text)
{
	struct histscreen *s = ctx;
	(void)f;
	free(s->login);
	s->login = *text ? xstrdup(text) : NULL;
	hist_load(s);
}

static const struct prompt_ops login_ops = { .done = login_done, .cancel = no_cancel };

static void dates_done(void *ctx, struct frame *f, const char *text)
{
	struct histscreen *s = ctx;
	char from[11] = "", to[11] = "";
	const char *dots = strstr(text, "..");
	char *first = dots ? xasprintf("%.*s", (int)(dots - text), text) : xstrdup(text);
	int ok = (*first == '\0' || parse_date(first, from) == PARSE_OK) &&
	         (dots == NULL || dots[2] == '\0' || parse_date(dots + 2, to) == PARSE_OK);
	free(first);
	if (!ok) {
		frame_message(f, tr("\"%s\" is not a date (2025-10-01) or two (2025-10-01..2025-12-31)"), text);
		return;
	}
	snprintf(s->since, sizeof s->since, "%s", from);
	snprintf(s->until, sizeof s->until, "%s", dots || !*from ? to : from);
	hist_load(s);
}

static const struct prompt_ops dates_ops = { .done = dates_done, .cancel = no_cancel };

static void record_done(void *ctx, struct frame *f, const char *text)
{
	struct histscreen *s = ctx;
	char *end;
	long long id = strtoll(*text == '#' ? text + 1 : text, &end, 10);
	if (*text == '\0') {
		s->row_id = 0;
	} else if (*end != '\0' || id <= 0) {
		frame_message(f, tr("\"%s\" is not a record number"), text);
		return;
	} else {
		s->row_id = id;
	}
	hist_load(s);
}

static const struct prompt_ops record_ops = { .done = record_done, .cancel = no_cancel };

/* The kinds a change may be of: every description but the batches. */
static const struct profile *kind_at(size_t i)
{
	size_t k = 0;
	for (const struct profile *const *p = profiles; *p; p++)
		if (strcmp((*p)->table, "import_batch") != 0 && k++ == i)
			return *p;
	return NULL;
}

static int kind_key(struct popup *p, int key)
{
	struct histscreen *s = p->ctx;
	size_t i = table_selected(&p->table);
	if (key != '\n' || i == (size_t)-1)
		return 0;
	s->kind = i == 0 ? NULL : kind_at(i - 1);
	s->row_id = 0;
	hist_load(s);
	return 2;
}

static void kind_choose(struct histscreen *s)
{
	const char *titles[1] = { tr("Kind") };
	const enum table_align align[1] = { TA_LEFT };
	struct popup *p = popup_new(tr("Changes of which kind"), 1, titles, align);
	const char *all[1] = { tr("Every kind") };
	size_t at = 0;
	grid_add(&p->grid, all);
	for (size_t i = 0; kind_at(i) != NULL; i++) {
		const char *row[1] = { profile_title(kind_at(i)) };
		grid_add(&p->grid, row);
		if (kind_at(i) == s->kind)
			at = i + 1;
	}
	p->key = kind_key;
	p->ctx = s;
	popup_ready(p, at);
	frame_popup(s->frame, p);
}

/* Enter: the change in full, one field a line. */
static void hist_details(struct histscreen *s)
{
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1)
		return;
	const char *titles[2] = { tr("Field"), tr("Value") };
	const enum table_align align[2] = { TA_LEFT, TA_LEFT };
	struct popup *p = popup_new(tr("Change"), 2, titles, align);
	for (int c = 0; c < NH; c++) {
		const char *row[2] = { s->cols[c].title, c == H_AT ? grid_cell(&s->at, i, 0) : grid_cell(&s->grid, i, c) };
		grid_add(&p->grid, row);
	}
	popup_ready(p, 0);
	frame_popup(s->frame, p);
}

static int hist_key(void *self, struct frame *f, int key, int focused)
{
	struct histscreen *s = self;
	s->frame = f;
	switch (key) {
	case 'l':
		frame_prompt(f, tr("Changes by login: "), s->login ? s->login : "", &login_ops, s);
		return 1;
	case 'k':
		kind_choose(s);
		return 1;
	case 'r':
		if (s->kind == NULL) {
			frame_message(f, "%s", tr("Choose the kind first (k), then its record"));
			return 1;
		}
		frame_prompt(f, tr("Record number: "), "", &record_ops, s);
		return 1;
	case 't':
		frame_prompt(f, tr("Changes on: "), s->since, &dates_ops, s);
		return 1;
	case 'c':
		free(s->find.filter);
		s->find.filter = NULL;
		free(s->login);
		s->login = NULL;
		s->kind = NULL;
		s->row_id = 0;
		s->since[0] = s->until[0] = '\0';
		hist_load(s);
		return 1;
	case KC_F(5):
		hist_load(s);
		return 1;
	case '\n':
		if (focused)
			hist_details(s);
		return focused;
	default:
		return gridfind_key(&s->find, f, key) || (focused && table_key(&s->table, key));
	}
}

static void hist_place(void *self, WINDOW *win, int h, int w)
{
	struct histscreen *s = self;
	table_place(&s->table, win, 0, 0, h, w);
}

static void hist_draw(void *self, int all)
{
	struct histscreen *s = self;
	if (!s->loaded)
		hist_load(s);
	table_draw(&s->table, all || !s->loaded);
}

/* "12 changes  clerk1  企业 #3  2025-10-01..": what is shown. */
static void hist_status(void *self, char *buf, size_t size)
{
	struct histscreen *s = self;
	if (s->error != NULL) {
		snprintf(buf, size, "%s", s->error);
		return;
	}
	struct sbuf b = { 0 };
	sbuf_printf(&b, s->grid.nrows >= HIST_ROWS ? tr("the latest %zu changes") : tr("%zu changes"),
	            s->grid.nrows);
	if (s->login)
		sbuf_printf(&b, "  %s", s->login);
	if (s->kind)
		sbuf_printf(&b, "  %s", profile_title(s->kind));
	if (s->row_id)
		sbuf_printf(&b, " #%lld", s->row_id);
	if (*s->since || *s->until)
		sbuf_printf(&b, "  %s..%s", s->since, s->until);
	if (s->find.filter)
		sbuf_printf(&b, "  \"%s\"", s->find.filter);
	snprintf(buf, size, "%s", b.s);
	sbuf_free(&b);
}

static void hist_position(void *self, char *buf, size_t size)
{
	struct histscreen *s = self;
	table_position(&s->table, buf, size);
}

static void hist_focus(void *self, int on)
{
	struct histscreen *s = self;
	table_focus(&s->table, on);
	if (on)
		hist_load(s);      /* what others changed since it was last shown */
}

const struct section_ops histscreen_ops = {
	.label = N_("Log"),
	.bindings = hist_keys,
	.place = hist_place,
	.draw = hist_draw,
	.key = hist_key,
	.status = hist_status,
	.position = hist_position,
	.focus = hist_focus,
};

void *histscreen_new(struct db *db)
{
	static const char *const titles[NH] = { N_("At"), N_("By"), N_("Kind"), N_("Record"),
		N_("Operation"), N_("Field"), N_("Before"), N_("After"), N_("Batch") };
	struct histscreen *s = xcalloc(1, sizeof *s);
	s->db = db;
	grid_init(&s->grid, NH);
	grid_init(&s->at, 1);
	for (int i = 0; i < NH; i++) {
		s->cols[i].title = tr(titles[i]);
		s->cols[i].align = i == H_BATCH ? TA_RIGHT : TA_LEFT;
		s->cols[i].frozen = i == 0;
		s->cols[i].drop = i == H_BATCH ? 1 : 0;
	}
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, NH, src);
	s->find = (struct gridfind){ .grid = &s->grid, .table = &s->table, .reload = hist_reload, .ctx = s };
	s->table.empty = tr("No changes recorded (c clears the filters)");
	return s;
}

void histscreen_free(void *self)
{
	struct histscreen *s = self;
	if (s == NULL)
		return;
	grid_free(&s->grid);
	grid_free(&s->at);
	gridfind_free(&s->find);
	free(s->error);
	free(s->login);
	free(s);
}
