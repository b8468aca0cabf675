/* setup.c: configuration files, environment and command line into one
 * set of choices for this run (see setup.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/privs.h"
#include "core/util.h"
#include "tui/setup.h"
#include "tui/sysdirs.h"

int setup_config(struct config *conf)
{
	char *err = NULL;
	char *user = config_user_path();
	config_init(conf);
	/* the system's file belongs to the administrator; the clerk's is read
	 * with the clerk's ids, and cannot move a shared ledger */
	int rc = config_read(conf, sysdirs_config, 0, 1, &err);
	if (rc == 0 && user != NULL)
		rc = config_read(conf, user, 1, !privs_setgid(), &err);
	free(user);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
		return ST_USAGE;
	}
	if (conf->language != CONFIG_UNSET)
		i18n_set((enum lang)conf->language);
	return ST_OK;
}

static void say_shared(const char *what)
{
	cli_error(tr("%s is ignored: this innotrack serves a shared ledger, whose place the "
	             "administrator sets in %s"), what, sysdirs_config);
}

/* the default path, when this run made it; freed by setup_free */
static char *default_path;

void setup_free(void)
{
	free(default_path);
	default_path = NULL;
}

int setup_db_path(struct cli *c, const struct config *conf, int dropped_db)
{
	if (privs_setgid()) {
		if (c->db_path != NULL) {
			cli_error(tr("--db cannot be used: this innotrack serves a shared ledger, whose "
			             "place the administrator sets in %s"), sysdirs_config);
			return ST_USAGE;
		}
		if (dropped_db)
			say_shared("INNOTRACK_DB");
		if (conf->ignored_db != NULL) {
			char *what = xasprintf(tr("%s: database"), conf->ignored_db);
			say_shared(what);
			free(what);
		}
		c->db_path = conf->database != NULL ? conf->database : sysdirs_shared_db;
		c->db_named = 1;
		c->shared = 1;
		return ST_OK;
	}
	const char *env = getenv("INNOTRACK_DB");
	if (c->db_path != NULL || (env != NULL && *env != '\0')) {
		c->db_named = 1;
		if (c->db_path == NULL)
			c->db_path = env;
	} else if (conf->database != NULL) {
		c->db_named = 1;
		c->db_path = conf->database;
	} else {
		default_path = db_default_path();
		c->db_path = default_path;
	}
	return ST_OK;
}

void setup_wait(const struct cli *c, const struct config *conf)
{
	if (c->wait < 0 && conf->wait >= 0 && db_parse_minutes(getenv("INNOTRACK_WAIT")) < 0)
		db_set_wait_limit(conf->wait);
}

void setup_app_opts(const struct cli *c, const struct config *conf, struct app_opts *o)
{
	const char *env = getenv("INNOTRACK_ASCII");
	if (c->ascii)
		o->ascii = 1;
	else if (env != NULL && *env != '\0')
		o->ascii = strcmp(env, "0") != 0;
	else
		o->ascii = conf->ascii == 1;
	env = getenv("NO_COLOR");
	o->colours = env != NULL && *env != '\0' ? 0 : conf->colours != 0;
	/* curses reads ESCDELAY itself; the configuration is next, then 50 ms */
	o->esc_delay = getenv("ESCDELAY") != NULL ? -1
	             : conf->esc_delay != CONFIG_UNSET ? conf->esc_delay : 50;
}
