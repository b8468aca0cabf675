/* text.h: data text made safe to draw and fitted to a number of cells.
 * Curses-free, so that the unit tests can check it. */
#ifndef INNOTRACK_TEXT_H
#define INNOTRACK_TEXT_H

/* s with tabs and line breaks as spaces, other control characters and
 * those the locale calls unprintable as '?' and invalid UTF-8 as U+FFFD, so
 * that what is drawn takes exactly the cells core/width.h counts.  NULL
 * gives "".  Caller frees. */
char *text_clean(const char *s);

/* s cleaned and fitted to exactly `cells` cells: truncated with an
 * ellipsis ("…", or "~" when `ascii`) that never splits a wide character,
 * padded on the right (align < 0), left (align > 0) or both (0).
 * Caller frees. */
char *text_fit(const char *s, int cells, int align, int ascii);

#endif
