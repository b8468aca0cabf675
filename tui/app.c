/* app.c: the full-screen program: the terminal, the sections, the loop. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n_table.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/frame.h"
#include "tui/impscreen.h"
#include "tui/indscreen.h"
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
	void *ind = indscreen_new(db);
	void *imp = impscreen_new(db);
	const struct section sections[] = {
		{ &indscreen_ops, ind },
		{ &impscreen_ops, imp },
	};
	struct frame *f = frame_new(sections, sizeof sections / sizeof sections[0]);
	int rc = frame_run(f);
	frame_free(f);
	indscreen_free(ind);
	impscreen_free(imp);
	scr_stop();
	return rc;
}
