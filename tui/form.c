/* form.c: the form window and its keys (see form.h). */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/ask.h"
#include "tui/form.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/table.h"

#define FORM_MAX_W 76

/* FORM_GONE: closed, leaving deleted the record another clerk deleted */
enum { FORM_GOING = -1, FORM_CANCEL = 0, FORM_DONE = 1, FORM_GONE = 2 };

struct form {
	char *title;                      /* owned */
	const struct form_ops *ops;       /* not owned */
	void *ctx;
	char *info[FORM_MAX_INFO];        /* owned */
	int ninfo;
	struct field *fields;             /* owned */
	int n;
	int cur;                          /* the field being edited */
	char *entered;                    /* its text when the clerk came to it; owned */

	struct frame *frame;              /* while running; not owned */
	WINDOW *win;                      /* owned; NULL when not shown */
	int lw, fw;                       /* label and field widths, in cells */
	int conflict;                     /* show c in the area */
	struct edit_conflict c;
	struct binding keys[6];           /* form_keys, F2's label as form_save_as says */
};

static const struct binding form_keys[] = {
	{ 2, N_("Save"), "F2  Esc 2", N_("Save (Enter on the last field saves too)") },
	{ 10, N_("Cancel"), "Esc  F10", N_("Close the form (asks first if something changed)") },
	{ 0, N_("Next field"), "Tab  Down", N_("Check this field and go to the next") },
	{ 0, N_("Prev field"), "S-Tab  Up", N_("Check this field and go back") },
	{ 0, N_("Clear"), "Ctrl-U", N_("Clear the field (what is before the cursor)") },
	{ 0, NULL, NULL, NULL }
};

struct form *form_new(const char *title, const struct form_ops *ops, void *ctx)
{
	struct form *fm = xcalloc(1, sizeof *fm);
	fm->title = xstrdup(title);
	fm->ops = ops;
	fm->ctx = ctx;
	memcpy(fm->keys, form_keys, sizeof form_keys);
	return fm;
}

void form_save_as(struct form *fm, const char *label, const char *what)
{
	fm->keys[0].label = label;
	fm->keys[0].what = what;
}

void form_select(struct form *fm, int i)
{
	if (i >= 0 && i < fm->n && fm->fields[i].le.len > 0)
		fm->fields[i].selected = 1;
}

void form_free(struct form *fm)
{
	if (fm == NULL)
		return;
	for (int i = 0; i < fm->ninfo; i++)
		free(fm->info[i]);
	for (int i = 0; i < fm->n; i++)
		field_free(&fm->fields[i]);
	free(fm->fields);
	free(fm->entered);
	free(fm->title);
	if (fm->win != NULL)
		delwin(fm->win);
	free(fm);
}

void form_info(struct form *fm, const char *line)
{
	if (fm->ninfo < FORM_MAX_INFO)
		fm->info[fm->ninfo++] = xstrdup(line);
}

int form_add(struct form *fm, enum field_kind kind, const char *label, const char *text)
{
	fm->fields = xrealloc(fm->fields, (size_t)(fm->n + 1) * sizeof *fm->fields);
	field_init(&fm->fields[fm->n], kind, label, text);
	return fm->n++;
}

struct field *form_field(struct form *fm, int i)
{
	return &fm->fields[i];
}

static void form_enter(struct form *fm, int i)
{
	if (i != fm->cur)
		fm->fields[fm->cur].selected = 0;
	fm->cur = i;
	free(fm->entered);
	fm->entered = xstrdup(fm->fields[i].le.buf);
	le_end(&fm->fields[i].le);
}

void form_set(struct form *fm, int i, const char *text)
{
	field_set_text(&fm->fields[i], text, 1);
	if (i == fm->cur)
		form_enter(fm, i);
}

void form_focus(struct form *fm, int i)
{
	if (i >= 0 && i < fm->n)
		form_enter(fm, i);
}

void form_message(struct form *fm, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	if (fm->frame != NULL)
		frame_message(fm->frame, "%s", m);
	free(m);
}

