/* setup.h: how one run is set up, from the system configuration, the
 * clerk's configuration, the environment and the command line, in that
 * order of rising weight.  A setgid run (a shared server) takes the
 * database's place from the system configuration alone. */
#ifndef INNOTRACK_SETUP_H
#define INNOTRACK_SETUP_H

#include "core/conffile.h"
#include "tui/app.h"
#include "tui/cli.h"

/* Read the system's then the clerk's configuration file into conf and
 * take its language.  ST_OK, or ST_USAGE after saying what is wrong. */
int setup_config(struct config *conf);

/* Settle c->db_path (never NULL after ST_OK), c->db_named and c->shared.
 * When setgid, --db is refused (ST_USAGE), and INNOTRACK_DB (dropped by
 * privs_init: dropped_db) and the clerk's configuration's database are
 * ignored with a word on stderr. */
int setup_db_path(struct cli *c, const struct config *conf, int dropped_db);
/* Free what setup_db_path made (at the end of the run). */
void setup_free(void);

/* How long a write waits for the other clerks' before giving up: --wait,
 * else INNOTRACK_WAIT, else the configuration's wait, else core/db.c's
 * default. */
void setup_wait(const struct cli *c, const struct config *conf);

/* The full-screen program's options: --ascii, INNOTRACK_ASCII, NO_COLOR,
 * ESCDELAY, then the configuration. */
void setup_app_opts(const struct cli *c, const struct config *conf, struct app_opts *o);

#endif
