/* app.h: the full-screen program. */
#ifndef INNOTRACK_APP_H
#define INNOTRACK_APP_H

#include "core/db.h"

struct app_opts {
	int ascii;        /* plain ASCII borders (--ascii or INNOTRACK_ASCII=1) */
	int colours;      /* 0: none (NO_COLOR, or colours = off) */
	int esc_delay;    /* ms curses waits after Esc; -1: curses's own (ESCDELAY) */
};

/* Run the full-screen program on an open database until the clerk quits.
 * stdout must be a terminal (the caller checks).  Returns an exit status. */
int app_run(struct db *db, const struct app_opts *opts);

#endif
