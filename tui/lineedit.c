/* lineedit.c: editing one line of UTF-8 text by characters, placing the
 * cursor by display cells (a Chinese character is two). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/lineedit.h"

static void reserve(struct lineedit *e, size_t more)
{
	if (e->len + more + 1 <= e->cap)
		return;
	size_t cap = e->cap ? e->cap : 32;
	while (cap < e->len + more + 1)
		cap *= 2;
	e->buf = xrealloc(e->buf, cap);
	e->cap = cap;
}

void le_init(struct lineedit *e, const char *text, size_t maxchars)
{
	memset(e, 0, sizeof *e);
	e->maxchars = maxchars;
	reserve(e, 0);
	e->buf[0] = '\0';
	le_insert_str(e, text ? text : "");
	e->first = 0;
}

void le_free(struct lineedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

void le_set(struct lineedit *e, const char *text)
{
	e->len = e->cur = e->first = 0;
	e->buf[0] = '\0';
	le_insert_str(e, text ? text : "");
}

/* Bytes of the character starting at off. */
static size_t char_len(const struct lineedit *e, size_t off)
{
	uint32_t cp;
	return off < e->len ? utf8_decode(e->buf + off, e->len - off, &cp) : 0;
}

/* Start of the character before off. */
static size_t prev_start(const struct lineedit *e, size_t off)
{
	size_t p = 0, last = 0;
	while (p < off) {
		last = p;
		p += char_len(e, p);
	}
	return last;
}

size_t le_chars(const struct lineedit *e)
{
	size_t n = 0;
	for (size_t p = 0; p < e->len; p += char_len(e, p))
		n++;
	return n;
}

int le_insert(struct lineedit *e, uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	if (e->maxchars && le_chars(e) >= e->maxchars)
		return -1;
	char u[UTF8_MAX];
	size_t n = utf8_encode(cp, u);
	reserve(e, n);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, u, n);
	e->len += n;
	e->cur += n;
	return 0;
}

void le_insert_str(struct lineedit *e, const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		if (le_insert(e, cp) != 0 && e->maxchars && le_chars(e) >= e->maxchars)
			break;
	}
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	if (e->first > e->cur)
		e->first = e->cur;
}

void le_backspace(struct lineedit *e)
{
	if (e->cur > 0)
		cut(e, prev_start(e, e->cur), e->cur);
}

void le_delete(struct lineedit *e)
{
	if (e->cur < e->len) {
		size_t at = e->cur;
		cut(e, at, at + char_len(e, at));
	}
}

void le_left(struct lineedit *e)
{
	if (e->cur > 0)
		e->cur = prev_start(e, e->cur);
}

void le_right(struct lineedit *e)
{
	e->cur += char_len(e, e->cur);
}

void le_home(struct lineedit *e)
{
	e->cur = 0;
}

void le_end(struct lineedit *e)
{
	e->cur = e->len;
}

void le_kill_before(struct lineedit *e)
{
	cut(e, 0, e->cur);
}

void le_kill_after(struct lineedit *e)
{
	e->len = e->cur;
	e->buf[e->len] = '\0';
}

static int is_space_at(const struct lineedit *e, size_t off)
{
	return e->buf[off] == ' ';
}

void le_word_left(struct lineedit *e)
{
	while (e->cur > 0 && is_space_at(e, prev_start(e, e->cur)))
		le_left(e);
	while (e->cur > 0 && !is_space_at(e, prev_start(e, e->cur)))
		le_left(e);
}

void le_delete_word(struct lineedit *e)
{
	size_t end = e->cur;
	le_word_left(e);
	cut(e, e->cur, end);
}

int le_cursor_cells(const struct lineedit *e)
{
	return width_strn(e->buf, e->cur);
}

void le_view(struct lineedit *e, int width, size_t *from, size_t *to, int *cursor_x)
{
	if (width < 2)
		width = 2;
	if (e->first > e->cur)
		e->first = e->cur;
	/* keep the cursor inside: width - 1 cells before it at most */
	while (width_strn(e->buf + e->first, e->cur - e->first) > width - 1)
		e->first += char_len(e, e->first);
	*from = e->first;
	*cursor_x = width_strn(e->buf + e->first, e->cur - e->first);
	/* as much as fits after first */
	size_t p = e->first;
	int w = 0;
	while (p < e->len) {
		uint32_t cp;
		size_t k = utf8_decode(e->buf + p, e->len - p, &cp);
		int cw = width_cp(cp);
		if (w + cw > width)
			break;
		w += cw;
		p += k;
	}
	*to = p;
}