/* ---- layout and drawing ---- */

static int form_field_y(const struct form *fm, int i)
{
	return 1 + fm->ninfo + 1 + i;
}

static int form_area_y(const struct form *fm)
{
	return form_field_y(fm, fm->n) + 1;
}

/* Size and centre the window for the terminal as it is now. */
static void form_place(struct form *fm)
{
	int w = COLS - 4 < FORM_MAX_W ? COLS - 4 : FORM_MAX_W;
	int h = form_area_y(fm) + FORM_AREA + 1;
	if (h > LINES - 3)            /* the status line stays in sight: the form's messages */
		h = LINES - 3;
	if (fm->win != NULL)
		delwin(fm->win);
	fm->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	fm->lw = 0;
	for (int i = 0; i < fm->n; i++) {
		int lw = width_str(fm->fields[i].label);
		if (lw > fm->lw)
			fm->lw = lw;
	}
	if (fm->lw > w / 3)
		fm->lw = w / 3;
	fm->fw = w - fm->lw - 6;    /* border, marker, label, space, field, space, border */
}

/* The conflict: who changed the record, when, and to what; or who
 * deleted it and when. */
static char *form_conflict_text(const struct edit_conflict *c)
{
	if (c->version == 0)
		return *c->by ? xasprintf(tr("Deleted by %s at %s"), c->by, *c->at ? c->at : "?")
		              : xstrdup(tr("Deleted (the audit does not say by whom)"));
	return xasprintf(tr("Changed by %s at %s; their value: %s"),
	                 *c->by ? c->by : "?", *c->at ? c->at : "?", *c->value ? c->value : "-");
}

static void form_draw_area(struct form *fm)
{
	WINDOW *w = fm->win;
	int y = form_area_y(fm), x = 2, aw = getmaxx(w) - 4;
	int last = getmaxy(w) - 2;           /* the hint line */
	const struct field *f = &fm->fields[fm->cur];
	if (y > last)
		return;
	if (fm->conflict) {
		char *t = form_conflict_text(&fm->c);
		int gone = fm->c.version == 0;
		scr_put(w, y, x, gone ? tr("Another clerk deleted this record after you opened it:")
		                      : tr("Another clerk saved this record after you opened it:"),
		        aw, TA_LEFT, A_BOLD);
		if (y + 1 < last)
			scr_put(w, y + 1, x + 2, t, aw - 2, TA_LEFT, A_NORMAL);
		if (y + 2 < last)
			scr_put(w, y + 2, x + 2,
			        gone ? tr("a: add it again as the form has it   l: leave it deleted")
			             : tr("r: take theirs into the form   k: keep mine and save it over theirs"),
			        aw - 2, TA_LEFT, A_NORMAL);
		free(t);
	} else if (f->kind == FIELD_CHOICE) {
		int rows = last - y;
		size_t top = f->hl >= (size_t)rows ? f->hl - (size_t)rows + 1 : 0;
		for (int r = 0; r < rows && top + (size_t)r < f->nmatch; r++) {
			size_t m = top + (size_t)r;
			const char *label = f->choices[f->match[m]];
			scr_put(w, y + r, x + fm->lw + 2, label, fm->fw, TA_LEFT,
			        m == f->hl ? scr_attr(ROLE_CURSOR) : A_NORMAL);
		}
		if (f->nmatch == 0)
			scr_put(w, y, x + fm->lw + 2, tr("(nothing matches)"), fm->fw, TA_LEFT, A_NORMAL);
	}
	char *hint = f->kind == FIELD_CHOICE && !fm->conflict
	    ? xstrdup(tr("Type to narrow the list; Ctrl-N/Ctrl-P or Up/Down pick; Tab takes it"))
	    : xasprintf(tr("Tab/Down: next  Up: back  F2: %s  Ctrl-U: clear  Esc: cancel"),
	                tr(fm->keys[0].label));
	scr_put(w, last, x, hint, aw, TA_LEFT, A_NORMAL);
	free(hint);
}

