/* width.c: display cells of UTF-8 text, with its own table so that the answer
 * does not depend on the locale (under LANG=C glibc's wcwidth says -1 for
 * every Chinese character). */
#include "config.h"

#include <string.h>

#include "core/utf8.h"
#include "core/util.h"
#include "core/width.h"

struct range {
	uint32_t lo, hi;
};

/* East Asian Wide and Fullwidth (Unicode 15), the blocks that matter. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
	{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Zero width: combining marks, joiners, variation selectors. */
static const struct range zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x200B, 0x200F },
	{ 0x202A, 0x202E }, { 0x2060, 0x2064 }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF }, { 0xE0100, 0xE01EF },
};

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

int width_cp(uint32_t c)
{
	if (c < 0x300)
		return 1;
	if (in(zero, sizeof zero / sizeof zero[0], c))
		return 0;
	if (in(wide, sizeof wide / sizeof wide[0], c))
		return 2;
	return 1;
}

int width_strn(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;
	while (i < n && s[i] != '\0') {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		w += width_cp(c);
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
	int w = 0;
	while (i < n) {
		uint32_t c;
		size_t k = utf8_decode(s + i, n - i, &c);
		int cw = width_cp(c);
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
