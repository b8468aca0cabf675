/* app.c: TEMPORARY until the screen lands in this session. */
#include "config.h"
#include <stdio.h>
#include "tui/app.h"
int app_run(struct db *db, const struct app_opts *opts)
{
	(void)db; (void)opts;
	fputs("innotrack: full-screen program not built yet\n", stderr);
	return 2;
}
