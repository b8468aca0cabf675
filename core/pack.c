/* pack.c: fill a new database from a data pack (assets/packs/NAME/ CSV files,
 * compiled in, or a folder of the same files).  Each file is one kind of
 * import (core/profile.h) and goes through the importer (core/import.h)
 * with the same checks and messages as `innotrack import`: every problem
 * is reported as FILE:LINE: column NAME: what is wrong, and nothing is
 * kept (one write transaction for the whole pack). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/access.h"
#include "core/assets.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/pack.h"
#include "core/util.h"

/* A pack's name is its key in English and translated in the catalog
 * (jingdezhen: 景德镇): pack_title shows it, the key is what is typed. */
const char *const pack_names[] = { N_("jingdezhen"), N_("kunshan"), N_("nanchang"), NULL };

const char *pack_title(const char *name)
{
	for (const char *const *p = pack_names; *p; p++)
		if (strcmp(*p, name) == 0)
			return tr(name);
	return name;
}

char *pack_list(void)
{
	struct sbuf b = { 0 };
	for (const char *const *p = pack_names; *p; p++) {
		if (b.len)
			sbuf_puts(&b, tr(", "));
		if (strcmp(pack_title(*p), *p) == 0)
			sbuf_puts(&b, *p);
		else   /* the name read, then the key to type */
			sbuf_printf(&b, tr("%s (%s)"), pack_title(*p), *p);
	}
	return sbuf_take(&b);
}

/* The pack's files in the order they load (each refers to the ones
 * above it), the kind of import each is, and the table whose `sort`
 * follows the file's order. */
static const struct pack_file {
	const char *name, *kind, *sorted;
} files[] = {
	{ "regions.csv", "regions", "region" },
	{ "docs.csv", "documents", NULL },
	{ "institutes.csv", "institutes", NULL },
	{ "indicators.csv", "indicators", "indicator" },
	{ "targets.csv", "targets", NULL },
	{ "tasks.csv", "tasks", "task" },
	{ "task_targets.csv", "task-targets", NULL },
	{ "partnerships.csv", "partnerships", NULL },
	{ "designations.csv", "designations", NULL },
	{ "gazelle_rules.csv", "gazelle-rules", NULL },
};

/* The importer's errors, one a line. */
static void on_message(void *ctx, enum import_sev sev, const char *text)
{
	struct sbuf *b = ctx;
	if (sev != IMP_ERROR)
		return;
	sbuf_printf(b, "%s%s", b->len ? "\n" : "", text);
}

/* A compiled-in file written to a temporary file; its path (caller
 * removes and frees) or NULL with *err set. */
static char *asset_to_temp(const struct asset *a, char **err)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/innotrack-pack-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		err_set(err, "%s: %s", path, errno_text(errno));
		free(path);
		return NULL;
	}
	size_t done = 0;
	while (done < a->size) {
		ssize_t n = write(fd, (const char *)a->data + done, a->size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err_set(err, "%s: %s", path, errno_text(errno));
			close(fd);
			unlink(path);
			free(path);
			return NULL;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		err_set(err, "%s: %s", path, errno_text(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

static int load_file(struct db *db, const char *pack, const struct pack_file *pf, char **err)
{
	char *path, *fname = xasprintf("%s/%s", pack, pf->name);
	int temp = strchr(pack, '/') == NULL;
	if (temp) {
		char *name = xasprintf("packs/%s/%s", pack, pf->name);
		const struct asset *a = assets_find(name);
		free(name);
		if (a == NULL) {
			char *list = pack_list();
			err_set(err, "no built-in pack called %s (there are: %s; a folder is named with a /,"
			        " as ./%s)", pack, list, pack);
			free(list);
			free(fname);
			return ST_DATA;
		}
		if ((path = asset_to_temp(a, err)) == NULL) {
			free(fname);
			return ST_DB;
		}
	} else {
		path = xstrdup(fname);
	}
	struct sbuf msgs = { 0 };
	struct import_opts o = {
		.kind = pf->kind, .path = path, .name = fname, .encoding = ENC_UTF8, .pack = 1,
		.message = on_message, .ctx = &msgs
	};
	struct import_result r;
	int rc = import_file(db, &o, &r);
	if (rc != ST_OK) {
		err_set(err, "%s", msgs.len ? msgs.s : fname);
		rc = rc == ST_DB ? ST_DB : ST_DATA;
	} else if (pf->sorted != NULL) {
		/* the files have no sort column: a row's place in the file is its
		 * order (the tables were empty, so ids follow the file) */
		char *sql = xasprintf("UPDATE %s SET sort = (SELECT count(*) FROM %s o"
		                      " WHERE o.id < %s.id)", pf->sorted, pf->sorted, pf->sorted);
		rc = db_exec(db, sql, err);
		free(sql);
	}
	sbuf_free(&msgs);
	if (temp)
		unlink(path);
	free(path);
	free(fname);
	return rc;
}

int pack_load(struct db *db, const char *name, char **err)
{
	int rc = db_begin_write(db, err);
	if (rc != ST_OK)
		return rc;
	if ((rc = access_check(db, "region", 0, ACCESS_PACK, err)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	if (db_scalar(db, "SELECT count(*) FROM region", NULL) != 0) {
		err_set(err, "%s: the database already holds regions; a pack loads into an empty one",
		        db->path);
		db_rollback(db);
		return ST_DATA;
	}
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		rc = load_file(db, name, &files[i], err);
		if (rc != ST_OK) {
			db_rollback(db);
			return rc;
		}
	}
	const char *base = strrchr(name, '/');
	rc = db_meta_set(db, "pack", base ? base + 1 : name, err);
	if (rc == ST_OK)
		rc = db_meta_set(db, "created_at", util_now(), err);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
