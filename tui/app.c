/* app.c: the full-screen program: the terminal, the sections, the loop. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/session.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/frame.h"
#include "tui/impscreen.h"
#include "tui/indscreen.h"
#include "tui/regscreen.h"
#include "tui/screen.h"

int app_run(struct db *db, const struct app_opts *opts)
{
	char *err = NULL;
	if (scr_start(opts->ascii, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return 2;
	}
	/* the menu: the indicators, the registers, the imports, the regions */
	static const char *const registers[] = { "enterprises", "observations", "targets" };
	enum { NREG = sizeof registers / sizeof registers[0] };
	struct section sections[NREG + 3];
	int n = 0;
	sections[n++] = (struct section){ &indscreen_ops, indscreen_new(db) };
	for (int i = 0; i < NREG; i++)
		sections[n++] = (struct section){ regscreen_ops(registers[i]),
		                                  regscreen_new(db, registers[i]) };
	sections[n++] = (struct section){ &impscreen_ops, impscreen_new(db) };
	sections[n++] = (struct section){ regscreen_ops("regions"), regscreen_new(db, "regions") };
	struct frame *f = frame_new(sections, n);
	frame_set_login(f, session_login(db_session(db)));
	int rc = frame_run(f);
	frame_free(f);
	indscreen_free(sections[0].self);
	for (int i = 1; i <= NREG; i++)
		regscreen_free(sections[i].self);
	impscreen_free(sections[NREG + 1].self);
	regscreen_free(sections[NREG + 2].self);
	scr_stop();
	return rc;
}
