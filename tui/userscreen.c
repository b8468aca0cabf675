/* userscreen.c: the users screen (see userscreen.h).  Granting asks the
 * login on the status line, then the role from a list, then, for a county
 * clerk, the region from a list; each list's Enter moves to the next. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/region.h"
#include "core/users.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/ask.h"
#include "tui/grid.h"
#include "tui/gridfind.h"
#include "tui/keys.h"
#include "tui/popup.h"
#include "tui/table.h"
#include "tui/userscreen.h"

enum { U_LOGIN, U_ROLE, U_REGION, U_BY, U_AT, NU };

struct userscreen {
	struct db *db;                 /* not owned */
	struct grid grid;              /* the users; owned */
	struct table_col cols[NU];
	struct table table;
	struct frame *frame;           /* not owned */
	char *error;                   /* owned */
	/* a grant under way: the login, then the role */
	char *login;                   /* owned */
	const struct choice *role;
	struct region_list regions;    /* the region list's rows (the city left out) */
	struct gridfind find;          /* / and f over the users */
};

static const struct binding user_keys[] = {
	{ 7, N_("Grant"), "a  Insert  F7", N_("Give a login a role (and a county clerk a region)") },
	{ 4, N_("Change"), "e  Enter  F4", N_("Change the selected user's role or region") },
	{ 8, N_("Revoke"), "d  Delete  F8", N_("Revoke the selected user's access (asks first)") },
	{ 5, N_("Refresh"), "F5", N_("Read the list of users again") },
	{ 0, NULL, "/  n  N", N_("Find a login, role or region, then the next or previous") },
	{ 0, NULL, "f", N_("Show only the users with a text") },
	{ 0, NULL, "Up Down  j k  PgUp PgDn  g G", N_("Move in the list") },
	{ 0, NULL, NULL, NULL }
};

static void user_load(struct userscreen *s)
{
	struct user_item *u = NULL;
	size_t n = 0;
	grid_free(&s->grid);
	grid_init(&s->grid, NU);
	free(s->error);
	s->error = NULL;
	if (users_list(s->db, &u, &n, &s->error) == ST_OK)
		for (size_t i = 0; i < n; i++) {
			const char *row[NU] = { u[i].login, choice_label(u[i].role), u[i].region,
			                        u[i].updated_by, u[i].updated_at };
			if (gridfind_keep(&s->find, row, NU))
				grid_add(&s->grid, row);
		}
	users_free(u, n);
	for (int i = 0; i < NU; i++) {
		int w = grid_width(&s->grid, i), tw = width_str(s->cols[i].title);
		s->cols[i].max = w > tw ? w : tw;
		s->cols[i].min = s->cols[i].max < 8 ? s->cols[i].max : 8;
	}
	table_reload(&s->table);
	table_relayout(&s->table);
}

/* The grant, with the role and region chosen; the list read again. */
static void user_grant(struct userscreen *s, long long region)
{
	char *err = NULL;
	int rc = users_grant(s->db, s->login, s->role, region, &err);
	if (rc == ST_OK)
		frame_message(s->frame, tr("%s is now %s"), s->login, choice_label(s->role));
	else
		frame_message(s->frame, "%s", err ? err : tr("Not saved"));
	free(err);
	user_load(s);
}

static int region_key(struct popup *p, int key)
{
	struct userscreen *s = p->ctx;
	size_t i = table_selected(&p->table);
	if (key != '\n' || i == (size_t)-1)
		return 0;
	user_grant(s, s->regions.items[i + 1].id);   /* the list leaves the city out */
	return 2;
}

/* The region of a county clerk, from the regions below the city. */
static void region_choose(struct userscreen *s)
{
	const char *titles[2] = { tr("Region"), tr("Kind") };
	const enum table_align align[2] = { TA_LEFT, TA_LEFT };
	char *title = xasprintf(tr("Region of %s"), s->login);
	struct popup *p = popup_new(title, 2, titles, align);
	free(title);
	for (size_t i = 1; i < s->regions.n; i++) {
		const struct region_item *r = &s->regions.items[i];
		char *name = xasprintf("%*s%s", 2 * (r->depth > 0 ? r->depth - 1 : 0), "", r->name);
		const struct choice *k = choice_by_value(&CH_REGION_KIND, r->kind);
		const char *row[2] = { name, k ? choice_label(k) : r->kind };
		grid_add(&p->grid, row);
		free(name);
	}
	p->key = region_key;
	p->ctx = s;
	popup_ready(p, 0);
	frame_popup(s->frame, p);
}

static int role_key(struct popup *p, int key)
{
	struct userscreen *s = p->ctx;
	size_t i = table_selected(&p->table);
	if (key != '\n' || i == (size_t)-1)
		return 0;
	s->role = &CH_ROLE.v[i];
	if (strcmp(s->role->value, "county") != 0) {
		user_grant(s, 0);
		return 2;
	}
	region_choose(s);      /* replaces this popup: touch nothing of p after */
	return 1;
}