static void form_draw_field(struct form *fm, int i, int *cy, int *cx)
{
	struct field *f = &fm->fields[i];
	WINDOW *w = fm->win;
	int y = form_field_y(fm, i), fx = 3 + fm->lw + 1;
	size_t from, to;
	int cur;
	if (y >= getmaxy(w) - 1)
		return;
	scr_put(w, y, 1, i == fm->cur ? ">" : " ", 1, TA_LEFT, A_BOLD);
	scr_put(w, y, 3, f->label, fm->lw, TA_RIGHT, i == fm->cur ? A_BOLD : A_NORMAL);
	le_view(&f->le, fm->fw, &from, &to, &cur);
	char *shown = xstrndup(f->le.buf + from, to - from);
	scr_put(w, y, fx, shown, fm->fw, TA_LEFT, A_UNDERLINE);
	if (f->selected)         /* typing replaces it: shown as a selection */
		scr_put(w, y, fx, shown, width_str(shown) < fm->fw ? width_str(shown) : fm->fw,
		        TA_LEFT, A_UNDERLINE | A_REVERSE);
	free(shown);
	if (i == fm->cur) {
		*cy = y;
		*cx = fx + cur;
	}
}

static void form_draw(struct form *fm)
{
	WINDOW *w = fm->win;
	int cy = 0, cx = 0, iw = getmaxx(w) - 4;
	werase(w);
	scr_border(w);
	int tw = width_str(fm->title);
	if (tw > getmaxx(w) - 4)
		tw = getmaxx(w) - 4;
	mvwaddstr(w, 0, 1, " ");
	scr_put(w, 0, 2, fm->title, tw, TA_LEFT, A_BOLD);
	mvwaddstr(w, 0, 2 + tw, " ");
	for (int i = 0; i < fm->ninfo; i++)
		scr_put(w, 1 + i, 2, fm->info[i], iw, TA_LEFT, A_NORMAL);
	for (int i = 0; i < fm->n; i++)
		form_draw_field(fm, i, &cy, &cx);
	form_draw_area(fm);
	wmove(w, cy, cx);
}

/* The frame, then the form over it with the terminal cursor in the field. */
static void form_show(void *ctx, int resized)
{
	struct form *fm = ctx;
	if (frame_redraw(fm->frame, resized) != 0) {
		curs_set(0);
		doupdate();
		return;
	}
	if (resized || fm->win == NULL)
		form_place(fm);
	if (fm->win == NULL) {
		doupdate();
		return;
	}
	form_draw(fm);
	touchwin(fm->win);
	wnoutrefresh(fm->win);
	curs_set(1);
	doupdate();
}

/* ---- keys ---- */

/* Check the field being left; on success tell the caller if it changed.
 * An empty field may be left (a required one is refused on saving). */
static int form_leave(struct form *fm)
{
	struct field *f = &fm->fields[fm->cur];
	int required = f->required;
	f->required = 0;
	char *why = field_check(f);
	f->required = required;
	if (why != NULL) {
		form_message(fm, "%s", why);
		free(why);
		return -1;
	}
	if (fm->ops->left != NULL && strcmp(f->le.buf, fm->entered) != 0)
		fm->ops->left(fm->ctx, fm, fm->cur);
	return 0;
}

static void form_move(struct form *fm, int delta)
{
	int to = fm->cur + delta;
	if (form_leave(fm) != 0)
		return;
	if (to < 0)
		to = 0;
	if (to >= fm->n)
		to = fm->n - 1;
	form_enter(fm, to);
}

static int form_changed(const struct form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (field_changed(&fm->fields[i]))
			return 1;
	return 0;
}

/* Another clerk deleted the record: add it again (1: save anew), leave
 * it deleted (-1: close the form) or go back to the form (0). */
static int form_conflict_gone(struct form *fm, const struct edit_conflict *c)
{
	char *q = *c->by
	    ? xasprintf(tr("Deleted by %s: a add it again, l leave it deleted, Esc back"), c->by)
	    : xstrdup(tr("Deleted by another clerk: a add it again, l leave it deleted, Esc back"));
	int a = ask_key(fm->frame, q, "al", form_show, fm);
	free(q);
	fm->conflict = 0;
	if (a == 'a') {
		fm->ops->overrule(fm->ctx, c);
		return 1;
	}
	return a == 'l' ? -1 : 0;
}

