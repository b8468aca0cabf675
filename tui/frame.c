/* frame.c: title, menu pane, work pane, status line, key bar, popups and
 * the event loop (see frame.h).  Each part is drawn when it changed; the
 * loop ends every round with one doupdate. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/lineedit.h"
#include "tui/popup.h"
#include "tui/prompt.h"
#include "tui/screen.h"


struct frame {
	const struct section *sections;   /* not owned */
	int nsections;
	int active;                        /* the section in the work pane */
	int focus_menu;                    /* the menu pane has the focus */
	int menu_w;                        /* menu pane width, with its bar */
	const char *login;                 /* at the title's right; not owned; may be NULL */

	WINDOW *title, *menu, *work, *status, *bar;   /* owned; NULL when too small */
	struct popup *popup;               /* owned; NULL if none */
	const struct binding *keys;        /* a widget's keys for the bar; not owned */

	char *msg;                         /* status message until the next key; owned */
	char *drawn_status;                /* what the status line shows; owned */
	char *drawn_bar;                   /* what the key bar shows; owned */
	int full;                          /* everything must be drawn again */
	int touch;                         /* a popup closed: show what was under it */
	int menu_dirty;
	int popup_dirty;

	/* the prompt on the status line, if label != NULL */
	char *prompt_label;                /* owned */
	struct lineedit prompt;            /* owned while open */
	const struct prompt_ops *prompt_ops;
	void *prompt_ctx;
	int prompt_x;                      /* the cursor's column on the status line */
};

static const struct binding frame_keys[] = {
	{ 1, N_("Help"), "F1  ?", N_("Show the keys of this screen") },
	{ 9, N_("Menu"), "F9", N_("Go to the menu of screens (Enter or Tab comes back)") },
	{ 10, N_("Quit"), "F10  q", N_("Quit innotrack") },
	{ 0, NULL, "Esc 1..9  Esc 0",
	  N_("Same as F1..F9 and F10 (for terminals that swallow F-keys); the digit may come up to a second later") },
	{ 0, NULL, "Esc Esc", N_("Esc at once, without waiting for a digit") },
	{ 0, NULL, "Tab", N_("Move between the menu and the work pane") },
	{ 0, NULL, "Up Down  j k  Enter", N_("(In the menu) choose a screen; Enter goes to it") },
	{ 0, NULL, "Home End  g G", N_("(In the menu) the first or the last screen") },
	{ 0, NULL, "Ctrl-L", N_("Draw the whole screen again") },
	{ 0, NULL, NULL, NULL }
};

static const struct binding popup_keys[] = {
	{ 10, N_("Close"), "Esc  F10  q", N_("Close this window") },
	{ 0, NULL, NULL, NULL }
};

static const struct binding prompt_keys[] = {
	{ 10, N_("Quit"), "F10", N_("Quit innotrack") },
	{ 0, NULL, NULL, NULL }
};

struct frame *frame_new(const struct section *sections, int n)
{
	struct frame *f = xcalloc(1, sizeof *f);
	f->sections = sections;
	f->nsections = n;
	f->full = 1;
	return f;
}

