/* fold.c: folding of names so that what a clerk or Excel wrote matches. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/util.h"
#include "core/utf8.h"

char *fold_name(const char *s)
{
	struct sbuf b = { 0 };
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
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
		char u[UTF8_MAX];
		sbuf_add(&b, u, utf8_encode(c, u));
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
