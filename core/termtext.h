/* termtext.h: text made safe to print on a terminal.  Cells of a clerk's
 * file reach the command line's output (messages quote them, `imports`
 * names files, `report` and `export` show them); one cell holding
 * "\x1b]0;...\a" or "\x1b[2J" would retitle or clear the terminal.  Here
 * every control character is shown escaped instead, in one way:
 *   CR, and other C0 controls and DEL: \r, \x1b, \x7f (TAB and LF stay;
 *                 CR just before LF is dropped, a terminal ends lines alike);
 *   C1 controls U+0080..U+009F:         \u009b;
 *   a byte that is not UTF-8:           \xNN.
 * Everything else, Chinese included, is copied unchanged.  A backslash is
 * not doubled: the escapes are for the eye, not to be read back.
 * (The full-screen program has its own single place, tui/text.c, that
 * draws such characters as '?' to keep columns fixed.) */
#ifndef INNOTRACK_TERMTEXT_H
#define INNOTRACK_TERMTEXT_H

#include <stddef.h>
#include <stdio.h>

#include "core/util.h"

/* Append s[0..n) to b, escaped. */
void termtext_add(struct sbuf *b, const char *s, size_t n);

/* s escaped (NULL gives "").  Caller frees. */
char *termtext(const char *s);

/* Print s escaped. */
void termtext_fputs(const char *s, FILE *f);

/* Copy everything from in (from where it stands) to out, escaped, line by
 * line.  0, or -1 if in could not be read. */
int termtext_copy(FILE *in, FILE *out);

#endif
