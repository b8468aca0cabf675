/* ask.h: a question on the status line that waits for one of a few keys:
 * "Discard changes? y/n", "Delete ... ? y/n", "r reload / k keep mine".
 * It reads the keys itself, and keeps the screen whole through a resize:
 * the frame is drawn again, and the widget the question belongs to (a
 * form) through `redraw`. */
#ifndef INNOTRACK_ASK_H
#define INNOTRACK_ASK_H

#include "tui/frame.h"

/* Draws the frame and the widget over it, then doupdate (resized: after
 * a KEY_RESIZE).  NULL: the frame alone. */
typedef void (*ask_redraw_fn)(void *ctx, int resized);

/* Ask `question`; wait for one of the ASCII letters in `answers` (either
 * case; 是 counts as y and 否 as n).  Returns that letter in lower case,
 * or 0 for Esc.  The key bar is empty meanwhile. */
int ask_key(struct frame *f, const char *question, const char *answers,
            ask_redraw_fn redraw, void *ctx);

/* A yes/no question: 1 for y. */
int ask_yes(struct frame *f, const char *question, ask_redraw_fn redraw, void *ctx);

#endif
