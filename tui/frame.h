/* frame.h: the layout of the full-screen program and its event loop.
 *
 *   title line
 *   menu pane | work pane (the active section draws here)
 *   status line: the section's context on the left, the position right
 *   key bar: 1Help ... 10Quit, only the F-keys that work here
 *
 * A section (the indicators now; the registers and imports later) is a
 * const struct section_ops and its state.  Popups (help, lists) open over
 * everything and take the keys until closed. */
#ifndef INNOTRACK_FRAME_H
#define INNOTRACK_FRAME_H

#include <curses.h>
#include <stddef.h>

struct frame;
struct popup;

/* A key and what it does: for the key bar (fkey 1-10, label) and the help
 * window (keys, what).  Texts in English; they are translated when drawn.
 * A table of bindings ends with an entry whose `what` is NULL. */
struct binding {
	int fkey;               /* 1..10 to show on the key bar; 0: not an F-key */
	const char *label;      /* short label on the bar; with fkey 0 the bar
	                           shows the first of `keys` and this after the
	                           F-keys, as far as there is room; NULL: help only */
	const char *keys;       /* the keys, as the help lists them */
	const char *what;       /* what they do */
};

struct section_ops {
	const char *label;                    /* the menu entry (English) */
	const struct binding *bindings;       /* the section's own keys */
	/* The work pane is win, h lines by w cells (after every resize). */
	void (*place)(void *self, WINDOW *win, int h, int w);
	/* Draw into the pane what changed, or everything if all != 0. */
	void (*draw)(void *self, int all);
	/* A key; focused: the work pane has the focus (else the menu has it,
	 * and moving keys are not the section's).  Returns 1 if taken. */
	int (*key)(void *self, struct frame *f, int key, int focused);
	/* Left of the status line (where and when), and the position at right. */
	void (*status)(void *self, char *buf, size_t size);
	void (*position)(void *self, char *buf, size_t size);
	void (*focus)(void *self, int on);
	/* Work left to do between keys (a count, a search), one short slice
	 * at a time: called while no key is waiting.  Returns 1 if there is
	 * more.  May be NULL. */
	int (*idle)(void *self, struct frame *f);
};

struct section {
	const struct section_ops *ops;
	void *self;                            /* not owned */
	const char *group;                     /* the menu heading it stands under
	                                          (English, translated when drawn);
	                                          NULL: none */
};

/* sections must outlive the frame.  The work pane has the focus at first. */
struct frame *frame_new(const struct section *sections, int n);
void frame_free(struct frame *f);
/* The login shown at the right of the title line; it must outlive the
 * frame (the session's, see core/session.h). */
void frame_set_login(struct frame *f, const char *login);

/* Run until the clerk quits.  Returns the exit status (0). */
int frame_run(struct frame *f);

/* The loop of frame_run in parts, for driving the frame without a
 * keyboard (the benchmark): lay out for the terminal's size, draw what
 * changed and update the terminal, and take one key (1: the clerk quits). */
void frame_start(struct frame *f);
void frame_paint(struct frame *f);
int frame_key(struct frame *f, int key);
/* One slice of the work pane's work between keys (section_ops.idle).
 * Returns 1 if there is more. */
int frame_idle(struct frame *f);

/* A one-line prompt on the status line ("Search: 陶瓷"), edited with the
 * line editor; it takes the keys until Enter or Esc.  changed (may be
 * NULL) is called after every edit, done on Enter, cancel on Esc; the
 * prompt is closed before done and cancel are called, so they may open
 * another.  text is the prefilled text; label is shown as given. */
struct prompt_ops {
	void (*changed)(void *ctx, struct frame *f, const char *text);
	void (*done)(void *ctx, struct frame *f, const char *text);
	void (*cancel)(void *ctx, struct frame *f);
};
void frame_prompt(struct frame *f, const char *label, const char *text,
                  const struct prompt_ops *ops, void *ctx);
/* Change the open prompt's label (to say "not found", say). */
void frame_prompt_label(struct frame *f, const char *label);

/* Open p over the screen; the frame owns it from now on. */
void frame_popup(struct frame *f, struct popup *p);

/* A message on the status line until the next key.  printf-style. */
void frame_message(struct frame *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void frame_clear_message(struct frame *f);

/* For a widget that reads the keys itself while it is open (a form, a
 * question on the status line): draw the frame into the virtual screen,
 * laid out again first after a KEY_RESIZE, without doupdate.  Returns 0,
 * or -1 when the terminal is too small (the frame says so instead). */
int frame_redraw(struct frame *f, int resized);

/* The key bar shows `keys` (a table of bindings) instead of the screen's
 * while such a widget is open; NULL gives the screen's back.  Returns the
 * table shown before, to put back. */
const struct binding *frame_set_keys(struct frame *f, const struct binding *keys);

/* A window the frame does not know about closed: show what it covered. */
void frame_uncover(struct frame *f);

#endif
