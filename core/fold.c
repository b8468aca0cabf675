/* fold.c: folding of names so that what a clerk or Excel wrote matches. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/util.h"
#include "core/width.h"

static void put_cp(struct sbuf *b, uint32_t c)
{
	char u[4];
	size_t n;
	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	sbuf_add(b, u, n);
}

char *fold_name(const char *s)
{
	struct sbuf b = { 0 };
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t c;
		i += width_decode(s + i, n - i, &c);
		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFEE0;
		if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r' || c == '\n')
			continue;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c == 0x3010)          /* 【 */
			c = '[';
		else if (c == 0x3011)     /* 】 */
			c = ']';
		put_cp(&b, c);
	}
	return sbuf_take(&b);
}

int fold_match(const char *folded, const char *name, const char *list)
{
	int hit = 0;
	char *f = fold_name(name ? name : "");
	hit = strcmp(f, folded) == 0;
	free(f);
	if (hit || list == NULL)
		return hit;
	const char *p = list;
	while (*p && !hit) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char *one = xstrndup(p, len);
		f = fold_name(one);
		hit = *f && strcmp(f, folded) == 0;
		free(f);
		free(one);
		p += len + (bar ? 1 : 0);
	}
	return hit;
}
