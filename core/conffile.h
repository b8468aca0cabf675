/* conffile.h: the configuration files, /etc/innotrack.conf (the system's,
 * set by the administrator) and ~/.config/innotrack/config (the clerk's).
 * Lines of `key = value`; blank lines and lines starting with # are
 * skipped.  Keys:
 *   database   the ledger's path (absolute)
 *   language   zh or en
 *   ascii      on or off: plain ASCII borders
 *   colours    on or off (also spelt colors)
 *   esc_delay  milliseconds curses waits after Esc for the rest of a key
 *   wait       minutes a write waits for the other clerks' before giving up
 * A later file's key replaces an earlier one's; the command line and the
 * environment win over both (tui/setup.c puts them together). */
#ifndef INNOTRACK_CONFFILE_H
#define INNOTRACK_CONFFILE_H

#include <stddef.h>

#define CONFIG_UNSET (-1)

struct config {
	char *database;      /* NULL if no file set it; owned */
	int   language;      /* LANG_EN, LANG_ZH or CONFIG_UNSET */
	int   ascii;         /* 0, 1 or CONFIG_UNSET */
	int   colours;       /* 0, 1 or CONFIG_UNSET */
	int   esc_delay;     /* ms, or CONFIG_UNSET */
	double wait;         /* seconds (from minutes), or CONFIG_UNSET */
	char *ignored_db;    /* "FILE:LINE" of a database key not taken; owned */
};

void config_init(struct config *c);
void config_free(struct config *c);

/* Read the text of one file, named `name` in messages, over c.  When
 * take_database is 0, a database key is not taken (its place is noted
 * in c->ignored_db).  Returns 0, or -1 with *err "NAME:LINE: what is
 * wrong" (caller frees). */
int config_parse(struct config *c, const char *name, const char *text, size_t len,
                 int take_database, char **err);

/* Read the file at path over c.  A missing file is no error.  as_clerk:
 * open it with the clerk's ids (core/privs.h), and take one the clerk
 * may not reach for none.  0 or -1 with *err set. */
int config_read(struct config *c, const char *path, int as_clerk, int take_database,
                char **err);

/* The clerk's file: $XDG_CONFIG_HOME/innotrack/config, else
 * $HOME/.config/innotrack/config; NULL if neither is set.  Caller frees. */
char *config_user_path(void);

#endif
