/* utf8.c: decoding, encoding and validating UTF-8 (see utf8.h). */
#include "config.h"

#include "core/utf8.h"

static int is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* Bytes of the sequence led by b and the range its second byte must be in
 * (this is where overlongs, surrogates and values past U+10FFFF are
 * refused); 0 if b cannot lead one. */
static size_t lead(unsigned char b, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF)
		return 2;
	if (b >= 0xE0 && b <= 0xEF) {
		if (b == 0xE0)
			*lo = 0xA0;           /* below U+0800: overlong */
		else if (b == 0xED)
			*hi = 0x9F;           /* U+D800..DFFF: surrogates */
		return 3;
	}
	if (b >= 0xF0 && b <= 0xF4) {
		if (b == 0xF0)
			*lo = 0x90;           /* below U+10000: overlong */
		else if (b == 0xF4)
			*hi = 0x8F;           /* past U+10FFFF */
		return 4;
	}
	return 0;                     /* ASCII, continuation, C0, C1, F5..FF */
}

/* Length of the valid sequence at u, or 0 if there is none: -1 in *cut
 * when it is the start of one that n bytes do not finish. */
static size_t seq(const unsigned char *u, size_t n, int *cut)
{
	unsigned char lo, hi;
	size_t len = lead(u[0], &lo, &hi);
	*cut = 0;
	if (len == 0)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if (k >= n) {
			*cut = 1;
			return 0;
		}
		if (k == 1 ? (u[1] < lo || u[1] > hi) : !is_cont(u[k]))
			return 0;
	}
	return len;
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int cut;
	if (n == 0) {
		*cp = UTF8_BAD;
		return 1;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t len = seq(u, n, &cut);
	if (len == 0) {
		*cp = UTF8_BAD;
		return 1;
	}
	uint32_t c = u[0] & (0x7F >> len);    /* the lead byte's payload */
	for (size_t k = 1; k < len; k++)
		c = (c << 6) | (u[k] & 0x3F);
	*cp = c;
	return len;
}

size_t utf8_encode(uint32_t c, char *out)
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = UTF8_BAD;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

size_t utf8_valid_prefix(const unsigned char *s, size_t n, int *bad)
{
	size_t i = 0;
	*bad = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		int cut;
		size_t len = seq(s + i, n - i, &cut);
		if (len == 0) {
			*bad = !cut;
			return i;
		}
		i += len;
	}
	return i;
}

size_t utf8_count(const char *s, size_t n)
{
	size_t k = 0, i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
		} else {
			uint32_t c;
			i += utf8_decode(s + i, n - i, &c);
		}
		k++;
	}
	return k;
}

size_t utf8_floor(const char *s, size_t n, size_t i)
{
	if (i >= n || !is_cont((unsigned char)s[i]))
		return i;
	for (size_t j = i; j > 0 && i - j < UTF8_MAX - 1; ) {
		uint32_t c;
		j--;
		if (!is_cont((unsigned char)s[j]))
			return j + utf8_decode(s + j, n - j, &c) > i ? j : i;
	}
	return i;
}
