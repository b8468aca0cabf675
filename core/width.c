/* width.c: display cells of UTF-8 text as ncursesw places them: the C
 * library's wcwidth() under a UTF-8 locale, a table written from it
 * otherwise (under LANG=C glibc's wcwidth says -1 for every Chinese
 * character). */
#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <wchar.h>

#include "core/util.h"
#include "core/utf8.h"
#include "core/width.h"

struct range {
	uint32_t lo, hi;
};

#include "core/width_table.h"

static int in(const struct range *r, size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < r[mid].lo)
			hi = mid;
		else if (c > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static int is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

int width_table_cp(uint32_t c)
{
	if (c < 0xA0)
		return 1;
	if (in(zero, sizeof zero / sizeof zero[0], c))
		return 0;
	if (in(wide, sizeof wide / sizeof wide[0], c))
		return 2;
	return 1;
}

/* 1 when LC_CTYPE is UTF-8: then wcwidth() knows every character, and it
 * is what ncursesw asks when it places them.  Asked on every measure, as a
 * test or a command may change the locale after start. */
static int locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Cells of c under the locale; -1 for a character wcwidth() calls
 * unprintable. */
static int cells(uint32_t c, int utf8)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (is_control(c) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	if (utf8)
		return wcwidth((wchar_t)c);
	return width_table_cp(c);
}

static int cp_cells(uint32_t c, int utf8)
{
	int w = cells(c, utf8);
	return w < 0 ? 1 : w;
}

int width_cp(uint32_t c)
{
	return cp_cells(c, locale_utf8());
}

int width_printable(uint32_t c)
{
	return cells(c, locale_utf8()) >= 0;
}

int width_strn(const char *s, size_t n)
{
	int w = 0, utf8 = locale_utf8();
	size_t i = 0;
	while (i < n && s[i] != '\0') {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		w += cp_cells(c, utf8);
	}
	return w;
}

int width_str(const char *s)
{
	return s ? width_strn(s, strlen(s)) : 0;
}

size_t width_fit(const char *s, int cells, int *used)
{
	size_t n = strlen(s), i = 0;
	int w = 0, utf8 = locale_utf8();
	while (i < n) {
		uint32_t c;
		size_t k = utf8_decode(s + i, n - i, &c);
		int cw = cp_cells(c, utf8);
		if (w + cw > cells)
			break;
		w += cw;
		i += k;
	}
	if (used != NULL)
		*used = w;
	return i;
}

char *width_pad(const char *s, int cells, int align, const char *ellipsis)
{
	struct sbuf b = { 0 };
	int w;
	if (s == NULL)
		s = "";
	if (cells <= 0)
		return xstrdup("");
	size_t fit = width_fit(s, cells, &w);
	if (fit < strlen(s)) {
		/* too long: keep room for the one-cell ellipsis */
		fit = width_fit(s, cells - 1, &w);
		sbuf_add(&b, s, fit);
		sbuf_puts(&b, ellipsis);
		w++;
		while (w < cells) {        /* a wide character did not fit */
			sbuf_puts(&b, " ");
			w++;
		}
		return sbuf_take(&b);
	}
	int pad = cells - w;
	int left = align > 0 ? pad : align == 0 ? pad / 2 : 0;
	for (int i = 0; i < left; i++)
		sbuf_puts(&b, " ");
	sbuf_add(&b, s, fit);
	for (int i = 0; i < pad - left; i++)
		sbuf_puts(&b, " ");
	return sbuf_take(&b);
}