/* Another clerk saved first: show it and let the clerk choose.  Returns
 * 1 to save again (keep mine), 0 to stay in the form, -1 to close it
 * (the record is deleted and the clerk leaves it so). */
static int form_conflict(struct form *fm, const struct edit_conflict *c)
{
	fm->conflict = 1;
	fm->c = *c;
	if (c->version == 0)
		return form_conflict_gone(fm, c);
	char *q = xasprintf(tr("%s changed it at %s to %s: r reload theirs, k keep mine, Esc back"),
	                    *c->by ? c->by : "?", *c->at ? c->at : "?", *c->value ? c->value : "-");
	int a = ask_key(fm->frame, q, "rk", form_show, fm);
	free(q);
	if (a == 'r') {
		fm->ops->reload(fm->ctx, fm);
		fm->conflict = 0;
		form_enter(fm, fm->cur);
		form_message(fm, "%s", tr("Their version is in the form now; F2 saves it"));
		return 0;
	}
	if (a == 'k') {
		fm->ops->overrule(fm->ctx, c);
		fm->conflict = 0;
		return 1;
	}
	return 0;
}

static int form_save(struct form *fm)
{
	if (form_leave(fm) != 0)
		return FORM_GOING;
	for (int i = 0; i < fm->n; i++) {
		char *why = field_check(&fm->fields[i]);
		if (why != NULL) {
			form_enter(fm, i);
			form_message(fm, "%s", why);
			free(why);
			return FORM_GOING;
		}
	}
	for (;;) {
		struct edit_conflict c;
		char *msg = NULL;
		memset(&c, 0, sizeof c);
		int rc = fm->ops->save(fm->ctx, fm, &c, &msg);
		if (rc == FORM_SAVED) {
			free(msg);
			return FORM_DONE;
		}
		if (rc == FORM_FAILED) {
			form_message(fm, "%s", msg ? msg : tr("Not saved"));
			free(msg);
			return FORM_GOING;
		}
		free(msg);
		int a = form_conflict(fm, &c);
		if (a < 0)
			return FORM_GONE;
		if (a == 0)
			return FORM_GOING;
	}
}

static int form_cancel(struct form *fm)
{
	if (!form_changed(fm))
		return FORM_CANCEL;
	return ask_yes(fm->frame, tr("Discard changes? y/n"), form_show, fm) ? FORM_CANCEL : FORM_GOING;
}

/* Keys that edit the text of field f.  Returns 1 if taken. */
static int form_edit_key(struct field *f, int k)
{
	struct lineedit *e = &f->le;
	/* a selected text goes on the first character typed or deleted;
	 * any other key only ends the selection */
	int typed = k >= 0x20 && k < KC_BASE && k != 0x7F;
	int deletes = k == KC_KEY(KEY_BACKSPACE) || k == 0x7F || k == KC_CTRL('h') ||
	              k == KC_KEY(KEY_DC) || k == KC_CTRL('d');
	if (field_end_selection(f, typed || deletes) && deletes)
		return 1;
	switch (k) {
	case KC_KEY(KEY_BACKSPACE): case 0x7F: case KC_CTRL('h'): le_backspace(e); break;
	case KC_KEY(KEY_DC): case KC_CTRL('d'): le_delete(e); break;
	case KC_KEY(KEY_LEFT): case KC_CTRL('b'): le_left(e); return 1;
	case KC_KEY(KEY_RIGHT): case KC_CTRL('f'): le_right(e); return 1;
	case KC_KEY(KEY_HOME): case KC_CTRL('a'): le_home(e); return 1;
	case KC_KEY(KEY_END): case KC_CTRL('e'): le_end(e); return 1;
	case KC_CTRL('u'): le_kill_before(e); break;
	case KC_CTRL('k'): le_kill_after(e); break;
	case KC_CTRL('w'): le_delete_word(e); break;
	default:
		if (k < 0x20 || k >= KC_BASE)
			return 0;
		if (f->kind == FIELD_CHOICE && !f->narrowing)
			le_set(e, "");        /* typing over the chosen label starts afresh */
		if (le_insert(e, (uint32_t)k) != 0)
			return 0;
	}
	if (f->kind == FIELD_CHOICE) {
		f->narrowing = 1;
		field_narrow(f);
	}
	return 1;
}

