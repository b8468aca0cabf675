/* app.c: the full-screen program: the terminal, the sections, the loop. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/profile.h"
#include "core/session.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/frame.h"
#include "tui/funnel.h"
#include "tui/histscreen.h"
#include "tui/impscreen.h"
#include "tui/indscreen.h"
#include "tui/regscreen.h"
#include "tui/taskscreen.h"
#include "tui/screen.h"
#include "tui/userscreen.h"

/* A write waits for another clerk's (see db_on_wait): say so on the
 * status line, over whatever is there, until the frame paints again. */
static void show_wait(void *ctx, const char *text)
{
	struct frame *f = ctx;
	if (text == NULL) {
		frame_uncover(f);
		return;
	}
	WINDOW *w = newwin(1, COLS, LINES - 2, 0);
	if (w == NULL)
		return;
	scr_put(w, 0, 0, text, COLS, -1, scr_attr(ROLE_MESSAGE));
	wnoutrefresh(w);
	doupdate();
	delwin(w);
	touchline(stdscr, LINES - 2, 1);
}

/* The menu: the indicators at the top, then the register of every kind
 * that names a menu heading, in the order of the descriptions (it fits
 * the 21 lines a 24-line terminal leaves it).  The import batches have a
 * screen of their own, which imports and undoes. */
int app_run(struct db *db, const struct app_opts *opts)
{
	char *err = NULL;
	if (scr_start(opts->ascii, opts->colours, opts->esc_delay, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return 2;
	}
	struct section sections[64];
	int n = 0;
	sections[n++] = (struct section){ &indscreen_ops, indscreen_new(db), NULL };
	for (const struct profile *const *p = profiles; *p && n < 61; p++) {
		if ((*p)->group == NULL)
			continue;
		/* the task matrix heads the assessment's registers */
		if (strcmp((*p)->kind, "tasks") == 0)
			sections[n++] = (struct section){ &taskscreen_ops, taskscreen_new(db),
			                                  profile_group(*p) };
		if (strcmp((*p)->kind, "imports") == 0) {
			/* the change log, and for an admin the users, above the imports
			 * (which stay last) under the same heading */
			sections[n++] = (struct section){ &histscreen_ops, histscreen_new(db),
			                                  profile_group(*p) };
			if (session_role(db_session(db)) == SESSION_ADMIN)
				sections[n++] = (struct section){ &userscreen_ops, userscreen_new(db),
				                                  profile_group(*p) };
			sections[n++] = (struct section){ &impscreen_ops, impscreen_new(db),
			                                  profile_group(*p) };
		}
		else
			sections[n++] = (struct section){ regscreen_ops((*p)->kind),
			                                  regscreen_new(db, (*p)->kind), profile_group(*p) };
		/* the funnel after the registers of firms and talents */
		if (strcmp((*p)->kind, "talents") == 0 && n < 64)
			sections[n++] = (struct section){ &funnel_ops, funnel_new(db), profile_group(*p) };
	}
	struct frame *f = frame_new(sections, n);
	frame_set_login(f, session_login(db_session(db)));
	char *ask = access_how_to_ask(db);
	if (ask != NULL)
		frame_message(f, "%s", ask);
	free(ask);
	db_on_wait(db, show_wait, f);
	int rc = frame_run(f);
	db_on_wait(db, NULL, NULL);
	frame_free(f);
	for (int i = 0; i < n; i++) {
		if (sections[i].ops == &indscreen_ops)
			indscreen_free(sections[i].self);
		else if (sections[i].ops == &taskscreen_ops)
			taskscreen_free(sections[i].self);
		else if (sections[i].ops == &impscreen_ops)
			impscreen_free(sections[i].self);
		else if (sections[i].ops == &funnel_ops)
			funnel_free(sections[i].self);
		else if (sections[i].ops == &histscreen_ops)
			histscreen_free(sections[i].self);
		else if (sections[i].ops == &userscreen_ops)
			userscreen_free(sections[i].self);
		else
			regscreen_free(sections[i].self);
	}
	scr_stop();
	return rc;
}
