/* screen.h: the terminal itself: starting and stopping curses, the one
 * table of colours (with a monochrome column, chosen once), the glyphs of
 * the frame (box lines in UTF-8, +-| in ascii mode), drawing fitted text,
 * and the "terminal too small" screen. */
#ifndef INNOTRACK_SCREEN_H
#define INNOTRACK_SCREEN_H

#include <curses.h>

#define SCR_MIN_COLS 80
#define SCR_MIN_LINES 24

enum scr_role {
	ROLE_NORMAL = 0,
	ROLE_TITLE,        /* the title line */
	ROLE_CURSOR,       /* the selected row or menu entry, in the focused pane */
	ROLE_CURSOR_DIM,   /* the same in a pane without the focus */
	ROLE_HEADER,       /* a table's header row */
	ROLE_STATUS,       /* the status line */
	ROLE_MESSAGE,      /* an error or notice on the status line */
	ROLE_KEYNUM,       /* the F-key number on the key bar */
	ROLE_KEYLABEL,     /* its label */
	ROLE_BORDER,       /* pane separators and window borders */
	ROLE_COUNT
};

/* Start curses on the terminal of stdin/stdout (newterm, checked).
 * ascii: plain +-| and ~ instead of box lines and the ellipsis; colours:
 * 0 for none; esc_delay: ms to wait after Esc, or -1 to leave curses's.
 * Returns 0, or -1 with *err set (caller frees) when the terminal cannot
 * be used; curses is then not left running. */
int scr_start(int ascii, int colours, int esc_delay, char **err);
void scr_stop(void);

/* The attributes of a role: colour when the terminal has it (and
 * colours are on), else the monochrome column. */
attr_t scr_attr(enum scr_role r);

int scr_ascii(void);
const char *scr_vbar(void);       /* "│" or "|" */
const char *scr_sep(void);        /* " · " or " / ", between words of a status */

/* Draw s at (y, x) of w, fitted to exactly `cells` cells (see text_fit). */
void scr_put(WINDOW *w, int y, int x, const char *s, int cells, int align, attr_t a);

/* A border around w: box lines, or +-| in ascii mode. */
void scr_border(WINDOW *w);

/* Is the terminal below SCR_MIN_COLS x SCR_MIN_LINES? */
int scr_too_small(void);
/* Say so on the whole screen (into the virtual screen; caller updates). */
void scr_draw_too_small(void);

#endif
