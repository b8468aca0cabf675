/* app.c: the full-screen program: the terminal, the sections, the loop. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/frame.h"
#include "tui/impscreen.h"
#include "tui/indscreen.h"
#include "tui/regscreen.h"
#include "tui/screen.h"

/* The menu: the indicators at the top, then every register under its
 * heading (it fits the 21 lines a 24-line terminal leaves it). */
static const struct { const char *group, *name; } menu[] = {
	{ NULL, "indicator screen" },
	{ "Firms & talent", "enterprises" },
	{ "Firms & talent", "talents" },
	{ "Cooperation", "institutes" },
	{ "Cooperation", "partnerships" },
	{ "Cooperation", "platforms" },
	{ "Cooperation", "events" },
	{ "Cooperation", "projects" },
	{ "Cooperation", "achievements" },
	{ "Task tables", "tasks" },
	{ "Task tables", "task-targets" },
	{ "Ledger", "observations" },
	{ "Ledger", "targets" },
	{ "Ledger", "indicators" },
	{ "Ledger", "documents" },
	{ "Ledger", "regions" },
	{ "Ledger", "imports" },
};
enum { NMENU = sizeof menu / sizeof menu[0] };

int app_run(struct db *db, const struct app_opts *opts)
{
	char *err = NULL;
	if (scr_start(opts->ascii, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return 2;
	}
	struct section sections[NMENU];
	for (int i = 0; i < NMENU; i++) {
		if (i == 0)
			sections[i] = (struct section){ &indscreen_ops, indscreen_new(db), NULL };
		else if (strcmp(menu[i].name, "imports") == 0)
			sections[i] = (struct section){ &impscreen_ops, impscreen_new(db), menu[i].group };
		else
			sections[i] = (struct section){ regscreen_ops(menu[i].name),
			                                regscreen_new(db, menu[i].name), menu[i].group };
	}
	struct frame *f = frame_new(sections, NMENU);
	frame_set_login(f, session_login(db_session(db)));
	int rc = frame_run(f);
	frame_free(f);
	for (int i = 0; i < NMENU; i++) {
		if (i == 0)
			indscreen_free(sections[i].self);
		else if (sections[i].ops == &impscreen_ops)
			impscreen_free(sections[i].self);
		else
			regscreen_free(sections[i].self);
	}
	scr_stop();
	return rc;
}
