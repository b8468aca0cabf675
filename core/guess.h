/* guess.h: which kind of import a file is, from its header. */
#ifndef INNOTRACK_GUESS_H
#define INNOTRACK_GUESS_H

#include "core/textenc.h"

/* Read the start of the file (64 KiB at most) and find the line that
 * names the most fields of one kind (enterprises, observations, ...);
 * for observations the indicators of db across a wide sheet count too.
 * ST_OK with *kind (static), or ST_DATA with *err saying why not
 * (caller frees).  enc ENC_AUTO decides from the bytes read. */
struct db;
int guess_kind(struct db *db, const char *path, enum textenc enc, const char **kind, char **err);

#endif
