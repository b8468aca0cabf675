/* hbar.c: a bar of text (see hbar.h). */
#include "config.h"

#include <string.h>

#include "core/util.h"
#include "tui/hbar.h"

char *hbar_text(double frac, int cells, int ascii)
{
	const char *full = ascii ? "#" : "\u2588", *empty = ascii ? "." : "\u2591";
	if (cells < 0)
		cells = 0;
	if (!(frac > 0))
		frac = 0;
	if (frac > 1)
		frac = 1;
	int filled = (int)(frac * cells + 0.5);
	if (filled == 0 && frac > 0 && cells > 0)
		filled = 1;
	struct sbuf b = { 0 };
	for (int i = 0; i < cells; i++)
		sbuf_puts(&b, i < filled ? full : empty);
	return b.s ? sbuf_take(&b) : xstrdup("");
}
