/* app.c: the full-screen program: the terminal, the sections, the loop. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n_table.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/frame.h"
#include "tui/indscreen.h"
#include "tui/regscreen.h"
#include "tui/screen.h"
#include "tui/strings.h"

int app_run(struct db *db, const struct app_opts *opts)
{
	char *err = NULL;
	i18n_add_table(tui_strings_zh);
	if (scr_start(opts->ascii, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return 2;
	}
	/* the menu: the indicators, then the registers */
	static const char *const registers[] = {
		"enterprises", "observations", "targets", "imports", "regions"
	};
	enum { NREG = sizeof registers / sizeof registers[0] };
	struct section sections[1 + NREG];
	sections[0] = (struct section){ &indscreen_ops, indscreen_new(db) };
	for (int i = 0; i < NREG; i++)
		sections[1 + i] = (struct section){ regscreen_ops(registers[i]),
		                                    regscreen_new(db, registers[i]) };
	struct frame *f = frame_new(sections, 1 + NREG);
	int rc = frame_run(f);
	frame_free(f);
	indscreen_free(sections[0].self);
	for (int i = 0; i < NREG; i++)
		regscreen_free(sections[1 + i].self);
	scr_stop();
	return rc;
}
