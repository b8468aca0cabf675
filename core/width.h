/* width.h: display width of UTF-8 text in terminal cells, measured as
 * ncursesw will place the characters: when the process locale is UTF-8 (the
 * program makes it so, see tui/main.c) each character takes what the C
 * library's wcwidth() says, the function curses itself asks: Chinese 2,
 * combining marks 0, East Asian ambiguous-width characters (— “ · ①) as the
 * locale says (1 in glibc).  When the locale is not UTF-8 (LANG=C, where
 * wcwidth() knows no Chinese) a table written from glibc's C.UTF-8 answers
 * the same.  Invalid bytes count one cell each (drawn as U+FFFD); control
 * characters and those wcwidth() calls unprintable count one (drawn as '?',
 * see tui/text.h). */
#ifndef INNOTRACK_WIDTH_H
#define INNOTRACK_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Cells of one code point: 0 (combining, zero-width), 1 or 2. */
int width_cp(uint32_t cp);

/* 1 if the terminal draws cp as itself in width_cp(cp) cells; 0 for
 * control characters, surrogates and what the locale's wcwidth() calls
 * unprintable (unassigned code points), which are to be drawn as '?'. */
int width_printable(uint32_t cp);

/* Cells of one code point from the built-in table alone, whatever the
 * locale: what width_cp() answers when the locale is not UTF-8. */
int width_table_cp(uint32_t cp);

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
