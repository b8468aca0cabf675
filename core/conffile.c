/* conffile.c: read the configuration files (see conffile.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conffile.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/privs.h"
#include "core/util.h"

/* a configuration file is a few lines; more is not one */
#define CONFIG_MAX_BYTES (64 * 1024)

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->language = c->ascii = c->colours = c->esc_delay = CONFIG_UNSET;
	c->wait = CONFIG_UNSET;
}

void config_free(struct config *c)
{
	free(c->database);
	free(c->ignored_db);
	config_init(c);
}

/* on/off and the usual spellings of them: 1, 0, or -1. */
static int switch_value(const char *v)
{
	static const char *const on[] = { "on", "yes", "true", "1" };
	static const char *const off[] = { "off", "no", "false", "0" };
	for (size_t i = 0; i < sizeof on / sizeof on[0]; i++) {
		if (strcmp(v, on[i]) == 0)
			return 1;
		if (strcmp(v, off[i]) == 0)
			return 0;
	}
	return -1;
}

/* One `key = value`, both trimmed.  0, or -1 with *err set. */
static int set_key(struct config *c, const char *where, const char *key, const char *v,
                   int take_database, char **err)
{
	if (strcmp(key, "database") == 0) {
		if (v[0] != '/') {
			err_set(err, "%s: database must be an absolute path (starting with /), not \"%s\"",
			        where, v);
			return -1;
		}
		if (!take_database) {
			free(c->ignored_db);
			c->ignored_db = xstrdup(where);
			return 0;
		}
		free(c->database);
		c->database = xstrdup(v);
	} else if (strcmp(key, "language") == 0) {
		if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) {
			err_set(err, "%s: language takes zh or en, not \"%s\"", where, v);
			return -1;
		}
		c->language = strcmp(v, "zh") == 0 ? LANG_ZH : LANG_EN;
	} else if (strcmp(key, "ascii") == 0 || strcmp(key, "colours") == 0 ||
	           strcmp(key, "colors") == 0) {
		int on = switch_value(v);
		if (on < 0) {
			err_set(err, "%s: %s takes on or off, not \"%s\"", where, key, v);
			return -1;
		}
		*(strcmp(key, "ascii") == 0 ? &c->ascii : &c->colours) = on;
	} else if (strcmp(key, "esc_delay") == 0) {
		char *end;
		errno = 0;
		long ms = strtol(v, &end, 10);
		if (end == v || *end != '\0' || errno != 0 || ms < 0 || ms > 10000) {
			err_set(err, "%s: esc_delay takes milliseconds from 0 to 10000, not \"%s\"", where, v);
			return -1;
		}
		c->esc_delay = (int)ms;
	} else if (strcmp(key, "wait") == 0) {
		if ((c->wait = db_parse_minutes(v)) < 0) {
			err_set(err, "%s: wait takes minutes from 0 to 1440 (10, 0.5), not \"%s\"", where, v);
			return -1;
		}
	} else {
		err_set(err, "%s: unknown key \"%s\" (the keys are database, language, ascii, "
		        "colours, esc_delay, wait)", where, key);
		return -1;
	}
	return 0;
}

static int space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* text[0..n) without the spaces around it, as a fresh string. */
static char *trimmed(const char *s, size_t n)
{
	while (n > 0 && space(*s))
		s++, n--;
	while (n > 0 && space(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

int config_parse(struct config *c, const char *name, const char *text, size_t len,
                 int take_database, char **err)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;   /* a BOM, as Windows editors write */
	if (memchr(text, '\0', len) != NULL) {
		err_set(err, "%s: not a text file", name);
		return -1;
	}
	for (long line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		char *where = xasprintf("%s:%ld", name, line);
		char *all = trimmed(p, (size_t)(eol - p));
		int rc = 0;
		if (*all != '\0' && *all != '#') {
			char *eq = strchr(all, '=');
			char *key = eq ? trimmed(all, (size_t)(eq - all)) : NULL;
			char *val = eq ? trimmed(eq + 1, strlen(eq + 1)) : NULL;
			if (eq == NULL) {
				err_set(err, "%s: expected key = value, found \"%s\"", where, all);
				rc = -1;
			} else if (*key == '\0') {
				err_set(err, "%s: a value with no key before the =", where);
				rc = -1;
			} else if (*val == '\0') {
				err_set(err, "%s: %s has no value", where, key);
				rc = -1;
			} else {
				rc = set_key(c, where, key, val, take_database, err);
			}
			free(key);
			free(val);
		}
		free(all);
		free(where);
		if (rc != 0)
			return -1;
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int config_read(struct config *c, const char *path, int as_clerk, int take_database,
                char **err)
{
	FILE *f = as_clerk ? privs_fopen_clerk(path, "rb") : fopen(path, "rb");
	if (f == NULL) {
		/* none; nor is a clerk's that the clerk cannot reach (su keeps
		 * the HOME of the one before) */
		if (errno == ENOENT || errno == ENOTDIR || (as_clerk && errno == EACCES))
			return 0;
		err_set(err, "%s: %s", path, errno_text(errno));
		return -1;
	}
	char *buf = xmalloc(CONFIG_MAX_BYTES + 1);
	size_t n = fread(buf, 1, CONFIG_MAX_BYTES + 1, f);
	int rc;
	if (ferror(f)) {
		err_set(err, "%s: %s", path, errno_text(errno));
		rc = -1;
	} else if (n > CONFIG_MAX_BYTES) {
		err_set(err, "%s: too long for a configuration file (over 64 KiB)", path);
		rc = -1;
	} else {
		rc = config_parse(c, path, buf, n, take_database, err);
	}
	fclose(f);
	free(buf);
	return rc;
}

char *config_user_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME");
	if (x != NULL && x[0] == '/')
		return xasprintf("%s/innotrack/config", x);
	const char *home = getenv("HOME");
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.config/innotrack/config", home);
	return NULL;
}
