/* width.h: display width of UTF-8 text in terminal cells (CJK = 2), and
 * fitting text into a number of cells without splitting a character.
 * Locale-independent: it uses its own table of
 * East Asian wide ranges (ambiguous-width characters count 1, as glibc).
 * Invalid bytes count as one cell each (drawn as U+FFFD). */
#ifndef INNOTRACK_WIDTH_H
#define INNOTRACK_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Cells of one code point: 0 (combining, zero-width), 1 or 2.
 * Control characters count 1 (they are drawn as '?'). */
int width_cp(uint32_t cp);

/* Cells of a NUL-terminated UTF-8 string. */
int width_str(const char *s);
int width_strn(const char *s, size_t n);

/* How many bytes of s fit in `cells` cells without splitting a character;
 * *used (if not NULL) gets the cells they take. */
size_t width_fit(const char *s, int cells, int *used);

/* s fitted to exactly `cells` cells: truncated with `ellipsis` (which must
 * be one cell wide, e.g. "…" or "~") when too long, then padded with spaces
 * on the right (align < 0), left (align > 0) or both (align == 0).
 * Caller frees. */
char *width_pad(const char *s, int cells, int align, const char *ellipsis);

#endif