static void role_choose(struct userscreen *s, size_t current)
{
	const char *titles[1] = { tr("Role") };
	const enum table_align align[1] = { TA_LEFT };
	char *title = xasprintf(tr("Role of %s"), s->login);
	struct popup *p = popup_new(title, 1, titles, align);
	free(title);
	for (size_t i = 0; i < CH_ROLE.n; i++) {
		const char *row[1] = { choice_label(&CH_ROLE.v[i]) };
		grid_add(&p->grid, row);
	}
	p->key = role_key;
	p->ctx = s;
	popup_ready(p, current);
	frame_popup(s->frame, p);
}

static void login_done(void *ctx, struct frame *f, const char *text)
{
	struct userscreen *s = ctx;
	s->frame = f;
	while (*text == ' ')
		text++;
	if (*text == '\0')
		return;
	free(s->login);
	s->login = xstrdup(text);
	role_choose(s, 2);     /* a county clerk, most often */
}

static void login_cancel(void *ctx, struct frame *f)
{
	(void)ctx;
	(void)f;
}

static const struct prompt_ops login_ops = { .done = login_done, .cancel = login_cancel };

static void user_reload(void *ctx)
{
	user_load(ctx);
}

static void user_change(struct userscreen *s)
{
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1)
		return;
	free(s->login);
	s->login = xstrdup(grid_cell(&s->grid, i, U_LOGIN));
	size_t current = 0;
	for (size_t k = 0; k < CH_ROLE.n; k++)
		if (strcmp(choice_label(&CH_ROLE.v[k]), grid_cell(&s->grid, i, U_ROLE)) == 0)
			current = k;
	role_choose(s, current);
}

static void user_revoke(struct userscreen *s)
{
	size_t i = table_selected(&s->table);
	if (i == (size_t)-1)
		return;
	const char *login = grid_cell(&s->grid, i, U_LOGIN);
	char *q = xasprintf(tr("Revoke the access of %s (they may then only read)? y/n"), login);
	int yes = ask_yes(s->frame, q, NULL, NULL);
	free(q);
	if (!yes)
		return;
	char *err = NULL, *who = xstrdup(login);
	if (users_revoke(s->db, who, &err) == ST_OK)
		frame_message(s->frame, tr("%s may now only read"), who);
	else
		frame_message(s->frame, "%s", err);
	free(err);
	free(who);
	user_load(s);
}

static int user_key(void *self, struct frame *f, int key, int focused)
{
	struct userscreen *s = self;
	s->frame = f;
	switch (key) {
	case 'a': case KC_KEY(KEY_IC): case KC_F(7):
		frame_prompt(f, tr("Grant access to login: "), "", &login_ops, s);
		return 1;
	case 'e': case KC_F(4):
		user_change(s);
		return 1;
	case '\n':
		if (focused)
			user_change(s);
		return focused;
	case 'd': case KC_KEY(KEY_DC): case KC_F(8):
		user_revoke(s);
		return 1;
	case KC_F(5):
		user_load(s);
		return 1;
	default:
		return gridfind_key(&s->find, f, key) || (focused && table_key(&s->table, key));
	}
}

static void user_place(void *self, WINDOW *win, int h, int w)
{
	struct userscreen *s = self;
	table_place(&s->table, win, 0, 0, h, w);
}

static void user_draw(void *self, int all)
{
	struct userscreen *s = self;
	table_draw(&s->table, all);
}

static void user_status(void *self, char *buf, size_t size)
{
	struct userscreen *s = self;
	if (s->error != NULL)
		snprintf(buf, size, "%s", s->error);
	else
		snprintf(buf, size, tr("%zu users; a login not listed may only read"), s->grid.nrows);
}

static void user_position(void *self, char *buf, size_t size)
{
	struct userscreen *s = self;
	table_position(&s->table, buf, size);
}

static void user_focus(void *self, int on)
{
	struct userscreen *s = self;
	table_focus(&s->table, on);
}

const struct section_ops userscreen_ops = {
	.label = N_("Users"),
	.bindings = user_keys,
	.place = user_place,
	.draw = user_draw,
	.key = user_key,
	.status = user_status,
	.position = user_position,
	.focus = user_focus,
};

void *userscreen_new(struct db *db)
{
	static const char *const titles[NU] = { N_("Login"), N_("Role"), N_("Region"),
		N_("Granted by"), N_("At") };
	struct userscreen *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	s->db = db;
	grid_init(&s->grid, NU);
	for (int i = 0; i < NU; i++) {
		s->cols[i].title = tr(titles[i]);
		s->cols[i].align = TA_LEFT;
		s->cols[i].frozen = i == 0;
	}
	if (region_list_load(db, &s->regions, &err) != ST_OK)
		free(err);
	struct table_source src = { grid_count, grid_row, &s->grid };
	table_init(&s->table, s->cols, NU, src);
	s->find = (struct gridfind){ .grid = &s->grid, .table = &s->table, .reload = user_reload, .ctx = s };
	s->table.empty = tr("No users yet: a (F7) grants a login a role");
	user_load(s);
	return s;
}

void userscreen_free(void *self)
{
	struct userscreen *s = self;
	if (s == NULL)
		return;
	grid_free(&s->grid);
	region_list_free(&s->regions);
	gridfind_free(&s->find);
	free(s->error);
	free(s->login);
	free(s);
}