/* Up and Down in a choice being narrowed move in its list. */
static int form_list_key(struct field *f, int k)
{
	int open = f->kind == FIELD_CHOICE && f->narrowing && f->nmatch > 1;
	switch (k) {
	case KC_CTRL('n'): field_move(f, 1); return f->kind == FIELD_CHOICE;
	case KC_CTRL('p'): field_move(f, -1); return f->kind == FIELD_CHOICE;
	case KC_KEY(KEY_DOWN): if (open) field_move(f, 1); return open;
	case KC_KEY(KEY_UP): if (open) field_move(f, -1); return open;
	case KC_KEY(KEY_NPAGE): if (open) field_move(f, FORM_AREA - 1); return open;
	case KC_KEY(KEY_PPAGE): if (open) field_move(f, -(FORM_AREA - 1)); return open;
	}
	return 0;
}

static int form_key(struct form *fm, int k)
{
	struct field *f = &fm->fields[fm->cur];
	if (form_list_key(f, k))
		return FORM_GOING;
	switch (k) {
	case KC_F(2):
		return form_save(fm);
	case KC_ESC: case KC_F(10):
		return form_cancel(fm);
	case '\n':
		if (fm->cur == fm->n - 1)
			return form_save(fm);
		form_move(fm, 1);
		return FORM_GOING;
	case '\t':
		f->selected = 0;
		if (fm->ops->tab != NULL && fm->ops->tab(fm->ctx, fm, fm->cur))
			return FORM_GOING;
		form_move(fm, 1);
		return FORM_GOING;
	case KC_KEY(KEY_DOWN):
		form_move(fm, 1);
		return FORM_GOING;
	case KC_KEY(KEY_BTAB): case KC_KEY(KEY_UP):
		form_move(fm, -1);
		return FORM_GOING;
	}
	size_t before = le_chars(&f->le);
	if (form_edit_key(f, k) && f->kind == FIELD_CHOICE && fm->ops->edited != NULL)
		fm->ops->edited(fm->ctx, fm, fm->cur);
	/* a character the full field refused: say which field and its limit */
	if (k >= 0x20 && k < KC_BASE && k != 0x7F && f->le.maxchars && before >= f->le.maxchars)
		form_message(fm, tr("%s: at most %zu characters; this one is not taken"), f->label,
		             f->le.maxchars);
	return FORM_GOING;
}

int form_run(struct form *fm, struct frame *f)
{
	int r = FORM_GOING, resized = 0;
	fm->frame = f;
	if (fm->n == 0)
		return 0;
	form_enter(fm, fm->cur);
	const struct binding *bar = frame_set_keys(f, fm->keys);
	while (r == FORM_GOING) {
		form_show(fm, resized);
		resized = 0;
		untouchwin(stdscr);
		int k = keys_read(stdscr, KEYS_ESC_WAIT_MS)   /* Esc 2 saves */;
		if (k == KC_NONE)
			continue;
		if (k == KC_KEY(KEY_RESIZE)) {
			resized = 1;
			continue;
		}
		frame_clear_message(f);
		if (k == KC_CTRL('l')) {
			clearok(curscr, TRUE);
			continue;
		}
		if (scr_too_small())
			continue;
		r = form_key(fm, k);
	}
	curs_set(0);
	if (fm->win != NULL)
		delwin(fm->win);
	fm->win = NULL;
	frame_set_keys(f, bar);
	frame_uncover(f);
	fm->frame = NULL;
	return r == FORM_DONE ? 1 : r == FORM_GONE ? 2 : 0;
}
