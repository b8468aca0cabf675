/* cmd_users.c: `innotrack users`, `grant LOGIN ROLE [REGION]` and
 * `revoke LOGIN`: who may change what (core/users.h, core/access.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/region.h"
#include "core/users.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/cli.h"
#include "tui/cli_cmds.h"

/* A cell and a space, padded to `cells` display cells; not cut. */
static void put_cell(const char *s, int cells)
{
	int w = width_str(s);
	printf("%s%*s", s, (w < cells ? cells - w : 0) + 1, "");
}

int cmd_users(struct cli *c)
{
	if (c->argc > 1) {
		cli_error("users: no arguments expected (%s)", c->argv[1]);
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db_ro(c, &db);
	if (rc != ST_OK)
		return rc;
	struct user_item *u;
	size_t n;
	char *err = NULL;
	rc = users_list(db, &u, &n, &err);
	if (rc != ST_OK) {
		cli_error("users: %s", err);
	} else {
		static const char *const head[] = { N_("login"), N_("role"), N_("region"),
		                                    N_("granted by"), N_("when") };
		static const int w[] = { 12, 12, 12, 12 };
		for (int i = 0; i < 4; i++)
			put_cell(tr(head[i]), w[i]);
		printf("%s\n", tr(head[4]));
		for (size_t i = 0; i < n; i++) {
			const char *cell[] = { u[i].login, choice_label(u[i].role),
			                       u[i].region ? u[i].region : "",
			                       u[i].updated_by ? u[i].updated_by : "" };
			for (int k = 0; k < 4; k++)
				put_cell(cell[k], w[k]);
			printf("%s\n", u[i].updated_at ? u[i].updated_at : "");
		}
		users_free(u, n);
	}
	free(err);
	db_close(db);
	return rc;
}

int cmd_grant(struct cli *c)
{
	if (c->argc < 3 || c->argc > 4) {
		cli_error("grant: usage: innotrack grant LOGIN ROLE [REGION] (ROLE: admin, city, "
		          "county REGION, viewer)");
		return ST_USAGE;
	}
	const struct choice *role = users_role(c->argv[2]);
	if (role == NULL) {
		char *roles = choice_list(&CH_ROLE);
		cli_error("grant: \"%s\" is not a role; the roles are: %s", c->argv[2], roles);
		free(roles);
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db(c, &db);
	if (rc != ST_OK)
		return rc;
	long long region = 0;
	char *err = NULL;
	if (c->argc == 4 && (region = region_find(db, c->argv[3])) == 0) {
		cli_error("grant: \"%s\" is not a region of this database", c->argv[3]);
		rc = ST_USAGE;
	}
	if (rc == ST_OK)
		rc = users_grant(db, c->argv[1], role, region, &err);
	if (rc == ST_OK && region != 0)
		printf(tr("%s is now %s of %s\n"), c->argv[1], choice_label(role), c->argv[3]);
	else if (rc == ST_OK)
		printf(tr("%s is now %s\n"), c->argv[1], choice_label(role));
	else if (err != NULL)
		cli_error("grant: %s", err);
	free(err);
	db_close(db);
	return rc;
}

int cmd_revoke(struct cli *c)
{
	if (c->argc != 2) {
		cli_error("revoke: usage: innotrack revoke LOGIN (see: innotrack users)");
		return ST_USAGE;
	}
	struct db *db;
	int rc = cli_open_db(c, &db);
	if (rc != ST_OK)
		return rc;
	char *err = NULL;
	rc = users_revoke(db, c->argv[1], &err);
	if (rc == ST_OK)
		printf(tr("%s may now only read\n"), c->argv[1]);
	else
		cli_error("revoke: %s", err);
	free(err);
	db_close(db);
	return rc;
}
