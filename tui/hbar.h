/* hbar.h: a horizontal bar in text that reads without colour: the filled
 * share as full blocks, the rest as light shade (██████░░░░), or in ascii
 * mode ######.... for terminals that draw those glyphs two cells wide.
 * No curses here. */
#ifndef INNOTRACK_HBAR_H
#define INNOTRACK_HBAR_H

/* `cells` cells, the share `frac` (0..1, clamped) of them filled,
 * rounded to the nearest cell; a share above 0 fills at least one.
 * Caller frees. */
char *hbar_text(double frac, int cells, int ascii);

#endif
