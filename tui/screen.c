/* screen.c: curses start and stop, colours, glyphs, fitted text (see screen.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <term.h>

#include "core/i18n.h"
#include "core/util.h"
#include "tui/screen.h"
#include "tui/sigquit.h"
#include "tui/text.h"

static SCREEN *scr_screen;
static int scr_is_ascii;
static int scr_colour;      /* colours in use; chosen once at start */

/* One line per role: the colour pair and attribute when the terminal has
 * colours, and the attribute without them.  Foregrounds are only set with
 * a background, so that every pair reads on light and dark terminals. */
static const struct {
	short  fg, bg;
	attr_t colour;
	attr_t mono;
} scr_roles[ROLE_COUNT] = {
	[ROLE_NORMAL]     = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE]      = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_CURSOR]     = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_CURSOR_DIM] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_UNDERLINE },
	[ROLE_HEADER]     = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[ROLE_STATUS]     = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_MESSAGE]    = { COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE },
	[ROLE_KEYNUM]     = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_KEYLABEL]   = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_BORDER]     = { -1, -1, A_NORMAL, A_NORMAL },
};

static void scr_colours(int colours)
{
	scr_colour = colours && has_colors() && start_color() == OK;
	if (!scr_colour)
		return;
	use_default_colors();
	for (int r = 1; r < ROLE_COUNT; r++)
		init_pair((short)r, scr_roles[r].fg, scr_roles[r].bg);
}

int scr_start(int ascii, int colours, int esc_delay, char **err)
{
	const char *term = getenv("TERM");
	scr_is_ascii = ascii;
	sigquit_save_terminal();
	scr_screen = newterm(NULL, stdout, stdin);
	if (scr_screen == NULL) {
		err_set(err, "cannot use the terminal type \"%s\" (is TERM set right?)",
		        term ? term : "");
		return -1;
	}
	const char *cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(scr_screen);
		scr_screen = NULL;
		err_set(err, "the terminal type \"%s\" cannot move the cursor; "
		        "a full-screen program needs one that can", term ? term : "");
		return -1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* how long curses waits for the rest of an escape sequence before it
	 * calls the Esc a lone one */
	if (esc_delay >= 0)
		set_escdelay(esc_delay);
	curs_set(0);
	scr_colours(colours);
	sigquit_install();
	return 0;
}

void scr_stop(void)
{
	if (scr_screen == NULL)
		return;
	endwin();
	delscreen(scr_screen);
	scr_screen = NULL;
}

attr_t scr_attr(enum scr_role r)
{
	if (!scr_colour)
		return scr_roles[r].mono;
	if (r == ROLE_NORMAL || scr_roles[r].bg < 0)
		return scr_roles[r].colour;
	return COLOR_PAIR(r) | scr_roles[r].colour;
}

int scr_ascii(void)
{
	return scr_is_ascii;
}

const char *scr_vbar(void)
{
	return scr_is_ascii ? "|" : "\xE2\x94\x82";
}

const char *scr_sep(void)
{
	return scr_is_ascii ? " / " : " \xC2\xB7 ";
}

void scr_put(WINDOW *w, int y, int x, const char *s, int cells, int align, attr_t a)
{
	if (cells <= 0)
		return;
	char *t = text_fit(s, cells, align, scr_is_ascii);
	wattrset(w, a);
	mvwaddstr(w, y, x, t);
	wattrset(w, A_NORMAL);
	free(t);
}

void scr_border(WINDOW *w)
{
	wattrset(w, scr_attr(ROLE_BORDER));
	if (scr_is_ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
	wattrset(w, A_NORMAL);
}

int scr_too_small(void)
{
	return COLS < SCR_MIN_COLS || LINES < SCR_MIN_LINES;
}

void scr_draw_too_small(void)
{
	char *need = xasprintf(tr("Terminal too small (need %dx%d, have %dx%d)"),
	                       SCR_MIN_COLS, SCR_MIN_LINES, COLS, LINES);
	const char *hint = tr("Enlarge the window, or press q to quit");
	werase(stdscr);
	for (int i = 0; i < 2; i++) {
		const char *s = i ? hint : need;
		int y = LINES / 2 - 1 + i;
		int w = COLS;
		if (y < 0 || y >= LINES)
			continue;
		scr_put(stdscr, y, 0, s, w, 0, i ? A_NORMAL : A_BOLD);
	}
	wnoutrefresh(stdscr);
	free(need);
}
