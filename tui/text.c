/* text.c: cleaning and fitting data text for the screen (see text.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/text.h"

char *text_clean(const char *s)
{
	struct sbuf b = { 0 };
	size_t n, i = 0;
	if (s == NULL)
		s = "";
	n = strlen(s);
	sbuf_add(&b, "", 0);
	while (i < n) {
		uint32_t c;
		size_t k = utf8_decode(s + i, n - i, &c);
		if (c == '\t' || c == '\n' || c == '\r')
			sbuf_puts(&b, " ");
		else if (c == UTF8_BAD)
			sbuf_puts(&b, "\xEF\xBF\xBD");
		else if (!width_printable(c))   /* controls, unassigned */
			sbuf_puts(&b, "?");
		else
			sbuf_add(&b, s + i, k);
		i += k;
	}
	return sbuf_take(&b);
}

char *text_fit(const char *s, int cells, int align, int ascii)
{
	char *clean = text_clean(s);
	char *out = width_pad(clean, cells, align, ascii ? "~" : "\xE2\x80\xA6");
	free(clean);
	return out;
}