static void frame_delwins(struct frame *f)
{
	WINDOW **w[] = { &f->title, &f->menu, &f->work, &f->status, &f->bar };
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

void frame_set_login(struct frame *f, const char *login)
{
	f->login = login;
	f->full = 1;
}

void frame_free(struct frame *f)
{
	if (f == NULL)
		return;
	frame_delwins(f);
	popup_free(f->popup);
	if (f->prompt_label != NULL)
		le_free(&f->prompt);
	free(f->prompt_label);
	free(f->msg);
	free(f->drawn_status);
	free(f->drawn_bar);
	free(f);
}

static WINDOW *frame_win(int h, int w, int y, int x)
{
	WINDOW *win = newwin(h, w, y, x);
	if (win == NULL) {
		fprintf(stderr, "innotrack: out of memory (window %dx%d)\n", w, h);
		abort();
	}
	return win;
}

static const struct section *frame_section(const struct frame *f)
{
	return &f->sections[f->active];
}

/* Make the windows for the terminal's size (at start and on KEY_RESIZE). */
static void frame_layout(struct frame *f)
{
	frame_delwins(f);
	clearok(curscr, TRUE);
	f->full = 1;
	if (scr_too_small())
		return;
	f->menu_w = 0;
	for (int i = 0; i < f->nsections; i++) {
		const char *g = f->sections[i].group;
		int w = 1 + width_str(tr(f->sections[i].ops->label));
		if (g != NULL && width_str(tr(g)) > w)
			w = width_str(tr(g));
		if (w > f->menu_w)
			f->menu_w = w;
	}
	f->menu_w += 2;        /* a space after, and the bar */
	int h = LINES - 3, w = COLS - f->menu_w;
	f->title = frame_win(1, COLS, 0, 0);
	f->menu = frame_win(h, f->menu_w, 1, 0);
	f->work = frame_win(h, w, 1, f->menu_w);
	f->status = frame_win(1, COLS, LINES - 2, 0);
	f->bar = frame_win(1, COLS, LINES - 1, 0);
	for (int i = 0; i < f->nsections; i++)
		f->sections[i].ops->place(f->sections[i].self, f->work, h, w);
	if (f->popup != NULL)
		popup_place(f->popup);
}

static void frame_draw_title(struct frame *f)
{
	char *left = xasprintf(" innotrack  %s", tr("Innovation policy ledger"));
	const char *login = f->login != NULL ? f->login : "";
	int rw = width_str(login) + 1;
	scr_put(f->title, 0, 0, left, COLS, TA_LEFT, scr_attr(ROLE_TITLE));
	if (*login != '\0' && COLS - rw > width_str(left) + 1)
		scr_put(f->title, 0, COLS - rw, login, rw - 1, TA_RIGHT, scr_attr(ROLE_TITLE));
	free(left);
}

/* Does section i stand under a heading of its own (the first of its group)? */
static int menu_heads(const struct frame *f, int i)
{
	const char *g = f->sections[i].group, *prev = i ? f->sections[i - 1].group : NULL;
	return g != NULL && (prev == NULL || strcmp(g, prev) != 0);
}

/* A heading over each group of screens.  When the menu is longer than its
 * pane (more kinds of record than lines), it scrolls to keep the active
 * screen in view. */
static void frame_draw_menu(struct frame *f)
{
	int h = getmaxy(f->menu), lines = 0, at = 0;
	for (int i = 0; i < f->nsections; i++) {
		lines += 1 + menu_heads(f, i);
		if (i == f->active)
			at = lines - 1;
	}
	int top = lines > h && at >= h ? at - h + 1 : 0;
	werase(f->menu);
	for (int i = 0, y = -top; i < f->nsections; i++, y++) {
		if (menu_heads(f, i) && y++ >= 0 && y - 1 < h)
			scr_put(f->menu, y - 1, 0, tr(f->sections[i].group), f->menu_w - 1, TA_LEFT,
			        scr_attr(ROLE_HEADER));
		if (y < 0 || y >= h)
			continue;
		enum scr_role r = i != f->active ? ROLE_NORMAL
		                  : f->focus_menu ? ROLE_CURSOR : ROLE_CURSOR_DIM;
		char *s = xasprintf(" %s", tr(f->sections[i].ops->label));
		scr_put(f->menu, y, 0, s, f->menu_w - 1, TA_LEFT, scr_attr(r));
		free(s);
	}
	for (int y = 0; y < h; y++)
		scr_put(f->menu, y, f->menu_w - 1, scr_vbar(), 1, TA_LEFT, scr_attr(ROLE_BORDER));
	f->menu_dirty = 0;
}

/* The status line: a message, or the section's context; the position at
 * the right.  Drawn only when its text changed. */
/* The prompt's label and text at the left of the status line, `cells`
 * wide; where the cursor stands is kept in prompt_x. */
static void frame_draw_prompt(struct frame *f, int cells)
{
	int lw = width_str(f->prompt_label);
	if (lw > cells / 2)
		lw = cells / 2;
	scr_put(f->status, 0, 1, f->prompt_label, lw, TA_LEFT, scr_attr(ROLE_STATUS));
	size_t from, to;
	int cx;
	le_view(&f->prompt, cells - lw, &from, &to, &cx);
	char *shown = xstrndup(f->prompt.buf + from, to - from);
	scr_put(f->status, 0, 1 + lw, shown, cells - lw, TA_LEFT, scr_attr(ROLE_STATUS));
	free(shown);
	f->prompt_x = 1 + lw + cx;
}

static void frame_draw_status(struct frame *f)
{
	char left[512], right[128];
	const struct section *s = frame_section(f);
	if (f->prompt_label != NULL)
		snprintf(left, sizeof left, "%s%s\x1f%zu", f->prompt_label, f->prompt.buf,
		         f->prompt.cur);
	else if (f->msg != NULL)
		snprintf(left, sizeof left, "%s", f->msg);
	else
		s->ops->status(s->self, left, sizeof left);
	if (f->popup != NULL)
		table_position(&f->popup->table, right, sizeof right);
	else
		s->ops->position(s->self, right, sizeof right);
	char *all = xasprintf("%d\x1f%s\x1f%s", f->msg != NULL, left, right);
	if (!f->full && f->drawn_status != NULL && strcmp(all, f->drawn_status) == 0) {
		free(all);
		return;
	}
	free(f->drawn_status);
	f->drawn_status = all;
	int rw = width_str(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
	/* a message longer than the room beside the position takes the whole
	 * line (until the next key): a refusal must be read to its end */
	if (f->msg != NULL && f->prompt_label == NULL && width_str(left) > COLS - rw - 3)
		rw = 0;
	scr_put(f->status, 0, 0, "", COLS, TA_LEFT, scr_attr(ROLE_STATUS));
	if (f->prompt_label != NULL)
		frame_draw_prompt(f, COLS - rw - 3);
	else
		scr_put(f->status, 0, 1, left, COLS - rw - 3, TA_LEFT,
		        scr_attr(f->msg != NULL ? ROLE_MESSAGE : ROLE_STATUS));
	if (rw > 0)
		scr_put(f->status, 0, COLS - rw - 1, right, rw, TA_RIGHT, scr_attr(ROLE_STATUS));
}

/* The tables of keys in use: a widget's, a popup's, or the frame's and
 * the section's. */
static void frame_lists(const struct frame *f, const struct binding *lists[2])
{
	lists[0] = f->keys;
	lists[1] = NULL;
	if (f->keys != NULL)
		return;
	if (f->popup != NULL) {
		lists[0] = f->popup->bindings;
		lists[1] = popup_keys;
	} else if (f->prompt_label != NULL) {
		lists[0] = prompt_keys;
	} else {
		lists[0] = frame_keys;
		lists[1] = frame_section(f)->ops->bindings;
	}
}

/* The binding for F-key n in the current keys, or NULL. */
static const struct binding *frame_fkey(const struct frame *f, int n)
{
	const struct binding *lists[2];
	frame_lists(f, lists);
	for (int l = 0; l < 2; l++)
		for (const struct binding *b = lists[l]; b != NULL && b->what != NULL; b++)
			if (b->fkey == n)
				return b;
	return NULL;
}

/* The bar's entries: F-keys 1-10, then the other keys that have a label
 * ("r" and the label); `key` gets what is shown before the label. */
static int frame_bar_entries(const struct frame *f, const struct binding **out,
                             char (*key)[12], int max)
{
	const struct binding *lists[2];
	int n = 0;
	for (int k = 1; k <= 10 && n < max; k++)
		if ((out[n] = frame_fkey(f, k)) != NULL)
			snprintf(key[n++], 12, "%d", k);
	frame_lists(f, lists);
	for (int l = 0; l < 2; l++)
		for (const struct binding *b = lists[l]; b != NULL && b->what != NULL && n < max; b++)
			if (b->fkey == 0 && b->label != NULL) {
				const char *gap = strstr(b->keys, "  ");
				size_t len = gap ? (size_t)(gap - b->keys) : strlen(b->keys);
				out[n] = b;
				snprintf(key[n++], 12, "%.*s ", (int)(len < 6 ? len : 6), b->keys);
			}
	return n;
}

/* The key bar, mc style: the number, then the label in reverse.  When the
 * keys do not all fit and F1 lists them (the screen's own keys), the bar
 * ends with "1 More keys" at the right. */
static void frame_draw_bar(struct frame *f)
{
	const struct binding *e[32];
	char key[32][12];
	int n = frame_bar_entries(f, e, key, 32);
	struct sbuf sig = { 0 };
	sbuf_add(&sig, "", 0);
	for (int i = 0; i < n; i++)
		sbuf_printf(&sig, "%s%s\x1f", key[i], tr(e[i]->label));
	if (!f->full && f->drawn_bar != NULL && strcmp(sig.s, f->drawn_bar) == 0) {
		sbuf_free(&sig);
		return;
	}
	free(f->drawn_bar);
	f->drawn_bar = sbuf_take(&sig);
	werase(f->bar);
	int total = -1;
	for (int i = 0; i < n; i++)
		total += width_str(key[i]) + width_str(tr(e[i]->label)) + 2;
	const char *more = tr("More keys");
	int mw = 1 + width_str(more);
	int cut = total > COLS && f->keys == NULL && f->popup == NULL && f->prompt_label == NULL
	          && COLS > 2 * mw;
	int room = cut ? COLS - mw - 1 : COLS;
	int x = 0;
	for (int i = 0; i < n && x < room; i++) {
		int nw = width_str(key[i]);
		int lw = width_str(tr(e[i]->label)) + 1;
		if (e[i]->fkey == 0 && x + nw + lw > room)
			break;                 /* other keys only when they fit whole */
		if (x + nw + lw > room)
			lw = room - x - nw;
		if (lw < 1)
			break;
		scr_put(f->bar, 0, x, key[i], nw, TA_LEFT, scr_attr(ROLE_KEYNUM));
		scr_put(f->bar, 0, x + nw, tr(e[i]->label), lw, TA_LEFT, scr_attr(ROLE_KEYLABEL));
		x += nw + lw + 1;
	}
	if (cut) {
		scr_put(f->bar, 0, COLS - mw, "1", 1, TA_LEFT, scr_attr(ROLE_KEYNUM));
		scr_put(f->bar, 0, COLS - mw + 1, more, mw - 1, TA_LEFT, scr_attr(ROLE_KEYLABEL));
	}
}

static void frame_draw(struct frame *f)
{
	const struct section *s = frame_section(f);
	if (f->title == NULL) {            /* too small */
		if (f->full)
			scr_draw_too_small();
		f->full = 0;
		return;
	}
	if (f->full) {
		frame_draw_title(f);
		werase(f->work);
	}
	if (f->full || f->menu_dirty)
		frame_draw_menu(f);
	s->ops->draw(s->self, f->full);
	frame_draw_status(f);
	frame_draw_bar(f);
	WINDOW *base[] = { f->title, f->menu, f->work, f->status, f->bar };
	for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) {
		if (f->touch)
			touchwin(base[i]);
		wnoutrefresh(base[i]);
	}
	if (f->popup != NULL && f->popup->win != NULL) {
		popup_draw(f->popup, f->full || f->popup_dirty);
		touchwin(f->popup->win);     /* stays on top of what changed below */
		wnoutrefresh(f->popup->win);
	} else if (f->prompt_label != NULL) {
		/* the terminal's cursor goes where the last window left its own */
		wmove(f->status, 0, f->prompt_x);
		wnoutrefresh(f->status);
	}
	f->full = f->touch = f->popup_dirty = 0;
}

void frame_prompt(struct frame *f, const char *label, const char *text,
                  const struct prompt_ops *ops, void *ctx)
{
	if (f->prompt_label != NULL)
		le_free(&f->prompt);
	free(f->prompt_label);
	f->prompt_label = xstrdup(label);
	le_init(&f->prompt, text, 0);
	f->prompt_ops = ops;
	f->prompt_ctx = ctx;
	curs_set(1);
}

void frame_prompt_label(struct frame *f, const char *label)
{
	if (f->prompt_label == NULL)
		return;
	free(f->prompt_label);
	f->prompt_label = xstrdup(label);
}

/* Close the prompt; its text (caller frees) is returned. */
static char *frame_prompt_close(struct frame *f)
{
	char *text = xstrdup(f->prompt.buf);
	le_free(&f->prompt);
	free(f->prompt_label);
	f->prompt_label = NULL;
	curs_set(0);
	return text;
}

/* One key while the prompt is open. */
static void frame_prompt_key(struct frame *f, int k)
{
	const struct prompt_ops *ops = f->prompt_ops;
	void *ctx = f->prompt_ctx;
	char *text;
	switch (prompt_key(&f->prompt, k)) {
	case PROMPT_EDITED:
		if (ops->changed != NULL)
			ops->changed(ctx, f, f->prompt.buf);
		break;
	case PROMPT_ENTER:
		text = frame_prompt_close(f);
		ops->done(ctx, f, text);
		free(text);
		break;
	case PROMPT_CANCEL:
		free(frame_prompt_close(f));
		ops->cancel(ctx, f);
		break;
	default:
		break;
	}
}

void frame_popup(struct frame *f, struct popup *p)
{
	popup_free(f->popup);
	f->popup = p;
	f->popup_dirty = 1;
	if (f->title != NULL)
		popup_place(p);
}

static void frame_close_popup(struct frame *f)
{
	popup_free(f->popup);
	f->popup = NULL;
	f->touch = 1;
}

void frame_clear_message(struct frame *f)
{
	free(f->msg);
	f->msg = NULL;
}

int frame_redraw(struct frame *f, int resized)
{
	if (resized)
		frame_layout(f);
	frame_draw(f);
	return f->title != NULL ? 0 : -1;
}

const struct binding *frame_set_keys(struct frame *f, const struct binding *keys)
{
	const struct binding *old = f->keys;
	f->keys = keys;
	return old;
}

void frame_uncover(struct frame *f)
{
	f->touch = 1;
	f->popup_dirty = 1;
}

void frame_message(struct frame *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	free(f->msg);
	f->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

/* The help window: the frame's keys and the section's. */
static void frame_help(struct frame *f)
{
	static const enum table_align align[] = { TA_LEFT, TA_LEFT };
	const char *titles[] = { tr("Keys"), tr("Action") };
	const struct section *s = frame_section(f);
	char *title = xasprintf(tr("%s: %s"), tr("Help"), tr(s->ops->label));
	struct popup *p = popup_new(title, 2, titles, align);
	const struct binding *lists[] = { frame_keys, s->ops->bindings };
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
		for (const struct binding *b = lists[l]; b->what != NULL; b++) {
			const char *row[] = { b->keys, tr(b->what) };
			grid_add(&p->grid, row);
		}
	popup_ready(p, 0);
	frame_popup(f, p);
	free(title);
}

static void frame_set_focus(struct frame *f, int menu)
{
	const struct section *s = frame_section(f);
	f->focus_menu = menu;
	f->menu_dirty = 1;
	s->ops->focus(s->self, !menu);
}

/* Keys of the menu pane when it has the focus.  Returns 1 if taken. */
static int frame_menu_key(struct frame *f, int k)
{
	int to = f->active;
	switch (k) {
	case 'k': case KC_KEY(KEY_UP):   to--; break;
	case 'j': case KC_KEY(KEY_DOWN): to++; break;
	case 'g': case KC_KEY(KEY_HOME): to = 0; break;
	case 'G': case KC_KEY(KEY_END):  to = f->nsections - 1; break;
	case '\n': case 'l': case KC_KEY(KEY_RIGHT): case KC_F(9):
		frame_set_focus(f, 0);
		return 1;
	default:
		return 0;
	}
	if (to >= 0 && to < f->nsections && to != f->active) {
		f->active = to;
		f->full = 1;
	}
	return 1;
}

/* One key while a popup is open. */
static void frame_popup_key(struct frame *f, int k)
{
	int r = popup_key(f->popup, k);
	if (r == POPUP_CLOSE)
		frame_close_popup(f);
}

/* A lone Esc was read and the keys wait for a digit: say so on the
 * status line at once, so that the Esc is answered without a visible
 * wait (it acts when the second is over, or at once on Esc Esc). */
static void frame_esc_shown(void *ctx)
{
	struct frame *f = ctx;
	if (f->status == NULL)
		return;
	scr_put(f->status, 0, 0, "", COLS, TA_LEFT, scr_attr(ROLE_STATUS));
	scr_put(f->status, 0, 1, tr("Esc: a digit now is an F-key (Esc 2 = F2, Esc 0 = F10); Esc again: at once"),
	        COLS - 2, TA_LEFT, scr_attr(ROLE_MESSAGE));
	leaveok(f->status, TRUE);         /* a form's cursor stays in its field */
	wnoutrefresh(f->status);
	doupdate();
	leaveok(f->status, FALSE);
	free(f->drawn_status);            /* drawn again after the key */
	f->drawn_status = NULL;
}

/* How long a digit after Esc may wait: a second where Esc and the digit
 * mean different things; 0 (Esc at once) where Esc only closes: a prompt,
 * a popup whose only F-key is Close. */
static int frame_esc_wait(const struct frame *f)
{
	if (f->prompt_label != NULL)
		return 0;
	if (f->popup != NULL) {
		for (const struct binding *b = f->popup->bindings; b != NULL && b->what != NULL; b++)
			if (b->fkey != 0 && b->fkey != 10)
				return KEYS_ESC_WAIT_MS;
		return 0;
	}
	return KEYS_ESC_WAIT_MS;
}

void frame_start(struct frame *f)
{
	frame_layout(f);
	frame_set_focus(f, 0);
	keys_on_esc(frame_esc_shown, f);
}

void frame_paint(struct frame *f)
{
	frame_draw(f);
	doupdate();
}

int frame_key(struct frame *f, int k)
{
	if (k == KC_NONE)
		return 0;
	if (k == KC_KEY(KEY_RESIZE)) {
		frame_layout(f);
		return 0;
	}
	if (f->msg != NULL) {
		free(f->msg);
		f->msg = NULL;
	}
	if (k == KC_CTRL('l')) {
		clearok(curscr, TRUE);
		f->full = 1;
		return 0;
	}
	if (f->title == NULL)          /* too small: only quitting works */
		return k == 'q' || k == KC_F(10);
	if (f->popup != NULL) {
		frame_popup_key(f, k);
		return 0;
	}
	if (k == KC_F(10))
		return 1;
	if (f->prompt_label != NULL) {
		frame_prompt_key(f, k);
		return 0;
	}
	const struct section *s = frame_section(f);
	if (k == 'q')
		return 1;
	if (k == '?' || k == KC_F(1))
		frame_help(f);
	else if (k == '\t' || k == KC_KEY(KEY_BTAB))
		frame_set_focus(f, !f->focus_menu);
	else if (k == KC_F(9) && !f->focus_menu)
		frame_set_focus(f, 1);
	else if (!(f->focus_menu && frame_menu_key(f, k)))
		s->ops->key(s->self, f, k, !f->focus_menu);
	return 0;
}

int frame_idle(struct frame *f)
{
	const struct section *s = frame_section(f);
	if (s->ops->idle == NULL || f->title == NULL)
		return 0;
	return s->ops->idle(s->self, f);
}

/* Keys come first: while the section has work between keys, the loop
 * looks for a key without waiting and does a slice of the work only if
 * none is there, so that a key waits at most one slice. */
int frame_run(struct frame *f)
{
	int busy = 1;
	frame_start(f);
	for (;;) {
		frame_paint(f);
		untouchwin(stdscr);   /* reading keys from it must not repaint it */
		int esc = frame_esc_wait(f);
		int k = busy ? keys_poll(stdscr, esc) : keys_read(stdscr, esc);
		if (k == KC_NONE && busy) {
			busy = frame_idle(f);
			continue;
		}
		busy = 1;             /* the key may have given the section work */
		if (frame_key(f, k))
			return 0;
	}
}
