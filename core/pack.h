/* pack.h: data packs, the readable CSV files in assets/packs/NAME/ that a
 * new database is filled from (regions, documents, indicators, targets,
 * tasks).  The built-in packs are compiled into the binary. */
#ifndef INNOTRACK_PACK_H
#define INNOTRACK_PACK_H

#include "core/db.h"

/* The names of the built-in packs, NULL-terminated; the first is the default. */
extern const char *const pack_names[];

/* The name of pack `name` as a clerk reads it: a built-in pack's title in
 * the current language (English: its key), else `name` itself (a folder). */
const char *pack_title(const char *name);

/* The built-in packs as a list to choose from: each one's title and the key
 * to type, "景德镇（jingdezhen）、…" (English: the keys).  Caller frees. */
char *pack_list(void);

/* Load pack `name` into an empty database in one transaction.  `name` is a
 * built-in pack, or a folder holding the same CSV files; each file goes
 * through import_file as its kind.  ST_OK, or ST_DATA with *err holding
 * every error of the file that failed, one a line (FILE:LINE: column
 * NAME: what), or ST_DB. */
int pack_load(struct db *db, const char *name, char **err);

#endif
