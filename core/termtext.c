/* termtext.c: escaping control characters for a terminal (see termtext.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "core/termtext.h"
#include "core/utf8.h"

/* The escape of the character at s (k bytes, code point c; `left` bytes
 * from s to the end) into out, which holds 8: "" for the CR of a CRLF.
 * 0 when the character is shown as itself. */
static int escape_one(const char *s, size_t k, size_t left, uint32_t c, char out[8])
{
	if (c == UTF8_BAD && k == 1)            /* not UTF-8 (a real U+FFFD takes 3) */
		snprintf(out, 8, "\\x%02x", (unsigned char)s[0]);
	else if (c == '\r' && left > k && s[k] == '\n')
		out[0] = '\0';
	else if (c == '\r')
		snprintf(out, 8, "\\r");
	else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
		snprintf(out, 8, "\\x%02x", (unsigned)c);
	else if (c >= 0x80 && c <= 0x9f)
		snprintf(out, 8, "\\u%04x", (unsigned)c);
	else
		return 0;
	return 1;
}

void termtext_add(struct sbuf *b, const char *s, size_t n)
{
	size_t i = 0, from = 0;
	while (i < n) {
		unsigned char u = (unsigned char)s[i];
		if (u >= 0x20 && u < 0x7f) {          /* ASCII text: the common case */
			i++;
			continue;
		}
		uint32_t c;
		size_t k = utf8_decode(s + i, n - i, &c);
		char esc[8];
		if (escape_one(s + i, k, n - i, c, esc)) {
			sbuf_add(b, s + from, i - from);
			sbuf_add(b, esc, strlen(esc));
			from = i + k;
		}
		i += k;
	}
	sbuf_add(b, s + from, n - from);
}

char *termtext(const char *s)
{
	struct sbuf b = { 0 };
	if (s == NULL)
		s = "";
	sbuf_add(&b, "", 0);
	termtext_add(&b, s, strlen(s));
	return sbuf_take(&b);
}

void termtext_fputs(const char *s, FILE *f)
{
	char *t = termtext(s);
	fputs(t, f);
	free(t);
}

int termtext_copy(FILE *in, FILE *out)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct sbuf b = { 0 };
	while ((n = getline(&line, &cap, in)) > 0) {
		b.len = 0;
		sbuf_add(&b, "", 0);
		termtext_add(&b, line, (size_t)n);
		fwrite(b.s, 1, b.len, out);
	}
	int rc = ferror(in) ? -1 : 0;
	free(line);
	sbuf_free(&b);
	return rc;
}
